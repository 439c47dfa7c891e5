#include "io/dot_lines.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <deque>
#include <unordered_set>

#include "actorgraph/model/error.hpp"
#include "actorgraph/model/graph.hpp"

namespace actorgraph::dot {

namespace {

enum class TokenKind : std::uint8_t { id, quoted_id, punctuation, edge_op };

// A token's text is a view into the file, or into Tokenizer's store when cgraph reads it differently
// from how it is written (`\"`, continuations, `+`): 32 bytes a token, so the index of a file costs
// a small multiple of its size (the token limit grows with the file, see InputLimits::bytes_per_token).
struct Token {
    TokenKind kind;
    int line;
    std::string_view text;
    /// Quoted and HTML-like ids whose text starts with backslashes and a '%': where cgraph's copy gets
    /// one more backslash (see LineIndex::cgraph_text), else npos.
    std::size_t escape_at = std::string_view::npos;
};
static_assert(sizeof(Token) <= 32, "the token list is most of the pre-scan's memory");

// cgraph takes a name that starts with '%' for one of its internal names and renumbers the object.
bool starts_like_internal_name(std::string_view text)
{
    auto first = text.find_first_not_of('\\');
    return first != std::string_view::npos && text[first] == '%';
}

// cgraph's lexer (scan.l): LETTER is [A-Za-z_\200-\377], a NAME is a letter then letters and digits, a
// NUMBER is -?(digits(.digits*)?|.digits). Nothing else is part of an unquoted id: `a.b` is three tokens.
bool is_letter(char c)
{
    auto u = static_cast<unsigned char>(c);
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || u >= 0x80;
}

bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

// The length of the NUMBER at the start of `text` (0 if none), as cgraph keeps it: its lexer matches a
// number with one trailing letter or '.', warns "badly delimited number" and gives that character back,
// so `1F66B` is the two ids `1` and `F66B`, `1.5.3` is `1.5` and `.3`, and `a-1` is `a` and `-1`.
std::size_t number_length(std::string_view text)
{
    std::size_t i = text.starts_with('-') ? 1 : 0;
    auto digits_from = [&](std::size_t at) {
        while (at < text.size() && is_digit(text[at])) ++at;
        return at;
    };
    auto whole = digits_from(i);
    if (whole > i) {
        if (whole < text.size() && text[whole] == '.') return digits_from(whole + 1);
        return whole;
    }
    if (i < text.size() && text[i] == '.') {
        auto fraction = digits_from(i + 1);
        if (fraction > i + 1) return fraction;
    }
    return 0;
}

// Quoted strings reach cgraph in pieces of at most this many bytes (see LineIndex::cgraph_text).
constexpr std::size_t quoted_piece_bytes = 4096;
// The longest HTML-like string line or unquoted name cgraph is given: 64 KiB costs it milliseconds.
constexpr std::size_t longest_unbroken_bytes = 64 * 1024;

class Tokenizer {
public:
    Tokenizer(std::string_view text, const std::string& file, const InputLimits& limits)
        : text_(text), file_(file), max_tokens_(token_limit(text.size(), limits)) {}

    /// What cgraph_text changes, in text order (comments and the pieces of quoted strings).
    std::vector<TextEdit> take_edits() { return std::move(edits_); }
    /// The line of each piece break that is not at a line break (cgraph counts one line more there).
    std::vector<int> take_piece_lines() { return std::move(piece_lines_); }

    std::vector<Token> run()
    {
        std::vector<Token> tokens;
        while (skip_space_and_comments()) {
            // Checked before each token, so a hostile text cannot grow the index past the limit.
            if (tokens.size() >= max_tokens_) {
                throw Error({file_, line_}, "more than " + std::to_string(max_tokens_) + " DOT tokens in " +
                                                std::to_string(text_.size()) + " bytes; see the limits in the README");
            }
            char c = text_[pos_];
            if (c == '"') {
                tokens.push_back(quoted());
            } else if (c == '<') {
                tokens.push_back(html());
            } else if ((c == '-' && pos_ + 1 < text_.size() && (text_[pos_ + 1] == '>' || text_[pos_ + 1] == '-'))) {
                tokens.push_back({TokenKind::edge_op, line_, text_.substr(pos_, 2)});
                pos_ += 2;
            } else if (is_letter(c) || number_length(text_.substr(pos_)) > 0) {
                tokens.push_back(plain_id());
            } else {
                tokens.push_back({TokenKind::punctuation, line_, text_.substr(pos_, 1)});
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
                continue;
            }
            if (std::isspace(static_cast<unsigned char>(c))) {
                ++pos_;
                continue;
            }
            // As in cgraph's lexer (scan.l), '#' starts a comment anywhere outside a string, not only
            // at the start of a line: a mid-line `# "` must not hide the tokens after it from the limits.
            // cgraph gets comments as blank text (its lexer would take a long line as one token, at a
            // cost growing with the square of its length; a `#` line could renumber its lines).
            if (c == '#' || text_.substr(pos_, 2) == "//") {
                auto start = pos_;
                while (pos_ < text_.size() && text_[pos_] != '\n') ++pos_;
                edits_.push_back({start, pos_ - start, {}});
                continue;
            }
            if (text_.substr(pos_, 2) == "/*") {
                auto end = text_.find("*/", pos_ + 2);
                if (end == std::string_view::npos) {
                    // Unterminated: cgraph must see it to report the error.
                    count_lines(pos_, text_.size());
                    pos_ = text_.size();
                    continue;
                }
                end += 2;
                auto lines = line_;
                count_lines(pos_, end);
                // Blank, but still between two tokens: `a/**/b` is two nodes to cgraph, `ab` one.
                auto blank = line_ > lines ? std::string(static_cast<std::size_t>(line_ - lines), '\n') : " ";
                edits_.push_back({pos_, end - pos_, std::move(blank)});
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

    // Mirrors cgraph's lexer: \" is a quote, \\ stays as two, backslash-newline is a continuation
    // (dropped). cgraph takes a run of text without backslashes as one piece and re-copies it at every
    // line (or 8 KiB) it reads, a cost growing with the square of the run (65,536 line breaks in one
    // string: over a minute). So cgraph gets continuations it drops again, once a line and every
    // quoted_piece_bytes, placed only between two plain characters each way: cgraph drops a line break
    // that is a piece of its own before a backslash or quote, so no piece may start or end that way.
    Token quoted()
    {
        Token token{TokenKind::quoted_id, line_, {}};
        ++pos_;
        auto start = pos_;
        bool rewritten = false;  // by an escaped quote, a continuation or a line break cgraph may drop
        if (starts_like_internal_name(text_.substr(pos_))) token.escape_at = pos_;
        std::size_t since_break = 0;
        bool line_since_break = false;
        while (pos_ < text_.size() && text_[pos_] != '"') {
            if ((line_since_break || since_break >= quoted_piece_bytes) && since_break >= 2 && plain_around(pos_)) {
                edits_.push_back({pos_, 0, "\\\n"});
                piece_lines_.push_back(line_);
                since_break = 0;
                line_since_break = false;
            }
            auto rest = text_.substr(pos_);
            ++since_break;
            if (rest.starts_with("\\\n")) {
                pos_ += 2;
                ++line_;
                rewritten = true;
                continue;
            }
            if (rest.starts_with("\\\"") || rest.starts_with("\\\\")) {
                rewritten = rewritten || rest[1] == '"';
                pos_ += 2;
                continue;
            }
            ++pos_;
            if (rest[0] == '\n') {
                ++line_;
                line_since_break = true;
                rewritten = true;
            }
        }
        auto written = text_.substr(start, std::min(pos_, text_.size()) - start);
        token.text = rewritten ? store(as_cgraph_reads(written)) : written;
        ++pos_;
        return token;
    }

    // The text of a quoted string as cgraph reads it: \" is a quote, backslash-newline is dropped, and
    // so is a line break that starts one of its lexer's matches with nothing plain after it: the lexer
    // takes a run of plain text (line breaks included) at once, but a lone line break ties with its
    // line-counting rule, which comes first and keeps nothing (`"\n"` is the empty name).
    static std::string as_cgraph_reads(std::string_view written)
    {
        std::string text;
        text.reserve(written.size());
        bool match_starts = true;  // the next character starts a new match of cgraph's lexer
        for (std::size_t i = 0; i < written.size(); ++i) {
            char c = written[i];
            bool next_plain = i + 1 < written.size() && written[i + 1] != '\\';
            if (c == '\n' && match_starts && !next_plain) continue;
            if (c != '\\') {
                text += c;
                match_starts = false;
                continue;
            }
            match_starts = true;
            bool escape = i + 1 < written.size();
            if (escape && written[i + 1] == '\n') {
                ++i;
                continue;
            }
            if (escape && written[i + 1] == '"') ++i;
            else if (escape && written[i + 1] == '\\') text += written[i++];
            text += written[i];
        }
        return text;
    }

    std::string_view store(std::string text) { return store_.emplace_back(std::move(text)); }

    // Two characters before `at` and two from it are neither a backslash nor a quote.
    bool plain_around(std::size_t at) const
    {
        if (at < 2 || at + 2 > text_.size()) return false;
        for (auto i = at - 2; i < at + 2; ++i) {
            if (text_[i] == '\\' || text_[i] == '"') return false;
        }
        return true;
    }

    // cgraph reads an HTML-like string line by line and an unquoted name at once, each at a cost that
    // grows with the square of its length, and neither can be cut into pieces as a quoted string is.
    void require_short_run(std::size_t run, std::string_view what)
    {
        if (run <= longest_unbroken_bytes) return;
        throw Error({file_, line_}, std::string(what) + " longer than " + std::to_string(longest_unbroken_bytes / 1024) +
                                        " KiB, which Graphviz's parser would take minutes to read; write it as a "
                                        "quoted string (any length is read); see the limits in the README");
    }

    Token html()
    {
        Token token{TokenKind::quoted_id, line_, {}};
        int depth = 0;
        auto start = pos_;
        auto line_start = pos_;
        do {
            if (text_[pos_] == '<') ++depth;
            if (text_[pos_] == '>') --depth;
            if (text_[pos_] == '\n') {
                require_short_run(pos_ - line_start, "an HTML-like string with a line");
                line_start = pos_;
                ++line_;
            }
            ++pos_;
        } while (pos_ < text_.size() && depth > 0);
        require_short_run(pos_ - line_start, "an HTML-like string with a line");
        token.text = text_.substr(start + 1, pos_ - start - 2);
        if (starts_like_internal_name(token.text)) token.escape_at = start + 1;
        return token;
    }

    // A NAME or a NUMBER, split where cgraph splits it (see number_length).
    Token plain_id()
    {
        auto rest = text_.substr(pos_);
        auto length = number_length(rest);
        if (length == 0) {
            length = 1;
            while (length < rest.size() && (is_letter(rest[length]) || is_digit(rest[length]))) ++length;
        }
        require_short_run(length, "an unquoted name");
        Token token{TokenKind::id, line_, rest.substr(0, length)};
        pos_ += length;
        return token;
    }

    // `"a" + "b"` is one id to cgraph. Done in place: the token list may be most of the memory.
    void merge_concatenations(std::vector<Token>& tokens)
    {
        std::size_t kept = 0;
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            bool joins = kept > 0 && tokens[kept - 1].kind == TokenKind::quoted_id && tokens[i].text == "+" &&
                         i + 1 < tokens.size() && tokens[i + 1].kind == TokenKind::quoted_id;
            if (joins) {
                tokens[kept - 1].text = store(std::string(tokens[kept - 1].text) + std::string(tokens[i + 1].text));
                ++i;
                continue;
            }
            tokens[kept++] = tokens[i];
        }
        tokens.resize(kept);
    }

    std::string_view text_;
    const std::string& file_;
    std::size_t max_tokens_;
    std::size_t pos_ = 0;
    int line_ = 1;
    std::vector<TextEdit> edits_;
    std::vector<int> piece_lines_;
    std::deque<std::string> store_;  // texts that are not in the file as cgraph reads them; never move
};

// Rejects what would overflow cgraph's parser or make it allocate a value slot for every
// attribute name on every object (names x objects), before cgraph sees the text.
std::unordered_set<std::string> check_shape(const std::vector<Token>& tokens, const std::string& file,
                                            const InputLimits& limits)
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
    std::unordered_set<std::string> names;
    for (auto name : attribute_names) names.emplace(name);
    return names;
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

// The attribute names set to "" in the list that opens at `open_bracket`.
std::vector<std::string> empty_attributes(const std::vector<Token>& tokens, std::size_t open_bracket)
{
    std::vector<std::string> names;
    for (auto i = open_bracket + 1; i + 2 < tokens.size() && !is_punct(tokens, i, ']') && !is_punct(tokens, i, '['); ++i) {
        bool empty_value = is_punct(tokens, i + 1, '=') && tokens[i + 2].kind == TokenKind::quoted_id &&
                           tokens[i + 2].text.empty();
        if (empty_value && is_name(tokens[i])) names.emplace_back(tokens[i].text);
    }
    return names;
}

}  // namespace

LineIndex::LineIndex(std::string_view text, const std::string& file, const InputLimits& limits)
{
    Tokenizer tokenizer(text, file, limits);
    auto tokens = tokenizer.run();
    attribute_names_ = check_shape(tokens, file, limits);
    edits_ = tokenizer.take_edits();
    std::size_t depth = 0;
    for (const auto& token : tokens) {
        if (token.kind == TokenKind::punctuation && token.text == "{") ++depth;
        if (token.kind == TokenKind::punctuation && token.text == "}" && depth > 0) --depth;
        bool header = depth == 0 && is_keyword(token) && token.text.size() >= 5 &&
                      (fold_case(token.text) == "graph" || fold_case(token.text) == "digraph");
        if (header) graph_lines_.push_back(token.line);
    }
    added_lines_ = tokenizer.take_piece_lines();
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (tokens[i].escape_at != std::string_view::npos) edits_.push_back({tokens[i].escape_at, 0, "\\"});
        if (is_punct(tokens, i, '[') && i > 0 && is_name(tokens[i - 1])) {
            auto names = empty_attributes(tokens, i);
            auto owner = i - 1;
            bool edge = owner >= 2 && tokens[owner - 1].kind == TokenKind::edge_op;
            if (!names.empty() && edge) {
                note_empty_attributes(std::move(names),
                                      EdgeKey{std::string(tokens[tail_of(tokens, owner - 1)].text), std::string(tokens[owner].text)});
            } else if (!names.empty()) {
                note_empty_attributes(std::move(names), std::string(tokens[owner].text));
            }
        }
        if (names_node(tokens, i)) node_lines_.emplace(std::string(tokens[i].text), tokens[i].line);
        if (tokens[i].kind != TokenKind::edge_op || i == 0 || i + 1 >= tokens.size()) continue;
        auto tail = tail_of(tokens, i);
        if (!is_name(tokens[tail]) || !is_name(tokens[i + 1])) continue;
        edge_lines_[{std::string(tokens[tail].text), std::string(tokens[i + 1].text)}].push_back(tokens[i].line);
    }
}

void LineIndex::note_empty_attributes(std::vector<std::string> names, const std::string& node)
{
    auto& list = empty_node_attributes_[node];
    list.insert(list.end(), names.begin(), names.end());
}

// Called at each '[' in token order, so the edge's occurrence is the count of its edges so far.
void LineIndex::note_empty_attributes(std::vector<std::string> names, const EdgeKey& edge)
{
    auto lines = edge_lines_.find(edge);
    if (lines == edge_lines_.end() || lines->second.empty()) return;
    empty_edge_attributes_[{edge, lines->second.size() - 1}] = std::move(names);
}

const std::vector<std::string>& LineIndex::empty_node_attributes(const std::string& name) const
{
    static const std::vector<std::string> none;
    auto it = empty_node_attributes_.find(name);
    return it == empty_node_attributes_.end() ? none : it->second;
}

const std::vector<std::string>& LineIndex::empty_edge_attributes(const std::string& tail, const std::string& head,
                                                                 std::size_t occurrence) const
{
    static const std::vector<std::string> none;
    auto it = empty_edge_attributes_.find({{tail, head}, occurrence});
    return it == empty_edge_attributes_.end() ? none : it->second;
}

std::string LineIndex::cgraph_text(std::string_view text) const
{
    std::vector<const TextEdit*> order;
    order.reserve(edits_.size());
    for (const auto& edit : edits_) order.push_back(&edit);
    std::stable_sort(order.begin(), order.end(), [](const TextEdit* a, const TextEdit* b) { return a->at < b->at; });
    std::string out;
    out.reserve(text.size() + 2 * edits_.size());
    std::size_t from = 0;
    for (const auto* edit : order) {
        out.append(text.substr(from, edit->at - from));
        out += edit->insert;
        from = edit->at + edit->erase;
    }
    out.append(text.substr(from));
    return out;
}

int LineIndex::original_line(int cgraph_line) const
{
    int shift = 0;
    for (auto line : added_lines_) {
        if (line + shift >= cgraph_line) break;
        ++shift;
    }
    return cgraph_line - shift;
}

std::string from_cgraph(std::string_view text)
{
    bool escaped = text.starts_with('\\') && starts_like_internal_name(text);
    return std::string(escaped ? text.substr(1) : text);
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
