// What may stand beside an aggregation, and what ORDER BY may read after aggregation or DISTINCT.
#include <gtest/gtest.h>

#include <string>

#include "cypher/bind/bind_error.hpp"
#include "cypher/bind/binder.hpp"
#include "cypher/parse/parser.hpp"

namespace actorgraph::cypher {
namespace {

void expect_bound(const std::string& text)
{
    EXPECT_NO_THROW(bind(parse_query(text))) << text;
}

TEST(CypherAggregationRules, BesideAnAggregateStandOnlySimpleGroupingKeys)
{
    expect_bound("MATCH (me)--(you) RETURN me.age, me.age + count(you.age) AS c");
    expect_bound("MATCH (me)--(you) WITH me, count(*) + me.age + $p + 1 AS c RETURN c");
    expect_bound("MATCH (n) RETURN count(*) * 2 AS twice, size(collect(n)) AS s");
    auto error = bind_error_of("MATCH (me)--(you)\nWITH me.age + count(you.age) AS agg\nRETURN *");
    EXPECT_EQ(error.detail(), "AmbiguousAggregationExpression");
    EXPECT_EQ(error.position().line, 2);
    EXPECT_EQ(error.position().column, 6);
    EXPECT_EQ(bind_error_of("MATCH (me)--(you) WITH me.age + you.age AS grp, me.age + you.age + count(*) AS agg RETURN *")
                  .detail(),
              "AmbiguousAggregationExpression");
}

TEST(CypherAggregationRules, OrderByAfterAggregationReadsWhatIsProjected)
{
    expect_bound("MATCH (a) WITH a.num2 % 3 AS mod, sum(a.num + a.num2) AS sum ORDER BY sum(a.num + a.num2) RETURN mod");
    expect_bound("MATCH (me)--(you) WITH me.age AS age, count(you.age) AS cnt ORDER BY me.age + count(you.age) RETURN age");
    expect_bound("MATCH (p) WITH avg(p.age) AS a ORDER BY $age + avg(p.age) - 1000 RETURN a");
    expect_bound("MATCH (n) RETURN n.division, max(n.age) ORDER BY max(n.age), n.division");
    EXPECT_EQ(bind_error_of("MATCH (a) WITH a.num2 % 3 AS mod, min(a.num) AS min ORDER BY sum(a.num) RETURN mod").detail(),
              "UndefinedVariable");
    EXPECT_EQ(bind_error_of("MATCH (me)--(you) RETURN count(you.age) AS agg ORDER BY me.age + count(you.age)").detail(),
              "UndefinedVariable");
    EXPECT_EQ(bind_error_of("MATCH (me)--(you) RETURN me.age + you.age, count(*) AS cnt ORDER BY me.age + you.age + count(*)")
                  .detail(),
              "AmbiguousAggregationExpression");
    // Also when the WITH forgot an alias: the aggregation rule is reported first.
    EXPECT_EQ(bind_error_of("MATCH (me)--(you) WITH me.age + you.age, count(*) AS cnt ORDER BY me.age + you.age + count(*) "
                            "RETURN *")
                  .detail(),
              "AmbiguousAggregationExpression");
    EXPECT_EQ(bind_error_of("MATCH (me)--(you) WITH me.age + you.age, count(*) AS cnt RETURN *").detail(), "NoExpressionAlias");
}

TEST(CypherAggregationRules, OrderByAfterDistinctReadsWhatIsProjected)
{
    expect_bound("MATCH (a) RETURN DISTINCT a.name ORDER BY a.name");
    expect_bound("MATCH (a) RETURN DISTINCT a ORDER BY a.age");
    expect_bound("MATCH (a) RETURN DISTINCT a.name AS n ORDER BY n, [x IN [1] | x]");
    auto error = bind_error_of("MATCH (a)\nRETURN DISTINCT a.name\n  ORDER BY a.age");
    EXPECT_EQ(error.detail(), "UndefinedVariable");
    EXPECT_EQ(error.position().line, 3);
}

}  // namespace
}  // namespace actorgraph::cypher
