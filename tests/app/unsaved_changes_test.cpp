// The window's undo/redo, dirty marker, Save / Save As and the Save / Discard / Cancel question,
// driven through the app model without a window.
#include "actorgraph/app/unsaved_changes.hpp"
#include "actorgraph/edit/edit_session.hpp"
#include "actorgraph/io/file_format.hpp"
#include "actorgraph/io/file_io.hpp"
#include "explorer_fixture.hpp"

#include <sys/stat.h>
#include <unistd.h>

namespace actorgraph::testing {
namespace {

namespace fs = std::filesystem;

class UnsavedChangesTest : public ExplorerOnACopyTest {
protected:
    void add_erdenes()
    {
        ASSERT_TRUE(explorer_->apply_edit(AddActor{"erdenes", "company", "Erdenes Oyu Tolgoi", {}, {}}).empty());
    }
};

TEST_F(UnsavedChangesTest, TheTitleShowsTheFileAndAStarOnceItHasUnsavedChanges)
{
    EXPECT_EQ(window_title(*explorer_), "nato_mongolia.gv \u2014 actorgraph explorer");
    add_erdenes();
    EXPECT_EQ(window_title(*explorer_), "nato_mongolia.gv* \u2014 actorgraph explorer");
    ASSERT_TRUE(explorer_->save());
    EXPECT_EQ(window_title(*explorer_), "nato_mongolia.gv \u2014 actorgraph explorer");
}

TEST_F(UnsavedChangesTest, UndoAndRedoNameTheStepAndAreRefusedWhenThereIsNone)
{
    EXPECT_FALSE(explorer_->can_undo());
    EXPECT_EQ(explorer_->undo_name(), "Undo");
    EXPECT_FALSE(explorer_->undo());
    add_erdenes();
    EXPECT_EQ(explorer_->undo_name(), "Undo new actor Erdenes Oyu Tolgoi");
    ASSERT_TRUE(explorer_->undo());
    EXPECT_FALSE(explorer_->graph()->find_by_id("erdenes"));
    EXPECT_EQ(explorer_->redo_name(), "Redo new actor Erdenes Oyu Tolgoi");
    EXPECT_FALSE(explorer_->can_undo());
    ASSERT_TRUE(explorer_->redo());
    EXPECT_TRUE(explorer_->graph()->find_by_id("erdenes"));
    EXPECT_FALSE(explorer_->redo());
}

TEST_F(UnsavedChangesTest, AFormEditWithProblemsNamesTheFieldsAndChangesNothing)
{
    auto relations = explorer_->graph()->relation_count();
    auto problems = explorer_->apply_edit(AddRelation{"mongolia", "china", "pressure", false, {}});
    ASSERT_FALSE(problems.empty());
    EXPECT_EQ(problems.front().field, "source");
    EXPECT_EQ(explorer_->graph()->relation_count(), relations);
    EXPECT_FALSE(explorer_->dirty());
}

TEST_F(UnsavedChangesTest, SaveAsWritesTheFormatItsNameSaysAndMakesThatTheOpenFile)
{
    add_erdenes();
    for (const auto* name : {"copy.graphml", "copy.gexf", "copy.gv"}) {
        auto target = config_ / name;
        ASSERT_TRUE(explorer_->save(target)) << explorer_->last_error();
        EXPECT_EQ(explorer_->file(), target);
        EXPECT_FALSE(explorer_->dirty());
        auto reloaded = load_graph(target);
        EXPECT_TRUE(reloaded.find_by_id("erdenes")) << name;
        EXPECT_EQ(reloaded.relation_count(), explorer_->graph()->relation_count()) << name;
    }
    auto folder = config_ / "csv";
    fs::create_directory(folder);
    ASSERT_TRUE(explorer_->save(folder)) << explorer_->last_error();
    EXPECT_TRUE(fs::exists(folder / "nodes.csv"));
    EXPECT_TRUE(load_graph(folder).find_by_id("erdenes"));
    // The original file was never touched.
    EXPECT_EQ(read_file(file_), read_file(nato_file()));
}

TEST_F(UnsavedChangesTest, ASaveThatCannotBeWrittenSaysSoAndKeepsTheChangesAndTheJournal)
{
    add_erdenes();
    auto not_a_folder = config_ / "notes.txt";
    write_file_atomically(not_a_folder, "a file, not a folder\n");
    EXPECT_FALSE(explorer_->save(not_a_folder / "map.gv"));
    EXPECT_NE(explorer_->last_error().find("map.gv"), std::string::npos) << explorer_->last_error();
    EXPECT_TRUE(explorer_->dirty());
    EXPECT_EQ(explorer_->file(), file_);
    EXPECT_TRUE(explorer_->can_undo());
    EXPECT_TRUE(fs::exists(Journal::path_for(file_)));
    EXPECT_EQ(read_file(file_), read_file(nato_file()));
}

TEST_F(UnsavedChangesTest, ASaveThatFailsSaysSoKeepsTheChangesTheJournalAndTheOldFile)
{
    if (::geteuid() == 0) GTEST_SKIP() << "root writes into read-only folders";
    add_erdenes();
    auto locked = config_ / "locked";
    fs::create_directory(locked);
    auto target = locked / "map.gv";
    fs::copy_file(nato_file(), target);
    fs::permissions(locked, fs::perms::owner_read | fs::perms::owner_exec);
    EXPECT_FALSE(explorer_->save(target));
    fs::permissions(locked, fs::perms::owner_all);
    EXPECT_TRUE(explorer_->dirty());
    EXPECT_EQ(explorer_->file(), file_);
    EXPECT_FALSE(explorer_->last_error().empty());
    EXPECT_TRUE(fs::exists(Journal::path_for(file_)));
    EXPECT_EQ(read_file(target), read_file(nato_file()));
}

TEST_F(UnsavedChangesTest, SaveTargetSaysWhatANameWillWrite)
{
    EXPECT_EQ(save_target("map.graphml").description, "GraphML");
    EXPECT_EQ(save_target("map.gv").description, "DOT");
    EXPECT_EQ(save_target("map.gexf").description, "GEXF");
    auto unknown = save_target("map.docx");
    EXPECT_FALSE(unknown.path);
    EXPECT_NE(unknown.description.find("unknown file type"), std::string::npos) << unknown.description;
    EXPECT_FALSE(save_target("").path);
}

TEST_F(UnsavedChangesTest, OpeningAnotherFileWithoutChangesHappensAtOnce)
{
    UnsavedChangesGuard guard;
    bool opened = false;
    guard.request(*explorer_, "opening other.gv", [&](Explorer&) { opened = true; });
    EXPECT_TRUE(opened);
    EXPECT_FALSE(guard.pending());
}

TEST_F(UnsavedChangesTest, CancelKeepsTheChangesAndDoesNotOpen)
{
    add_erdenes();
    UnsavedChangesGuard guard;
    bool opened = false;
    guard.request(*explorer_, "opening other.gv", [&](Explorer&) { opened = true; });
    ASSERT_TRUE(guard.pending());
    EXPECT_EQ(guard.question(*explorer_), "nato_mongolia.gv has unsaved changes (1 step). Save them before opening other.gv?");
    guard.answer(*explorer_, UnsavedChangesGuard::Answer::cancel);
    EXPECT_FALSE(opened);
    EXPECT_FALSE(guard.pending());
    EXPECT_TRUE(explorer_->dirty());
}

TEST_F(UnsavedChangesTest, SaveWritesTheFileThenOpens)
{
    add_erdenes();
    UnsavedChangesGuard guard;
    bool opened = false;
    guard.request(*explorer_, "opening other.gv", [&](Explorer&) { opened = true; });
    guard.answer(*explorer_, UnsavedChangesGuard::Answer::save);
    EXPECT_TRUE(opened);
    EXPECT_FALSE(explorer_->dirty());
    EXPECT_TRUE(load_graph(file_).find_by_id("erdenes"));
    EXPECT_FALSE(Journal(file_).read()) << "no step left in the journal";
}

TEST_F(UnsavedChangesTest, DiscardDropsTheJournalSoTheNextOpenOffersNothing)
{
    add_erdenes();
    ASSERT_TRUE(fs::exists(Journal::path_for(file_)));
    UnsavedChangesGuard guard;
    EXPECT_FALSE(guard.request_close(*explorer_));
    ASSERT_TRUE(guard.pending());
    EXPECT_NE(guard.question(*explorer_).find("before closing the window?"), std::string::npos);
    guard.answer(*explorer_, UnsavedChangesGuard::Answer::discard);
    EXPECT_TRUE(guard.close_approved());
    EXPECT_TRUE(guard.request_close(*explorer_));
    EXPECT_EQ(read_file(file_), read_file(nato_file()));
    auto journal = Journal(file_).read();
    EXPECT_TRUE(!journal || journal->entries.empty());
}

TEST_F(UnsavedChangesTest, AFailedSaveKeepsTheQuestionOpenWithTheReason)
{
    // The open file is a single CSV table shown through the import dialog: it cannot be saved in place.
    auto table = config_ / "relations.csv";
    write_file_atomically(table, "from,to\n");
    explorer_->adopt(std::make_shared<const Graph>(*explorer_->graph()), table);
    settle();
    add_erdenes();
    EXPECT_FALSE(saves_in_place(*explorer_));
    UnsavedChangesGuard guard;
    bool opened = false;
    guard.request(*explorer_, "opening other.gv", [&](Explorer&) { opened = true; });
    guard.answer(*explorer_, UnsavedChangesGuard::Answer::save);
    EXPECT_FALSE(opened);
    EXPECT_TRUE(guard.pending());
    EXPECT_NE(guard.save_error().find("Save As"), std::string::npos) << guard.save_error();
    EXPECT_EQ(read_file(table), "from,to\n");
}

}  // namespace
}  // namespace actorgraph::testing
