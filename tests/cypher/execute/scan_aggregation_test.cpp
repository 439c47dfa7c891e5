// A lone MATCH of one relationship grouped by its RETURN (scan_aggregation.cpp) is answered in one pass over the
// relationships instead of through the matcher and Grouping. Its answers must be the ones the row-by-row way
// gives: the same statement with `WITH *` between MATCH and RETURN, which the scan does not take.
#include <gtest/gtest.h>

#include <limits>
#include <string>
#include <vector>

#include "actorgraph/cypher/output.hpp"
#include "actorgraph/generate/synthetic_graph.hpp"
#include "cypher/execute/aggregation.hpp"
#include "cypher/execute/scan_aggregation.hpp"
#include "cypher/parse/parser.hpp"
#include "cypher/session_fixture.hpp"

namespace actorgraph::cypher {
namespace {

class CypherScanAggregation : public CypherSessionTest {
protected:
    void SetUp() override { graph = generate_synthetic_graph({3000, 4.0, 7}); }

    // Whether the scan takes `MATCH ... RETURN ...` (the statement's first two clauses) on the graph as it is.
    // (Read through an overlay of its own: the tests that write build the graph through the model, so the
    // session holds no value a statement typed either, which would send it the general way.)
    bool scanned(const std::string& statement)
    {
        auto query = parse_query(statement);
        const auto& clauses = query.parts.at(0).clauses;
        std::vector<const ast::Expression*> keys, calls;
        for (const auto& item : clauses.at(1).projection.items) {
            auto before = calls.size();
            collect_aggregates(*item.expression, calls);
            if (calls.size() == before) keys.push_back(item.expression.get());
        }
        TypedOverlay overlay;
        GraphAccess access(graph, overlay);
        Map parameters;
        Statistics stats;
        Limits limits;
        Context context{access, parameters, stats, limits};
        return ScanAggregation::plan(context, clauses.at(0), keys, calls) != nullptr;
    }
    // The statement `MATCH <match> RETURN <projection>` is scanned and answers as with `WITH *` in between.
    void expect_scan_answers_as_rows(const std::string& match, const std::string& projection)
    {
        auto statement = "MATCH " + match + " RETURN " + projection;
        EXPECT_TRUE(scanned(statement)) << statement;
        auto by_scan = sorted_rows_of(statement);
        auto by_rows = sorted_rows_of("MATCH " + match + " WITH * RETURN " + projection);
        EXPECT_EQ(by_scan, by_rows) << statement;
        EXPECT_FALSE(by_scan.empty()) << statement;
    }
};

TEST_F(CypherScanAggregation, AnswersAsTheRowByRowGroupingForEachShapeItTakes)
{
    ASSERT_GT(graph.relation_count(), 10000u);
    const std::vector<std::pair<std::string, std::string>> shapes = {
        // By a node's id: groups by node (the bench's top 10), every call it answers.
        {"()-[r:investment]->(b) WHERE r.amount_usd IS NOT NULL",
         "b.id AS id, sum(r.amount_usd), count(*), count(r.year), avg(r.amount_usd), count(b)"},
        {"(a)-[r]->(b)", "b, count(*), sum(r.year), avg(r.year)"},
        // min and max group by keys, as does a key that does not name the node.
        {"(a)-[r:investment]->(b)", "a.id, min(r.amount_usd), max(r.year), sum(r.amount_usd)"},
        {"(a)-[r:investment|partnership]->(b)", "head(labels(b)) AS kind, sum(r.amount_usd), count(*), min(r.year)"},
        // Incoming, labelled ends, comparisons either way round, a condition the evaluator answers.
        {"(a)<-[r:pressure]-(b)", "a.id, count(r)"},
        {"(a:company)<-[r]-(b:state) WHERE a.id STARTS WITH 'c1' AND b.id > a.id", "b.id, count(*), max(r.year)"},
        {"(a:company)-[r]->(b:state) WHERE r.year >= 2010 AND 1e6 < r.amount_usd", "b.id, count(*), sum(r.amount_usd)"},
        {"(a)-[r]->(b) WHERE a.id STARTS WITH 'c1' AND r.year <> 2015", "b.id, count(*)"},
        {"(a)-[r]->(b) WHERE r.year IS NULL", "a.id, count(*)"},
        // No keys, or constant ones: one group.
        {"()-[r:investment]->()", "count(*), sum(r.amount_usd), avg(r.year), min(r.year), max(r.amount_usd)"},
        {"()-[r]->(b) WHERE r.year = 2012", "'all' AS k, count(*), sum(r.year)"},
    };
    for (const auto& [match, projection] : shapes) expect_scan_answers_as_rows(match, projection);
}

TEST_F(CypherScanAggregation, AnswersAsTheRowsWhenNothingMatches)
{
    expect_scan_answers_as_rows("()-[r:investment]->(b) WHERE r.year > 3000", "count(*), sum(r.amount_usd), avg(r.year)");
    auto none = run("MATCH ()-[r:investment]->(b) WHERE r.year > 3000 RETURN count(*), sum(r.amount_usd), avg(r.year)");
    ASSERT_EQ(none.rows.size(), 1u);
    EXPECT_EQ(none.rows[0][0].as_integer(), 0);
    EXPECT_EQ(none.rows[0][1].as_integer(), 0);
    EXPECT_TRUE(none.rows[0][2].is_null());
    EXPECT_TRUE(run("MATCH ()-[r:investment]->(b) WHERE r.year > 3000 RETURN b.id, count(*)").rows.empty());
    expect_scan_answers_as_rows("()-[r:no_such_type]->(b)", "count(*)");
}

TEST_F(CypherScanAggregation, LeavesEveryOtherShapeToTheMatcher)
{
    EXPECT_TRUE(scanned("MATCH ()-[r:investment]->(b) RETURN b.id, sum(r.amount_usd)"));
    for (const auto* statement : {
             "MATCH (a)-[r]-(b) RETURN b.id, count(*)",                          // either direction
             "MATCH (a)-[r*1..2]->(b) RETURN b.id, count(*)",                    // variable length
             "MATCH (a)-[r]->(b)-[s]->(c) RETURN b.id, count(*)",                // two relationships
             "MATCH p = (a)-[r]->(b) RETURN b.id, count(*)",                     // a named path
             "MATCH (a {id: 'c1'})-[r]->(b) RETURN b.id, count(*)",              // a property map
             "MATCH (a)-[r]->(a) RETURN a.id, count(*)",                         // one variable twice
             "MATCH (a)-[r]->(b) RETURN a.id, b.id, count(*)",                   // keys of both ends
             "MATCH (a)-[r]->(b) RETURN r.year, count(*)",                       // a key of the relationship
             "MATCH (a)-[r]->(b) RETURN b.id, collect(r.year)",                  // a call it does not answer
             "MATCH (a)-[r]->(b) RETURN b.id, count(DISTINCT r.year)",           // DISTINCT
             "MATCH (a)-[r]->(b) RETURN b.id, sum(r.amount_usd * 2)",            // an argument it does not read
             "MATCH (a)-[r]->(b) WHERE exists((b)-->()) RETURN b.id, count(*)",  // a pattern in WHERE
             "OPTIONAL MATCH (a)-[r]->(b) RETURN b.id, count(*)",
             "MATCH (a:official)-[r]->(b) RETURN b.id, count(*)",                // a selective first label
         }) {
        EXPECT_FALSE(scanned(statement)) << statement;
    }
    // A relationship property some file gave as text that is not a number is read the general way.
    graph.relation_for_edit(graph.relation_count() / 2).properties.insert_or_assign("year", "about 2010");
    EXPECT_FALSE(scanned("MATCH ()-[r]->(b) RETURN b.id, sum(r.year)"));
    EXPECT_TRUE(scanned("MATCH ()-[r]->(b) RETURN b.id, sum(r.amount_usd)"));
}

TEST_F(CypherScanAggregation, ReadsAValueAnEarlierStatementTypedAsTyped)
{
    // A statement's value is kept typed beside the text, and the type last written is how the text reads: after
    // one investment's amount_usd is set to the integer 2 and another's to 2.5, the first still reads as 2, its
    // text as 2.0. The scan must not read such a key from its column.
    const std::string nth = "MATCH ()-[r:investment]->(b) WITH r, b ORDER BY b.id, r.amount_usd ";
    run(nth + "LIMIT 1 SET r.amount_usd = 2, r.year = 2011");
    run(nth + "SKIP 1 LIMIT 1 SET r.amount_usd = 2.5");
    const std::string lowest = "RETURN b.id, min(r.amount_usd), sum(r.amount_usd), sum(r.year), count(*)";
    EXPECT_EQ(sorted_rows_of("MATCH ()-[r:investment]->(b) " + lowest),
              sorted_rows_of("MATCH ()-[r:investment]->(b) WITH * " + lowest));
    auto first = run("MATCH ()-[r:investment]->(b) RETURN b.id AS id, min(r.amount_usd) ORDER BY id LIMIT 1");
    EXPECT_EQ(to_cypher_text(session, first.rows.at(0).at(1)), "2");
}

TEST_F(CypherScanAggregation, GroupsNodesMadeWithoutAnIdByTheirIdProperty)
{
    // A node made without an id (a saved graph keeps its generated one) reads `b.id` from its properties: null,
    // or 5 for ten of them here. Such nodes share a group when their values are equal, as row by row.
    for (int i = 1; i <= 40; ++i) {
        Actor fund;
        fund.id = "_:" + std::to_string(9000 + i);
        fund.kind = Term("Fund");
        if (i <= 10) fund.properties.insert_or_assign("id", "5");
        auto added = graph.add_actor(std::move(fund));
        graph.add_relation(Relation{0, added, Term("investment"), {{"amount_usd", "2"}}, {}});
        graph.add_relation(Relation{added, 0, Term("investment"), {{"amount_usd", "7.5"}}, {}});
    }
    expect_scan_answers_as_rows("()-[r:investment]->(b)", "b.id, count(*), sum(r.amount_usd)");
    expect_scan_answers_as_rows("(a)-[r:investment]->(b)", "a.id AS id, count(*), avg(r.amount_usd)");
    auto funds = run("MATCH ()-[r:investment]->(b:Fund) RETURN b.id, count(*), sum(r.amount_usd) ORDER BY b.id");
    ASSERT_EQ(funds.rows.size(), 2u);  // the ten with id 5, then the thirty with none
    EXPECT_EQ(funds.rows[0][1].as_integer(), 10);
    EXPECT_TRUE(funds.rows[1][0].is_null());
    EXPECT_EQ(funds.rows[1][1].as_integer(), 30);
    EXPECT_DOUBLE_EQ(funds.rows[1][2].as_number(), 60.0);
}

TEST_F(CypherScanAggregation, SumsIntegersAsIntegersUntilAFloatAndReportsOverflow)
{
    // Enough relationships for the scan to read their numbers as a column (a few are read the general way).
    graph = Graph();
    for (const auto* id : {"a", "b", "c"}) {
        Actor actor;
        actor.id = id;
        graph.add_actor(std::move(actor));
    }
    for (int i = 1; i <= 1500; ++i) graph.add_relation(Relation{0, 1, Term("T"), {{"n", std::to_string(i % 3)}}, {}});
    for (const auto* n : {"1", "0.5", "2"}) graph.add_relation(Relation{0, 2, Term("T"), {{"n", n}}, {}});
    const std::string statement = "MATCH ()-[r:T]->(x) RETURN x.id, sum(r.n), min(r.n), max(r.n), avg(r.n) ORDER BY x.id";
    EXPECT_TRUE(scanned(statement));
    auto sums = run(statement);
    ASSERT_EQ(sums.rows.size(), 2u);
    EXPECT_TRUE(sums.rows[0][1].is_integer());
    EXPECT_EQ(sums.rows[0][1].as_integer(), 1500);
    EXPECT_TRUE(sums.rows[1][1].is_float());  // an integer, then a float: the sum is a float from there on
    EXPECT_DOUBLE_EQ(sums.rows[1][1].as_float(), 3.5);
    EXPECT_TRUE(sums.rows[1][2].is_float());  // min and max keep the value's type
    EXPECT_TRUE(sums.rows[1][3].is_integer());
    EXPECT_DOUBLE_EQ(sums.rows[1][4].as_float(), 3.5 / 3);
    auto largest = std::to_string(std::numeric_limits<std::int64_t>::max());
    graph.add_relation(Relation{0, 1, Term("T"), {{"n", largest}}, {}});
    EXPECT_TRUE(scanned("MATCH ()-[r:T]->(x) RETURN x.id, sum(r.n)"));
    EXPECT_EQ(error_of("MATCH ()-[r:T]->(x) RETURN x.id, sum(r.n)").detail(), "IntegerOverflow");
}

}  // namespace
}  // namespace actorgraph::cypher
