// ORDER BY ... LIMIT selects the first SKIP + LIMIT rows with a partial sort (projection.cpp) instead of sorting
// them all. The rows must be those a stable sort of every row would put first: ties in input order.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

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

TEST_F(CypherTopK, ABadSkipIsReportedBeforeABadLimit)
{
    auto error = error_of("UNWIND [3, 1, 2] AS i RETURN i ORDER BY i SKIP -1 LIMIT -1");
    EXPECT_NE(std::string(error.what()).find("SKIP"), std::string::npos) << error.what();
}

}  // namespace
}  // namespace actorgraph::cypher
