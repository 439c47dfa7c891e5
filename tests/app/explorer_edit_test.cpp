// Editing through the explorer's script runner: the graph shown changes, the view keeps what it
// referred to by id, the file is marked dirty, and save writes it and empties the journal.
#include "actorgraph/app/script.hpp"
#include "actorgraph/edit/edit_session.hpp"
#include "actorgraph/io/file_io.hpp"
#include "explorer_fixture.hpp"

namespace actorgraph::testing {
namespace {

namespace fs = std::filesystem;

// (The fixture opens the copy already; the tests open it again through the script, as a user would.)
class ExplorerEditTest : public ExplorerOnACopyTest {
protected:
    void run(const std::string& script)
    {
        ScriptRunner runner(parse_script(script, "session.txt"));
        runner.run_to_end(*explorer_, layout_timeout);
    }
};

TEST_F(ExplorerEditTest, EditsChangeTheGraphShownKeepTheFocusByIdAndMarkTheFileDirty)
{
    run("open " + file_.string() + "\nfocus mongolia\n");
    EXPECT_FALSE(explorer_->dirty());
    auto actors = explorer_->graph()->actor_count();
    run("delete russia\nadd-actor erdenes kind=company \"label=Erdenes Oyu Tolgoi\"\n"
        "add-relation erdenes mongolia type=investment \"source=annual report\"\n");
    EXPECT_TRUE(explorer_->dirty());
    EXPECT_EQ(explorer_->graph()->actor_count(), actors);
    ASSERT_EQ(explorer_->view().focus.size(), 1u);
    EXPECT_EQ(explorer_->graph()->actor(explorer_->view().focus[0]).id, "mongolia");
    EXPECT_TRUE(explorer_->graph()->find_by_id("erdenes"));
    ASSERT_NE(explorer_->edit_session(), nullptr);
    EXPECT_EQ(explorer_->edit_session()->history().undo_name(),
              "Undo new relation r" + std::to_string(explorer_->graph()->relation_count() - 1) +
                  " (Erdenes Oyu Tolgoi → Mongolia, investment)");
    EXPECT_TRUE(fs::exists(Journal::path_for(file_)));
    run("undo\nundo\nundo\n");
    EXPECT_TRUE(explorer_->graph()->find_by_id("russia"));
    run("redo\nsave\n");
    EXPECT_FALSE(explorer_->dirty());
    EXPECT_FALSE(fs::exists(Journal::path_for(file_)));
    EXPECT_NE(read_file(file_), read_file(nato_file()));
}

TEST_F(ExplorerEditTest, AWrongEditIsAnErrorOnItsLineAndChangesNothing)
{
    run("open " + file_.string() + "\n");
    try {
        run("add-relation mongolia china type=pressure\n");
        FAIL() << "no error";
    } catch (const Error& failure) {
        EXPECT_NE(std::string(failure.what()).find("session.txt:1: source: a relation needs a source"), std::string::npos)
            << failure.what();
    }
    EXPECT_FALSE(explorer_->dirty());
}

TEST_F(ExplorerEditTest, OpeningAFileWithAJournalSaysSoAndRecoverRestoresIt)
{
    {
        EditSession session(file_);
        ASSERT_TRUE(session.apply(AddActor{"erdenes", "company", "Erdenes", {}, {}}).empty());
    }
    run("open " + file_.string() + "\n");
    bool mentioned = false;
    for (const auto& message : explorer_->messages()) mentioned |= message.text.find("holds 1 change") != std::string::npos;
    EXPECT_TRUE(mentioned);
    EXPECT_FALSE(explorer_->graph()->find_by_id("erdenes"));
    run("recover\n");
    EXPECT_TRUE(explorer_->graph()->find_by_id("erdenes"));
    EXPECT_TRUE(explorer_->dirty());
}

}  // namespace
}  // namespace actorgraph::testing
