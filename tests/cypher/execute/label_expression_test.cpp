// Label expressions select nodes by their labels and relationships by their type (label_expression.hpp), in
// patterns and in WHERE, as the set algebra they write says; creating with one is refused.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "cypher/session_fixture.hpp"

namespace actorgraph::cypher {
namespace {

class CypherLabelExpression : public CypherSessionTest {
protected:
    void SetUp() override
    {
        run("CREATE (a:A {n: 1}), (b:B {n: 2}), (:A:B {n: 3}), (:C {n: 4}), ({n: 5}), "
            "(a)-[:R]->(b), (a)-[:S]->(b), (b)-[:T]->(a)");
    }
    std::vector<std::int64_t> numbers(const std::string& statement)
    {
        std::vector<std::int64_t> found;
        for (const auto& row : run(statement).rows) found.push_back(row[0].as_integer());
        return found;
    }
    using Numbers = std::vector<std::int64_t>;
};

TEST_F(CypherLabelExpression, SelectsNodesAsTheSetAlgebraSays)
{
    EXPECT_EQ(numbers("MATCH (x:A|B) RETURN x.n ORDER BY x.n"), (Numbers{1, 2, 3}));
    EXPECT_EQ(numbers("MATCH (x:A&B) RETURN x.n ORDER BY x.n"), (Numbers{3}));
    EXPECT_EQ(numbers("MATCH (x:!A) RETURN x.n ORDER BY x.n"), (Numbers{2, 4, 5}));
    EXPECT_EQ(numbers("MATCH (x:%) RETURN x.n ORDER BY x.n"), (Numbers{1, 2, 3, 4}));
    EXPECT_EQ(numbers("MATCH (x:!%) RETURN x.n ORDER BY x.n"), (Numbers{5}));
    EXPECT_EQ(numbers("MATCH (x IS A) RETURN x.n ORDER BY x.n"), (Numbers{1, 3}));
    EXPECT_EQ(numbers("MATCH (x:(A|C)&!B) RETURN x.n ORDER BY x.n"), (Numbers{1, 4}));
}

TEST_F(CypherLabelExpression, APredicateInWhereAnswersAsThePattern)
{
    for (const char* labels : {"A|B", "A&B", "!A", "%", "!%", "(A|C)&!B", "A:B"}) {
        auto in_pattern = numbers(std::string("MATCH (x:") + labels + ") RETURN x.n ORDER BY x.n");
        auto in_where = numbers(std::string("MATCH (x) WHERE x:") + labels + " RETURN x.n ORDER BY x.n");
        auto with_is = numbers(std::string("MATCH (x) WHERE x IS ") + labels + " RETURN x.n ORDER BY x.n");
        EXPECT_EQ(in_pattern, in_where) << labels;
        EXPECT_EQ(in_pattern, with_is) << labels;
    }
}

TEST_F(CypherLabelExpression, SelectsRelationshipsByTheirType)
{
    auto types = [&](const std::string& statement) {
        std::vector<std::string> found;
        for (const auto& row : run(statement).rows) found.push_back(row[0].as_string());
        return found;
    };
    using Types = std::vector<std::string>;
    EXPECT_EQ(types("MATCH ()-[r:R|S]->() RETURN type(r) ORDER BY type(r)"), (Types{"R", "S"}));
    EXPECT_EQ(types("MATCH ()-[r:!R]->() RETURN type(r) ORDER BY type(r)"), (Types{"S", "T"}));
    EXPECT_EQ(types("MATCH ()-[r:R&S]->() RETURN type(r)"), Types{});
    EXPECT_EQ(types("MATCH ()-[r:%]->() RETURN type(r) ORDER BY type(r)"), (Types{"R", "S", "T"}));
    EXPECT_EQ(types("MATCH (:A)-[r IS !T]->(:B) RETURN type(r) ORDER BY type(r)"), (Types{"R", "S"}));
    EXPECT_EQ(types("MATCH ()-[r]->() WHERE r:R|T RETURN type(r) ORDER BY type(r)"), (Types{"R", "T"}));
    EXPECT_EQ(types("MATCH (a {n: 1})-[r:!S*1..2]-(b) RETURN DISTINCT type(r[0]) ORDER BY type(r[0])"),
              (Types{"R", "T"}));
}

TEST_F(CypherLabelExpression, AComprehensionKeepsItsProjectionAfterALabel)
{
    auto rows = run("MATCH (x) RETURN [y IN [x] WHERE y:A | y.n] AS l ORDER BY x.n").rows;
    ASSERT_EQ(rows.size(), 5u);
    EXPECT_EQ(rows[0][0].as_list().size(), 1u);
    EXPECT_TRUE(rows[1][0].as_list().empty());
}

TEST_F(CypherLabelExpression, CreatingOrMergingWithOneIsASyntaxError)
{
    for (const char* statement : {"CREATE (:A|B)", "MERGE (:!A)", "CREATE (:%)", "MATCH (a:A), (b:B) CREATE (a)-[:R|S]->(b)",
                                  "MATCH (a:A), (b:B) MERGE (a)-[:!R]->(b)"}) {
        auto error = error_of(statement);
        EXPECT_EQ(error.error_class(), ErrorClass::SyntaxError) << statement;
    }
    EXPECT_EQ(single("CREATE (n:X&Y) RETURN labels(n) AS l").as_list().size(), 2u) << "& is a conjunction of names";
}

}  // namespace
}  // namespace actorgraph::cypher
