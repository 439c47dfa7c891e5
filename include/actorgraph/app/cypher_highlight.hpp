#pragma once
// Syntax colouring for the explorer's Cypher editor: the text split into spans of one kind each. Unlike the
// engine's lexer (cypher/parse), it never fails and keeps comments: it colours text while it is being typed,
// unterminated strings and comments included.
#include <cstddef>
#include <string_view>
#include <vector>

namespace actorgraph {

enum class CypherSpanKind {
    plain,      ///< variables, property keys, punctuation, spaces
    keyword,    ///< MATCH, WHERE, RETURN, AND, NULL, TRUE… (any case)
    function,   ///< a name followed by '(' that is not a keyword: count, toUpper, date
    label,      ///< a label or relationship type: the name after ':' outside a map (:company, :investment|pressure)
    string,     ///< 'text' or "text", up to the closing quote or the end of the text
    number,     ///< 42, 1.5e3, 0x1F
    parameter,  ///< $name
    comment,    ///< // to the end of the line, /* … */ (to the end of the text when unterminated)
};

/// A run of text of one kind: bytes [offset, offset + length).
struct CypherSpan {
    CypherSpanKind kind = CypherSpanKind::plain;
    std::size_t offset = 0;
    std::size_t length = 0;
    friend bool operator==(const CypherSpan&, const CypherSpan&) = default;
};

/// The text's coloured spans in order, covering every byte once; adjacent plain bytes form one span, and a
/// span never splits a line (each ends at or before a '\n', which is plain), so an editor can draw line by line.
[[nodiscard]] std::vector<CypherSpan> highlight_cypher(std::string_view text);

/// Whether a word (any case) is one of Cypher's keywords.
[[nodiscard]] bool is_cypher_keyword(std::string_view word);

}  // namespace actorgraph
