// The standard functions' errors as the TCK names them.
#include <gtest/gtest.h>

#include "cypher/session_fixture.hpp"

namespace actorgraph::cypher {
namespace {

class CypherFunctions : public CypherSessionTest {};

TEST_F(CypherFunctions, RangeWithAZeroStepIsNumberOutOfRange)
{
    auto error = error_of("RETURN range(2, 8, 0)");
    EXPECT_EQ(error.error_class(), ErrorClass::ArgumentError);
    EXPECT_EQ(error.detail(), "NumberOutOfRange");
    EXPECT_EQ(error.phase(), Phase::runtime);
    EXPECT_EQ(single("RETURN size(range(8, 2, -3)) AS n").as_integer(), 3);  // 8, 5, 2
}

}  // namespace
}  // namespace actorgraph::cypher
