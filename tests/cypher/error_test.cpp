#include "actorgraph/cypher/error.hpp"

#include <gtest/gtest.h>

namespace actorgraph::cypher {
namespace {

TEST(CypherError, CarriesClassDetailPhaseAndPosition)
{
    Error error(ErrorClass::SemanticError, "UndefinedVariable", Phase::compile, "variable `x` is not defined", {2, 8});
    EXPECT_EQ(error.error_class(), ErrorClass::SemanticError);
    EXPECT_EQ(error.detail(), "UndefinedVariable");
    EXPECT_EQ(error.phase(), Phase::compile);
    EXPECT_EQ(error.position().line, 2);
    EXPECT_EQ(error.position().column, 8);
    EXPECT_STREQ(error.what(), "SemanticError (UndefinedVariable) at 2:8: variable `x` is not defined");
}

TEST(CypherError, FormatShowsTheOffendingLineWithACaretUnderTheColumn)
{
    Error error(ErrorClass::SyntaxError, "UnexpectedSyntax", Phase::compile, "expected ')'", {2, 10});
    auto text = format_error(error, "MATCH (n)\nRETURN n.\nLIMIT 1");
    EXPECT_EQ(text, "SyntaxError (UnexpectedSyntax) at 2:10: expected ')'\n  RETURN n.\n           ^");
}

TEST(CypherError, CaretCountsCharactersNotBytes)
{
    Error error(ErrorClass::SyntaxError, "", Phase::compile, "bad", {1, 6});
    auto text = format_error(error, "'ÄÖ' x");
    EXPECT_EQ(text.substr(text.rfind('\n') + 1), "       ^");
}

TEST(CypherError, WithoutAPositionIsJustTheMessage)
{
    Error error(ErrorClass::TypeError, "InvalidArgumentType", Phase::runtime, "expected a number");
    EXPECT_EQ(format_error(error, "RETURN 1"), "TypeError (InvalidArgumentType): expected a number");
    EXPECT_EQ(to_string(error.phase()), "runtime");
}

}  // namespace
}  // namespace actorgraph::cypher
