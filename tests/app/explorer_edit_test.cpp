// Editing through the explorer's script runner: the graph shown changes, the view keeps what it
// referred to by id, the file is marked dirty, and save writes it and empties the journal.
#include "actorgraph/app/script.hpp"
#include "actorgraph/edit/edit_session.hpp"
#include "actorgraph/io/file_io.hpp"
#include "explorer_fixture.hpp"

#include <chrono>
#include <thread>

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
    EXPECT_FALSE(Journal(file_).read()) << "no step left in the journal (kept empty while the window edits the file)";
    EXPECT_NE(read_file(file_), read_file(nato_file()));
}

TEST_F(ExplorerEditTest, AFileEditedInAnotherWindowIsSaidSoAndItsEditsHereAreRefused)
{
    run("open " + file_.string() + "\ndelete russia\n");
    ExplorerOptions options{config_};
    options.layout_runner = empty_picture;
    Explorer other(options);
    ASSERT_TRUE(other.open(file_));
    ASSERT_TRUE(other.wait_until_idle(layout_timeout));
    bool said = false;
    for (const auto& message : other.messages()) said = said || message.text.find("is being edited by another actorgraph process") != std::string::npos;
    EXPECT_TRUE(said) << "not told, and not offered the other window's steps to recover";
    EXPECT_FALSE(other.edit("delete", {"china"}));
    EXPECT_NE(other.last_error().find("is being edited by another actorgraph process"), std::string::npos) << other.last_error();
    EXPECT_TRUE(other.graph()->find_by_id("china"));
    run("save\n");
    explorer_.reset();  // the first window closes
    EXPECT_FALSE(other.edit("delete", {"china"})) << "the first window's save changed the file this one shows";
    EXPECT_NE(other.last_error().find("was changed on disk by another program"), std::string::npos) << other.last_error();
    ASSERT_TRUE(other.open(file_));
    ASSERT_TRUE(other.wait_until_idle(layout_timeout));
    EXPECT_FALSE(other.graph()->find_by_id("russia")) << "the first window's edit, saved";
    EXPECT_TRUE(other.edit("delete", {"china"})) << other.last_error();
}

TEST_F(ExplorerEditTest, AFileChangedOnDiskSinceItWasOpenedIsNotEditedFromTheOldPicture)
{
    run("open " + file_.string() + "\n");
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    write_file_atomically(file_, read_file(file_) + "// touched by another program\n");
    EXPECT_FALSE(explorer_->edit("delete", {"china"}));
    EXPECT_NE(explorer_->last_error().find("was changed on disk by another program since it was opened"), std::string::npos)
        << explorer_->last_error();
    run("open " + file_.string() + "\n");
    EXPECT_TRUE(explorer_->edit("delete", {"china"})) << explorer_->last_error();
}

// The window prints these reports (actorgraph-gui --script): an edit's comes after its journal record.
TEST_F(ExplorerEditTest, EachScriptLineIsReportedOnceDoneAnEditOnlyAfterItIsJournalled)
{
    ScriptRunner runner(parse_script("select mongolia\nadd-actor erdenes kind=company \"label=Erdenes Oyu Tolgoi\"\n"
                                     "set erdenes note=x\n",
                                     "session.txt"));
    std::vector<std::string> reports;
    std::vector<std::size_t> journalled;
    runner.report_steps([&](const ScriptCommand& command, const std::string& what) {
        reports.push_back(format_location(command.where, what));
        auto journal = Journal(file_).read();
        journalled.push_back(journal ? journal->entries.size() : 0);
    });
    runner.run_to_end(*explorer_, layout_timeout);
    ASSERT_EQ(reports.size(), 3u);
    EXPECT_EQ(reports[0], "session.txt:1: select");
    EXPECT_EQ(reports[1], "session.txt:2: new actor Erdenes Oyu Tolgoi");
    EXPECT_EQ(reports[2].rfind("session.txt:3: ", 0), 0u) << reports[2];
    EXPECT_EQ(journalled, (std::vector<std::size_t>{0, 1, 2}));
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
