// CALL as Neo4j runs it: standalone (every output, or what YIELD names), in a query (YIELD binds variables,
// WHERE filters, one procedure run per input row), and the errors of a call that cannot be made.
#include <gtest/gtest.h>

#include "cypher/session_fixture.hpp"

namespace actorgraph::cypher {
namespace {

class CypherCall : public CypherSessionTest {
protected:
    void SetUp() override
    {
        run("CREATE (:State {name: 'Mongolia'})-[:INVESTMENT {amount_usd: 5}]->(:Company:Miner {name: 'Oyu'}), "
            "(:Official {name: 'X'})-[:PRESSURE {year: 2010}]->(:State {name: 'China'})");
    }

    static std::vector<std::string> strings(const Result& result, std::size_t column = 0)
    {
        std::vector<std::string> values;
        for (const auto& row : result.rows) values.push_back(row.at(column).as_string());
        return values;
    }
};

TEST_F(CypherCall, StandaloneCallReturnsEveryOutputColumn)
{
    auto result = run("CALL db.labels()");
    EXPECT_EQ(result.columns, (std::vector<std::string>{"label"}));
    EXPECT_EQ(strings(result), (std::vector<std::string>{"Company", "Miner", "Official", "State"}));

    auto types = run("CALL db.relationshipTypes");
    EXPECT_EQ(types.columns, (std::vector<std::string>{"relationshipType"}));
    EXPECT_EQ(strings(types), (std::vector<std::string>{"INVESTMENT", "PRESSURE"}));

    auto keys = run("CALL db.propertyKeys() YIELD *");
    EXPECT_EQ(keys.columns, (std::vector<std::string>{"propertyKey"}));
    EXPECT_EQ(strings(keys), (std::vector<std::string>{"amount_usd", "name", "year"}));
}

TEST_F(CypherCall, StandaloneYieldRenamesAndWhereFilters)
{
    auto result = run("CALL db.labels() YIELD label AS l WHERE l STARTS WITH 'M' OR l = 'State'");
    EXPECT_EQ(result.columns, (std::vector<std::string>{"l"}));
    EXPECT_EQ(strings(result), (std::vector<std::string>{"Miner", "State"}));
}

TEST_F(CypherCall, InQueryCallJoinsEachInputRowWithTheProcedureRows)
{
    auto result = run("UNWIND [1, 2] AS i CALL db.relationshipTypes() YIELD relationshipType AS t "
                      "WHERE t <> 'PRESSURE' RETURN i, t ORDER BY i");
    ASSERT_EQ(result.rows.size(), 2u);
    EXPECT_EQ(result.rows[0][0].as_integer(), 1);
    EXPECT_EQ(result.rows[1][1].as_string(), "INVESTMENT");

    auto counted = run("CALL db.labels() YIELD label MATCH (n) WHERE label IN labels(n) "
                       "RETURN label, count(n) AS nodes ORDER BY label");
    ASSERT_EQ(counted.rows.size(), 4u);
    EXPECT_EQ(counted.rows[3][0].as_string(), "State");
    EXPECT_EQ(counted.rows[3][1].as_integer(), 2);
}

TEST_F(CypherCall, ProceduresSeeTheStatementsWritesAndDeletions)
{
    run("CREATE (:Agency)");
    EXPECT_EQ(run("CALL db.labels()").rows.size(), 5u);
    run("MATCH (n:Agency) DELETE n");
    EXPECT_EQ(run("CALL db.labels()").rows.size(), 4u);
    auto same_statement = run("MATCH (n:Official) DETACH DELETE n WITH count(*) AS gone "
                              "CALL db.labels() YIELD label RETURN collect(label) AS labels");
    EXPECT_EQ(same_statement.rows.at(0).at(0).as_list().size(), 3u);
}

TEST_F(CypherCall, UnknownProcedureIsAProcedureErrorWithASuggestion)
{
    auto error = error_of("CALL db.lables()");
    EXPECT_EQ(error.error_class(), ErrorClass::ProcedureError);
    EXPECT_EQ(error.detail(), "ProcedureNotFound");
    EXPECT_EQ(error.phase(), Phase::compile);
    EXPECT_NE(error.message().find("did you mean db.labels()"), std::string::npos) << error.message();
    EXPECT_EQ(error.position().line, 1);
    EXPECT_EQ(error.position().column, 1);

    auto in_query = error_of("MATCH (n)\nCALL nothing.here() YIELD x RETURN x");
    EXPECT_EQ(in_query.detail(), "ProcedureNotFound");
    EXPECT_EQ(in_query.position().line, 2);
    EXPECT_EQ(in_query.message().find("did you mean"), std::string::npos) << in_query.message();
}

TEST_F(CypherCall, WrongArgumentCountNamesTheCallsPosition)
{
    auto error = error_of("CALL db.labels(1)");
    EXPECT_EQ(error.error_class(), ErrorClass::SyntaxError);
    EXPECT_EQ(error.detail(), "InvalidNumberOfArguments");
    EXPECT_EQ(error.position().column, 15);
}

TEST_F(CypherCall, YieldChecksItsOutputsAndVariables)
{
    auto unknown = error_of("CALL db.labels() YIELD lable RETURN lable");
    EXPECT_EQ(unknown.detail(), "UnknownProcedureOutput");
    EXPECT_NE(unknown.message().find("label"), std::string::npos) << unknown.message();
    EXPECT_EQ(unknown.position().column, 24);

    EXPECT_EQ(error_of("WITH 1 AS label CALL db.labels() YIELD label RETURN label").detail(), "VariableAlreadyBound");
    EXPECT_EQ(error_of("MATCH (n) CALL db.labels() YIELD * RETURN n").detail(), "UnexpectedSyntax");
    EXPECT_EQ(error_of("MATCH (n) CALL db.labels() RETURN label").detail(), "UndefinedVariable");
    EXPECT_EQ(error_of("MATCH (n) CALL db.labels() YIELD label").detail(), "InvalidClauseComposition");
    EXPECT_EQ(error_of("CALL db.labels() YIELD label RETURN n").detail(), "UndefinedVariable");
}

TEST_F(CypherCall, ABraceAfterCallIsASubqueryNotAProcedure)
{
    auto result = run("CALL { RETURN 1 AS x UNION RETURN 2 AS x } RETURN x ORDER BY x");
    ASSERT_EQ(result.rows.size(), 2u);
    EXPECT_EQ(result.rows[1][0].as_integer(), 2);
}

TEST_F(CypherCall, CallIsAReadingClauseThatDoesNotCountAsAWrite)
{
    auto result = run("CALL db.labels() YIELD label RETURN count(label) AS n");
    EXPECT_FALSE(result.stats.changed_anything());
    EXPECT_TRUE(result.changes.empty());
    EXPECT_EQ(result.rows.at(0).at(0).as_integer(), 4);
}

TEST_F(CypherCall, DefinedTableProceduresMatchTheirArgumentsAgainstTheTable)
{
    session.define_procedure({"test.city", {{"name", "STRING?"}, {"id", "INTEGER?"}}, {{"city", "STRING?"}},
                              {{Value::string("Stefan"), Value::integer(1), Value::string("Berlin")},
                               {Value::string("Stefan"), Value::integer(2), Value::string("Munich")},
                               {Value(), Value(), Value::string("nowhere")}}});
    EXPECT_EQ(strings(run("CALL test.city('Stefan', 2)")), (std::vector<std::string>{"Munich"}));
    EXPECT_EQ(strings(run("CALL test.city(null, null)")), (std::vector<std::string>{"nowhere"}));
    // Standalone and without parentheses, the arguments are the parameters named like the inputs.
    auto implicit = run("CALL test.city", {{"name", Value::string("Stefan")}, {"id", Value::integer(1)}});
    EXPECT_EQ(strings(implicit), (std::vector<std::string>{"Berlin"}));

    auto missing = error_of("CALL test.city");
    EXPECT_EQ(missing.error_class(), ErrorClass::ParameterMissing);
    EXPECT_EQ(error_of("MATCH (n) CALL test.city YIELD city RETURN city").detail(), "InvalidArgumentPassingMode");
    EXPECT_EQ(error_of("CALL test.city('Stefan')").detail(), "InvalidNumberOfArguments");
    EXPECT_EQ(error_of("CALL test.city('Stefan', 'one')").detail(), "InvalidArgumentType");
    EXPECT_EQ(error_of("MATCH (n) CALL test.city(count(n), 1) YIELD city RETURN city").detail(), "InvalidAggregation");
}

TEST_F(CypherCall, AVoidProcedurePassesItsInputRowsOn)
{
    session.define_procedure({"test.doNothing", {}, {}, {}});
    EXPECT_TRUE(run("CALL test.doNothing()").rows.empty());
    EXPECT_EQ(run("MATCH (n) CALL test.doNothing() RETURN n").rows.size(), 4u);
    EXPECT_EQ(run("MATCH (n) CALL test.doNothing").rows.size(), 0u) << "a query may end with a void call";
}

TEST_F(CypherCall, NumberAndFloatInputsTakeIntegers)
{
    session.define_procedure({"test.half", {{"in", "FLOAT?"}}, {{"out", "FLOAT?"}},
                              {{Value::floating(42.0), Value::floating(21.0)}}});
    EXPECT_DOUBLE_EQ(single("CALL test.half(42) YIELD out RETURN out").as_float(), 21.0);
    EXPECT_THROW(session.define_procedure({"test.bad", {{"in", "INTEGR"}}, {}, {}}), Error);
}

}  // namespace
}  // namespace actorgraph::cypher
