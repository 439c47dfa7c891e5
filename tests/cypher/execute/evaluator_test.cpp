// The evaluator's runtime type errors, with the details the TCK names.
#include <gtest/gtest.h>

#include "cypher/session_fixture.hpp"

namespace actorgraph::cypher {
namespace {

class CypherEvaluator : public CypherSessionTest {};

TEST_F(CypherEvaluator, IndexingANonListIsInvalidArgumentType)
{
    for (const char* value : {"true", "123", "4.7", "'1'"}) {
        auto error = error_of(std::string("WITH ") + value + " AS list, 0 AS idx\nRETURN list[idx]");
        EXPECT_EQ(error.error_class(), ErrorClass::TypeError) << value;
        EXPECT_EQ(error.detail(), "InvalidArgumentType") << value;
        EXPECT_EQ(error.position().line, 2) << value;
    }
    EXPECT_EQ(single("WITH [1, 2] AS list RETURN list[-1] AS x").as_integer(), 2);
}

}  // namespace
}  // namespace actorgraph::cypher
