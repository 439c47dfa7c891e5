// Grouping (grouping.cpp) remembers, past its first few thousand rows, the group of each node when the keys are
// a plain function of one node, and skips evaluating them for a node met again. Groups must be the ones the
// key values make, in the order first met, whether or not a node's group was remembered. A lone MATCH of one
// relationship grouped by its RETURN is answered by ScanAggregation instead: each statement here is run both
// ways, the second with `WITH *` after the MATCH, which makes the rows Grouping groups.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "actorgraph/generate/synthetic_graph.hpp"
#include "cypher/session_fixture.hpp"

namespace actorgraph::cypher {
namespace {

class CypherGroupingByNode : public CypherSessionTest {
protected:
    void SetUp() override { graph = generate_synthetic_graph({3000, 4.0, 7}); }

    // The statement as written (scanned) and with `WITH *` after its MATCH (grouped row by row).
    static std::vector<std::string> both_ways(const std::string& match, const std::string& rest)
    {
        return {match + " " + rest, match + " WITH * " + rest};
    }

    // The relations' count and summed amount_usd per target actor's key, computed from the graph itself.
    template <typename KeyOf>
    std::map<std::string, std::pair<std::int64_t, double>> expected_by(const KeyOf& key_of) const
    {
        std::map<std::string, std::pair<std::int64_t, double>> groups;
        for (RelationIndex i = 0; i < graph.relation_count(); ++i) {
            const auto& relation = graph.relation(i);
            auto& [count, total] = groups[key_of(graph.actor(relation.target))];
            ++count;
            auto amount = relation.properties.find("amount_usd");
            if (amount != relation.properties.end()) total += std::stod(std::string(amount->second));
        }
        return groups;
    }
    std::map<std::string, std::pair<std::int64_t, double>> answered(const std::string& statement)
    {
        std::map<std::string, std::pair<std::int64_t, double>> groups;
        auto result = run(statement);
        for (const auto& row : result.rows) {
            auto key = to_cypher_text(session, row[0]);
            EXPECT_EQ(groups.count(key), 0u) << "two groups for " << key;
            groups[key] = {row[1].as_integer(), row[2].is_null() ? 0.0 : row[2].as_number()};
        }
        return groups;
    }
    static void expect_same(const std::map<std::string, std::pair<std::int64_t, double>>& answer,
                            const std::map<std::string, std::pair<std::int64_t, double>>& expected)
    {
        ASSERT_EQ(answer.size(), expected.size());
        for (const auto& [key, value] : expected) {
            auto found = answer.find(key);
            ASSERT_NE(found, answer.end()) << key;
            EXPECT_EQ(found->second.first, value.first) << key;
            EXPECT_NEAR(found->second.second, value.second, 1e-6 * std::max(1.0, value.second)) << key;
        }
    }
};

TEST_F(CypherGroupingByNode, GroupsByAnIdAsTheRelationsOfEachActorSay)
{
    ASSERT_GT(graph.relation_count(), 10000u);  // past the rows after which groups are remembered per node
    auto expected = expected_by([](const Actor& actor) { return "'" + actor.id + "'"; });
    for (const auto& statement : both_ways("MATCH ()-[r]->(b)", "RETURN b.id, count(*), sum(r.amount_usd)")) {
        expect_same(answered(statement), expected);
    }
}

TEST_F(CypherGroupingByNode, PutsNodesWithTheSameKeyInOneGroup)
{
    auto expected = expected_by([](const Actor& actor) { return "'" + actor.kind.str() + "'"; });
    for (const auto& statement : both_ways("MATCH ()-[r]->(b)", "RETURN head(labels(b)), count(*), sum(r.amount_usd)")) {
        expect_same(answered(statement), expected);
    }
    auto by_kind_and_parity = sorted_rows_of(
        "MATCH ()-[r]->(b) RETURN head(labels(b)) + size(b.id) % 2 AS k, count(*) ORDER BY k");
    auto by_projected_key = sorted_rows_of(
        "MATCH ()-[r]->(b) WITH head(labels(b)) + size(b.id) % 2 AS k RETURN k, count(*) ORDER BY k");
    EXPECT_EQ(by_kind_and_parity, by_projected_key);
}

TEST_F(CypherGroupingByNode, KeepsTheOrderGroupsWereFirstMetIn)
{
    std::vector<std::string> first_met;
    std::map<std::string, bool> seen;
    for (RelationIndex i = 0; i < graph.relation_count(); ++i) {
        const auto& id = graph.actor(graph.relation(i).target).id;
        if (!seen[id]) first_met.push_back(id);
        seen[id] = true;
    }
    for (const auto& statement : both_ways("MATCH ()-[r]->(b)", "RETURN b.id, count(*)")) {
        std::vector<std::string> answered_order;
        for (const auto& row : run(statement).rows) answered_order.push_back(row[0].as_string());
        EXPECT_EQ(answered_order, first_met) << statement;
    }
}

TEST_F(CypherGroupingByNode, NodesWithoutAnIdShareTheGroupOfTheNullKey)
{
    run("UNWIND range(1, 20) AS i CREATE (:Unnamed {n: i})");
    auto result = run("MATCH (n:Unnamed) UNWIND range(1, 500) AS i RETURN n.id AS id, count(*) AS rows");
    ASSERT_EQ(result.rows.size(), 1u);
    EXPECT_TRUE(result.rows[0][0].is_null());
    EXPECT_EQ(result.rows[0][1].as_integer(), 20 * 500);
    auto by_node = run("MATCH (n:Unnamed) UNWIND range(1, 500) AS i RETURN n, count(*) AS rows");
    EXPECT_EQ(by_node.rows.size(), 20u);
}

TEST_F(CypherGroupingByNode, AKeyReadingTwoVariablesGroupsByBoth)
{
    auto two = run("MATCH (a)-[r]->(b) RETURN head(labels(a)) + '>' + head(labels(b)) AS pair, count(*) AS n").rows;
    std::map<std::string, std::int64_t> expected;
    for (RelationIndex i = 0; i < graph.relation_count(); ++i) {
        const auto& relation = graph.relation(i);
        ++expected[graph.actor(relation.source).kind.str() + ">" + graph.actor(relation.target).kind.str()];
    }
    ASSERT_EQ(two.size(), expected.size());
    for (const auto& row : two) EXPECT_EQ(row[1].as_integer(), expected[row[0].as_string()]) << row[0].as_string();
}

TEST_F(CypherGroupingByNode, ATopTenOfTheGroupsIsTheStartOfTheWholeSortedAnswer)
{
    for (const auto& grouped : both_ways("MATCH ()-[r:investment]->(b) WHERE r.amount_usd IS NOT NULL",
                                         "RETURN b.id AS id, sum(r.amount_usd) AS total ORDER BY total DESC, id")) {
        auto all = run(grouped).rows;
        auto top = run(grouped + " LIMIT 10").rows;
        ASSERT_EQ(top.size(), 10u);
        for (std::size_t r = 0; r < top.size(); ++r) {
            EXPECT_EQ(top[r][0].as_string(), all[r][0].as_string()) << r;
            EXPECT_EQ(top[r][1].as_number(), all[r][1].as_number()) << r;
        }
    }
}

}  // namespace
}  // namespace actorgraph::cypher
