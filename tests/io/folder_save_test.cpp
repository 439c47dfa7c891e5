// A CSV folder is saved all or nothing: a full disk leaves the old files, a stop between the two
// renames still reads as the new save, the next save finishes or clears what a killed one left, and
// every failure says truthfully what is on disk.
#include <gtest/gtest.h>

#include <cerrno>

#include "actorgraph/io/file_format.hpp"
#include "actorgraph/io/file_io.hpp"
#include "actorgraph/io/neo4j_csv.hpp"
#include "graph_fixtures.hpp"
#include "test_support.hpp"

namespace actorgraph {
namespace {

namespace fs = std::filesystem;
using testing::SaveStep;

Graph small_graph(const std::string& label)
{
    Graph graph;
    graph.add_actor({"a", label, "state", {}, {}, {}});
    graph.add_actor({"b", label + " B", "company", {}, {}, {}});
    graph.add_relation({0, 1, "investment", {{"note", label}}, {}});
    return graph;
}

std::vector<std::string> names_in(const fs::path& folder)
{
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(folder)) names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

class FolderSave : public ::testing::Test {
protected:
    void TearDown() override { testing::fail_saves_at(SaveStep::create, 0); }

    // A folder holding the old graph; returns the error text of saving the new one with the fault set.
    std::string save_new_with_fault(SaveStep step, int error_number, int skip)
    {
        save_neo4j_csv_folder(old_graph, folder);
        testing::fail_saves_at(step, error_number, skip);
        try {
            save_neo4j_csv_folder(new_graph, folder);
        } catch (const Error& error) {
            testing::fail_saves_at(step, 0);
            return error.what();
        }
        testing::fail_saves_at(step, 0);
        return {};
    }

    fs::path folder = testing::scratch_dir("folder-save") / "graph";
    Graph old_graph = small_graph("old");
    Graph new_graph = small_graph("new");
};

TEST_F(FolderSave, AFailureBeforeAnyRenameLeavesBothOldFilesAndSaysSo)
{
    for (auto step : {SaveStep::create, SaveStep::write, SaveStep::flush, SaveStep::close}) {
        for (int skip : {0, 1}) {  // the first file or the second
            auto message = save_new_with_fault(step, ENOSPC, skip);
            ASSERT_FALSE(message.empty()) << "the save did not fail";
            EXPECT_NE(message.find("no file of the folder was replaced"), std::string::npos) << message;
            testing::expect_same_graph(old_graph, read_neo4j_csv_folder(folder));
            EXPECT_EQ(names_in(folder), (std::vector<std::string>{"nodes.csv", "relationships.csv"}));
        }
    }
    // The journal's own rename is the first: failing it replaces nothing either.
    auto message = save_new_with_fault(SaveStep::rename, EIO, 0);
    EXPECT_NE(message.find("no file of the folder was replaced"), std::string::npos) << message;
    testing::expect_same_graph(old_graph, read_neo4j_csv_folder(folder));
}

// Renames: the journal, nodes.csv, relationships.csv. Stopping at the third is the state a kill
// between the two files' renames leaves: new nodes.csv, old relationships.csv.
TEST_F(FolderSave, AStopBetweenTheTwoRenamesStillReadsAsTheNewSave)
{
    auto message = save_new_with_fault(SaveStep::rename, EIO, 2);
    ASSERT_FALSE(message.empty());
    EXPECT_NE(message.find("reads as the new save"), std::string::npos) << message;
    EXPECT_EQ(message.find("unchanged"), std::string::npos) << message;
    testing::expect_same_graph(new_graph, read_neo4j_csv_folder(folder));
    testing::expect_same_graph(new_graph, load_graph(folder));
    // The next save finishes the old one first and leaves only the two files.
    save_neo4j_csv_folder(small_graph("newer"), folder);
    EXPECT_EQ(names_in(folder), (std::vector<std::string>{"nodes.csv", "relationships.csv"}));
    testing::expect_same_graph(small_graph("newer"), read_neo4j_csv_folder(folder));
}

TEST_F(FolderSave, TheNextSaveClearsTemporaryFilesAKilledSaveLeft)
{
    save_neo4j_csv_folder(old_graph, folder);
    write_file_atomically(folder / "nodes.csv.tmp-123456", "half a file");
    write_file_atomically(folder / "relationships.csv.tmp-9", "half a file");
    write_file_atomically(folder / "notes.txt", "the user's own file stays");
    save_neo4j_csv_folder(new_graph, folder);
    EXPECT_EQ(names_in(folder), (std::vector<std::string>{"nodes.csv", "notes.txt", "relationships.csv"}));
    // And a single-file save clears its own leftovers.
    auto dot = folder.parent_path() / "g.gv";
    write_file_atomically(dot.string() + ".tmp-42", "half");
    save_graph(new_graph, dot);
    EXPECT_FALSE(fs::exists(dot.string() + ".tmp-42"));
}

}  // namespace
}  // namespace actorgraph
