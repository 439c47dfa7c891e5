#include "actorgraph/cypher/engine.hpp"

#include <gtest/gtest.h>

#include "actorgraph/io/dot_reader.hpp"
#include "actorgraph/io/dot_writer.hpp"
#include "actorgraph/io/graphml.hpp"
#include "cypher/session_fixture.hpp"

namespace actorgraph::cypher {
namespace {

// Runs statements on one graph and reads single values back.
class CypherEngine : public CypherSessionTest {};

TEST_F(CypherEngine, EvaluatesExpressionsWithNullPropagationAndThreeValuedLogic)
{
    EXPECT_EQ(single("RETURN 1 + 2 * 3").as_integer(), 7);
    EXPECT_EQ(single("RETURN 7 / 2").as_integer(), 3);
    EXPECT_DOUBLE_EQ(single("RETURN 7 / 2.0").as_float(), 3.5);
    EXPECT_TRUE(single("RETURN null + 1").is_null());
    EXPECT_FALSE(single("RETURN false AND null").as_boolean());
    EXPECT_TRUE(single("RETURN true OR null").as_boolean());
    EXPECT_TRUE(single("RETURN true AND null").is_null());
    EXPECT_TRUE(single("RETURN null = null").is_null());
    EXPECT_TRUE(single("RETURN 1 = 1.0").as_boolean());
    EXPECT_TRUE(single("RETURN [1, null] = [1, 2]").is_null());
    EXPECT_FALSE(single("RETURN [1, null] = [2, 2]").as_boolean());
    EXPECT_TRUE(single("RETURN 1 < 2 < 3").as_boolean());
    EXPECT_TRUE(single("RETURN 2 IN [1, null]").is_null());
    EXPECT_EQ(single("RETURN 'a' + 'b'").as_string(), "ab");
    EXPECT_EQ(single("RETURN size([x IN range(1, 10) WHERE x % 2 = 0 | x * x])").as_integer(), 5);
    EXPECT_TRUE(single("RETURN all(x IN [1, 2] WHERE x > 0)").as_boolean());
    EXPECT_EQ(single("RETURN reduce(s = 0, x IN [1, 2, 3] | s + x)").as_integer(), 6);
    EXPECT_EQ(single("RETURN CASE 2 WHEN 1 THEN 'one' WHEN 2 THEN 'two' END").as_string(), "two");
    EXPECT_EQ(single("RETURN [1, 2, 3][-1]").as_integer(), 3);
    EXPECT_EQ(single("RETURN [1, 2, 3][1..]").as_list().size(), 2u);
    EXPECT_EQ(single("RETURN {a: {b: 5}}.a.b").as_integer(), 5);
}

TEST_F(CypherEngine, IntegerOverflowIsAnErrorNotAWrapAround)
{
    auto error = error_of("RETURN 9223372036854775807 + 1");
    EXPECT_EQ(error.error_class(), ErrorClass::ArgumentError);
    EXPECT_EQ(error.phase(), Phase::runtime);
}

TEST_F(CypherEngine, CreatesAndMatchesPatterns)
{
    auto created = run("CREATE (a:Company {name: 'A'})-[:INVESTS {amount: 10}]->(b:State {name: 'B'}), "
                       "(b)-[:PRESSURES]->(:State:Rogue {name: 'C'})");
    EXPECT_EQ(created.stats.nodes_created, 3);
    EXPECT_EQ(created.stats.relationships_created, 2);
    EXPECT_EQ(created.stats.labels_added, 4);
    EXPECT_EQ(created.stats.summary(), "3 nodes created, 2 relationships created, 4 labels added, 4 properties set");

    auto result = run("MATCH (a:Company)-[r:INVESTS|PRESSURES]->(b) RETURN a.name, type(r), r.amount, b.name");
    ASSERT_EQ(result.rows.size(), 1u);
    EXPECT_EQ(result.columns, (std::vector<std::string>{"a.name", "type(r)", "r.amount", "b.name"}));
    EXPECT_EQ(result.rows[0][2].as_integer(), 10);

    EXPECT_EQ(single("MATCH (n:Rogue) RETURN labels(n)").as_list().size(), 2u);
    EXPECT_EQ(single("MATCH (a {name: 'A'})-[*2]->(c) RETURN c.name").as_string(), "C");
    EXPECT_EQ(single("MATCH (c {name: 'C'})<-[*1..2]-(x) RETURN count(x)").as_integer(), 2);
    EXPECT_EQ(single("MATCH p = (:Company)-[*]->(:Rogue) RETURN length(p)").as_integer(), 2);
    EXPECT_EQ(single("MATCH (x)--(y) RETURN count(*)").as_integer(), 4);
    auto optional = run("MATCH (c:Rogue) OPTIONAL MATCH (c)-->(x) RETURN c.name, x");
    ASSERT_EQ(optional.rows.size(), 1u);
    EXPECT_TRUE(optional.rows[0][1].is_null());
    // A string property stays a string although its text is a number.
    run("CREATE ({code: '42'})");
    EXPECT_TRUE(single("MATCH (n) WHERE n.code IS NOT NULL RETURN n.code").is_string());
}

TEST_F(CypherEngine, AggregatesGroupsOrdersAndPages)
{
    run("UNWIND range(1, 10) AS i CREATE (:N {i: i, odd: i % 2 = 1})");
    auto result = run("MATCH (n:N) RETURN n.odd AS odd, count(*) AS c, sum(n.i) AS s, collect(n.i)[0] AS first "
                      "ORDER BY odd DESC");
    ASSERT_EQ(result.rows.size(), 2u);
    EXPECT_TRUE(result.rows[0][0].as_boolean());
    EXPECT_EQ(result.rows[0][1].as_integer(), 5);
    EXPECT_EQ(result.rows[0][2].as_integer(), 25);
    EXPECT_DOUBLE_EQ(single("MATCH (n:N) RETURN avg(n.i)").as_float(), 5.5);
    EXPECT_DOUBLE_EQ(single("MATCH (n:N) RETURN percentileCont(n.i, 0.5)").as_float(), 5.5);
    EXPECT_EQ(single("MATCH (n:N) RETURN percentileDisc(n.i, 0.5)").as_integer(), 5);
    EXPECT_EQ(single("MATCH (n:N) WITH n ORDER BY n.i DESC SKIP 2 LIMIT 1 RETURN n.i").as_integer(), 8);
    EXPECT_EQ(single("MATCH (n:N) WITH DISTINCT n.odd AS o RETURN count(o)").as_integer(), 2);
    EXPECT_EQ(single("MATCH (n:N) RETURN count(*)").as_integer(), 10);
    EXPECT_EQ(single("MATCH (n:Missing) RETURN count(*)").as_integer(), 0);
    EXPECT_EQ(run("RETURN 1 AS x UNION RETURN 1 AS x").rows.size(), 1u);
    EXPECT_EQ(run("RETURN 1 AS x UNION ALL RETURN 1 AS x").rows.size(), 2u);
}

TEST_F(CypherEngine, CompileTimeErrorsNameTheirDetailAndPosition)
{
    auto undefined = error_of("MATCH (a) RETURN b");
    EXPECT_EQ(undefined.error_class(), ErrorClass::SyntaxError);  // as the TCK files compile-time checks
    EXPECT_EQ(undefined.detail(), "UndefinedVariable");
    EXPECT_EQ(undefined.phase(), Phase::compile);
    EXPECT_EQ(undefined.position().column, 18);
    EXPECT_EQ(error_of("MATCH (a) CREATE (a:B)").detail(), "VariableAlreadyBound");
    EXPECT_EQ(error_of("RETURN foo(1)").detail(), "UnknownFunction");
    EXPECT_EQ(error_of("CREATE ()-[:A|B]->()").detail(), "NoSingleRelationshipType");
    EXPECT_EQ(error_of("CREATE ()-[:A]-()").detail(), "RequiresDirectedRelationship");
    EXPECT_EQ(error_of("WITH 1 + 1 RETURN 1").detail(), "NoExpressionAlias");
    EXPECT_EQ(error_of("RETURN 1 AS a, 2 AS a").detail(), "ColumnNameConflict");
    EXPECT_EQ(error_of("RETURN 1 AS a UNION RETURN 2 AS b").detail(), "DifferentColumnsInUnion");
    EXPECT_EQ(error_of("MATCH (a) WHERE count(a) > 1 RETURN a").detail(), "InvalidAggregation");
    EXPECT_EQ(error_of("RETURN count(count(*))").detail(), "NestedAggregation");
    EXPECT_EQ(error_of("RETURN 1 AND true").detail(), "InvalidArgumentType");
    auto missing = error_of("RETURN $x");
    EXPECT_EQ(missing.error_class(), ErrorClass::ParameterMissing);
    EXPECT_EQ(missing.phase(), Phase::compile);
}

TEST_F(CypherEngine, AFailedWriteLeavesTheGraphAsItWas)
{
    run("CREATE (:A {id: 'one'})");
    auto error = error_of("CREATE (:A {id: 'two'}) WITH 1 AS x UNWIND [1, 0] AS d RETURN 1 / d");
    EXPECT_EQ(error.detail(), "DivisionByZero");
    EXPECT_EQ(graph.actor_count(), 1u);
    EXPECT_EQ(single("MATCH (n:A) RETURN n.id").as_string(), "one");
}

TEST_F(CypherEngine, VariableLengthExpansionIsBoundedAndCancellable)
{
    run("UNWIND range(1, 12) AS i CREATE (:C {i: i})");
    run("MATCH (a:C), (b:C) WHERE a.i <> b.i CREATE (a)-[:T]->(b)");
    Limits limits;
    limits.max_expansions = 100000;
    try {
        session.run("MATCH p = (:C)-[*]->() RETURN count(p)", {}, limits);
        FAIL() << "expected the bound to stop the expansion";
    } catch (const Error& error) {
        EXPECT_EQ(error.detail(), "ResourceLimit");
    }
    std::atomic<bool> cancel{true};
    limits.cancel = &cancel;
    try {
        session.run("MATCH p = (:C)-[*]->() RETURN count(p)", {}, limits);
        FAIL() << "expected cancellation";
    } catch (const Error& error) {
        EXPECT_EQ(error.detail(), "Cancelled");
    }
}

TEST_F(CypherEngine, UnwindingALongListStopsWhenCancelled)
{
    List items;
    for (int i = 0; i < 2000; ++i) items.push_back(Value::integer(i));
    Map parameters{{"items", Value::list(std::move(items))}};
    Limits limits;
    limits.max_rows = 100000;  // without a step count in UNWIND, this bound would be what stops it
    std::atomic<bool> cancel{true};
    limits.cancel = &cancel;
    try {
        session.run("UNWIND $items AS x UNWIND $items AS y RETURN count(*)", parameters, limits);
        FAIL() << "expected cancellation";
    } catch (const Error& error) {
        EXPECT_EQ(error.detail(), "Cancelled") << error.what();
    }
}

TEST_F(CypherEngine, NodeIdsAreLookedUpAndGeneratedIdsAreHidden)
{
    run("CREATE ({id: 'x', label: 'Ex'}), ({name: 'anonymous'})");
    EXPECT_EQ(single("MATCH (n {id: 'x'}) RETURN n.label").as_string(), "Ex");
    auto keys = single("MATCH (n {name: 'anonymous'}) RETURN keys(n)").as_list();
    ASSERT_EQ(keys.size(), 1u);
    EXPECT_EQ(keys[0].as_string(), "name");
}

TEST(CypherBundledGraph, WellKnownPropertiesAreTypedSoYearsCompareAndAmountsSum)
{
    auto graph = read_dot_file(ACTORGRAPH_SOURCE_DIR "/graphs/nato_mongolia.gv");
    Session session(graph);
    auto years = session.run("MATCH ()-[r]->() WHERE r.year >= 2010 RETURN count(r)");
    EXPECT_EQ(years.rows.at(0).at(0).as_integer(), 32);
    auto amounts = session.run("MATCH ()-[r]->() RETURN sum(r.amount_usd)");
    ASSERT_TRUE(amounts.rows.at(0).at(0).is_float());
    EXPECT_DOUBLE_EQ(amounts.rows.at(0).at(0).as_float(), 24073000000.0);
    auto states = session.run("MATCH (s:state {id: 'mongolia'})<-[:pressure]-(p) RETURN p.label ORDER BY p.label");
    EXPECT_FALSE(states.rows.empty());
}

TEST(CypherTyping, TextSpelledAsANumberIsANumber)
{
    EXPECT_TRUE(property_value("note", "42").is_integer());
    EXPECT_TRUE(property_value("note", "-1.5e3").is_float());
    EXPECT_TRUE(property_value("note", "inf").is_string());
    EXPECT_TRUE(property_value("amount_usd", "100").is_float());
    EXPECT_TRUE(property_value("year", "2015").is_integer());
    EXPECT_TRUE(property_value("year", "around 2015").is_string());
    EXPECT_EQ(property_text(Value::floating(1.0)), "1.0");
}

// The rule the README states: DOT has no types, so a temporal value saved there comes back as its openCypher
// text (a string), which date(text) types again; GraphML keeps its type (actorgraph:type).
TEST_F(CypherEngine, ATemporalValueSavedComesBackAsTextFromDotAndTypedFromGraphml)
{
    run("CREATE (:state {id: 'x', d: date('2015-07-21'), t: duration('P1DT2H')})");
    for (bool dot : {true, false}) {
        Graph reread = dot ? read_dot(write_dot(graph), "saved.gv") : read_graphml(write_graphml(graph), "saved.graphml");
        Session again(reread);
        auto result = again.run("MATCH (n {id: 'x'}) RETURN n.d, n.t, date(n.d) = date('2015-07-21')");
        ASSERT_EQ(result.rows.size(), 1u);
        EXPECT_EQ(result.rows[0][0].is_string(), dot);
        EXPECT_EQ(result.rows[0][1].is_string(), dot);
        EXPECT_EQ(result.rows[0][1].is_temporal(), !dot);
        EXPECT_EQ(property_text(result.rows[0][0]), "2015-07-21");
        EXPECT_EQ(property_text(result.rows[0][1]), "P1DT2H");
        EXPECT_TRUE(result.rows[0][2].as_boolean());
    }
}

}  // namespace
}  // namespace actorgraph::cypher
