#include "io/dot_lines.hpp"

#include <cctype>
#include <unordered_set>

#include "actorgraph/model/error.hpp"

namespace actorgraph::dot {

namespace {

enum class TokenKind { id, quoted_id, punctuation, edge_op };

struct Token {
    TokenKind kind;
    std::string text;
    int line;
};

bool is_id_char(char c)
{
    auto u = static_cast<unsigned char>(c);
    return std::isalnum(u) || c == '_' || c == '.' || c == '-' || u >= 0x80;
}

class Tokenizer {
public:
    Tokenizer(std::string_view text, const std::string& file, const InputLimits& limits)
        : text_(text), file_(file), limits_(limits) {}

    std::vector<Token> run()
    {
        std::vector<Token> tokens;
        while (skip_space_and_comments()) {
            // Checked before each token, so a hostile text cannot grow the index past the limit.
            if (tokens.size() >= limits_.max_tokens) {
                throw Error({file_, line_}, "more than " + std::to_string(limits_.max_tokens) +
                                                " DOT tokens; see the limits in the README");
            }
            char c = text_[pos_];
            if (c == '"') {
                tokens.push_back(quoted());
            } else if (c == '<') {
                tokens.push_back(html());
            } else if ((c == '-' && pos_ + 1 < text_.size() && (text_[pos_ + 1] == '>' || text_[pos_ + 1] == '-'))) {
                tokens.push_back({TokenKind::edge_op, std::string(text_.substr(pos_, 2)), line_});
                pos_ += 2;
            } else if (is_id_char(c)) {
                tokens.push_back(plain_id());
            } else {
                tokens.push_back({TokenKind::punctuation, std::string(1, c), line_});
                ++pos_;
            }
        }
        merge_concatenations(tokens);
        return tokens;
    }

private:
    bool skip_space_and_comments()
    {
        while (pos_ < text_.size()) {
            char c = text_[pos_];
            if (c == '\n') {
                ++line_;
                ++pos_;
                at_line_start_ = true;
                continue;
            }
            if (std::isspace(static_cast<unsigned char>(c))) {
                ++pos_;
                continue;
            }
            if (c == '#' && at_line_start_) {
                while (pos_ < text_.size() && text_[pos_] != '\n') ++pos_;
                continue;
            }
            at_line_start_ = false;
            if (text_.substr(pos_, 2) == "//") {
                while (pos_ < text_.size() && text_[pos_] != '\n') ++pos_;
                continue;
            }
            if (text_.substr(pos_, 2) == "/*") {
                auto end = text_.find("*/", pos_ + 2);
                end = end == std::string_view::npos ? text_.size() : end + 2;
                count_lines(pos_, end);
                pos_ = end;
                continue;
            }
            return true;
        }
        return false;
    }

    void count_lines(std::size_t from, std::size_t to)
    {
        for (auto i = from; i < to; ++i) line_ += text_[i] == '\n';
    }

    // Mirrors cgraph's lexer: \" is a quote, \\ stays as two, backslash-newline is a continuation.
    Token quoted()
    {
        Token token{TokenKind::quoted_id, {}, line_};
        ++pos_;
        while (pos_ < text_.size() && text_[pos_] != '"') {
            char c = text_[pos_];
            if (c == '\\' && pos_ + 1 < text_.size()) {
                char next = text_[pos_ + 1];
                if (next == '"') token.text += '"';
                else if (next == '\\') token.text += "\\\\";
                else if (next == '\n') ++line_;
                if (next == '"' || next == '\\' || next == '\n') {
                    pos_ += 2;
                    continue;
                }
            }
            if (c == '\n') ++line_;
            token.text += c;
            ++pos_;
        }
        ++pos_;
        return token;
    }

    Token html()
    {
        Token token{TokenKind::quoted_id, {}, line_};
        int depth = 0;
        auto start = pos_;
        do {
            if (text_[pos_] == '<') ++depth;
            if (text_[pos_] == '>') --depth;
            if (text_[pos_] == '\n') ++line_;
            ++pos_;
        } while (pos_ < text_.size() && depth > 0);
        token.text = std::string(text_.substr(start + 1, pos_ - start - 2));
        return token;
    }

    Token plain_id()
    {
        Token token{TokenKind::id, {}, line_};
        while (pos_ < text_.size() && is_id_char(text_[pos_])) {
            if (text_[pos_] == '-' && pos_ + 1 < text_.size() && (text_[pos_ + 1] == '>' || text_[pos_ + 1] == '-')) break;
            token.text += text_[pos_++];
        }
        return token;
    }

    static void merge_concatenations(std::vector<Token>& tokens)
    {
        std::vector<Token> merged;
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            bool joins = !merged.empty() && merged.back().kind == TokenKind::quoted_id && tokens[i].text == "+" &&
                         i + 1 < tokens.size() && tokens[i + 1].kind == TokenKind::quoted_id;
            if (joins) {
                merged.back().text += tokens[i + 1].text;
                ++i;
                continue;
            }
            merged.push_back(std::move(tokens[i]));
        }
        tokens = std::move(merged);
    }

    std::string_view text_;
    const std::string& file_;
    const InputLimits& limits_;
    std::size_t pos_ = 0;
    int line_ = 1;
    bool at_line_start_ = true;
};

// Rejects what would overflow cgraph's parser or make it allocate a value slot for every
// attribute name on every object (names x objects), before cgraph sees the text.
void check_shape(const std::vector<Token>& tokens, const std::string& file, const InputLimits& limits)
{
    std::size_t depth = 0;
    std::size_t objects = 0;
    std::unordered_set<std::string_view> attribute_names;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const auto& token = tokens[i];
        bool punctuation = token.kind == TokenKind::punctuation;
        if (punctuation && token.text == "{" && ++depth > limits.max_nesting) {
            throw Error({file, token.line}, "subgraphs nested more than " + std::to_string(limits.max_nesting) +
                                                " deep; see the limits in the README");
        }
        if (punctuation && token.text == "}" && depth > 0) --depth;
        if (token.kind == TokenKind::edge_op) ++objects;
        if (punctuation || token.kind == TokenKind::edge_op) continue;
        bool names_attribute = i + 1 < tokens.size() && tokens[i + 1].kind == TokenKind::punctuation &&
                               tokens[i + 1].text == "=";
        if (!names_attribute) {
            ++objects;
            continue;
        }
        attribute_names.insert(token.text);
        if (attribute_names.size() > limits.max_attribute_names) {
            throw Error({file, token.line}, "more than " + std::to_string(limits.max_attribute_names) +
                                                " distinct attribute names; see the limits in the README");
        }
    }
    if (objects * attribute_names.size() > limits.max_attribute_slots) {
        throw Error({file, 0}, std::to_string(attribute_names.size()) + " attribute names on up to " +
                                   std::to_string(objects) + " nodes and edges would need more than " +
                                   std::to_string(limits.max_attribute_slots) +
                                   " attribute values in memory; see the limits in the README");
    }
}

bool is_keyword(const Token& token)
{
    if (token.kind != TokenKind::id) return false;
    std::string lower;
    for (char c : token.text) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return lower == "graph" || lower == "digraph" || lower == "node" || lower == "edge" || lower == "subgraph" ||
           lower == "strict";
}

bool is_name(const Token& token)
{
    return (token.kind == TokenKind::id || token.kind == TokenKind::quoted_id) && !is_keyword(token);
}

bool is_punct(const std::vector<Token>& tokens, std::size_t i, char c)
{
    return i < tokens.size() && tokens[i].kind == TokenKind::punctuation && tokens[i].text[0] == c;
}

// A name that refers to a node: not an attribute name or value, port, subgraph or graph name.
bool names_node(const std::vector<Token>& tokens, std::size_t i)
{
    if (!is_name(tokens[i])) return false;
    if (is_punct(tokens, i + 1, '=')) return false;
    if (i == 0) return true;
    const auto& before = tokens[i - 1];
    if (before.kind == TokenKind::punctuation && (before.text == "=" || before.text == ":")) return false;
    return !is_keyword(before);
}

// Walks back over ":port" and ":port:compass" suffixes to the node name before an edge operator.
std::size_t tail_of(const std::vector<Token>& tokens, std::size_t op)
{
    std::size_t i = op - 1;
    while (i >= 2 && is_punct(tokens, i - 1, ':')) i -= 2;
    return i;
}

}  // namespace

LineIndex::LineIndex(std::string_view text, const std::string& file, const InputLimits& limits)
{
    auto tokens = Tokenizer(text, file, limits).run();
    check_shape(tokens, file, limits);
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (names_node(tokens, i)) node_lines_.emplace(tokens[i].text, tokens[i].line);
        if (tokens[i].kind != TokenKind::edge_op || i == 0 || i + 1 >= tokens.size()) continue;
        auto tail = tail_of(tokens, i);
        if (!is_name(tokens[tail]) || !is_name(tokens[i + 1])) continue;
        edge_lines_[{tokens[tail].text, tokens[i + 1].text}].push_back(tokens[i].line);
    }
}

int LineIndex::node_line(const std::string& name) const
{
    auto it = node_lines_.find(name);
    return it == node_lines_.end() ? 0 : it->second;
}

int LineIndex::edge_line(const std::string& tail, const std::string& head, std::size_t occurrence) const
{
    auto it = edge_lines_.find({tail, head});
    if (it == edge_lines_.end() || it->second.empty()) return node_line(tail);
    return it->second[std::min(occurrence, it->second.size() - 1)];
}

}  // namespace actorgraph::dot
