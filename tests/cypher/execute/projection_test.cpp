// Grouping in WITH and RETURN (projection.cpp): keys are found in a hash table, and a MATCH right before the
// projection streams its rows into it without a table between them (executor.cpp). Both must group exactly
// as openCypher's equivalence does, and as the projection over a stored table (after an UNWIND) does.
#include <gtest/gtest.h>

#include <algorithm>

#include "actorgraph/cypher/output.hpp"
#include "cypher/session_fixture.hpp"

namespace actorgraph::cypher {
namespace {

using CypherGrouping = CypherSessionTest;

TEST_F(CypherGrouping, GroupsEquivalentKeysTogetherWhateverTheirType)
{
    // 1 and 1.0 are one group; so are two NaNs, two nulls, equal lists and the same node; 'a' and 'A' are not.
    auto rows = sorted_rows_of("UNWIND [1, 1.0, 2, 0.0, -0.0, 'a', 'A', 'a', null, null, [1, 2], [1.0, 2], 0.0/0.0, 0.0/0.0, "
                        "true, false, true] AS k RETURN k, count(*) AS n");
    std::vector<std::string> expected{"'A' | 1 | ", "'a' | 2 | ", "0.0 | 2 | ", "1 | 2 | ", "2 | 1 | ", "NaN | 2 | ",
                                      "[1, 2] | 2 | ", "false | 1 | ", "null | 2 | ", "true | 2 | "};
    std::sort(expected.begin(), expected.end());
    EXPECT_EQ(rows, expected);
}

TEST_F(CypherGrouping, AMatchStreamedIntoTheProjectionGroupsAsAStoredTable)
{
    run("CREATE (a:P {id: 'a', n: 1})-[:T {w: 1}]->(b:P {id: 'b', n: 1.0}), (a)-[:T {w: 2}]->(b), (b)-[:T {w: 3}]->(a), "
        "(a)-[:T]->(c:Q {id: 'c'}), (c)-[:U {w: 4.5}]->(c)");
    for (const std::string tail : {"RETURN b.id AS id, sum(r.w) AS total, count(*) AS n, collect(a.id) AS sources",
                                   "RETURN a.n AS key, avg(r.w) AS mean, min(b.id) AS first",
                                   "RETURN count(*) AS all, count(DISTINCT a) AS sources",
                                   "RETURN a, b, max(r.w) AS top",
                                   "WITH a.id AS id, count(*) AS n WHERE n > 1 RETURN id, n"}) {
        auto streamed = sorted_rows_of("MATCH (a)-[r]->(b) " + tail);
        auto stored = sorted_rows_of("MATCH (a)-[r]->(b) UNWIND [1] AS one " + tail);
        EXPECT_EQ(streamed, stored) << tail;
        EXPECT_FALSE(streamed.empty()) << tail;
    }
    // OPTIONAL MATCH pads with nulls before the projection, streamed as stored.
    EXPECT_EQ(sorted_rows_of("MATCH (x:Q) OPTIONAL MATCH (x)-[r:T]->(y) RETURN x.id, count(y) AS n"),
              (std::vector<std::string>{"'c' | 0 | "}));
    // An aggregation over no rows at all still gives its one row.
    EXPECT_EQ(single("MATCH (x:Nothing) RETURN count(*)").as_integer(), 0);
}

TEST_F(CypherGrouping, AnAggregatingItemReadsItsGroupsKeyVariable)
{
    // A group keeps its first input row only when something after the grouping reads it; here `i` outside count(*).
    EXPECT_EQ(sorted_rows_of("UNWIND [1, 1, 2] AS i RETURN i, i * 10 + count(*) AS v"),
              (std::vector<std::string>{"1 | 12 | ", "2 | 21 | "}));
}

TEST_F(CypherGrouping, AWithWhereAfterGroupingReadsAnInputVariableByItsKey)
{
    auto rows = sorted_rows_of("UNWIND [1, 1, 2, 3] AS i WITH i, count(*) AS n WHERE i > 1 RETURN i, n");
    EXPECT_EQ(rows, (std::vector<std::string>{"2 | 1 | ", "3 | 1 | "}));
}

}  // namespace
}  // namespace actorgraph::cypher
