// The lexer's refusals that name their cause (dashes that only look like Cypher's minus), and malformed
// numbers left for the parser to judge where they stand.
#include <gtest/gtest.h>

#include <string>

#include "cypher/parse/lexer.hpp"

namespace actorgraph::cypher {
namespace {

TEST(CypherLexer, ADashThatIsNotHyphenMinusIsAnInvalidUnicodeCharacter)
{
    for (const char* query : {"RETURN 42 \u2014 41", "RETURN 42 \u2013 41", "RETURN a\u2212b", "RETURN 1 \uFF0D 1"}) {
        try {
            (void)tokenize(query);
            ADD_FAILURE() << "no error for " << query;
        } catch (const Error& error) {
            EXPECT_EQ(error.detail(), "InvalidUnicodeCharacter") << query;
            EXPECT_EQ(error.position().line, 1) << query;
        }
    }
    // Letters beyond ASCII still make names.
    auto tokens = tokenize("RETURN 42 - 41 AS \u00e9t\u00e9");
    EXPECT_EQ(tokens.at(5).text, "\u00e9t\u00e9");
}

TEST(CypherLexer, AMalformedNumberIsATokenOfItsOwn)
{
    auto tokens = tokenize("RETURN {1B2c3e67: 0xZ, k: 1.5e}");
    EXPECT_EQ(tokens.at(2).kind, TokenKind::InvalidNumber);
    EXPECT_EQ(tokens.at(2).text, "1B2c3e67");
    EXPECT_EQ(tokens.at(4).kind, TokenKind::InvalidNumber);
    EXPECT_EQ(tokens.at(8).kind, TokenKind::InvalidNumber);
    EXPECT_EQ(tokenize("RETURN 0x1F, 0o17, 1e5").at(5).kind, TokenKind::Float);
}

}  // namespace
}  // namespace actorgraph::cypher
