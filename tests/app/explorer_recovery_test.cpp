// Opening a file whose journal holds changes never saved asks what to do with them: Restore replays
// them, Discard (once confirmed) empties the journal, Decide later keeps them and asks again on demand.
#include "actorgraph/edit/edit_session.hpp"
#include "actorgraph/io/file_io.hpp"
#include "explorer_fixture.hpp"

namespace actorgraph::testing {
namespace {

namespace fs = std::filesystem;

class ExplorerRecoveryTest : public ExplorerOnACopyTest {
protected:
    /// Leaves `count` journalled, unsaved changes beside the file (a session that ended without saving),
    /// then opens the file again.
    void leave_changes_and_reopen(int count)
    {
        {
            EditSession session(file_);
            for (int i = 0; i < count; ++i) {
                auto id = "lost" + std::to_string(i);
                ASSERT_TRUE(session.apply(AddActor{id, "company", "Lost " + std::to_string(i), {}, {}}).empty());
            }
        }
        ASSERT_TRUE(explorer_->open(file_));
        settle();
    }
};

TEST_F(ExplorerRecoveryTest, AFileWithoutAJournalAsksNothing)
{
    EXPECT_FALSE(explorer_->recovery_offer());
    EXPECT_FALSE(explorer_->asks_recovery());
    EXPECT_FALSE(explorer_->answer_recovery(RecoveryAnswer::restore));
}

TEST_F(ExplorerRecoveryTest, OpeningAFileWithUnsavedChangesAsksAndRestoreBringsThemBack)
{
    leave_changes_and_reopen(3);
    ASSERT_TRUE(explorer_->asks_recovery());
    EXPECT_EQ(explorer_->recovery_offer()->changes, 3u);
    EXPECT_FALSE(explorer_->recovery_offer()->torn);
    EXPECT_EQ(explorer_->recovery_question(),
              "3 changes made to nato_mongolia.gv since it was last saved were not saved (the editing session ended "
              "without saving). Restore them?");
    EXPECT_FALSE(explorer_->graph()->find_by_id("lost0"));
    EXPECT_TRUE(explorer_->answer_recovery(RecoveryAnswer::restore)) << explorer_->last_error();
    settle();
    EXPECT_FALSE(explorer_->recovery_offer());
    for (const char* id : {"lost0", "lost1", "lost2"}) EXPECT_TRUE(explorer_->graph()->find_by_id(id)) << id;
    EXPECT_TRUE(explorer_->dirty());
    EXPECT_TRUE(explorer_->undo()) << "the restored changes are undoable steps";
}

TEST_F(ExplorerRecoveryTest, DiscardAsksToConfirmThenEmptiesTheJournal)
{
    leave_changes_and_reopen(1);
    ASSERT_TRUE(explorer_->asks_recovery());
    EXPECT_NE(explorer_->recovery_question().find("1 change made to nato_mongolia.gv since it was last saved was not saved"),
              std::string::npos) << explorer_->recovery_question();
    EXPECT_FALSE(explorer_->answer_recovery(RecoveryAnswer::confirm_discard)) << "not without Discard first";
    EXPECT_TRUE(explorer_->answer_recovery(RecoveryAnswer::discard));
    ASSERT_TRUE(explorer_->recovery_offer());
    EXPECT_TRUE(explorer_->recovery_offer()->confirming_discard);
    EXPECT_NE(explorer_->recovery_question().find("Discard the 1 change for good?"), std::string::npos);
    EXPECT_TRUE(explorer_->answer_recovery(RecoveryAnswer::back));
    EXPECT_FALSE(explorer_->recovery_offer()->confirming_discard);
    EXPECT_TRUE(fs::exists(Journal::path_for(file_)));
    ASSERT_TRUE(explorer_->answer_recovery(RecoveryAnswer::discard));
    ASSERT_TRUE(explorer_->answer_recovery(RecoveryAnswer::confirm_discard)) << explorer_->last_error();
    EXPECT_FALSE(explorer_->recovery_offer());
    auto left = Journal(file_).read();
    EXPECT_TRUE(!left || left->entries.empty()) << "the journal still holds the discarded change";
    EXPECT_FALSE(explorer_->graph()->find_by_id("lost0"));
    ASSERT_TRUE(explorer_->open(file_));
    settle();
    EXPECT_FALSE(explorer_->recovery_offer()) << "the changes are not offered again";
    EXPECT_TRUE(explorer_->edit("delete", {"china"})) << "editing goes on after the discard: " << explorer_->last_error();
}

TEST_F(ExplorerRecoveryTest, DecideLaterKeepsTheChangesAndAsksAgainOnDemand)
{
    leave_changes_and_reopen(2);
    ASSERT_TRUE(explorer_->answer_recovery(RecoveryAnswer::later));
    EXPECT_FALSE(explorer_->asks_recovery());
    ASSERT_TRUE(explorer_->recovery_offer());
    EXPECT_TRUE(explorer_->recovery_offer()->postponed);
    EXPECT_FALSE(explorer_->edit("delete", {"china"})) << "an edit before the journal is dealt with would be lost";
    EXPECT_TRUE(explorer_->graph()->find_by_id("china"));
    explorer_->ask_recovery_again();
    EXPECT_TRUE(explorer_->asks_recovery());
    EXPECT_TRUE(explorer_->answer_recovery(RecoveryAnswer::restore)) << explorer_->last_error();
    settle();
    EXPECT_TRUE(explorer_->graph()->find_by_id("lost1"));
    EXPECT_TRUE(explorer_->edit("delete", {"china"})) << explorer_->last_error();
}

TEST_F(ExplorerRecoveryTest, ATornLastRecordIsSaidInTheQuestion)
{
    {
        EditSession session(file_);
        ASSERT_TRUE(session.apply(AddActor{"kept", "company", "Kept", {}, {}}).empty());
    }
    // A record cut off while it was being written (a kill mid-append).
    auto journal = Journal::path_for(file_);
    write_file_atomically(journal, read_file(journal) + "{\"op\":\"add-actor\",\"id\":\"half");
    ASSERT_TRUE(explorer_->open(file_));
    settle();
    ASSERT_TRUE(explorer_->recovery_offer());
    EXPECT_EQ(explorer_->recovery_offer()->changes, 1u);
    EXPECT_TRUE(explorer_->recovery_offer()->torn);
    EXPECT_NE(explorer_->recovery_question().find("cut off while it was being written"), std::string::npos);
}

}  // namespace
}  // namespace actorgraph::testing
