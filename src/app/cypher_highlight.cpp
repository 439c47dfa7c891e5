// Syntax colouring for the Cypher editor. A forgiving scanner: it follows the engine's lexer for what a
// token is (names, numbers, strings with escapes, parameters, comments) but never fails, and it tracks
// brackets only to tell a label (`(n:company)`, `[:investment]`, `WHERE n:state`) from a map key's value
// (`{id: x}`).
#include "actorgraph/app/cypher_highlight.hpp"

#include <algorithm>
#include <array>
#include <string>

namespace actorgraph {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
// As the engine's lexer: letters of any script (every byte of a multi-byte UTF-8 character) start a name.
bool starts_name(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || static_cast<unsigned char>(c) >= 0x80; }
bool continues_name(char c) { return starts_name(c) || is_digit(c); }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

constexpr std::size_t max_bracket_depth = 256;  // deeper nesting is still coloured, as if in the 256th bracket

// Collects spans, merging plain runs and cutting every span at line ends (a '\n' is always plain).
class SpanList {
public:
    explicit SpanList(std::string_view text) : text_(text) {}

    void add(CypherSpanKind kind, std::size_t offset, std::size_t length)
    {
        auto end = offset + length;
        while (offset < end) {
            auto newline = text_.find('\n', offset);
            if (newline == std::string_view::npos || newline >= end) {
                push(kind, offset, end - offset);
                return;
            }
            push(kind, offset, newline - offset);
            push(CypherSpanKind::plain, newline, 1);
            offset = newline + 1;
        }
    }

    std::vector<CypherSpan> take() { return std::move(spans_); }

private:
    void push(CypherSpanKind kind, std::size_t offset, std::size_t length)
    {
        if (length == 0) return;
        // Plain runs join, except across a line end: a span never holds a '\n' and text after it.
        if (kind == CypherSpanKind::plain && !spans_.empty() && spans_.back().kind == kind &&
            text_[spans_.back().offset + spans_.back().length - 1] != '\n' && text_[offset] != '\n') {
            spans_.back().length += length;
            return;
        }
        spans_.push_back({kind, offset, length});
    }

    std::string_view text_;
    std::vector<CypherSpan> spans_;
};

class Scanner {
public:
    explicit Scanner(std::string_view text) : text_(text), spans_(text) {}

    std::vector<CypherSpan> run()
    {
        while (at_ < text_.size()) step();
        return spans_.take();
    }

private:
    [[nodiscard]] char peek(std::size_t ahead = 0) const { return at_ + ahead < text_.size() ? text_[at_ + ahead] : '\0'; }

    void emit(CypherSpanKind kind, std::size_t from) { spans_.add(kind, from, at_ - from); }

    void step()
    {
        auto from = at_;
        char c = peek();
        if (is_space(c)) {
            ++at_;
            return emit(CypherSpanKind::plain, from);
        }
        if (c == '/' && peek(1) == '/') return line_comment(from);
        if (c == '/' && peek(1) == '*') return block_comment(from);
        if (c == '\'' || c == '"') return quoted_text(from);
        if (c == '$') return parameter(from);
        if (c == '.' && peek(1) == '.') return punctuation(from, 2);  // a range, as in *1..3
        if (is_digit(c) || (c == '.' && is_digit(peek(1)) && !after_name(from))) return number(from);
        if (starts_name(c)) return name(from);
        if (c == '`') return quoted_name(from);
        punctuation(from, 1);
    }

    // `n.1` never occurs, but `x.y` must not read `.y` as a number: a '.' right after a name is a property dot.
    [[nodiscard]] bool after_name(std::size_t from) const { return from > 0 && (continues_name(text_[from - 1]) || text_[from - 1] == '`'); }

    void line_comment(std::size_t from)
    {
        while (at_ < text_.size() && peek() != '\n') ++at_;
        emit(CypherSpanKind::comment, from);
    }

    void block_comment(std::size_t from)
    {
        auto end = text_.find("*/", at_ + 2);
        at_ = end == std::string_view::npos ? text_.size() : end + 2;
        emit(CypherSpanKind::comment, from);
    }

    void quoted_text(std::size_t from)
    {
        char quote = peek();
        ++at_;
        while (at_ < text_.size() && peek() != quote) at_ += peek() == '\\' && at_ + 1 < text_.size() ? 2 : 1;
        if (at_ < text_.size()) ++at_;  // the closing quote
        emit(CypherSpanKind::string, from);
        expect_label_ = false;
    }

    void parameter(std::size_t from)
    {
        ++at_;
        if (peek() == '`') skip_quoted();
        else while (at_ < text_.size() && continues_name(peek())) ++at_;
        emit(CypherSpanKind::parameter, from);
        expect_label_ = false;
    }

    void number(std::size_t from)
    {
        bool seen_point = false;
        while (at_ < text_.size()) {
            char c = peek();
            if (continues_name(c)) {
                ++at_;
            } else if (c == '.' && is_digit(peek(1)) && !seen_point) {
                seen_point = true;
                ++at_;
            } else if ((c == '-' || c == '+') && (text_[at_ - 1] == 'e' || text_[at_ - 1] == 'E') && is_digit(peek(1))) {
                ++at_;
            } else {
                break;
            }
        }
        emit(CypherSpanKind::number, from);
        expect_label_ = false;
    }

    void name(std::size_t from)
    {
        while (at_ < text_.size() && continues_name(peek())) ++at_;
        auto word = text_.substr(from, at_ - from);
        emit(kind_of_name(word, from), from);
    }

    void quoted_name(std::size_t from)
    {
        skip_quoted();
        emit(expect_label_ ? CypherSpanKind::label : CypherSpanKind::plain, from);
        last_was_label_ = expect_label_;
        expect_label_ = false;
    }

    void skip_quoted()
    {
        ++at_;
        while (at_ < text_.size()) {
            if (peek() == '`' && peek(1) == '`') {
                at_ += 2;  // `` inside a quoted name is one backtick
                continue;
            }
            if (peek() == '`') {
                ++at_;
                return;
            }
            ++at_;
        }
    }

    CypherSpanKind kind_of_name(std::string_view word, std::size_t from)
    {
        bool label = expect_label_;
        expect_label_ = false;
        last_was_label_ = label;
        if (label) return CypherSpanKind::label;
        // A property key after '.' is a name even when it spells a keyword (n.count, r.end).
        bool property = from > 0 && previous_significant(from) == '.';
        if (property) return CypherSpanKind::plain;
        if (next_significant() == '(' && !is_cypher_keyword(word)) return CypherSpanKind::function;
        return is_cypher_keyword(word) ? CypherSpanKind::keyword : CypherSpanKind::plain;
    }

    [[nodiscard]] char previous_significant(std::size_t from) const
    {
        while (from > 0 && is_space(text_[from - 1])) --from;
        return from > 0 ? text_[from - 1] : '\0';
    }

    [[nodiscard]] char next_significant() const
    {
        auto at = at_;
        while (at < text_.size() && is_space(text_[at])) ++at;
        return at < text_.size() ? text_[at] : '\0';
    }

    void punctuation(std::size_t from, std::size_t length)
    {
        char c = peek();
        at_ += length;
        emit(CypherSpanKind::plain, from);
        bool continues_alternation = c == '|' && last_was_label_;
        last_was_label_ = false;
        if (c == '(' || c == '[' || c == '{') {
            if (brackets_.size() < max_bracket_depth) brackets_.push_back(c);
        } else if ((c == ')' || c == ']' || c == '}') && !brackets_.empty()) {
            brackets_.pop_back();
        }
        // `:a` is a label unless the innermost bracket is a map's; `[:a|b]` and `[:a|:b]` continue the types.
        if (c == ':') expect_label_ = brackets_.empty() || brackets_.back() != '{';
        else expect_label_ = continues_alternation;
    }

    std::string_view text_;
    SpanList spans_;
    std::size_t at_ = 0;
    std::vector<char> brackets_;
    bool expect_label_ = false;   ///< the next name is a label or type
    bool last_was_label_ = false; ///< the last token was a label (a '|' after it continues the alternatives)
};

}  // namespace

bool is_cypher_keyword(std::string_view word)
{
    static constexpr std::array<std::string_view, 46> keywords{
        "ALL",    "AND",   "AS",     "ASC",    "ASCENDING", "BY",    "CALL",   "CASE",   "CONTAINS", "CREATE", "DELETE", "DESC",
        "DESCENDING", "DETACH", "DISTINCT", "ELSE", "END", "ENDS",  "EXISTS", "FALSE",  "FOREACH",  "IN",     "IS",     "LIMIT",
        "MATCH",  "MERGE", "NOT",    "NULL",   "ON",        "OPTIONAL", "OR", "ORDER",  "REMOVE",   "RETURN", "SET",    "SKIP",
        "STARTS", "THEN",  "TRUE",   "UNION",  "UNWIND",    "WHEN",  "WHERE",  "WITH",   "XOR",      "YIELD"};
    if (word.size() > 10) return false;
    std::string upper(word);
    std::transform(upper.begin(), upper.end(), upper.begin(), [](char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c; });
    return std::find(keywords.begin(), keywords.end(), upper) != keywords.end();
}

std::vector<CypherSpan> highlight_cypher(std::string_view text) { return Scanner(text).run(); }

}  // namespace actorgraph
