// A write statement is atomic: when it fails, the graph is exactly as before (elements, their order and ids,
// properties and their order, labels, the values Cypher typed and the declared property types), whatever kind of
// write came before the failure.
#include <gtest/gtest.h>

#include <string>

#include "actorgraph/cypher/engine.hpp"
#include "actorgraph/cypher/output.hpp"

namespace actorgraph::cypher {
namespace {

std::string joined(const std::vector<std::string>& texts)
{
    std::string text;
    for (const auto& each : texts) text += each + ";";
    return text;
}

std::string text_of(const Properties& properties)
{
    std::string text;
    for (const auto& [key, value] : properties) text += std::string(key) + "=" + std::string(value) + ",";
    return text;
}

std::string text_of(const PropertyTypes& types)
{
    std::string text;
    for (const auto& [name, type] : types.all()) text += name + ":" + type + ",";
    return text;
}

// Everything a failed statement must leave as it was, one element a line, in the graph's order.
std::string dump(const Session& session)
{
    const auto& graph = session.graph();
    std::string text;
    for (ActorIndex i = 0; i < graph.actor_count(); ++i) {
        const auto& actor = graph.actor(i);
        text += "actor " + std::to_string(i) + " " + actor.id + " '" + actor.label + "' " + actor.kind.str() + " aliases " +
                joined(actor.aliases) + " {" + text_of(actor.properties) + "} labels " + joined(session.labels(i)) +
                " typed " + to_cypher_text(session, Value::map(session.properties(i)));
        auto found = graph.find_by_id(actor.id);
        text += found && *found == i ? " indexed\n" : " NOT INDEXED\n";
    }
    for (RelationIndex r = 0; r < graph.relation_count(); ++r) {
        const auto& relation = graph.relation(r);
        text += "relation " + std::to_string(r) + " " + std::to_string(relation.source) +
                (graph.is_undirected(r) ? "--" : "->") + std::to_string(relation.target) + " " + relation.type.str() +
                " {" + text_of(relation.properties) + "} typed " +
                to_cypher_text(session, Value::map(session.relationship_properties(r))) + "\n";
    }
    text += "actor types " + text_of(graph.actor_property_types) + "\n";
    text += "relation types " + text_of(graph.relation_property_types) + "\n";
    return text;
}

class StatementAtomicityTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        graph.add_actor(Actor{"a", "Alpha", Term("state"), {"A1", "The A"}, {{"year", "1990"}, {"note", "first"}}, {}});
        graph.add_actor(Actor{"b", "", Term("company"), {}, {{"labels", "Listed"}}, {}});
        graph.add_actor(Actor{"c", "Gamma", Term("official"), {}, {}, {}});
        graph.add_actor(Actor{"lonely", "", Term("organization"), {}, {}, {}});
        graph.add_relation(Relation{0, 1, Term("pressure"), {{"year", "2010"}}, {}});
        graph.add_relation(Relation{1, 2, Term("partnership"), {}, {}}, Orientation::undirected);
        graph.add_relation(Relation{2, 0, Term("investment"), {{"amount_usd", "5.5"}}, {}});
        // Values Cypher typed (kept in the session's overlay) and the types they declared.
        session.run("MATCH (a {id: 'a'}), (c {id: 'c'}) SET a.when = date('2020-01-02'), a.tags = [1, 2], c.code = '7'");
        session.run("MATCH ()-[r:pressure]->() SET r.since = 2001, r.flag = true");
        session.run("CREATE (:Extra {v: 1.5})");
    }

    // Runs the statement, which must fail, and checks the graph reads exactly as before it; then that an element
    // created at the same index as one the failed statement made carries nothing of it.
    void expect_failure_leaves_graph_as_before(const std::string& statement, ErrorClass expected)
    {
        auto before = dump(session);
        try {
            session.run(statement);
            ADD_FAILURE() << "no error for " << statement;
        } catch (const Error& error) {
            EXPECT_EQ(error.error_class(), expected) << error.what();
        }
        EXPECT_EQ(dump(session), before) << statement;
        auto created = session.run("CREATE (n {id: 'after'})-[r:affiliation]->(n) RETURN properties(n), properties(r)");
        EXPECT_EQ(to_cypher_text(session, created.rows.at(0).at(0)), "{id: 'after'}");
        EXPECT_EQ(to_cypher_text(session, created.rows.at(0).at(1)), "{}");
    }

    Graph graph;
    Session session{graph};
};

TEST_F(StatementAtomicityTest, ACreateOfSeveralNodesThatFailsLeavesNoneOfThem)
{
    expect_failure_leaves_graph_as_before(
        "CREATE (x:Company {id: 'n1', founded: date('2001-01-01')}), (y {weight: 3})-[:investment {amount_usd: 2.0, "
        "round: 'A'}]->(x) CREATE (:State {id: 'a'})",
        ErrorClass::ConstraintVerificationFailed);
}

TEST_F(StatementAtomicityTest, AFailingCreateFreesTheIdsItTookForLaterStatements)
{
    expect_failure_leaves_graph_as_before("CREATE ({id: 'fresh'}) CREATE ({id: 'a'})", ErrorClass::ConstraintVerificationFailed);
    EXPECT_NO_THROW(session.run("CREATE ({id: 'fresh'})"));
}

TEST_F(StatementAtomicityTest, AFailingMergeTakesBackWhatItCreatedAndWhatItsSetClausesChanged)
{
    expect_failure_leaves_graph_as_before(
        "MERGE (n:Company {id: 'm1'}) ON CREATE SET n.size = 3 MERGE (m {id: 'a'}) ON MATCH SET m.year = 1999, "
        "m.when = null MERGE (m)-[:pressure {year: 2024}]->(n) CREATE ({id: 'b'})",
        ErrorClass::ConstraintVerificationFailed);
}

TEST_F(StatementAtomicityTest, AFailingSetPutsBackPropertiesMapsAndLabels)
{
    expect_failure_leaves_graph_as_before(
        "MATCH (a {id: 'a'}), (b {id: 'b'}), (c {id: 'c'}), ()-[r:pressure]->() "
        "SET a.year = 1, a.note = date('2000-02-02'), a += {extra: 'x', when: null, tags: ['p', 'q']}, "
        "b:Official:Extra, c = {fresh: 1}, r.since = 'then', r += {flag: null, amount_usd: 7.0}, "
        "a.bad = {nested: 1}",
        ErrorClass::TypeError);
}

TEST_F(StatementAtomicityTest, AFailingSetPutsBackNamesChangedInAChain)
{
    // b takes a's old id and a takes b's: undone in the order they were made, each id is free when it returns.
    expect_failure_leaves_graph_as_before(
        "MATCH (a {id: 'a'}), (b {id: 'b'}) SET a.id = 't', b.id = 'a', a.id = 'b', a.label = 'New', "
        "a.aliases = ['x'], b.label = null WITH a CREATE ({id: 'c'})",
        ErrorClass::ConstraintVerificationFailed);
}

TEST_F(StatementAtomicityTest, AFailingRemovePutsBackPropertiesAndLabels)
{
    expect_failure_leaves_graph_as_before(
        "MATCH (a {id: 'a'}), (b {id: 'b'}), ()-[r:pressure]->() REMOVE a.year, a.when, a:State, a.label, "
        "a.aliases, b:Listed, r.since, r.year WITH a CREATE ({id: 'c'})",
        ErrorClass::ConstraintVerificationFailed);
}

TEST_F(StatementAtomicityTest, DeletingANodeThatKeepsRelationshipsAfterOtherDeletesChangesNothing)
{
    expect_failure_leaves_graph_as_before(
        "MATCH (l {id: 'lonely'}), ()-[r:investment]->() DELETE l, r WITH 1 AS one MATCH (a {id: 'a'}) DELETE a",
        ErrorClass::ConstraintVerificationFailed);
}

TEST_F(StatementAtomicityTest, ADetachDeleteFollowedByAnErrorChangesNothing)
{
    expect_failure_leaves_graph_as_before("MATCH (a {id: 'a'}) DETACH DELETE a WITH 1 AS one CREATE ({id: 'b'})",
                                          ErrorClass::ConstraintVerificationFailed);
}

TEST_F(StatementAtomicityTest, ARuntimeTypeErrorAfterEveryKindOfWriteChangesNothing)
{
    expect_failure_leaves_graph_as_before(
        "CREATE (n:New {v: 1}) SET n.v = 2, n:More WITH n MATCH (b {id: 'b'}), (c {id: 'c'}) "
        "SET b.year = 5 REMOVE c:official DETACH DELETE c WITH n RETURN n.v + true",
        ErrorClass::TypeError);
}

TEST_F(StatementAtomicityTest, AFailedStatementLeavesNoTypeItDeclared)
{
    expect_failure_leaves_graph_as_before(
        "MATCH (a {id: 'a'}) SET a.year = 'late', a.newdate = date('2021-03-04') CREATE ()-[:x {when: time('10:00')}]->() "
        "CREATE ({id: 'b'})",
        ErrorClass::ConstraintVerificationFailed);
}

TEST_F(StatementAtomicityTest, AStatementThatSucceedsKeepsAllItsWrites)
{
    auto before = dump(session);
    session.run("MATCH (a {id: 'a'}) SET a.year = 1 CREATE ({id: 'kept'})");
    EXPECT_NE(dump(session), before);
    EXPECT_EQ(to_cypher_text(session, session.run("MATCH (a {id: 'a'}) RETURN a.year").rows.at(0).at(0)), "1");
    EXPECT_EQ(session.run("MATCH (n {id: 'kept'}) RETURN n").rows.size(), 1u);
}

}  // namespace
}  // namespace actorgraph::cypher
