// Builds a small map from an empty file through the window's own input (mouse clicks, typed text and
// keys played into ImGui with --input, not script verbs), undoes and redoes every step with the keys,
// saves with Ctrl+S, and checks the file: the same text an edit session applying the same changes writes.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "actorgraph/edit/edit_session.hpp"
#include "actorgraph/io/file_format.hpp"
#include "actorgraph/io/file_io.hpp"
#include "gui/gui_runner.hpp"
#include "test_support.hpp"

namespace actorgraph::testing {
namespace {

namespace fs = std::filesystem;

// Window pixels at 1600x1000 with a fresh settings folder: the Paths panel's header (closed first, so
// the left column fits the window and never scrolls), the Edit menu, then the Edit panel's forms
// (Search open above it). The form fields sit 26 px apart.
constexpr const char* build_map = R"(idle
click 54 394
frames 2
click 64 11
frames 2
click 100 81
frames 3
click 115 144
type erdenes
click 115 170
type company
click 115 197
type Erdenes Oyu Tolgoi
click 115 249
type State holding of the mine
click 44 295
idle
click 115 144
type mongolia
click 115 170
type state
click 115 197
type Mongolia
click 44 295
idle
click 138 119
frames 3
click 115 144
type erdenes
click 115 170
type mongolia
click 115 197
type investment
click 115 249
type 2016
click 115 372
type Erdenes annual report 2016
click 115 399
type B2
click 44 445
idle
)";

class ExplorerEditing : public ::testing::Test {
protected:
    void SetUp() override
    {
        if (!have_xvfb()) GTEST_SKIP() << "xvfb-run is not installed";
        folder_ = scratch_dir(std::string("gui-") + ::testing::UnitTest::GetInstance()->current_test_info()->name());
        map_ = folder_ / "map.gv";
        write_file_atomically(map_, "digraph map {\n}\n");
    }

    GuiRun play(const std::string& input)
    {
        auto file = folder_ / "input.txt";
        std::ofstream(file) << input;
        return run_gui(folder_ / "window.png", "'" + map_.string() + "' --input '" + file.string() + "'");
    }

    // The same three changes applied by an edit session to another copy of the empty file.
    std::string expected_text()
    {
        auto expected = folder_ / "expected.gv";
        write_file_atomically(expected, "digraph map {\n}\n");
        EditSession session(expected);
        EXPECT_TRUE(session.apply(AddActor{"erdenes", "company", "Erdenes Oyu Tolgoi", {}, {{"description", "State holding of the mine"}}}).empty());
        EXPECT_TRUE(session.apply(AddActor{"mongolia", "state", "Mongolia", {}, {}}).empty());
        EXPECT_TRUE(session.apply(AddRelation{"erdenes", "mongolia", "investment", false,
                                              {{"year", "2016"}, {"source", "Erdenes annual report 2016"}, {"confidence", "B2"}}})
                        .empty());
        session.save();
        return read_file(expected);
    }

    fs::path folder_;
    fs::path map_;
};

TEST_F(ExplorerEditing, BuildsAMapFromAnEmptyFileUndoesAndRedoesEveryStepAndSavesIt)
{
    auto run = play(std::string(build_map) +
                    "key ctrl+z\nidle\nkey ctrl+z\nidle\nkey ctrl+z\nidle\n"
                    "key ctrl+shift+z\nidle\nkey ctrl+y\nidle\nkey ctrl+shift+z\nidle\n"
                    "key ctrl+s\nidle\nframes 3\n");
    ASSERT_EQ(run.exit_code, 0) << run.output;
    auto saved = load_graph(map_);
    ASSERT_EQ(saved.actor_count(), 2u);
    ASSERT_EQ(saved.relation_count(), 1u);
    EXPECT_EQ(saved.actor(*saved.find_by_id("erdenes")).label, "Erdenes Oyu Tolgoi");
    EXPECT_EQ(read_file(map_), expected_text());
    EXPECT_FALSE(fs::exists(Journal::path_for(map_))) << "a save empties the journal";
}

TEST_F(ExplorerEditing, UndoingEveryStepWithTheKeysSavesTheEmptyMapAgain)
{
    auto run = play(std::string(build_map) + "key ctrl+z\nidle\nkey ctrl+z\nidle\nkey ctrl+z\nidle\nkey ctrl+s\nidle\nframes 3\n");
    ASSERT_EQ(run.exit_code, 0) << run.output;
    auto saved = load_graph(map_);
    EXPECT_EQ(saved.actor_count(), 0u);
    EXPECT_EQ(saved.relation_count(), 0u);
}

TEST_F(ExplorerEditing, AnUnsavedChangeIsInTheJournalWhenTheWindowEnds)
{
    auto run = play(std::string(build_map));
    ASSERT_EQ(run.exit_code, 0) << run.output;
    EXPECT_EQ(load_graph(map_).actor_count(), 0u) << "nothing is saved without Ctrl+S";
    auto journal = Journal(map_).read();
    ASSERT_TRUE(journal);
    EXPECT_EQ(journal->entries.size(), 3u);
}

// Ctrl+Q with an unsaved change asks Save / Discard / Cancel in a modal in the middle of the window.
constexpr const char* quit_and_answer = "idle\nkey ctrl+q\nframes 4\nclick %d 521\nframes 5\n";
constexpr int save_button = 550, discard_button = 609, cancel_button = 674;

class ExplorerClosing : public ExplorerEditing {
protected:
    GuiRun quit_answering(int button)
    {
        auto script = write_script(folder_, "add-actor erdenes kind=company \"label=Erdenes Oyu Tolgoi\"\n");
        char input[128];
        std::snprintf(input, sizeof input, quit_and_answer, button);
        auto file = folder_ / "input.txt";
        std::ofstream(file) << input;
        return run_gui(folder_ / "window.png", "'" + map_.string() + "' --script '" + script.string() + "' --input '" +
                                                   file.string() + "'");
    }
};

TEST_F(ExplorerClosing, QuittingWithUnsavedChangesAndAnsweringSaveSavesAndCloses)
{
    auto run = quit_answering(save_button);
    ASSERT_EQ(run.exit_code, 0) << run.output;
    EXPECT_FALSE(fs::exists(folder_ / "window.png")) << "the window closed before the screenshot";
    EXPECT_TRUE(load_graph(map_).find_by_id("erdenes"));
    EXPECT_FALSE(fs::exists(Journal::path_for(map_)));
}

TEST_F(ExplorerClosing, AnsweringDiscardClosesWithoutSavingAndEmptiesTheJournal)
{
    auto run = quit_answering(discard_button);
    ASSERT_EQ(run.exit_code, 0) << run.output;
    EXPECT_FALSE(fs::exists(folder_ / "window.png"));
    EXPECT_EQ(read_file(map_), "digraph map {\n}\n");
    auto journal = Journal(map_).read();
    EXPECT_TRUE(!journal || journal->entries.empty());
}

TEST_F(ExplorerClosing, AnsweringCancelKeepsTheWindowOpenWithTheChange)
{
    auto run = quit_answering(cancel_button);
    ASSERT_EQ(run.exit_code, 0) << run.output;
    EXPECT_TRUE(fs::exists(folder_ / "window.png")) << "the window stayed until the screenshot";
    EXPECT_EQ(read_file(map_), "digraph map {\n}\n");
    auto journal = Journal(map_).read();
    ASSERT_TRUE(journal);
    EXPECT_EQ(journal->entries.size(), 1u);
}

// On a copy of the bundled graph with Oyu Tolgoi selected: Inspector › Edit, Delete actor…, Delete in
// the confirmation, then the keys given, then Ctrl+S.
GuiRun delete_oyu_tolgoi_then(const fs::path& folder, const fs::path& map, const std::string& keys)
{
    fs::copy_file(source_dir() / "graphs" / "nato_mongolia.gv", map, fs::copy_options::overwrite_existing);
    auto script = write_script(folder, "select oyu_tolgoi\n");
    auto input = folder / "input.txt";
    std::ofstream(input) << "idle\nclick 1244 277\nframes 3\nclick 1281 460\nframes 4\nclick 566 568\nidle\n" << keys
                         << "key ctrl+s\nidle\nframes 3\n";
    return run_gui(folder / "window.png", "'" + map.string() + "' --script '" + script.string() + "' --input '" + input.string() + "'");
}

TEST_F(ExplorerEditing, DeletingAnActorAfterItsConfirmationTakesItsRelations)
{
    auto before = load_graph(source_dir() / "graphs" / "nato_mongolia.gv");
    auto run = delete_oyu_tolgoi_then(folder_, map_, "");
    ASSERT_EQ(run.exit_code, 0) << run.output;
    auto after = load_graph(map_);
    EXPECT_FALSE(after.find_by_id("oyu_tolgoi"));
    EXPECT_EQ(after.relation_count(), before.relation_count() - 2);
}

// The same clicks delete (the test above); here the undo must bring back every byte.
TEST_F(ExplorerEditing, DeletingAnActorAfterItsConfirmationThenUndoingAndSavingLeavesTheFileByteIdentical)
{
    auto run = delete_oyu_tolgoi_then(folder_, map_, "key ctrl+z\nidle\n");
    ASSERT_EQ(run.exit_code, 0) << run.output;
    EXPECT_EQ(read_file(map_), read_file(source_dir() / "graphs" / "nato_mongolia.gv"));
}

}  // namespace
}  // namespace actorgraph::testing
