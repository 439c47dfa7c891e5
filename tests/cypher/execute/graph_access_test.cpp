// How Cypher reads and writes the model's fields: SET on id, label and aliases renames the actor.
#include <gtest/gtest.h>

#include "cypher/session_fixture.hpp"

namespace actorgraph::cypher {
namespace {

class CypherGraphAccess : public CypherSessionTest {};

TEST_F(CypherGraphAccess, SettingIdLabelAndAliasesRenamesTheActorSoLookupsFollow)
{
    run("CREATE (:state {id: 'china', label: 'China'})-[:pressure]->(:state {id: 'mongolia'})");
    auto result = run("MATCH (n {id: 'china'}) SET n.id = 'prc', n.label = 'PRC', n.aliases = ['Zhongguo', 'PRC China']");
    EXPECT_EQ(result.stats.properties_set, 3);
    EXPECT_FALSE(graph.find_by_id("china"));
    ASSERT_TRUE(graph.find_by_id("prc"));
    EXPECT_EQ(graph.find_by_name("zhongguo").size(), 1u);
    EXPECT_EQ(single("MATCH ({id: 'prc'})-[:pressure]->(m) RETURN m.id").as_string(), "mongolia");
    EXPECT_EQ(single("MATCH (n {id: 'prc'}) RETURN n.aliases").as_list().size(), 2u);
    auto removed = run("MATCH (n {id: 'prc'}) REMOVE n.label, n.aliases");
    EXPECT_EQ(removed.stats.properties_removed, 2);
    EXPECT_TRUE(graph.actor(*graph.find_by_id("prc")).label.empty());
}

TEST_F(CypherGraphAccess, ATakenIdIsAConstraintErrorAtTheSetClauseAndChangesNothing)
{
    run("CREATE ({id: 'a'}), ({id: 'b'})");
    auto error = error_of("MATCH (n {id: 'a'})\nSET n.id = 'b'");
    EXPECT_EQ(error.error_class(), ErrorClass::ConstraintVerificationFailed);
    EXPECT_EQ(error.detail(), "DuplicateId");
    EXPECT_EQ(error.position().line, 2);
    EXPECT_TRUE(graph.find_by_id("a"));
}

TEST_F(CypherGraphAccess, AnIdThatIsNotAStringIsAPropertyBesideAHiddenGeneratedId)
{
    run("CREATE ({id: 'a'})");
    run("MATCH (n {id: 'a'}) SET n.id = 7");
    EXPECT_FALSE(graph.find_by_id("a"));
    EXPECT_EQ(single("MATCH (n) RETURN n.id").as_integer(), 7);
    run("MATCH (n) SET n.id = 'back'");
    EXPECT_EQ(single("MATCH (n {id: 'back'}) RETURN keys(n)").as_list().size(), 1u);
}

TEST_F(CypherGraphAccess, TheLabelsPropertyStaysReserved)
{
    run("CREATE ({id: 'a'})");
    EXPECT_EQ(error_of("MATCH (n) SET n.labels = 'x'").detail(), "ReservedProperty");
}

TEST_F(CypherGraphAccess, WrittenValuesDeclareTheirTypeAndTypedListsAreStoredAsNeo4jArrays)
{
    run("CREATE ({id: 'a'})-[:knows]->({id: 'b'})");
    run("MATCH (n {id: 'a'})-[r]->() SET n.at = date('2015-07-21'), n.xs = [1, 2], n.mixed = [1, 'x'], "
        "n.word = 'plain', n.code = '42', r.ok = true");
    auto a = *graph.find_by_id("a");
    EXPECT_EQ(graph.actor_property_types.of("at"), "date");
    EXPECT_EQ(graph.actor(a).properties.at("at"), "2015-07-21");
    EXPECT_EQ(graph.actor_property_types.of("xs"), "long[]");
    EXPECT_EQ(graph.actor(a).properties.at("xs"), "1;2");
    EXPECT_EQ(graph.actor_property_types.of("mixed"), "");
    EXPECT_EQ(graph.actor(a).properties.at("mixed"), "[1, 'x']");
    EXPECT_EQ(graph.actor_property_types.of("word"), "");    // reads back as a string anyway
    EXPECT_EQ(graph.actor_property_types.of("code"), "string");  // would read back as a number
    EXPECT_EQ(graph.relation_property_types.of("ok"), "boolean");
}

TEST_F(CypherGraphAccess, TextThatIsNotOfItsNamesDeclaredTypeIsReadByTheUntypedRule)
{
    EXPECT_EQ(typed_property_value("date", "at", "2015-07-21").type(), ValueType::Date);
    EXPECT_EQ(typed_property_value("date", "at", "soon").as_string(), "soon");
    EXPECT_EQ(typed_property_value("boolean", "ok", "7").as_integer(), 7);
    EXPECT_EQ(typed_property_value("long[]", "xs", "1;2").as_list().size(), 2u);
    EXPECT_EQ(typed_property_value("", "n", "2.5").as_float(), 2.5);
}

}  // namespace
}  // namespace actorgraph::cypher
