// The conjuncts of a MATCH's WHERE that read only the pattern's variables are checked by the matcher as soon as
// the last of them is bound (matcher_filters.cpp, add_conditions): a relationship's amount before its end node is visited.
// The answer must be what checking the whole WHERE on each match gives, which `WITH * WHERE` (a filter after the
// match, never taken by the matcher) computes.
#include <gtest/gtest.h>

#include <string>

#include "actorgraph/generate/synthetic_graph.hpp"
#include "cypher/session_fixture.hpp"

namespace actorgraph::cypher {
namespace {

class CypherMatchFilters : public CypherSessionTest {
protected:
    void SetUp() override
    {
        graph = generate_synthetic_graph({600, 4.0, 5});
        // Values a filter must tell apart: text where a number is expected, a float, an integer, none.
        run("MATCH ()-[r:partnership]->() WITH r LIMIT 40 SET r.amount_usd = 'undisclosed'");
        run("MATCH ()-[r:pressure]->() WITH r LIMIT 40 SET r.amount_usd = 250000000");
    }
    void expect_same_as_filter_after_match(const std::string& pattern, const std::string& where,
                                           const std::string& returned)
    {
        auto taken = sorted_rows_of("MATCH " + pattern + " WHERE " + where + " RETURN " + returned);
        auto after = sorted_rows_of("MATCH " + pattern + " WITH * WHERE " + where + " RETURN " + returned);
        EXPECT_EQ(taken, after) << pattern << " WHERE " << where;
        EXPECT_FALSE(taken.empty()) << pattern << " WHERE " << where;
    }
};

TEST_F(CypherMatchFilters, AnswerAsTheWholeWhereCheckedOnEachMatch)
{
    const std::string scan = "(a)-[r]->(b)";
    expect_same_as_filter_after_match(scan, "r.amount_usd > 1e8", "a.id, b.id, r.amount_usd");
    expect_same_as_filter_after_match(scan, "1e8 < r.amount_usd", "a.id, b.id");
    expect_same_as_filter_after_match(scan, "r.amount_usd = 250000000", "a.id, type(r)");
    expect_same_as_filter_after_match(scan, "r.amount_usd <> 250000000 AND r.amount_usd >= 0", "a.id, b.id");
    expect_same_as_filter_after_match(scan, "r.amount_usd IS NULL AND a:state", "a.id, b.id");
    expect_same_as_filter_after_match(scan, "a.id < b.id AND type(r) STARTS WITH 'p'", "a.id, b.id");
    expect_same_as_filter_after_match("(a)-[r:investment]->(b)", "r.amount_usd > 1e7 AND b:company", "a.id, b.id");
    expect_same_as_filter_after_match("(a)-[r:investment|pressure]->(b:company)", "r.amount_usd >= 1e8", "b.id");
    expect_same_as_filter_after_match("(a)-[r]->(b)-[s]->(c)", "r.amount_usd > s.amount_usd", "a.id, c.id");
    expect_same_as_filter_after_match("(a)-[r]->(b), (c)-[s]->(b)", "r.year = s.year AND a <> c", "a.id, c.id");
    expect_same_as_filter_after_match("(a:official)-[rs*1..2]->(b)", "size(rs) = 2 AND NOT b:official", "a.id, b.id");
    expect_same_as_filter_after_match("p = (a:state)-[r]->(b)", "length(p) = 1 AND r.year > 2000", "a.id, b.id");
    expect_same_as_filter_after_match("(a)-[r]->(b)", "r.amount_usd > 1e8 OR b:state", "a.id, b.id");
}

TEST_F(CypherMatchFilters, CompareAPropertyWithALiteralAsTheEvaluatorDoesForEveryKindOfValue)
{
    // Values whose comparisons differ: integers and floats (2 = 2.0; 2^53 + 1 is not 2^53 as a float), NaN
    // (unordered), text and booleans (no order with numbers: null), and none.
    run("CREATE (s:Values {id: 's'}) WITH s UNWIND [1, 2, 2.0, 2.5, -1, 9007199254740993, 0.0 / 0.0, 'text', true, "
        "null] AS x CREATE (s)-[:HAS {x: x}]->(:Value)");
    for (const auto* op : {"<", ">", "<=", ">=", "=", "<>"}) {
        for (const auto* literal : {"2", "2.0", "2.5", "9007199254740992.0", "9007199254740993", "'text'", "true"}) {
            for (bool literal_first : {false, true}) {
                auto where = literal_first ? std::string(literal) + " " + op + " r.x" : "r.x " + std::string(op) + " " + literal;
                auto taken = sorted_rows_of("MATCH (:Values)-[r]->(v) WHERE " + where + " RETURN r.x");
                auto after = sorted_rows_of("MATCH (:Values)-[r]->(v) WITH * WHERE " + where + " RETURN r.x");
                EXPECT_EQ(taken, after) << where;
            }
        }
    }
    EXPECT_EQ(sorted_rows_of("MATCH (:Values)-[r]->() WHERE r.x >= 2 RETURN r.x").size(), 4u);
}

TEST_F(CypherMatchFilters, CountTheRelationshipsAScanOfTheGraphCounts)
{
    std::int64_t expected = 0;
    for (RelationIndex i = 0; i < graph.relation_count(); ++i) {
        const auto& relation = graph.relation(i);
        auto amount = relation.properties.find("amount_usd");
        if (relation.type.str() == "investment" && amount != relation.properties.end() &&
            std::stod(std::string(amount->second)) > 1e8) {
            ++expected;
        }
    }
    ASSERT_GT(expected, 0);
    EXPECT_EQ(single("MATCH ()-[r:investment]->() WHERE r.amount_usd > 1e8 RETURN count(*)").as_integer(), expected);
    EXPECT_EQ(single("MATCH ()-[r:investment]->() WHERE NOT r.amount_usd <= 1e8 RETURN count(*)").as_integer(), expected);
}

TEST_F(CypherMatchFilters, AnOptionalMatchKeepsItsRowWhenTheFilterRejectsEveryMatch)
{
    auto taken = sorted_rows_of(
        "MATCH (a:state) OPTIONAL MATCH (a)-[r]->(b) WHERE r.amount_usd > 1e8 RETURN a.id, count(b)");
    auto counted = sorted_rows_of(
        "MATCH (a:state) RETURN a.id, size([(a)-[r]->(b) WHERE r.amount_usd > 1e8 | b])");
    EXPECT_EQ(taken, counted);
}

TEST_F(CypherMatchFilters, SkipRelationshipsTheStatementDeletedBeforeReadingThem)
{
    auto before = single("MATCH ()-[r:investment]->() WHERE r.amount_usd > 0 RETURN count(*)").as_integer();
    auto left = single(
        "MATCH ()-[r:investment]->() WITH r LIMIT 5 DELETE r "
        "WITH count(*) AS gone MATCH ()-[s:investment]->() WHERE s.amount_usd > 0 RETURN count(s)");
    EXPECT_LE(left.as_integer(), before);
    EXPECT_GE(left.as_integer(), before - 5);
}

TEST_F(CypherMatchFilters, ReportATypeErrorOfAFilterAsTheWhereDoes)
{
    auto error = error_of("MATCH (a)-[r]->(b) WHERE r.amount_usd AND a.id = 'x' RETURN a");
    EXPECT_EQ(error.error_class(), ErrorClass::TypeError) << error.what();
}

TEST_F(CypherMatchFilters, AnElementsWhereAnswersAsTheSameConditionInTheMatchsWhere)
{
    auto expect_same = [&](const std::string& inline_where, const std::string& outside) {
        auto rows = sorted_rows_of(inline_where);
        EXPECT_EQ(rows, sorted_rows_of(outside)) << inline_where;
        EXPECT_FALSE(rows.empty()) << inline_where;
    };
    expect_same("MATCH (a:state WHERE a.id < 's5')-[r WHERE r.year > 2000]->(b) RETURN a.id, b.id",
                "MATCH (a:state)-[r]->(b) WHERE a.id < 's5' AND r.year > 2000 RETURN a.id, b.id");
    expect_same("MATCH (a)-[r:investment WHERE r.amount_usd > 1e7]->(b WHERE b.id > a.id) RETURN a.id, b.id",
                "MATCH (a)-[r:investment]->(b) WHERE r.amount_usd > 1e7 AND b.id > a.id RETURN a.id, b.id");
    expect_same("MATCH (a:state) OPTIONAL MATCH (a)-[r WHERE r.amount_usd > 1e8]->(b) RETURN a.id, b.id",
                "MATCH (a:state) OPTIONAL MATCH (a)-[r]->(b) WHERE r.amount_usd > 1e8 RETURN a.id, b.id");
    expect_same("MATCH (a:state) RETURN a.id, size([(a)-[r WHERE r.amount_usd > 1e8]->(b) | b]) AS n",
                "MATCH (a:state) RETURN a.id, size([(a)-[r]->(b) WHERE r.amount_usd > 1e8 | b]) AS n");
    expect_same("MATCH (a:state) WHERE EXISTS { (a)-->(b:company WHERE b.id > 'c5') } RETURN a.id",
                "MATCH (a:state) WHERE EXISTS { MATCH (a)-->(b:company) WHERE b.id > 'c5' } RETURN a.id");
}

TEST_F(CypherMatchFilters, AnElementsWhereIsRefusedWhereTheGrammarRefusesIt)
{
    EXPECT_EQ(error_of("MATCH (a)-[r* WHERE r.year > 2000]->(b) RETURN a").detail(), "InvalidRelationshipPattern");
    EXPECT_EQ(error_of("CREATE (a WHERE a.x > 1)").detail(), "InvalidPatternPredicate");
    EXPECT_EQ(error_of("MATCH (a WHERE b.x > 1) RETURN a").detail(), "UndefinedVariable");
    EXPECT_EQ(error_of("MATCH (a {x: 1} WHERE a.x > 1) RETURN a").error_class(), ErrorClass::SyntaxError);
}

}  // namespace
}  // namespace actorgraph::cypher
