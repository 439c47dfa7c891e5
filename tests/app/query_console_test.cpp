#include "actorgraph/app/query_console.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "actorgraph/cypher/statement_writes.hpp"
#include "actorgraph/io/file_format.hpp"
#include "actorgraph/io/file_io.hpp"
#include "test_support.hpp"

namespace actorgraph {
namespace {

Graph bundled_graph() { return load_graph(testing::source_dir() / "graphs/nato_mongolia.gv"); }

TEST(QueryConsole, ARelationshipQueryShowsItsRowsByLabelAndFindsWhatTheyName)
{
    auto graph = bundled_graph();
    auto outcome = run_console_query(graph, "MATCH (a {id: 'russia'})-[r:pressure]->(b) RETURN a, r, b.label AS name", nullptr);
    ASSERT_FALSE(outcome.failure) << outcome.failure->message;
    EXPECT_EQ(outcome.table.columns, (std::vector<std::string>{"a", "r", "name"}));
    ASSERT_GE(outcome.table.rows.size(), 1u);
    const auto& row = outcome.table.rows.front();
    EXPECT_EQ(row[0].text, "Russia (state)");
    EXPECT_EQ(row[0].actors, std::vector<std::string>{"russia"});
    EXPECT_EQ(row[1].text.rfind("Russia -pressure-> ", 0), 0u) << row[1].text;
    EXPECT_EQ(row[1].actors.size(), 2u);
    EXPECT_FALSE(row[2].number);
    EXPECT_FALSE(outcome.writes) << "a read writes nothing";
    EXPECT_EQ(outcome.found.relations.size(), outcome.table.total_rows);
    EXPECT_TRUE(outcome.found.contains_actor(*graph.find_by_id("russia")));
    EXPECT_EQ(outcome.table.summary.find(std::to_string(outcome.table.total_rows) + " row"), 0u) << outcome.table.summary;
}

TEST(QueryConsole, AWriteIsReturnedAsOneNamedGroupAndTheGraphGivenIsNotTouched)
{
    auto graph = bundled_graph();
    auto actors = graph.actor_count();
    auto outcome = run_console_query(
        graph, "MATCH (m {id: 'mongolia'})\nCREATE (e:company {id: 'erdenes', label: 'Erdenes'})-[:investment {source: 'report'}]->(m)\nRETURN e",
        nullptr);
    ASSERT_FALSE(outcome.failure) << outcome.failure->message;
    ASSERT_TRUE(outcome.writes);
    EXPECT_EQ(outcome.writes->changes.size(), 2u);
    EXPECT_EQ(outcome.writes->description, "Cypher: MATCH (m {id: 'mongolia'}) CREATE (e:company {id\u2026");
    EXPECT_EQ(graph.actor_count(), actors);
    EXPECT_EQ(outcome.found_ids, std::vector<std::string>{"erdenes"});
    EXPECT_NE(outcome.table.summary.find("1 node created"), std::string::npos) << outcome.table.summary;
}

TEST(QueryConsole, AReadRunsOnTheGraphGivenAndAWriteOnACopy)
{
    auto graph = bundled_graph();
    auto read = run_console_query(graph, "MATCH (a)-[r:investment]->(b) RETURN sum(r.amount_usd)", nullptr);
    ASSERT_FALSE(read.failure) << read.failure->message;
    EXPECT_EQ(read.answered_from, &graph) << "a read copies no graph";
    auto write = run_console_query(graph, "CREATE (:state {id: 'x'})", nullptr);
    ASSERT_FALSE(write.failure) << write.failure->message;
    EXPECT_NE(write.answered_from, nullptr);
    EXPECT_NE(write.answered_from, &graph) << "a write works on a copy";
    EXPECT_FALSE(graph.find_by_id("x"));
}

TEST(QueryConsole, OnlyStatementsWithAnUpdatingClauseCountAsWrites)
{
    EXPECT_FALSE(cypher::statement_writes("MATCH (n) WHERE n.note = 'CREATE' RETURN n.set // DELETE"));
    EXPECT_FALSE(cypher::statement_writes("UNWIND [1, 2] AS x WITH x RETURN x UNION RETURN 3 AS x"));
    for (auto text : {"create (:state {id: 'x'})", "MATCH (n) SET n.x = 1", "MERGE (n:state {id: 'y'})", "MATCH (n) REMOVE n.x",
                      "MATCH (n) DETACH DELETE n", "MATCH (n) WITH n RETURN n UNION MATCH (m) SET m.k = 2 RETURN m AS n"}) {
        EXPECT_TRUE(cypher::statement_writes(text)) << text;
    }
    EXPECT_THROW((void)cypher::statement_writes("MATCH (n RETURN n"), cypher::Error);
}

TEST(QueryConsole, FloatsShowAsGroupedDigitsWithAPointUpToAQuadrillion)
{
    EXPECT_EQ(display_float(11400000000.0), "11,400,000,000.0");
    EXPECT_EQ(display_float(-1234.5), "-1,234.5");
    EXPECT_EQ(display_float(0.25), "0.25");
    EXPECT_EQ(display_float(0.0), "0.0");
    EXPECT_EQ(display_float(999.0), "999.0");
    EXPECT_EQ(display_float(0.1 + 0.2), "0.30000000000000004") << "the digits that read back as the same number";
    EXPECT_EQ(display_float(1.5e20), "1.5e+20");
    EXPECT_EQ(display_float(2e-7), "2e-07");
    EXPECT_EQ(display_float(std::nan("")), "NaN");
    EXPECT_EQ(display_float(-HUGE_VAL), "-Infinity");
}

TEST(QueryConsole, TheTableShowsFloatsReadablyAndIntegersAsWritten)
{
    auto graph = bundled_graph();
    auto outcome = run_console_query(graph, "RETURN 1.14e10 AS amount, 2010 AS year, [0.5, 2.0] AS list", nullptr);
    ASSERT_FALSE(outcome.failure) << outcome.failure->message;
    const auto& row = outcome.table.rows.at(0);
    EXPECT_EQ(row[0].text, "11,400,000,000.0");
    EXPECT_EQ(row[0].number, 1.14e10);
    EXPECT_EQ(row[1].text, "2010");
    EXPECT_EQ(row[2].text, "[0.5, 2.0]");
}

TEST(QueryConsole, ARelationIsFoundAgainByItsEndsAndTypeWhenItsNumberMoved)
{
    auto graph = bundled_graph();
    auto outcome = run_console_query(graph, "MATCH ({id: 'russia'})-[r:pressure]->({id: 'mongolia'}) RETURN r LIMIT 1", nullptr);
    ASSERT_EQ(outcome.found_relations.size(), 1u);
    auto found = outcome.found_relations.front();
    EXPECT_EQ(found.source, "russia");
    EXPECT_EQ(found.target, "mongolia");
    EXPECT_EQ(found.type, "pressure");
    EXPECT_EQ(find_relation_again(graph, found), found.index);
    auto moved = found;
    moved.index = graph.relation_count();  // past the end: found by ends and type
    auto again = find_relation_again(graph, moved);
    ASSERT_TRUE(again);
    const auto& relation = graph.relation(*again);
    EXPECT_EQ(graph.actor(relation.source).id, "russia");
    EXPECT_EQ(graph.actor(relation.target).id, "mongolia");
    EXPECT_EQ(relation.type.str(), "pressure");
    moved.type = "sanction";  // no such relation from Russia to Mongolia
    EXPECT_FALSE(find_relation_again(graph, moved));
    moved.source = "nobody";
    EXPECT_FALSE(find_relation_again(graph, moved));
}

TEST(QueryConsole, ASyntaxErrorNamesItsLineAndColumnWithACaretUnderIt)
{
    auto graph = bundled_graph();
    auto outcome = run_console_query(graph, "MATCH (n)\nWHERE n.year >= 2010\nRETRN n", nullptr);
    ASSERT_TRUE(outcome.failure);
    EXPECT_EQ(outcome.failure->line, 3);
    EXPECT_EQ(outcome.failure->column, 1);
    EXPECT_EQ(outcome.failure->line_text, "RETRN n");
    EXPECT_EQ(outcome.failure->caret, "^");
    EXPECT_EQ(outcome.failure->message.rfind("SyntaxError", 0), 0u) << outcome.failure->message;
}

TEST(QueryConsole, TheCaretCountsCharactersNotBytes)
{
    cypher::Error error(cypher::ErrorClass::SemanticError, "UndefinedVariable", cypher::Phase::compile, "m not defined", {1, 23});
    auto failure = query_failure(error, "RETURN 'Ölgii' AS x,\t m");
    EXPECT_EQ(failure.caret, std::string(20, ' ') + "\t ^");
    EXPECT_EQ(failure.caret_offset, 23u) << "22 characters, one of them two bytes";
    EXPECT_EQ(failure.message, "SemanticError (UndefinedVariable): m not defined");
}

TEST(QueryConsole, ACancelledStatementIsAFailureNotAnAnswer)
{
    auto graph = bundled_graph();
    std::atomic<bool> cancel{true};
    auto outcome = run_console_query(graph, "MATCH p = (a)-[*1..6]-(b) RETURN count(p)", &cancel);
    ASSERT_TRUE(outcome.failure);
    EXPECT_NE(outcome.failure->message.find("Cancelled"), std::string::npos) << outcome.failure->message;
}

TEST(QueryConsole, StepNamesAreShortAndNeverSplitACharacter)
{
    EXPECT_EQ(cypher_step_name("  CREATE\n  (n:state {id: 'x'})  "), "Cypher: CREATE (n:state {id: 'x'})");
    auto name = cypher_step_name("CREATE (n:state {label: '" + std::string(60, 'x') + "'})");
    EXPECT_EQ(name.size(), std::string("Cypher: ").size() + 48 + std::string("\u2026").size());
    auto accented = cypher_step_name(std::string(47, 'a') + "ÖÖÖ");
    EXPECT_EQ(accented, "Cypher: " + std::string(47, 'a') + "Ö\u2026");
}

TEST(QueryConsole, TheHistoryWalksBackAndForthAndIsKeptAcrossRuns)
{
    auto file = testing::scratch_dir("query-history") / "query_history.json";
    {
        QueryHistory history(file, 3);
        history.add("RETURN 1");
        history.add("RETURN 2");
        history.add("RETURN 2");
        history.add("MATCH (n)\nRETURN n");
        history.add("RETURN 4");
        EXPECT_EQ(history.entries(), (std::vector<std::string>{"RETURN 2", "MATCH (n)\nRETURN n", "RETURN 4"}));
        EXPECT_EQ(history.older(), "RETURN 4");
        EXPECT_EQ(history.older(), "MATCH (n)\nRETURN n");
        EXPECT_EQ(history.older(), "RETURN 2");
        EXPECT_EQ(history.older(), std::nullopt);
        EXPECT_EQ(history.newer(), "MATCH (n)\nRETURN n");
        EXPECT_EQ(history.newer(), "RETURN 4");
        EXPECT_EQ(history.newer(), std::nullopt);
    }
    QueryHistory again(file, 3);
    EXPECT_EQ(again.entries().size(), 3u);
    EXPECT_EQ(again.older("RETURN 4"), "MATCH (n)\nRETURN n") << "the statement in the editor is skipped";
    EXPECT_EQ(again.newer(), "RETURN 4");
    EXPECT_EQ(again.newer(), std::nullopt);
    EXPECT_EQ(again.older(), "RETURN 4");
    write_file_atomically(file, "not json [");
    QueryHistory damaged(file);
    EXPECT_TRUE(damaged.entries().empty());
}

TEST(QueryConsole, RowsSortByNumberBeforeTextEitherWay)
{
    QueryTable table;
    table.columns = {"v"};
    for (const char* text : {"10", "b", "9", "a"}) {
        QueryCell cell{text, std::nullopt, {}};
        if (text[0] <= '9') cell.number = std::stod(text);
        table.rows.push_back({cell});
    }
    sort_query_rows(table, 0, false);
    std::vector<std::string> order;
    for (const auto& row : table.rows) order.push_back(row[0].text);
    EXPECT_EQ(order, (std::vector<std::string>{"9", "10", "a", "b"}));
    sort_query_rows(table, 0, true);
    EXPECT_EQ(table.rows.front()[0].text, "b");
    sort_query_rows(table, 5, true);  // no such column: nothing moves, nothing breaks
    EXPECT_EQ(table.rows.front()[0].text, "b");
}

}  // namespace
}  // namespace actorgraph
