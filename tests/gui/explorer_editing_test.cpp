// Builds a small map from an empty file through the window's own input (mouse clicks, typed text and
// keys played into ImGui with --input, not script verbs), undoes and redoes every step with the keys,
// saves with Ctrl+S, and checks the file: the same text an edit session applying the same changes writes.
#include <gtest/gtest.h>

#include <fstream>

#include "actorgraph/edit/edit_session.hpp"
#include "actorgraph/io/file_format.hpp"
#include "actorgraph/io/file_io.hpp"
#include "actorgraph/model/schema.hpp"
#include "gui/gui_runner.hpp"
#include "test_support.hpp"

namespace actorgraph::testing {
namespace {

namespace fs = std::filesystem;

// The widgets are clicked by their labels (click-widget), wherever the panels put them: the Edit menu's
// New actor… and New relation… open the Edit panel's forms, whose fields are named as on screen.
constexpr const char* build_map = R"(idle
click-widget Edit menu
click-widget "New actor…" item
click-widget id field
type erdenes
click-widget kind field
type company
click-widget label field
type Erdenes Oyu Tolgoi
click-widget description field
type State holding of the mine
click-widget "Add actor" button
idle
click-widget id field
type mongolia
click-widget kind field
type state
click-widget label field
type Mongolia
click-widget "Add actor" button
idle
click-widget Edit menu
click-widget "New relation…" item
click-widget from field
type erdenes
click-widget to field
type mongolia
click-widget type field
type investment
click-widget year field
type 2016
click-widget source field
type Erdenes annual report 2016
click-widget confidence field
type B2
click-widget "Add relation" button
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

// The journal shows the clicks built three steps before the three undos; replayed, it leaves the empty map.
TEST_F(ExplorerEditing, UndoingEveryStepWithTheKeysLeavesTheEmptyMapAfterThreeJournalledSteps)
{
    auto run = play(std::string(build_map) + "key ctrl+z\nidle\nkey ctrl+z\nidle\nkey ctrl+z\nidle\nframes 3\n");
    ASSERT_EQ(run.exit_code, 0) << run.output;
    auto journal = Journal(map_).read();
    ASSERT_TRUE(journal);
    std::vector<JournalEntry::Kind> kinds;
    for (const auto& entry : journal->entries) kinds.push_back(entry.kind);
    using Kind = JournalEntry::Kind;
    EXPECT_EQ(kinds, (std::vector<Kind>{Kind::apply, Kind::apply, Kind::apply, Kind::undo, Kind::undo, Kind::undo}))
        << "the clicks built the map, then the keys undid it";
    EditSession session(map_);
    (void)session.recover();
    EXPECT_EQ(session.graph().actor_count(), 0u);
    EXPECT_EQ(session.graph().relation_count(), 0u);
    EXPECT_EQ(read_file(map_), "digraph map {\n}\n") << "nothing is saved without Ctrl+S";
}

// A double-click on the empty canvas opens the New actor form for that point; the keys fill it in; the
// actor is created pinned there, and undo and redo take it away and bring it back.
constexpr const char* double_click_actor = R"(idle
double-click 790 500
frames 3
click-widget id field
type khan
click-widget kind field
type company
click-widget label field
type Khan Resources
click-widget "Add actor" button
idle
)";

TEST_F(ExplorerEditing, DoubleClickingTheEmptyCanvasCreatesAnActorPinnedThereAndUndoRedoWorkOnIt)
{
    auto run = play(std::string(double_click_actor) + "key ctrl+z\nidle\nkey ctrl+shift+z\nidle\nkey ctrl+s\nidle\nframes 3\n");
    ASSERT_EQ(run.exit_code, 0) << run.output;
    auto saved = load_graph(map_);
    ASSERT_EQ(saved.actor_count(), 1u);
    const auto& khan = saved.actor(*saved.find_by_id("khan"));
    EXPECT_EQ(khan.label, "Khan Resources");
    EXPECT_EQ(khan.kind, "company");
    EXPECT_EQ(property_or_empty(khan.properties, "pinned"), "true");
    EXPECT_TRUE(parse_number(property_or_empty(khan.properties, "x"))) << "pinned at the point double-clicked";
    EXPECT_TRUE(parse_number(property_or_empty(khan.properties, "y")));
}

TEST_F(ExplorerEditing, UndoingTheActorADoubleClickCreatedLeavesTheMapEmpty)
{
    auto run = play(std::string(double_click_actor) + "key ctrl+z\nidle\nframes 3\n");
    ASSERT_EQ(run.exit_code, 0) << run.output;
    auto journal = Journal(map_).read();
    ASSERT_TRUE(journal);
    ASSERT_EQ(journal->entries.size(), 2u) << "the double-click and the form created it, the key undid it";
    EXPECT_EQ(journal->entries[0].kind, JournalEntry::Kind::apply);
    EXPECT_EQ(journal->entries[1].kind, JournalEntry::Kind::undo);
    EditSession session(map_);
    (void)session.recover();
    EXPECT_EQ(session.graph().actor_count(), 0u);
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
constexpr const char* save_button = "Save", *discard_button = "Discard", *cancel_button = "Cancel";

class ExplorerClosing : public ExplorerEditing {
protected:
    GuiRun quit_answering(const std::string& button)
    {
        auto script = write_script(folder_, "add-actor erdenes kind=company \"label=Erdenes Oyu Tolgoi\"\n");
        auto file = folder_ / "input.txt";
        std::ofstream(file) << "idle\nkey ctrl+q\nframes 4\nclick-widget " << button << " button\nframes 5\n";
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
    std::ofstream(input) << "idle\nclick-widget Edit node\nclick-widget \"Delete actor…\" button\nclick-widget Delete button\nidle\n" << keys
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
