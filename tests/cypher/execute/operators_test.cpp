// openCypher's comparison of values that have no order: NaN against numbers is false, against other types null.
#include <gtest/gtest.h>

#include <cmath>

#include "cypher/execute/operators.hpp"

namespace actorgraph::cypher {
namespace {

TEST(CypherOperators, NaNComparedWithANumberIsFalseForEveryOrdering)
{
    auto nan = Value::floating(std::nan(""));
    for (auto op : {ast::Operator::Less, ast::Operator::LessEqual, ast::Operator::Greater, ast::Operator::GreaterEqual}) {
        for (const auto& other : {Value::integer(1), Value::floating(1.0), nan}) {
            auto left = compare_values(op, nan, other);
            auto right = compare_values(op, other, nan);
            ASSERT_TRUE(left.is_boolean());
            ASSERT_TRUE(right.is_boolean());
            EXPECT_FALSE(left.as_boolean());
            EXPECT_FALSE(right.as_boolean());
        }
        EXPECT_TRUE(compare_values(op, nan, Value::string("a")).is_null());
        EXPECT_TRUE(compare_values(op, nan, Value()).is_null());
    }
    EXPECT_TRUE(compare_values(ast::Operator::Less, Value::floating(0.5), Value::integer(1)).as_boolean());
}

}  // namespace
}  // namespace actorgraph::cypher
