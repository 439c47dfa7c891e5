// ORDER BY ... LIMIT selects the first SKIP + LIMIT rows with a partial sort (projection.cpp) instead of sorting
// them all. The rows must be those a stable sort of every row would put first: ties in input order.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "actorgraph/cypher/output.hpp"
#include "cypher/session_fixture.hpp"

namespace actorgraph::cypher {
namespace {

using CypherTopK = CypherSessionTest;

using Pairs = std::vector<std::pair<std::int64_t, std::int64_t>>;

Pairs pairs(const Result& result)
{
    Pairs values;
    for (const auto& row : result.rows) values.emplace_back(row[0].as_integer(), row[1].as_integer());
    return values;
}

std::vector<std::int64_t> integers(const Result& result)
{
    std::vector<std::int64_t> values;
    for (const auto& row : result.rows) values.push_back(row[0].as_integer());
    return values;
}

TEST_F(CypherTopK, TakesTheRowsAStableSortPutsFirstWithTiesInInputOrder)
{
    // 0..99 by i % 7 descending, ties in input order: what std::stable_sort makes of the same list.
    std::vector<std::int64_t> reference(100);
    for (std::int64_t i = 0; i < 100; ++i) reference[static_cast<std::size_t>(i)] = (i * 37) % 100;
    std::stable_sort(reference.begin(), reference.end(), [](auto a, auto b) { return a % 7 > b % 7; });
    const std::string rows = "UNWIND range(0, 99) AS j WITH (j * 37) % 100 AS i RETURN i ORDER BY i % 7 DESC";
    ASSERT_EQ(integers(run(rows)), reference);
    for (std::size_t skip : {0u, 3u, 98u}) {
        for (std::size_t limit : {0u, 1u, 10u, 14u, 15u, 99u, 100u, 150u}) {
            auto first = std::min(skip, reference.size());
            auto last = std::min(skip + limit, reference.size());
            std::vector<std::int64_t> expected(reference.begin() + static_cast<std::ptrdiff_t>(first),
                                               reference.begin() + static_cast<std::ptrdiff_t>(last));
            auto limited = rows + " SKIP " + std::to_string(skip) + " LIMIT " + std::to_string(limit);
            EXPECT_EQ(integers(run(limited)), expected) << limited;
        }
    }
}

TEST_F(CypherTopK, TheTopGroupsOfAnAggregationAreTheFirstOfTheWholeSortedAnswer)
{
    const std::string grouped =
        "UNWIND range(1, 500) AS i RETURN i % 37 AS g, sum(i % 5) AS total ORDER BY total DESC, g";
    auto all = pairs(run(grouped));
    ASSERT_EQ(all.size(), 37u);
    EXPECT_EQ(pairs(run(grouped + " LIMIT 5")), Pairs(all.begin(), all.begin() + 5));
    EXPECT_EQ(pairs(run(grouped + " SKIP 5 LIMIT 5")), Pairs(all.begin() + 5, all.begin() + 10));
    // Ties on the total fall back to the group key, so the first rows are ordered by both.
    for (std::size_t r = 1; r < all.size(); ++r) {
        auto [earlier_group, earlier] = all[r - 1];
        auto [later_group, later] = all[r];
        EXPECT_TRUE(earlier > later || (earlier == later && earlier_group < later_group)) << r;
    }
}

TEST_F(CypherTopK, AnAggregateFirstInOrderByKeepsEveryGroupTiedWithTheLastOneWanted)
{
    // Only the groups whose first sort key can be among the first SKIP + LIMIT are projected (projection.cpp):
    // 60 groups over few distinct totals (many ties at every boundary), nulls, integers beside floats.
    auto rows_text = [this](const std::string& statement) {
        std::vector<std::string> rows;
        for (const auto& row : run(statement).rows) {
            rows.push_back(to_cypher_text(session, row[0]) + " " + to_cypher_text(session, row[1]));
        }
        return rows;
    };
    for (const auto* aggregate : {"sum(i % 4)", "avg(CASE WHEN g % 7 = 0 THEN null ELSE i % 3 END)",
                                  "sum(CASE WHEN g % 2 = 0 THEN (i % 4) * 1.0 ELSE i % 4 END)"}) {
        for (const auto* direction : {"", " DESC"}) {
            auto sorted = std::string("UNWIND range(1, 600) AS i WITH i % 60 AS g, i RETURN g, ") + aggregate +
                          " AS total ORDER BY total" + direction + ", g";
            auto all = rows_text(sorted);
            ASSERT_EQ(all.size(), 60u);
            for (std::size_t skip : {0u, 3u}) {
                for (std::size_t limit : {1u, 5u, 7u, 20u, 29u}) {
                    auto limited = sorted + " SKIP " + std::to_string(skip) + " LIMIT " + std::to_string(limit);
                    std::vector<std::string> expected(all.begin() + static_cast<std::ptrdiff_t>(skip),
                                                      all.begin() + static_cast<std::ptrdiff_t>(skip + limit));
                    EXPECT_EQ(rows_text(limited), expected) << limited;
                }
            }
        }
    }
    // An aggregate only ORDER BY makes.
    auto by_count = rows_text("UNWIND range(1, 300) AS i WITH i % 40 AS g, i WHERE i % 7 <> g % 7 "
                              "RETURN g, max(i) ORDER BY count(*) DESC, g");
    auto top = rows_text("UNWIND range(1, 300) AS i WITH i % 40 AS g, i WHERE i % 7 <> g % 7 "
                         "RETURN g, max(i) ORDER BY count(*) DESC, g LIMIT 6");
    EXPECT_EQ(top, std::vector<std::string>(by_count.begin(), by_count.begin() + 6));
}

TEST_F(CypherTopK, ABadSkipIsReportedBeforeABadLimit)
{
    auto error = error_of("UNWIND [3, 1, 2] AS i RETURN i ORDER BY i SKIP -1 LIMIT -1");
    EXPECT_NE(std::string(error.what()).find("SKIP"), std::string::npos) << error.what();
}

}  // namespace
}  // namespace actorgraph::cypher
