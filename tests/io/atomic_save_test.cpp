// A save that fails at any step, or is killed mid-write, leaves the old file intact and says why.
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <cerrno>
#include <chrono>
#include <thread>

#include "actorgraph/io/file_format.hpp"
#include "actorgraph/io/file_io.hpp"
#include "test_support.hpp"

namespace actorgraph {
namespace {

namespace fs = std::filesystem;
using testing::SaveStep;

// Files in the folder other than the target: leftovers of a failed save.
std::vector<std::string> other_files(const fs::path& folder, const fs::path& target)
{
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(folder)) {
        if (entry.path() != target) names.push_back(entry.path().filename().string());
    }
    return names;
}

// Turns the injected fault off even when an assertion fails.
struct FaultGuard {
    ~FaultGuard() { testing::fail_saves_at(SaveStep::create, 0); }
};

TEST(AtomicSave, AFailureAtAnyStepKeepsTheOldFileRemovesTheTemporaryAndSaysWhy)
{
    auto folder = testing::scratch_dir("atomic-steps");
    auto target = folder / "graph.gv";
    write_file_atomically(target, "old content");
    FaultGuard guard;
    for (auto step : {SaveStep::create, SaveStep::write, SaveStep::flush, SaveStep::close, SaveStep::rename}) {
        testing::fail_saves_at(step, step == SaveStep::write ? ENOSPC : EIO);
        try {
            write_file_atomically(target, "new content");
            ADD_FAILURE() << "step " << static_cast<int>(step) << " did not fail";
        } catch (const Error& error) {
            std::string message = error.what();
            EXPECT_NE(message.find(target.string()), std::string::npos) << message;
            EXPECT_NE(message.find("the previous file is unchanged"), std::string::npos) << message;
            if (step == SaveStep::write) {
                EXPECT_NE(message.find("No space left"), std::string::npos) << message;
            }
        }
        EXPECT_EQ(read_file(target), "old content");
        EXPECT_TRUE(other_files(folder, target).empty()) << other_files(folder, target).front();
    }
    testing::fail_saves_at(SaveStep::create, 0);
    write_file_atomically(target, "new content");
    EXPECT_EQ(read_file(target), "new content");
}

TEST(AtomicSave, ReplacingAFileKeepsItsPermissions)
{
    auto folder = testing::scratch_dir("atomic-mode");
    auto target = folder / "graph.gv";
    write_file_atomically(target, "old");
    ASSERT_EQ(::chmod(target.c_str(), 0640), 0);
    write_file_atomically(target, "new");
    struct stat info {};
    ASSERT_EQ(::stat(target.c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 07777, 0640u);
}

TEST(AtomicSave, ANewFileGetsTheUsualPermissions)
{
    auto folder = testing::scratch_dir("atomic-new-mode");
    auto target = folder / "graph.gv";
    mode_t mask = ::umask(022);
    write_file_atomically(target, "new");
    ::umask(mask);
    struct stat info {};
    ASSERT_EQ(::stat(target.c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 07777, 0644u);
}

TEST(AtomicSave, SavingThroughASymlinkReplacesTheFileItPointsTo)
{
    auto folder = testing::scratch_dir("atomic-link");
    write_file_atomically(folder / "real.gv", "old");
    fs::create_symlink("real.gv", folder / "link.gv");
    write_file_atomically(folder / "link.gv", "new");
    EXPECT_TRUE(fs::is_symlink(folder / "link.gv"));
    EXPECT_EQ(read_file(folder / "real.gv"), "new");
}

TEST(AtomicSave, AFileInTheWayOfTheFolderIsAnError)
{
    auto folder = testing::scratch_dir("atomic-in-the-way");
    write_file_atomically(folder / "not-a-folder", "x");
    EXPECT_THROW(write_file_atomically(folder / "not-a-folder" / "graph.gv", "new"), Error);
    EXPECT_THROW(write_file_atomically(folder, "new"), Error);
    EXPECT_EQ(read_file(folder / "not-a-folder"), "x");
}

TEST(AtomicSave, AReadOnlyFolderIsAnErrorAndTheOldFileStays)
{
    if (::geteuid() == 0) GTEST_SKIP() << "root may write into read-only folders; the injected faults cover this";
    auto folder = testing::scratch_dir("atomic-read-only");
    write_file_atomically(folder / "graph.gv", "old");
    ASSERT_EQ(::chmod(folder.c_str(), 0555), 0);
    EXPECT_THROW(write_file_atomically(folder / "graph.gv", "new"), Error);
    ::chmod(folder.c_str(), 0755);
    EXPECT_EQ(read_file(folder / "graph.gv"), "old");
}

TEST(AtomicSave, AFullDiskIsAnErrorAndTheOldFileStays)
{
    // /dev/full cannot hold the temporary file's folder, so the fault is injected at write().
    auto folder = testing::scratch_dir("atomic-full");
    save_graph(Graph{}, folder / "graph.graphml");
    auto before = read_file(folder / "graph.graphml");
    FaultGuard guard;
    testing::fail_saves_at(SaveStep::write, ENOSPC);
    Graph graph;
    graph.add_actor({"a", "A", "state", {}, {}, {}});
    EXPECT_THROW(save_graph(graph, folder / "graph.graphml"), Error);
    EXPECT_EQ(read_file(folder / "graph.graphml"), before);
}

TEST(AtomicSave, AProcessKilledMidWriteLeavesTheOldFileWhole)
{
    auto folder = testing::scratch_dir("atomic-killed");
    auto target = folder / "graph.gv";
    std::string old_content(1000, 'o');
    std::string new_content(128 << 20, 'n');
    write_file_atomically(target, old_content);
    for (int delay_ms : {1, 20, 80}) {
        pid_t child = ::fork();
        ASSERT_GE(child, 0);
        if (child == 0) {
            try {
                write_file_atomically(target, new_content);
            } catch (...) {
            }
            ::_exit(0);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
        ::kill(child, SIGKILL);
        int status = 0;
        ::waitpid(child, &status, 0);
        auto now = read_file(target, std::size_t{256} << 20);
        // Either the old file, or (if the rename had happened) the whole new one; never a mix.
        EXPECT_TRUE(now == old_content || now == new_content) << "a partial file of " << now.size() << " bytes";
        if (now == new_content) write_file_atomically(target, old_content);
    }
    // The killed saves' temporary files (".tmp-" + digits) are gone after the next save to the folder.
    write_file_atomically(target, old_content);
    EXPECT_EQ(other_files(folder, target), std::vector<std::string>{});
}

}  // namespace
}  // namespace actorgraph
