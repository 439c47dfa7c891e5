#include "actorgraph/edit/journal.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "actorgraph/io/file_io.hpp"
#include "test_support.hpp"

namespace actorgraph {
namespace {

namespace fs = std::filesystem;

fs::path graph_file(const std::string& test)
{
    auto file = testing::scratch_dir("journal-" + test) / "map.gv";
    write_file_atomically(file, "digraph { a [kind=state] }\n");
    return file;
}

JournalEntry add(const std::string& id) { return {JournalEntry::Kind::apply, AddActor{id, "state", "", {}, {}}}; }

TEST(Journal, LivesBesideTheFileAndReadsBackEveryStep)
{
    auto file = graph_file("read-back");
    Journal journal(file);
    EXPECT_EQ(journal.path(), file.parent_path() / "map.gv.journal");
    EXPECT_FALSE(journal.read());
    journal.append(add("b"));
    journal.append({JournalEntry::Kind::undo, std::nullopt});
    journal.append({JournalEntry::Kind::redo, std::nullopt});
    auto contents = Journal(file).read();
    ASSERT_TRUE(contents);
    EXPECT_FALSE(contents->torn);
    ASSERT_EQ(contents->entries.size(), 3u);
    EXPECT_EQ(std::get<AddActor>(*contents->entries[0].change).id, "b");
    EXPECT_EQ(contents->entries[1].kind, JournalEntry::Kind::undo);
    EXPECT_EQ(contents->base, current_version(file));
    EXPECT_EQ(contents->valid_bytes, fs::file_size(journal.path()));
}

TEST(Journal, RecordsAreFramedJsonLinesWithSequenceNumbers)
{
    auto file = graph_file("format");
    Journal journal(file);
    journal.append(add("b"));
    auto text = read_file(journal.path());
    auto second_line = text.substr(text.find('\n') + 1);
    auto json = second_line.substr(second_line.find(' ', second_line.find(' ') + 1) + 1);
    EXPECT_EQ(json.rfind("{\"seq\":1,\"at\":\"", 0), 0u) << json;
    EXPECT_NE(json.find("\"op\":\"apply\",\"change\":{"), std::string::npos) << json;
    EXPECT_EQ(std::to_string(json.size() - 1), second_line.substr(0, second_line.find(' ')));
}

// A journal cut at every byte of its last record keeps every step before it and says it was torn.
TEST(Journal, ATornLastRecordAtAnyByteKeepsEveryCompleteStep)
{
    auto file = graph_file("torn");
    Journal journal(file);
    journal.append(add("b"));
    journal.append(add("c"));
    auto whole = read_file(journal.path());
    auto last_start = whole.rfind('\n', whole.size() - 2) + 1;
    for (auto cut = last_start + 1; cut < whole.size(); ++cut) {
        write_file_atomically(journal.path(), whole.substr(0, cut));
        auto contents = Journal(file).read();
        ASSERT_TRUE(contents);
        EXPECT_TRUE(contents->torn) << "cut at " << cut;
        EXPECT_EQ(contents->entries.size(), 1u) << "cut at " << cut;
        EXPECT_EQ(contents->valid_bytes, last_start);
    }
}

TEST(Journal, ADamagedRecordIsCaughtByItsChecksum)
{
    auto file = graph_file("damaged");
    Journal journal(file);
    journal.append(add("b"));
    journal.append(add("c"));
    auto text = read_file(journal.path());
    auto at = text.rfind("\"c\"");
    text[at + 1] = 'x';
    write_file_atomically(journal.path(), text);
    auto contents = Journal(file).read();
    ASSERT_TRUE(contents);
    EXPECT_TRUE(contents->torn);
    EXPECT_NE(contents->damage.find("checksum"), std::string::npos) << contents->damage;
    EXPECT_EQ(contents->entries.size(), 1u);
}

TEST(Journal, ContinuingAfterATornTailCutsItOffSoNewStepsFollowTheCompleteOnes)
{
    auto file = graph_file("continue");
    {
        Journal journal(file);
        journal.append(add("b"));
        journal.append(add("c"));
    }
    auto whole = read_file(Journal::path_for(file));
    write_file_atomically(Journal::path_for(file), whole.substr(0, whole.size() - 5));
    Journal journal(file);
    auto contents = journal.read();
    ASSERT_TRUE(contents && contents->torn);
    journal.continue_after(*contents);
    journal.append(add("d"));
    auto again = Journal(file).read();
    ASSERT_TRUE(again);
    EXPECT_FALSE(again->torn);
    ASSERT_EQ(again->entries.size(), 2u);
    EXPECT_EQ(std::get<AddActor>(*again->entries[1].change).id, "d");
    EXPECT_NE(read_file(Journal::path_for(file)).find("{\"seq\":2,"), std::string::npos);
}

TEST(Journal, ResetEmptiesItAndItIsGoneWhenTheSessionEnds)
{
    auto file = graph_file("reset");
    {
        Journal journal(file);
        journal.append(add("b"));
        journal.reset();
        EXPECT_FALSE(journal.read());
        EXPECT_TRUE(Journal::locked_elsewhere(file)) << "still held: emptied, not removed";
        journal.append(add("c"));
        auto contents = Journal(file).read();
        ASSERT_TRUE(contents);
        ASSERT_EQ(contents->entries.size(), 1u) << "starts again with a header";
    }
    EXPECT_TRUE(fs::exists(Journal::path_for(file))) << "a journal holding a step stays";
    {
        Journal journal(file);
        journal.append(add("d"));
        journal.reset();
    }
    EXPECT_FALSE(fs::exists(Journal::path_for(file)));
    EXPECT_FALSE(Journal::locked_elsewhere(file));
}

TEST(Journal, OneJournalHasOneWriterAndTheLockEndsWithItsHolder)
{
    auto file = graph_file("lock");
    auto first = std::make_unique<Journal>(file);
    first->append(add("b"));
    EXPECT_TRUE(Journal::locked_elsewhere(file));
    Journal second(file);
    try {
        second.append(add("c"));
        FAIL() << "a second writer was let in";
    } catch (const Error& error) {
        EXPECT_NE(std::string(error.what()).find("is being edited by another actorgraph process"), std::string::npos) << error.what();
    }
    ASSERT_EQ(Journal(file).read()->entries.size(), 1u) << "nothing of the refused step was written";
    first.reset();
    EXPECT_FALSE(Journal::locked_elsewhere(file));
    second.append(add("c"));
    EXPECT_EQ(Journal(file).read()->entries.size(), 2u);
}

TEST(Journal, AFileThatIsNotAJournalIsAnErrorNamingIt)
{
    auto file = graph_file("not-a-journal");
    std::string header = R"({"hello":1})";
    write_file_atomically(Journal::path_for(file), std::to_string(header.size()) + " " + "00000000 " + header + "\n");
    auto contents = Journal(file).read();  // the checksum is wrong: a torn header, no step
    ASSERT_TRUE(contents);
    EXPECT_TRUE(contents->torn);
    EXPECT_TRUE(contents->entries.empty());
}

TEST(Journal, Crc32IsTheStandardOne)
{
    EXPECT_EQ(crc32_of("123456789"), 0xCBF43926u);
}

}  // namespace
}  // namespace actorgraph
