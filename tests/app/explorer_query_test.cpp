// The Cypher console through the explorer's script verbs: reads fill the table and are highlighted, a row
// selects its actors, a write is one undoable, journalled step by the edit forms' rules.
#include "actorgraph/edit/edit_session.hpp"
#include "actorgraph/io/dot_writer.hpp"
#include "actorgraph/io/file_io.hpp"
#include "explorer_fixture.hpp"

namespace actorgraph::testing {
namespace {

namespace fs = std::filesystem;

// On a copy of the NATO file (a write is journalled beside it), with the canned empty layout.
class ExplorerQueryTest : public QuickExplorerTest {
protected:
    void SetUp() override
    {
        QuickExplorerTest::SetUp();
        file_ = config_ / "nato_mongolia.gv";
        fs::copy_file(nato_file(), file_);
        ASSERT_TRUE(explorer_->open(file_));
        settle();
    }
    [[nodiscard]] const QueryConsole& console() const { return explorer_->query_console(); }

    fs::path file_;
};

TEST_F(ExplorerQueryTest, AReadFillsTheTableAndHighlightsWhatItReturned)
{
    run("query \"MATCH (a)-[r:pressure]->(b {id: 'mongolia'}) RETURN a, r ORDER BY a.label\"\n");
    ASSERT_TRUE(console().table) << explorer_->last_error();
    EXPECT_FALSE(console().failure);
    EXPECT_FALSE(console().running);
    const auto& table = *console().table;
    ASSERT_GE(table.rows.size(), 2u);
    EXPECT_EQ(table.columns, (std::vector<std::string>{"a", "r"}));
    ASSERT_TRUE(explorer_->view().highlight);
    const auto& highlighted = explorer_->composed().scene.highlighted;
    EXPECT_TRUE(highlighted.contains_actor(actor("russia")));
    EXPECT_TRUE(highlighted.contains_actor(actor("mongolia")));
    EXPECT_EQ(highlighted.relations.size(), table.rows.size());
    EXPECT_FALSE(explorer_->dirty()) << "a read changes nothing";
    EXPECT_FALSE(explorer_->can_undo());
    run("clear-query\n");
    EXPECT_FALSE(explorer_->view().highlight);
    EXPECT_TRUE(explorer_->composed().scene.highlighted.empty());
}

TEST_F(ExplorerQueryTest, TheAnswerCanBecomeTheViewAndGoBackToAHighlight)
{
    auto everyone = explorer_->composed().scene.visible.actors.size();
    run("query-view only\nquery \"MATCH (a {id: 'china'})-[r:pressure]->(b) RETURN r\"\n");
    ASSERT_TRUE(console().table);
    const auto& visible = explorer_->composed().scene.visible;
    EXPECT_EQ(visible.relations.size(), console().table->rows.size());
    EXPECT_TRUE(visible.contains_actor(actor("china")));
    for (auto relation : visible.relations) EXPECT_EQ(explorer_->graph()->relation(relation).source, actor("china"));
    EXPECT_LT(visible.actors.size(), everyone);
    run("query-view highlight\n");
    EXPECT_EQ(explorer_->composed().scene.visible.actors.size(), everyone);
    EXPECT_EQ(explorer_->composed().scene.highlighted.relations.size(), console().table->rows.size());
    EXPECT_EQ(script_error("query-view onyl\n").rfind("session.txt:1: unknown query view 'onyl'", 0), 0u) << script_error("query-view onyl\n");
}

TEST_F(ExplorerQueryTest, ClickingARowSelectsItsActors)
{
    run("query MATCH (a {id: 'china'})-[r:pressure]->(b) RETURN r\n");
    ASSERT_TRUE(console().table);
    run("query-row 1\n");
    ASSERT_EQ(explorer_->selection().size(), 2u);
    EXPECT_EQ(explorer_->selection()[0], actor("china"));
    EXPECT_EQ(script_error("query RETURN 1 AS one\nquery-row 1\n"), "session.txt:2: row 1 of the query's table names no actor");
}

TEST_F(ExplorerQueryTest, AWriteIsOneUndoStepJournalledAsOneRecordAndUndoRestoresTheGraphExactly)
{
    auto before = write_dot(*explorer_->graph());
    run("query \"MATCH (m {id: 'mongolia'}) CREATE (e:company {id: 'erdenes', label: 'Erdenes Oyu Tolgoi'})"
        "-[:investment {source: 'annual report', year: 2011}]->(m) SET m.note = 'invested in' RETURN e\"\n");
    ASSERT_FALSE(console().failure) << console().failure->message;
    ASSERT_TRUE(explorer_->graph()->find_by_id("erdenes"));
    EXPECT_TRUE(explorer_->dirty());
    ASSERT_NE(explorer_->edit_session(), nullptr);
    EXPECT_EQ(explorer_->edit_session()->history().undo_count(), 1u);
    EXPECT_EQ(explorer_->undo_name().rfind("Undo Cypher: MATCH (m {id: 'mongolia'}) CREATE", 0), 0u) << explorer_->undo_name();
    const auto& highlighted = explorer_->composed().scene.highlighted;
    EXPECT_TRUE(highlighted.contains_actor(actor("erdenes")));
    EXPECT_TRUE(highlighted.relations.empty()) << "the statement returned no relationship";
    auto journal = Journal(file_).read();
    ASSERT_TRUE(journal);
    ASSERT_EQ(journal->entries.size(), 1u);
    EXPECT_EQ(journal->entries[0].kind, JournalEntry::Kind::group);
    EXPECT_EQ(journal->entries[0].group->changes.size(), 3u);
    run("undo\n");
    EXPECT_EQ(write_dot(*explorer_->graph()), before);
    run("redo\n");
    EXPECT_TRUE(explorer_->graph()->find_by_id("erdenes"));
}

TEST_F(ExplorerQueryTest, AWriteLightsUpTheRelationshipsItCreatedAndChangedNotOnlyItsNodes)
{
    run("query \"MATCH ({id: 'russia'})-[p:pressure]->(m {id: 'mongolia'}) WITH m, p LIMIT 1 SET p.note = 'seen' "
        "CREATE (e:company {id: 'erdenes', label: 'Erdenes'})-[i:investment {source: 'annual report'}]->(m) RETURN i, p\"\n");
    ASSERT_FALSE(console().failure) << console().failure->message;
    const auto& graph = *explorer_->graph();
    const auto& highlighted = explorer_->composed().scene.highlighted;
    std::size_t created = 0, changed = 0;
    for (auto relation : highlighted.relations) {
        const auto& r = graph.relation(relation);
        auto source = graph.actor(r.source).id;
        created += source == "erdenes" && r.type.str() == "investment";
        changed += source == "russia" && r.type.str() == "pressure" && r.properties.contains("note") && r.properties.at("note") == "seen";
    }
    ASSERT_EQ(console().table->rows.size(), 1u);
    EXPECT_EQ(created, 1u);
    EXPECT_EQ(changed, 1u);
    EXPECT_EQ(highlighted.relations.size(), 2u);
    EXPECT_TRUE(highlighted.contains_actor(actor("erdenes")));
}

TEST_F(ExplorerQueryTest, AWriteTheEditFormsWouldRefuseChangesNothingAndSaysWhy)
{
    auto before = write_dot(*explorer_->graph());
    auto error = script_error("query \"MATCH (a {id: 'china'}), (b {id: 'russia'}) CREATE (a)-[:partnership]->(b)\"\n");
    EXPECT_NE(error.find("source"), std::string::npos) << error;
    ASSERT_TRUE(console().failure);
    EXPECT_NE(console().failure->message.find("nothing was written"), std::string::npos) << console().failure->message;
    EXPECT_EQ(write_dot(*explorer_->graph()), before);
    EXPECT_FALSE(explorer_->dirty());
    EXPECT_FALSE(explorer_->can_undo());
}

TEST_F(ExplorerQueryTest, ASyntaxErrorFailsTheScriptLineAndTheConsoleShowsWhere)
{
    auto error = script_error("query \"MATCH (n:state) RETRN n\"\n");
    EXPECT_EQ(error.rfind("session.txt:1: query failed at 1:17: SyntaxError", 0), 0u) << error;
    ASSERT_TRUE(console().failure);
    EXPECT_EQ(console().failure->column, 17);
    EXPECT_EQ(console().failure->line_text, "MATCH (n:state) RETRN n");
    EXPECT_FALSE(console().table);
    EXPECT_EQ(console().history.entries().back(), "MATCH (n:state) RETRN n");
}

TEST_F(ExplorerQueryTest, CancelStopsARunningStatementAndWritesNothing)
{
    // Every walk of up to 12 relations in any direction: far too many to finish before the cancel.
    ASSERT_TRUE(explorer_->run_query("MATCH p = (a)-[*1..12]-(b) CREATE (:state {id: 'never'}) RETURN count(p)"));
    EXPECT_TRUE(explorer_->query_console().running);
    EXPECT_EQ(explorer_->work_status().stage, WorkStatus::Stage::querying);
    explorer_->cancel_work();
    EXPECT_FALSE(explorer_->query_console().running);
    settle();
    EXPECT_FALSE(explorer_->graph()->find_by_id("never"));
    EXPECT_FALSE(explorer_->dirty());
}

TEST_F(ExplorerQueryTest, ReadsOfOneGraphShareAnEngineSessionAndAnEditStartsANewOne)
{
    run("query \"MATCH (a:state) RETURN count(*)\"\n");
    run("query \"MATCH ()-[r:investment]->() WHERE r.amount_usd > 1e8 RETURN count(*)\"\n");
    const auto* kept = explorer_->console_session();
    ASSERT_NE(kept, nullptr);
    EXPECT_EQ(kept->graph(), explorer_->graph());
    EXPECT_EQ(kept->statements_run(), 2u) << "the second read used the first one's session (and its indexes)";
    run("query \"MATCH (m {id: 'mongolia'}) SET m.note = 'seen'\"\n");
    ASSERT_FALSE(console().failure) << console().failure->message;
    run("query \"MATCH (m {id: 'mongolia'}) RETURN m.note\"\n");
    ASSERT_TRUE(console().table);
    EXPECT_EQ(console().table->rows.at(0).at(0).text, "seen") << "the new snapshot is read, not the old session's";
    ASSERT_NE(explorer_->console_session(), nullptr);
    EXPECT_EQ(explorer_->console_session()->graph(), explorer_->graph());
    EXPECT_EQ(explorer_->console_session()->statements_run(), 1u) << "the edit made a new graph: a new session";
}

TEST_F(ExplorerQueryTest, TheHistoryIsKeptInTheConfigFolder)
{
    run("query RETURN 1\nquery RETURN 2\n");
    Explorer next(ExplorerOptions{config_});
    EXPECT_EQ(next.query_console().history.entries(), (std::vector<std::string>{"RETURN 1", "RETURN 2"}));
}

}  // namespace
}  // namespace actorgraph::testing
