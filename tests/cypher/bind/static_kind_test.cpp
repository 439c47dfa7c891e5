// Compile-time kinds: a use that a variable's or expression's kind rules out fails before the statement runs,
// with the class and detail Neo4j gives, at the offending operand; unknown kinds pass to run time.
#include <gtest/gtest.h>

#include <string>

#include "cypher/bind/bind_error.hpp"
#include "cypher/bind/binder.hpp"
#include "cypher/bind/static_kind.hpp"
#include "cypher/parse/parser.hpp"

namespace actorgraph::cypher {
namespace {

void expect_bound(const std::string& text)
{
    EXPECT_NO_THROW(bind(parse_query(text))) << text;
}

TEST(CypherStaticKind, AnExpressionsFormTellsItsKind)
{
    auto kind_of = [](const std::string& expression) {
        auto query = parse_query("RETURN " + expression);
        return static_kind(*query.parts[0].clauses[0].projection.items[0].expression,
                           [](const std::string&) { return StaticKind::Node; });
    };
    EXPECT_EQ(kind_of("1"), StaticKind::Integer);
    EXPECT_EQ(kind_of("'a'"), StaticKind::String);
    EXPECT_EQ(kind_of("[1, 2]"), StaticKind::List);
    EXPECT_EQ(kind_of("{a: 1}"), StaticKind::Map);
    EXPECT_EQ(kind_of("1 < 2"), StaticKind::Boolean);
    EXPECT_EQ(kind_of("x"), StaticKind::Node);
    EXPECT_EQ(kind_of("null"), StaticKind::Any);
    EXPECT_EQ(kind_of("1 + 2"), StaticKind::Any);
    EXPECT_EQ(kind_of("x.prop"), StaticKind::Any);
}

TEST(CypherStaticKind, MatchingAVariableBoundToAValueIsATypeConflict)
{
    for (const char* value : {"true", "123", "123.4", "'foo'", "[10]", "{x: []}"}) {
        auto error = bind_error_of(std::string("WITH ") + value + " AS n\nMATCH (n)\nRETURN n");
        EXPECT_EQ(error.detail(), "VariableTypeConflict") << value;
        EXPECT_EQ(error.position().line, 2) << value;
    }
    expect_bound("WITH null AS n MATCH (n) RETURN n");
    expect_bound("UNWIND [1] AS n MATCH (m) WHERE m.v = n RETURN m");
}

TEST(CypherStaticKind, AVariableLengthRelationshipIsAListNotANode)
{
    EXPECT_EQ(bind_error_of("MATCH ()-[r*]-()-[]-(r) RETURN r").detail(), "VariableTypeConflict");
    expect_bound("MATCH ()-[r*]-() WITH r MATCH ()-[r*]-() RETURN r");
}

TEST(CypherStaticKind, PropertyAccessOnANonMapIsATypeErrorAtCompileTime)
{
    auto error = bind_error_of("WITH [123, true] AS x\nRETURN x.num");
    EXPECT_EQ(error.error_class(), ErrorClass::TypeError);
    EXPECT_EQ(error.detail(), "InvalidArgumentType");
    EXPECT_EQ(error.phase(), Phase::compile);
    EXPECT_EQ(error.position().line, 2);
    expect_bound("WITH {num: 1} AS x RETURN x.num");
    auto path = bind_error_of("MATCH (n)\nMATCH r = (n)-[*]->()\nWHERE r.name = 'apa'\nRETURN r");
    EXPECT_EQ(path.error_class(), ErrorClass::SyntaxError);
    EXPECT_EQ(path.detail(), "InvalidArgumentType");
    EXPECT_EQ(path.position().line, 3);
    expect_bound("UNWIND [1] AS x RETURN x.num");  // unknown until it runs
}

TEST(CypherStaticKind, FunctionsRefuseArgumentsOfAKindTheyNeverTake)
{
    for (const char* query : {"MATCH p = ()-->() RETURN labels(p)", "MATCH (n) RETURN type(n)",
                              "MATCH (n) RETURN length(n)", "MATCH ()-[r]->() RETURN length(r)",
                              "MATCH p = (a)-[*]->(b) RETURN size(p)", "RETURN properties(1)",
                              "RETURN properties('Cypher')", "RETURN properties([true, false])"}) {
        auto error = bind_error_of(query);
        EXPECT_EQ(error.error_class(), ErrorClass::SyntaxError) << query;
        EXPECT_EQ(error.detail(), "InvalidArgumentType") << query;
    }
    expect_bound("MATCH p = (n)-->() RETURN labels(n), length(p), size(nodes(p)), properties({a: 1}), size('abc')");
}

TEST(CypherStaticKind, InNeedsAList)
{
    auto error = bind_error_of("RETURN 1 IN {x: []}");
    EXPECT_EQ(error.detail(), "InvalidArgumentType");
    EXPECT_EQ(error.position().column, 13);
    expect_bound("WITH [1] AS l RETURN 1 IN l, 1 IN null");
}

TEST(CypherStaticKind, ArithmeticOnWhatIsNeverANumberFails)
{
    for (const char* query : {"RETURN none(x IN ['Clara'] WHERE x % 2 = 0) AS r", "RETURN [x IN [false, true] | x * 2] AS r",
                              "RETURN single(x IN ['a', 'b'] WHERE x - 1 > 0) AS r", "RETURN 'a' / 2 AS r"}) {
        auto error = bind_error_of(query);
        EXPECT_EQ(error.error_class(), ErrorClass::SyntaxError) << query;
        EXPECT_EQ(error.detail(), "InvalidArgumentType") << query;
    }
    // Mixed lists, numbers and values of unknown kind (temporal ones among them) pass to run time.
    expect_bound("RETURN [x IN [1, 'a'] | x % 2] AS a, [x IN [1, 2.5] | x % 2] AS b, date() - duration('P1D') AS c, "
                 "'a' + 1 AS d");
}

TEST(CypherStaticKind, AWhereMustBeABoolean)
{
    EXPECT_EQ(bind_error_of("MATCH (n) WHERE (n) RETURN n").detail(), "InvalidArgumentType");
    EXPECT_EQ(bind_error_of("MATCH (n) WITH n WHERE 1 RETURN n").detail(), "InvalidArgumentType");
    expect_bound("MATCH (n) WHERE n.flag RETURN n");
}

}  // namespace
}  // namespace actorgraph::cypher
