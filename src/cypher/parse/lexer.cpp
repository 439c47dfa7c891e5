#include "cypher/parse/lexer.hpp"

#include <algorithm>
#include <array>
#include <cstdint>

#include "actorgraph/model/utf8.hpp"

namespace actorgraph::cypher {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_hex_digit(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
// Letters of any script count: every byte of a multi-byte UTF-8 character is accepted.
bool starts_name(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || static_cast<unsigned char>(c) >= 0x80;
}
bool continues_name(char c) { return starts_name(c) || is_digit(c); }

class Lexer {
public:
    explicit Lexer(std::string_view text) : text_(text) {}

    std::vector<Token> run()
    {
        std::vector<Token> tokens;
        while (true) {
            skip_space_and_comments();
            Token token;
            token.where = {line_, column_};
            token.offset = at_;
            if (at_ >= text_.size()) {
                tokens.push_back(std::move(token));
                return tokens;
            }
            read_token(token);
            token.length = at_ - token.offset;
            tokens.push_back(std::move(token));
        }
    }

private:
    [[nodiscard]] char peek(std::size_t ahead = 0) const
    {
        return at_ + ahead < text_.size() ? text_[at_ + ahead] : '\0';
    }

    void advance()
    {
        char c = text_[at_++];
        if (c == '\n') {
            ++line_;
            column_ = 1;
        } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
            ++column_;
        }
    }

    [[noreturn]] void fail(QueryPosition where, const std::string& detail, const std::string& message) const
    {
        throw Error(ErrorClass::SyntaxError, detail, Phase::compile, message, where);
    }

    void skip_space_and_comments()
    {
        while (at_ < text_.size()) {
            char c = peek();
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
                advance();
            } else if (c == '/' && peek(1) == '/') {
                while (at_ < text_.size() && peek() != '\n') advance();
            } else if (c == '/' && peek(1) == '*') {
                QueryPosition start{line_, column_};
                advance();
                advance();
                while (at_ < text_.size() && !(peek() == '*' && peek(1) == '/')) advance();
                if (at_ >= text_.size()) fail(start, "UnexpectedSyntax", "unterminated comment");
                advance();
                advance();
            } else {
                return;
            }
        }
    }

    // Dashes that look like '-' (en and em dash, minus sign, ...), which a query pasted from a document may hold.
    [[nodiscard]] bool at_unicode_dash() const
    {
        static constexpr std::array<std::string_view, 10> dashes{
            "\u00AD", "\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2015", "\u2212", "\uFE63", "\uFF0D"};
        auto rest = text_.substr(at_);
        return std::any_of(dashes.begin(), dashes.end(), [&](std::string_view dash) { return rest.starts_with(dash); });
    }

    void read_token(Token& token)
    {
        if (at_unicode_dash()) {
            fail(token.where, "InvalidUnicodeCharacter", "this dash is not Cypher's '-' (U+002D); type a plain hyphen-minus");
        }
        char c = peek();
        if (starts_name(c)) return read_name(token);
        if (c == '`') return read_quoted_name(token);
        if (is_digit(c) || (c == '.' && is_digit(peek(1)))) return read_number(token);
        if (c == '\'' || c == '"') return read_string(token);
        if (c == '$') return read_parameter(token);
        read_punctuation(token);
    }

    void read_name(Token& token)
    {
        token.kind = TokenKind::Identifier;
        while (at_ < text_.size() && continues_name(peek()) && !at_unicode_dash()) advance();
        token.text = std::string(text_.substr(token.offset, at_ - token.offset));
    }

    void read_quoted_name(Token& token)
    {
        token.kind = TokenKind::Identifier;
        token.quoted = true;
        advance();
        while (true) {
            if (at_ >= text_.size()) fail(token.where, "UnexpectedSyntax", "unterminated `quoted name`");
            if (peek() == '`') {
                advance();
                if (peek() != '`') break;  // `` inside a quoted name is one backtick
            }
            token.text += peek();
            advance();
        }
    }

    void read_number(Token& token)
    {
        token.kind = TokenKind::Integer;
        if (peek() == '0' && (peek(1) == 'x' || peek(1) == 'X' || peek(1) == 'o' || peek(1) == 'O')) {
            advance();
            advance();
        }
        bool is_float = false;
        while (at_ < text_.size()) {
            char c = peek();
            if (continues_name(c)) {
                advance();
            } else if (c == '.' && is_digit(peek(1)) && !is_float) {
                is_float = true;
                advance();
            } else if ((c == '-' || c == '+') && (text_[at_ - 1] == 'e' || text_[at_ - 1] == 'E') &&
                       !(text_.substr(token.offset, 2) == "0x" || text_.substr(token.offset, 2) == "0X")) {
                is_float = true;
                advance();
            } else {
                break;
            }
        }
        token.text = std::string(text_.substr(token.offset, at_ - token.offset));
        classify_number(token, is_float);
    }

    // Decides integer or float; malformed literals like 1a or 0xZ become InvalidNumber tokens, an error where
    // the parser reads a number (InvalidNumberLiteral) and an unexpected token anywhere else (a map key).
    void classify_number(Token& token, bool has_point_or_signed_exponent)
    {
        const auto& t = token.text;
        auto all = [&](std::size_t from, auto predicate) {
            if (from >= t.size()) return false;
            for (std::size_t i = from; i < t.size(); ++i) {
                if (!predicate(t[i])) return false;
            }
            return true;
        };
        if (t.size() > 1 && t[0] == '0' && (t[1] == 'x' || t[1] == 'X')) {
            if (!all(2, is_hex_digit)) token.kind = TokenKind::InvalidNumber;
            return;
        }
        if (t.size() > 1 && t[0] == '0' && (t[1] == 'o' || t[1] == 'O')) {
            if (!all(2, [](char c) { return c >= '0' && c <= '7'; })) token.kind = TokenKind::InvalidNumber;
            return;
        }
        if (all(0, is_digit)) return;
        // A float: digits, optional .digits, optional e[+-]digits.
        std::size_t i = 0;
        while (i < t.size() && is_digit(t[i])) ++i;
        if (i < t.size() && t[i] == '.') {
            ++i;
            while (i < t.size() && is_digit(t[i])) ++i;
        }
        if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
            ++i;
            if (i < t.size() && (t[i] == '+' || t[i] == '-')) ++i;
            std::size_t digits = i;
            while (i < t.size() && is_digit(t[i])) ++i;
            if (digits == i) i = t.size() + 1;
        }
        (void)has_point_or_signed_exponent;
        token.kind = i == t.size() ? TokenKind::Float : TokenKind::InvalidNumber;
    }

    void read_string(Token& token)
    {
        token.kind = TokenKind::String;
        char quote = peek();
        advance();
        while (true) {
            if (at_ >= text_.size()) fail(token.where, "UnexpectedSyntax", "unterminated string literal");
            char c = peek();
            if (c == quote) {
                advance();
                return;
            }
            if (c != '\\') {
                token.text += c;
                advance();
                continue;
            }
            QueryPosition escape_at{line_, column_};
            advance();
            if (at_ >= text_.size()) fail(token.where, "UnexpectedSyntax", "unterminated string literal");
            char e = peek();
            advance();
            switch (e) {
            case '\\': token.text += '\\'; break;
            case '\'': token.text += '\''; break;
            case '"': token.text += '"'; break;
            case 'b': token.text += '\b'; break;
            case 'f': token.text += '\f'; break;
            case 'n': token.text += '\n'; break;
            case 'r': token.text += '\r'; break;
            case 't': token.text += '\t'; break;
            case 'u':
            case 'U': read_unicode_escape(token, e == 'u' ? 4 : 8, escape_at); break;
            default: fail(escape_at, "InvalidUnicodeLiteral", std::string("invalid escape sequence '\\") + e + "'");
            }
        }
    }

    void read_unicode_escape(Token& token, int digits, QueryPosition escape_at)
    {
        std::uint32_t code = 0;
        for (int i = 0; i < digits; ++i) {
            char h = peek();
            if (!is_hex_digit(h)) fail(escape_at, "InvalidUnicodeLiteral", "a \\u escape needs hexadecimal digits");
            code = code * 16 + static_cast<std::uint32_t>(is_digit(h) ? h - '0' : (h | 0x20) - 'a' + 10);
            advance();
        }
        if (code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
            fail(escape_at, "InvalidUnicodeLiteral", "the escape is not a Unicode character");
        }
        append_utf8(token.text, code);
    }

    void read_parameter(Token& token)
    {
        token.kind = TokenKind::Parameter;
        advance();
        if (peek() == '`') {
            Token name;
            name.where = token.where;
            read_quoted_name(name);
            token.text = name.text;
            return;
        }
        std::size_t start = at_;
        while (at_ < text_.size() && continues_name(peek()) && !at_unicode_dash()) advance();
        if (start == at_) fail(token.where, "UnexpectedSyntax", "expected a parameter name after '$'");
        token.text = std::string(text_.substr(start, at_ - start));
    }

    void read_punctuation(Token& token)
    {
        token.kind = TokenKind::Punctuation;
        // Arrows stay two tokens: the pattern parser reads '<' '-' and '-' '>' itself, so `a<-1` still compares.
        static constexpr std::array<std::string_view, 7> pairs{"..", "<>", "!=", "<=", ">=", "=~", "+="};
        auto rest = text_.substr(at_);
        for (auto pair : pairs) {
            if (rest.starts_with(pair)) {
                token.text = std::string(pair);
                advance();
                advance();
                return;
            }
        }
        static constexpr std::string_view singles = "()[]{},.:;|+-*/%^=<>&!";
        char c = peek();
        if (singles.find(c) == std::string_view::npos) {
            fail(token.where, "UnexpectedSyntax", std::string("unexpected character '") + c + "'");
        }
        token.text = std::string(1, c);
        advance();
    }

    std::string_view text_;
    std::size_t at_ = 0;
    int line_ = 1;
    int column_ = 1;
};

}  // namespace

std::vector<Token> tokenize(std::string_view query)
{
    return Lexer(query).run();
}

}  // namespace actorgraph::cypher
