// The binder's scopes and clause rules that the other binder tests do not cover.
#include <gtest/gtest.h>

#include <string>

#include "cypher/bind/bind_error.hpp"
#include "cypher/bind/binder.hpp"
#include "cypher/parse/parser.hpp"

namespace actorgraph::cypher {
namespace {

TEST(CypherBinder, WithWhereSeesTheVariablesBeforeTheProjection)
{
    EXPECT_NO_THROW(bind(parse_query("MATCH (a) WITH a.name AS name WHERE a.name = 'B' RETURN *")));
    EXPECT_NO_THROW(bind(parse_query("MATCH (a) OPTIONAL MATCH (a)-[r]->() WITH a WHERE r IS NULL RETURN a")));
    // ... but not after it, and not when the projection aggregates.
    EXPECT_EQ(bind_error_of("MATCH (a) WITH a.name AS name WHERE true RETURN a").detail(), "UndefinedVariable");
    EXPECT_EQ(bind_error_of("MATCH (a) WITH count(*) AS c WHERE a.x = 1 RETURN c").detail(), "UndefinedVariable");
}

TEST(CypherBinder, MatchRefusesAParameterAsAPropertyMap)
{
    auto error = bind_error_of("MATCH (a $param) RETURN a");
    EXPECT_EQ(error.detail(), "InvalidParameterUse");
    EXPECT_EQ(error.position().column, 10);
    EXPECT_EQ(bind_error_of("MATCH (a)-[r $param]->(b) RETURN r").detail(), "InvalidParameterUse");
    EXPECT_NO_THROW(bind(parse_query("CREATE (a $param) RETURN a")));
    // MERGE matches too, so it refuses a parameter map like MATCH.
    EXPECT_EQ(bind_error_of("MERGE (a $param) RETURN a").detail(), "InvalidParameterUse");
    auto merged = bind_error_of("MATCH (a), (b)\nMERGE (a)-[r:KNOWS $param]->(b) RETURN r");
    EXPECT_EQ(merged.detail(), "InvalidParameterUse");
    EXPECT_EQ(merged.position().line, 2);
    EXPECT_NO_THROW(bind(parse_query("MATCH (a {name: $param.name}) RETURN a")));
}

TEST(CypherBinder, WithStarMayCarryNoVariablesButReturnStarMayNot)
{
    EXPECT_NO_THROW(bind(parse_query("MATCH () CREATE () WITH * CREATE ()")));
    EXPECT_EQ(bind_error_of("MATCH () RETURN *").detail(), "NoVariablesInScope");
}

TEST(CypherBinder, CreateAndMergeRefuseWhatIsAlreadyBound)
{
    EXPECT_EQ(bind_error_of("MATCH (a) CREATE (a)").detail(), "VariableAlreadyBound");
    auto relationship = bind_error_of("MATCH ()-[r]->()\nCREATE ()-[r]->()");
    EXPECT_EQ(relationship.detail(), "VariableAlreadyBound");
    EXPECT_EQ(relationship.position().line, 2);
    EXPECT_EQ(bind_error_of("MATCH (a)-[r]->(b) MERGE (a)-[r]->(b)").detail(), "VariableAlreadyBound");
    EXPECT_NO_THROW(bind(parse_query("MATCH (a) CREATE (a)-[:R]->(b), (b)-[:R]->(a)")));
    EXPECT_NO_THROW(bind(parse_query("CREATE (a) CREATE (b)-[:R]->(a)")));
}

}  // namespace
}  // namespace actorgraph::cypher
