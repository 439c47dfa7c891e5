// Values: how deeply lists and maps may nest, so no query's value can exhaust the stack when it is destroyed,
// compared or printed.
#include "actorgraph/cypher/value.hpp"

#include <gtest/gtest.h>

#include "cypher/session_fixture.hpp"

namespace actorgraph::cypher {
namespace {

class CypherValueNesting : public CypherSessionTest {};

TEST_F(CypherValueNesting, ListsAndMapsNestedPastTheBoundAreAResourceErrorNotACrash)
{
    auto lists = error_of("RETURN size(reduce(acc = [], i IN range(1, 200000) | [acc])) AS s");
    EXPECT_EQ(lists.error_class(), ErrorClass::ArgumentError);
    EXPECT_EQ(lists.detail(), "ResourceLimit");
    EXPECT_EQ(lists.position().line, 1);
    EXPECT_EQ(error_of("RETURN reduce(acc = {}, i IN range(1, 200000) | {a: acc}) AS m").detail(), "ResourceLimit");
    EXPECT_EQ(error_of("RETURN reduce(acc = [], i IN range(1, 5000) | [{k: acc}]) AS m").detail(), "ResourceLimit");
}

TEST_F(CypherValueNesting, NestingUpToTheBoundWorks)
{
    auto depth = std::to_string(max_value_nesting - 1);
    EXPECT_EQ(single("RETURN size(reduce(acc = [], i IN range(1, " + depth + ") | [acc])) AS s").as_integer(), 1);
    auto one_level_too_deep = [&] {
        return Value::list({single("RETURN reduce(acc = [], i IN range(1, " + depth + ") | [acc]) AS s")});
    };
    EXPECT_THROW(static_cast<void>(one_level_too_deep()), Error);
}

}  // namespace
}  // namespace actorgraph::cypher
