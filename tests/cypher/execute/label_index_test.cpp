// `MATCH (n:L)` starts from the label index (label_index.cpp) and a lone `MATCH (n:L) RETURN count(*)` is
// answered from its size (executor.cpp, count_label). Both must answer as a scan of every actor that checks
// the label (`MATCH (n) WHERE n:L`), after any write, rollback or undo, and the count must not be taken where
// it would be wrong (OPTIONAL MATCH, WHERE, several labels, properties, deleted nodes).
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "actorgraph/edit/history.hpp"
#include "cypher/session_fixture.hpp"

namespace actorgraph::cypher {
namespace {

class CypherLabelIndex : public CypherSessionTest {
protected:
    void SetUp() override
    {
        run("CREATE (:company {id: 'a'}), (:company:Listed {id: 'b'}), (:company {id: 'c'}), "
            "(:Person:Official {id: 'p'}), (:state:Listed {id: 's'}), (:state {id: 't'})");
    }
    std::int64_t count_of(const std::string& statement) { return single(statement).as_integer(); }
    // The indexed answers (the count from the index's size, the rows from its list) against a scan of every node.
    std::int64_t expect_index_equals_scan(const std::string& label)
    {
        auto scanned = count_of("MATCH (n) WHERE n:" + label + " RETURN count(*)");
        EXPECT_EQ(count_of("MATCH (n:" + label + ") RETURN count(*)"), scanned) << label;
        EXPECT_EQ(count_of("MATCH (n:" + label + ") RETURN count(n) AS c"), scanned) << label;
        EXPECT_EQ(sorted_rows_of("MATCH (n:" + label + ") RETURN n.id"),
                  sorted_rows_of("MATCH (n) WHERE n:" + label + " RETURN n.id"))
            << label;
        return scanned;
    }
};

TEST_F(CypherLabelIndex, CountsAndListsKindsAndFurtherLabelsAsAScanDoes)
{
    const std::vector<std::pair<std::string, std::int64_t>> expected{
        {"company", 3}, {"Listed", 2}, {"Person", 1}, {"Official", 1}, {"state", 2}, {"Missing", 0}};
    for (const auto& [label, count] : expected) EXPECT_EQ(expect_index_equals_scan(label), count) << label;
    auto named = run("MATCH (x:company) RETURN count(*) AS companies");
    EXPECT_EQ(named.columns, std::vector<std::string>{"companies"});
}

TEST_F(CypherLabelIndex, ReadsFurtherLabelsFromTheLabelsPropertyOfALoadedGraph)
{
    Actor actor;
    actor.id = "loaded";
    actor.kind = Term("company");
    actor.properties.insert_or_assign("labels", "Listed; company;Audited");
    graph.add_actor(std::move(actor));
    EXPECT_EQ(expect_index_equals_scan("company"), 4);
    EXPECT_EQ(expect_index_equals_scan("Listed"), 3);
    EXPECT_EQ(expect_index_equals_scan("Audited"), 1);
}

TEST_F(CypherLabelIndex, TheCountIsNotTakenFromTheIndexWhereTheRowsDiffer)
{
    const std::vector<std::pair<std::string, std::int64_t>> expected{
        {"OPTIONAL MATCH (n:Missing) RETURN count(*)", 1},
        {"OPTIONAL MATCH (n:Missing) RETURN count(n)", 0},
        {"OPTIONAL MATCH (n:company) RETURN count(*)", 3},
        {"MATCH (n:company) WHERE n.id <> 'a' RETURN count(*)", 2},
        {"MATCH (n:company:Listed) RETURN count(*)", 1},
        {"MATCH (n:Listed:state) RETURN count(n)", 1},
        {"MATCH (n:company {id: 'c'}) RETURN count(*)", 1},
        {"MATCH (n:company), (m:state) RETURN count(*)", 6},
        {"MATCH p = (n:company) RETURN count(p)", 3},
        {"UNWIND [1, 2] AS i MATCH (n:company) RETURN count(*)", 6},
        {"MATCH (n:company) RETURN count(DISTINCT n.id STARTS WITH 'a')", 2},
    };
    for (const auto& [statement, count] : expected) EXPECT_EQ(count_of(statement), count) << statement;
    EXPECT_TRUE(run("MATCH (n:company) RETURN count(*) SKIP 1").rows.empty());
    EXPECT_TRUE(run("MATCH (n:company) WITH count(*) AS c WHERE c > 3 RETURN c").rows.empty());
    EXPECT_EQ(count_of("MATCH (n:company) WITH count(*) AS c WHERE c = 3 RETURN c"), 3);
}

TEST_F(CypherLabelIndex, FollowsCreateSetLabelRemoveLabelAndDelete)
{
    run("CREATE (:company {id: 'd'})");
    EXPECT_EQ(expect_index_equals_scan("company"), 4);
    run("MATCH (n {id: 't'}) SET n:Listed:Audited");
    EXPECT_EQ(expect_index_equals_scan("Listed"), 3);
    EXPECT_EQ(expect_index_equals_scan("Audited"), 1);
    run("MATCH (n {id: 'b'}) REMOVE n:Listed");
    EXPECT_EQ(expect_index_equals_scan("Listed"), 2);
    run("MATCH (n {id: 'a'}) DETACH DELETE n");
    EXPECT_EQ(expect_index_equals_scan("company"), 3);
    // Within one statement: a node created, then nodes deleted, before the label is matched again.
    EXPECT_EQ(count_of("CREATE (:company {id: 'e'}) WITH 1 AS one MATCH (n:company) RETURN count(n)"), 4);
    EXPECT_EQ(count_of("MATCH (n:company {id: 'c'}) DETACH DELETE n WITH count(*) AS gone "
                       "MATCH (m:company) RETURN count(m)"),
              3);
    EXPECT_EQ(expect_index_equals_scan("company"), 3);
}

TEST_F(CypherLabelIndex, AFailedStatementLeavesTheCountsAsTheyWere)
{
    EXPECT_EQ(count_of("MATCH (n:company) RETURN count(*)"), 3);
    EXPECT_THROW(run("CREATE (:company {id: 'new'}) WITH 1 AS one MATCH (n:company) SET n.id = 'a'"), Error);
    EXPECT_EQ(expect_index_equals_scan("company"), 3);
}

TEST_F(CypherLabelIndex, FollowsChangesMadeOutsideCypherAndTheirUndo)
{
    EXPECT_EQ(count_of("MATCH (n:company) RETURN count(*)"), 3);
    EditHistory history;
    ASSERT_TRUE(history.apply(graph, SetProperty{{"t", std::nullopt}, "kind", "company"}).empty());
    EXPECT_EQ(expect_index_equals_scan("company"), 4);
    EXPECT_EQ(expect_index_equals_scan("state"), 1);
    ASSERT_TRUE(history.apply(graph, DeleteActor{"a"}).empty());
    EXPECT_EQ(expect_index_equals_scan("company"), 3);
    ASSERT_TRUE(history.undo(graph));
    EXPECT_EQ(expect_index_equals_scan("company"), 4);
    ASSERT_TRUE(history.undo(graph));
    EXPECT_EQ(expect_index_equals_scan("company"), 3);
    EXPECT_EQ(expect_index_equals_scan("state"), 2);
}

TEST_F(CypherLabelIndex, ALabelScanDoesNotVisitTheOtherActors)
{
    for (int i = 0; i < 5000; ++i) {
        Actor actor;
        actor.id = "filler" + std::to_string(i);
        actor.kind = Term("organization");
        graph.add_actor(std::move(actor));
    }
    Limits few_steps;
    few_steps.max_expansions = 1500;  // far fewer than the actors: a scan of them all runs past it
    EXPECT_EQ(session.run("MATCH (n:company) RETURN n.id", {}, few_steps).rows.size(), 3u);
    EXPECT_EQ(session.run("MATCH (n:organization) RETURN count(*)", {}, few_steps).rows[0][0].as_integer(), 5000);
    EXPECT_THROW(session.run("MATCH (n) WHERE n:company RETURN n.id", {}, few_steps), Error);
}

}  // namespace
}  // namespace actorgraph::cypher
