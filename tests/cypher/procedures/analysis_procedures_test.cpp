// actorgraph.cut and actorgraph.dependence on small graphs whose answers are worked out by hand, and the
// errors of their arguments.
#include <gtest/gtest.h>

#include <set>

#include "cypher/session_fixture.hpp"

namespace actorgraph::cypher {
namespace {

class AnalysisProcedures : public CypherSessionTest {
protected:
    std::set<std::string> ids(const std::string& statement)
    {
        std::set<std::string> found;
        for (const auto& row : run(statement).rows) found.insert(row.at(0).as_string());
        return found;
    }
};

TEST_F(AnalysisProcedures, CutYieldsTheFewestActorsWhoseRemovalSeparatesTheEnds)
{
    // a reaches d through b or c, and b also through e; removing b and c (not e) cuts every route.
    run("CREATE (a:state {id: 'a'}), (b:state {id: 'b'}), (c:state {id: 'c'}), (d:state {id: 'd'}), (e:state {id: 'e'}), "
        "(a)-[:partnership]->(b)-[:partnership]->(d), (a)-[:partnership]->(c)-[:partnership]->(d), "
        "(a)-[:partnership]->(e)-[:partnership]->(b)");
    EXPECT_EQ(ids("CALL actorgraph.cut('a', 'd') YIELD actor RETURN actor.id"), (std::set<std::string>{"b", "c"}));
    EXPECT_EQ(ids("MATCH (x {id: 'a'}), (y {id: 'd'}) CALL actorgraph.cut(x, y) YIELD actor RETURN actor.id"),
              (std::set<std::string>{"b", "c"}));
    // Routes follow the relations' direction: nothing leads from d back to a.
    EXPECT_TRUE(ids("CALL actorgraph.cut('d', 'a') YIELD actor RETURN actor.id").empty());
    EXPECT_TRUE(run("CALL actorgraph.cut(null, 'a')").rows.empty());
    EXPECT_EQ(run("CALL actorgraph.cut('a', 'd')").columns, (std::vector<std::string>{"actor"}));
}

TEST_F(AnalysisProcedures, DependenceYieldsSharesOfTheKnownAmountLargestFirst)
{
    run("CREATE (m:state {id: 'm'}), (r:state {id: 'r'}), (c:state {id: 'c'}), (u:state {id: 'u'}), "
        "(r)-[:investment {amount_usd: 60}]->(m), (c)-[:investment {amount_usd: 30}]->(m), "
        "(u)-[:investment {amount_usd: 10}]->(m), (u)-[:investment]->(m)");
    auto result = run("CALL actorgraph.dependence('m') YIELD source, share, amount, over_cap "
                      "RETURN source.id, share, amount, over_cap");
    ASSERT_EQ(result.rows.size(), 3u);
    EXPECT_EQ(result.rows[0][0].as_string(), "r");
    EXPECT_DOUBLE_EQ(result.rows[0][1].as_float(), 0.6);
    EXPECT_DOUBLE_EQ(result.rows[0][2].as_float(), 60.0);
    EXPECT_TRUE(result.rows[0][3].as_boolean());
    EXPECT_FALSE(result.rows[1][3].as_boolean()) << "30% is under the one-third cap";
    EXPECT_DOUBLE_EQ(result.rows[2][1].as_float(), 0.1) << "the relation without an amount adds nothing";
}

TEST_F(AnalysisProcedures, BadActorArgumentsAreErrorsAtTheCall)
{
    run("CREATE (:state {id: 'mongolia', label: 'Mongolia'})");
    auto unknown = error_of("RETURN 1 AS x\nUNION\nCALL actorgraph.dependence('Mongolai') YIELD source RETURN 1 AS x");
    EXPECT_EQ(unknown.error_class(), ErrorClass::ArgumentError);
    EXPECT_EQ(unknown.phase(), Phase::runtime);
    EXPECT_EQ(unknown.position().line, 3);
    EXPECT_NE(unknown.message().find("Mongolia"), std::string::npos) << unknown.message();

    auto same = error_of("CALL actorgraph.cut('mongolia', 'mongolia')");
    EXPECT_EQ(same.error_class(), ErrorClass::ArgumentError);

    auto literal = error_of("CALL actorgraph.cut(1, 'mongolia')");
    EXPECT_EQ(literal.error_class(), ErrorClass::SyntaxError);
    EXPECT_EQ(literal.detail(), "InvalidArgumentType");
    EXPECT_EQ(literal.position().column, 21);

    auto computed = error_of("WITH 1 AS n CALL actorgraph.cut(n, 'mongolia') YIELD actor RETURN actor");
    EXPECT_EQ(computed.error_class(), ErrorClass::TypeError);
    EXPECT_EQ(computed.phase(), Phase::runtime);
    EXPECT_EQ(computed.position().column, 33);
}

}  // namespace
}  // namespace actorgraph::cypher
