#pragma once
// Splits a query into tokens with their line:column. Keywords are identifiers here (Cypher keywords are
// case-insensitive and many double as names); the parser asks for them by word.
#include <string>
#include <string_view>
#include <vector>

#include "actorgraph/cypher/error.hpp"

namespace actorgraph::cypher {

enum class TokenKind {
    Identifier,         ///< a name or keyword; `quoted` when written in backticks
    Integer,            ///< digits as written (decimal, 0x hex or 0o octal); the parser checks the range
    Float,
    InvalidNumber,      ///< starts with a digit but is no number (1a, 0xZ, 1B2c3e67); text as written
    String,             ///< text holds the unescaped value
    Parameter,          ///< text holds the name without '$'
    Punctuation,        ///< text holds one of ( ) [ ] { } , . .. : ; | + - * / % ^ = <> != < > <= >= =~ += & !
    End,
};

struct Token {
    TokenKind kind = TokenKind::End;
    std::string text;
    QueryPosition where;
    std::size_t offset = 0;  ///< byte offset in the query
    std::size_t length = 0;  ///< bytes as written
    bool quoted = false;
    /// True for a punctuation token with exactly this text.
    [[nodiscard]] bool is(std::string_view punctuation) const { return kind == TokenKind::Punctuation && text == punctuation; }
};

/// The tokens of the query, ending with an End token; throws Error(SyntaxError) for a malformed token.
[[nodiscard]] std::vector<Token> tokenize(std::string_view query);

}  // namespace actorgraph::cypher
