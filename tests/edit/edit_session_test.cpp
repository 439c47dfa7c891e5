#include "actorgraph/edit/edit_session.hpp"

#include <gtest/gtest.h>

#include <cerrno>
#include <chrono>
#include <thread>

#include "actorgraph/io/dot_writer.hpp"
#include "actorgraph/io/file_format.hpp"
#include "actorgraph/io/file_io.hpp"
#include "actorgraph/model/schema.hpp"
#include "test_support.hpp"

namespace actorgraph {
namespace {

namespace fs = std::filesystem;

fs::path bundled_copy(const std::string& test)
{
    auto file = testing::scratch_dir("edit-session-" + test) / "nato_mongolia.gv";
    fs::copy_file(testing::source_dir() / "graphs/nato_mongolia.gv", file);
    return file;
}

void edit_a_little(EditSession& session)
{
    ASSERT_TRUE(session.apply(AddActor{"erdenes", "company", "Erdenes Oyu Tolgoi", {}, {}}).empty());
    ASSERT_TRUE(session.apply(AddRelation{"erdenes", "oyu_tolgoi", "investment", false, {{"source", "annual report"}}}).empty());
    ASSERT_TRUE(session.apply(MergeActors{"mongolia", "erdenes"}).empty());
    ASSERT_TRUE(session.undo());
    ASSERT_TRUE(session.apply(SetProperty{{"china", std::nullopt}, "note", "neighbour"}).empty());
}

TEST(EditSession, RecoveryAfterASessionEndedWithoutSavingRestoresEveryStep)
{
    auto file = bundled_copy("recover");
    std::string edited;
    {
        EditSession session(file);
        edit_a_little(session);
        EXPECT_TRUE(session.dirty());
        edited = write_dot(session.graph());
    }
    auto next = std::make_unique<EditSession>(file);
    EXPECT_EQ(next->unrecovered_steps(), 5u);
    EXPECT_THROW((void)next->apply(DeleteActor{"china"}), Error);  // not before the journal is recovered
    auto report = next->recover();
    EXPECT_EQ(report.replayed, 5u);
    EXPECT_FALSE(report.torn);
    EXPECT_NE(report.message.find("recovered 5 changes"), std::string::npos) << report.message;
    EXPECT_EQ(write_dot(next->graph()), edited);
    // The recovered history undoes as the first session's would have.
    EXPECT_EQ(next->history().undo_name(), "Undo change of note on China");
    ASSERT_TRUE(next->apply(DeleteActor{"china"}).empty());
    next.reset();
    EditSession third(file);
    EXPECT_EQ(third.unrecovered_steps(), 6u);
}

TEST(EditSession, WhileOneSessionWritesTheJournalASecondOneIsRefusedWithAReason)
{
    auto file = bundled_copy("second");
    auto first = std::make_unique<EditSession>(file);
    EditSession idle(file);  // opened, nothing done yet: no claim on the journal
    edit_a_little(*first);
    try {
        EditSession second(file);
        FAIL() << "a second session while the first writes the journal";
    } catch (const Error& error) {
        EXPECT_NE(std::string(error.what()).find("is being edited by another actorgraph process"), std::string::npos) << error.what();
    }
    EXPECT_THROW((void)idle.apply(DeleteActor{"china"}), Error) << "the idle one may not add to it either";
    first.reset();  // as when the first process ends, however it ends
    EditSession after(file);
    EXPECT_EQ(after.unrecovered_steps(), 5u);
}

TEST(EditSession, ATornJournalRestoresTheCompleteStepsAndSaysSo)
{
    auto file = bundled_copy("torn");
    {
        EditSession session(file);
        edit_a_little(session);
    }
    auto journal = Journal::path_for(file);
    auto text = read_file(journal);
    write_file_atomically(journal, text.substr(0, text.size() - 7));
    EditSession next(file);
    auto report = next.recover();
    EXPECT_EQ(report.replayed, 4u);
    EXPECT_TRUE(report.torn);
    EXPECT_NE(report.message.find("torn"), std::string::npos) << report.message;
    EXPECT_FALSE(next.graph().actor(*next.graph().find_by_id("china")).properties.contains("note"));
}

TEST(EditSession, SavingWritesTheFileAndEmptiesTheJournal)
{
    auto file = bundled_copy("save");
    std::string edited;
    {
        EditSession session(file);
        edit_a_little(session);
        edited = write_dot(session.graph());
        session.save();
        EXPECT_FALSE(session.dirty());
        EXPECT_FALSE(Journal(file).read()) << "no step left in the journal";
    }
    EXPECT_FALSE(fs::exists(Journal::path_for(file))) << "the emptied journal goes with its session";
    EditSession reopened(file);
    EXPECT_EQ(reopened.unrecovered_steps(), 0u);
    EXPECT_EQ(write_dot(reopened.graph()), edited);
}

// Another program (an editor, git, a second window that saved) writes the file while it is edited here.
void written_by_another_program(const fs::path& file)
{
    std::this_thread::sleep_for(std::chrono::milliseconds(20));  // a later modification time on coarse clocks
    write_file_atomically(file, read_file(file) + "// touched\n");
}

TEST(EditSession, AFileWrittenByAnotherProgramIsNotOverwrittenBySave)
{
    auto file = bundled_copy("written-elsewhere");
    EditSession session(file);
    edit_a_little(session);
    written_by_another_program(file);
    auto theirs = read_file(file);
    try {
        session.save();
        FAIL() << "saved over another program's changes";
    } catch (const Error& error) {
        EXPECT_NE(std::string(error.what()).find("was changed on disk by another program"), std::string::npos) << error.what();
    }
    EXPECT_EQ(read_file(file), theirs);
    EXPECT_TRUE(session.dirty());
    EXPECT_EQ(Journal(file).read()->entries.size(), 5u) << "the changes stay in the journal";
    auto elsewhere = file.parent_path() / "mine.gv";
    session.save(elsewhere);  // Save As is always possible
    EXPECT_FALSE(session.dirty());
    ASSERT_TRUE(session.apply(DeleteActor{"china"}).empty());
    session.save();  // the session's own saves do not count as another program's
}

TEST(EditSession, AGraphReadBeforeTheFileChangedIsNotEdited)
{
    auto file = bundled_copy("stale");
    auto read_at = stamp_of(file);
    auto graph = load_graph(file);
    EXPECT_NO_THROW(EditSession(file, graph, read_at));
    written_by_another_program(file);
    EXPECT_THROW(EditSession(file, graph, read_at), Error);
    EXPECT_NO_THROW(EditSession(file, graph, stamp_of(file)));
}

TEST(EditSession, AFailedSaveKeepsTheJournalAndTheOldFile)
{
    auto file = bundled_copy("failed-save");
    auto original = read_file(file);
    EditSession session(file);
    edit_a_little(session);
    testing::fail_saves_at(testing::SaveStep::write, ENOSPC);
    EXPECT_THROW(session.save(), Error);
    testing::fail_saves_at(testing::SaveStep::write, 0);
    EXPECT_EQ(read_file(file), original);
    EXPECT_TRUE(session.dirty());
    EXPECT_EQ(Journal(file).read()->entries.size(), 5u);
}

TEST(EditSession, AJournalStartedOnAnotherVersionOfTheFileIsSetAsideNotReplayed)
{
    auto file = bundled_copy("stale");
    {
        EditSession session(file);
        edit_a_little(session);
    }
    write_file_atomically(file, read_file(file) + "\n// edited by hand\n");
    EditSession next(file);
    auto report = next.recover();
    EXPECT_EQ(report.replayed, 0u);
    EXPECT_NE(report.message.find("another version"), std::string::npos) << report.message;
    EXPECT_TRUE(fs::exists(Journal::path_for(file).string() + ".old"));
    EXPECT_FALSE(fs::exists(Journal::path_for(file)));
    EXPECT_TRUE(next.apply(DeleteActor{"china"}).empty());
}

TEST(EditSession, AChangeThatCannotBeJournalledIsNotDone)
{
    auto file = bundled_copy("unjournalled");
    EditSession session(file);
    auto before = write_dot(session.graph());
    fs::create_directory(Journal::path_for(file));  // where the journal should go, a folder stands
    EXPECT_THROW((void)session.apply(DeleteActor{"china"}), Error);
    EXPECT_EQ(write_dot(session.graph()), before);
    EXPECT_FALSE(session.history().can_undo());
    EXPECT_FALSE(session.history().can_redo());
    EXPECT_FALSE(session.dirty());
}

TEST(EditSession, ANewFileStartsEmptyAndIsCreatedBySave)
{
    auto file = testing::scratch_dir("edit-session-new") / "new.gv";
    {
        EditSession session(file);
        EXPECT_EQ(session.graph().actor_count(), 0u);
        ASSERT_TRUE(session.apply(AddActor{"a", "state", "A", {}, {}}).empty());
        session.save();
        EXPECT_TRUE(fs::exists(file));
    }
    EXPECT_EQ(EditSession(file).graph().actor_count(), 1u);
}

TEST(EditSession, SaveAsMovesTheSessionToTheNewFile)
{
    auto file = bundled_copy("save-as");
    auto original = read_file(file);
    EditSession session(file);
    edit_a_little(session);
    auto copy = file.parent_path() / "copy.graphml";
    session.save(copy);
    EXPECT_EQ(session.file(), copy);
    EXPECT_EQ(read_file(file), original);
    EXPECT_FALSE(fs::exists(Journal::path_for(file)));
    ASSERT_TRUE(session.apply(DeleteActor{"china"}).empty());
    EXPECT_TRUE(fs::exists(Journal::path_for(copy)));
}

TEST(EditSession, AGroupIsOneJournalRecordThatRecoveryRestoresWholeOrNotAtAll)
{
    auto file = bundled_copy("group");
    ChangeGroup group{"Cypher: CREATE (e:company {id: 'erdenes'})-[:investment]->(m)",
                      {AddActor{"erdenes", "company", "Erdenes Oyu Tolgoi", {}, {}},
                       AddRelation{"erdenes", "mongolia", "investment", false, {{"source", "annual report"}}},
                       SetProperty{{"mongolia", std::nullopt}, "note", "invested in"}}};
    std::string before_group;
    std::string edited;
    {
        EditSession session(file);
        ASSERT_TRUE(session.apply(SetProperty{{"china", std::nullopt}, "note", "neighbour"}).empty());
        before_group = write_dot(session.graph());
        ASSERT_TRUE(session.apply_group(group).empty());
        EXPECT_TRUE(session.dirty());
        EXPECT_EQ(session.history().undo_count(), 2u);
        edited = write_dot(session.graph());
    }
    auto journal = Journal::path_for(file);
    auto whole = read_file(journal);
    {
        EditSession next(file);
        EXPECT_EQ(next.unrecovered_steps(), 2u);
        auto report = next.recover();
        EXPECT_EQ(report.replayed, 2u);
        EXPECT_EQ(write_dot(next.graph()), edited);
        EXPECT_EQ(next.history().undo_name(), "Undo " + group.description);
        ASSERT_TRUE(next.undo());
        EXPECT_EQ(write_dot(next.graph()), before_group);
    }
    // Cut inside the group's record: the step before it comes back, none of the group's changes do.
    fs::remove(journal);
    write_file_atomically(journal, whole.substr(0, whole.size() - 20));
    EditSession torn(file);
    auto report = torn.recover();
    EXPECT_EQ(report.replayed, 1u);
    EXPECT_TRUE(report.torn);
    EXPECT_EQ(write_dot(torn.graph()), before_group);
}

// %g wrote 1234567.8 as 1.23457e+06: every save moved a pin far from the origin, or by a fraction.
TEST(EditSession, APinIsSavedRoundTripExactAndReadsBackAsTheSamePoint)
{
    auto file = bundled_copy("pin-precision");
    const std::vector<std::pair<double, double>> points{{1234567.8, -0.1}, {1.0 / 3.0, 2e-7}, {-98765.4321, 123456789012.5}};
    {
        EditSession session(file);
        ASSERT_TRUE(session.apply(PinActor{"china", points[0].first, points[0].second}).empty());
        ASSERT_TRUE(session.apply(PinActor{"japan", points[1].first, points[1].second}).empty());
        ASSERT_TRUE(session.apply(PinActor{"russia", points[2].first, points[2].second}).empty());
        session.save();
    }
    auto saved = read_file(file);
    EXPECT_NE(saved.find("x=\"1234567.8\""), std::string::npos);
    EXPECT_NE(saved.find("y=\"-0.1\""), std::string::npos);
    auto graph = load_graph(file);
    const char* ids[] = {"china", "japan", "russia"};
    for (std::size_t i = 0; i < points.size(); ++i) {
        const auto& properties = graph.actor(*graph.find_by_id(ids[i])).properties;
        EXPECT_EQ(parse_number(properties.at("x")), points[i].first) << ids[i] << " x=" << properties.at("x");
        EXPECT_EQ(parse_number(properties.at("y")), points[i].second) << ids[i] << " y=" << properties.at("y");
    }
    // Saved again unchanged, the file stays byte for byte.
    {
        EditSession session(file);
        session.save();
    }
    EXPECT_EQ(read_file(file), saved);
}

}  // namespace
}  // namespace actorgraph
