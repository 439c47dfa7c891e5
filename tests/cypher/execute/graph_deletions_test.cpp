// DELETE and DETACH DELETE: Neo4j's semantics on the engine's graph (removal at the statement's end).
#include <gtest/gtest.h>

#include "actorgraph/io/dot_reader.hpp"
#include "cypher/session_fixture.hpp"

namespace actorgraph::cypher {
namespace {

class CypherDelete : public CypherSessionTest {
protected:
    void SetUp() override
    {
        run("CREATE (a:state {id: 'a', w: 1}), (b:state {id: 'b', w: 2}), (c:company {id: 'c', w: 3}), "
            "(a)-[:pressure {year: 2001}]->(b), (b)-[:investment {amount_usd: 5.0}]->(c), (c)-[:pressure]->(c)");
    }
};

TEST_F(CypherDelete, DeletingANodeWithRelationshipsWithoutDetachIsAnErrorNamingItAndChangesNothing)
{
    auto error = error_of("MATCH (n {id: 'b'})\nDELETE n");
    EXPECT_EQ(error.error_class(), ErrorClass::ConstraintVerificationFailed);
    EXPECT_EQ(error.detail(), "DeleteConnectedNode");
    EXPECT_EQ(error.phase(), Phase::runtime);
    EXPECT_NE(std::string(error.what()).find("'b'"), std::string::npos) << error.what();
    EXPECT_EQ(error.position().line, 2);
    EXPECT_EQ(error.position().column, 8);
    EXPECT_EQ(graph.actor_count(), 3u);
    EXPECT_EQ(graph.relation_count(), 3u);
}

TEST_F(CypherDelete, DetachDeleteRemovesTheNodeAndItsRelationshipsAndCountsThem)
{
    auto result = run("MATCH (n {id: 'b'}) DETACH DELETE n");
    EXPECT_EQ(result.stats.nodes_deleted, 1);
    EXPECT_EQ(result.stats.relationships_deleted, 2);
    EXPECT_EQ(result.stats.summary(), "1 node deleted, 2 relationships deleted");
    EXPECT_EQ(graph.actor_count(), 2u);
    EXPECT_FALSE(graph.find_by_id("b"));
    // The remaining elements keep their typed values and are found at their new indexes.
    EXPECT_EQ(single("MATCH (n {id: 'c'}) RETURN n.w").as_integer(), 3);
    EXPECT_EQ(single("MATCH (c {id: 'c'})-[r]->(c) RETURN type(r)").as_string(), "pressure");
    EXPECT_EQ(single("MATCH ()-[r]->() RETURN count(r)").as_integer(), 1);
}

TEST_F(CypherDelete, ANodeMayGoWhenItsRelationshipsGoInTheSameStatementInEitherOrder)
{
    auto result = run("MATCH (n {id: 'a'}) OPTIONAL MATCH (n)-[r]-() DELETE n, r");
    EXPECT_EQ(result.stats.nodes_deleted, 1);
    EXPECT_EQ(result.stats.relationships_deleted, 1);
    EXPECT_EQ(graph.actor_count(), 2u);
    EXPECT_EQ(graph.relation_count(), 2u);
}

TEST_F(CypherDelete, DeletedElementsAreNotMatchedLaterAndTheirPropertiesCannotBeRead)
{
    auto rows = run("MATCH ()-[r:pressure]->() DELETE r WITH count(*) AS gone MATCH ()-[s]->() RETURN gone, count(s)");
    ASSERT_EQ(rows.rows.size(), 1u);
    EXPECT_EQ(rows.rows[0][0].as_integer(), 2);
    EXPECT_EQ(rows.rows[0][1].as_integer(), 1);
    auto error = error_of("MATCH (n {id: 'c'}) DETACH DELETE n RETURN n.w");
    EXPECT_EQ(error.error_class(), ErrorClass::EntityNotFound);
    EXPECT_EQ(error.detail(), "DeletedEntityAccess");
    EXPECT_EQ(graph.actor_count(), 3u);  // the failed statement deleted nothing
}

TEST_F(CypherDelete, ReturnedDeletedElementsAreNullAndSurvivorsPointAtTheirNewIndexes)
{
    auto result = run("MATCH (n) WITH n ORDER BY n.id WITH collect(n) AS all DETACH DELETE all[0] RETURN all");
    ASSERT_EQ(result.rows.size(), 1u);
    const auto& all = result.rows[0][0].as_list();
    ASSERT_EQ(all.size(), 3u);
    EXPECT_TRUE(all[0].is_null());
    ASSERT_TRUE(all[1].is_node());
    EXPECT_EQ(graph.actor(all[1].as_node()).id, "b");
    EXPECT_EQ(graph.actor(all[2].as_node()).id, "c");
}

TEST_F(CypherDelete, DeletesPathsAndIgnoresNull)
{
    // The path's own relationship goes with it, but b's investment is outside the path.
    EXPECT_EQ(error_of("MATCH p = ({id: 'a'})-->({id: 'b'}) DELETE p").detail(), "DeleteConnectedNode");
    auto result = run("MATCH p = ({id: 'a'})-->({id: 'b'}) DETACH DELETE p");
    EXPECT_EQ(result.stats.nodes_deleted, 2);
    EXPECT_EQ(result.stats.relationships_deleted, 2);
    EXPECT_EQ(graph.actor_count(), 1u);
    EXPECT_EQ(run("MATCH p = (:company)-->(:company) DELETE p").stats.nodes_deleted, 1);
    EXPECT_EQ(graph.actor_count(), 0u);
    auto none = run("OPTIONAL MATCH (n:Nothing) DELETE n RETURN n");
    EXPECT_TRUE(none.rows.at(0).at(0).is_null());
    EXPECT_FALSE(none.stats.changed_anything());
}

TEST_F(CypherDelete, CompileTimeChecksRefuseLabelsAndValuesThatAreNoEntities)
{
    EXPECT_EQ(error_of("MATCH (n) DELETE n:state").detail(), "InvalidDelete");
    EXPECT_EQ(error_of("MATCH (n) DELETE 1 + 1").detail(), "InvalidArgumentType");
    EXPECT_EQ(error_of("MATCH (n) DELETE x").detail(), "UndefinedVariable");
    auto runtime = error_of("MATCH (n) WITH n.w AS w DELETE w");
    EXPECT_EQ(runtime.error_class(), ErrorClass::TypeError);
    EXPECT_EQ(runtime.phase(), Phase::runtime);
}

TEST(CypherDeleteBundledGraph, DetachDeletingAStateRemovesEveryRelationItTookPartIn)
{
    auto graph = read_dot_file(ACTORGRAPH_SOURCE_DIR "/graphs/nato_mongolia.gv");
    auto actors = graph.actor_count();
    auto relations = graph.relation_count();
    auto russia = *graph.find_by_id("russia");
    auto touching = graph.out_relations(russia).size() + graph.in_relations(russia).size();
    Session session(graph);
    auto result = session.run("MATCH (n:state {id: 'russia'}) DETACH DELETE n");
    EXPECT_EQ(result.stats.relationships_deleted, static_cast<std::int64_t>(touching));
    EXPECT_EQ(graph.actor_count(), actors - 1);
    EXPECT_EQ(graph.relation_count(), relations - touching);
    for (const auto& relation : graph.relations()) {
        EXPECT_LT(relation.source, graph.actor_count());
        EXPECT_LT(relation.target, graph.actor_count());
    }
    auto years = session.run("MATCH (:state {id: 'mongolia'})<-[r]-() WHERE r.year >= 1990 RETURN count(r)");
    EXPECT_GT(years.rows.at(0).at(0).as_integer(), 0);
}

}  // namespace
}  // namespace actorgraph::cypher
