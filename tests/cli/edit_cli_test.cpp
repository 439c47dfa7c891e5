// `actorgraph edit` end to end, and killed (SIGKILL) at many points of an editing session and of a save:
// recovery must bring back every change the command had reported done.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <set>
#include <thread>

#include "actorgraph/app/script.hpp"
#include "actorgraph/edit/edit_script.hpp"
#include "actorgraph/io/dot_writer.hpp"
#include "actorgraph/io/file_format.hpp"
#include "cli/cli_runner.hpp"

namespace actorgraph::testing {
namespace {

namespace fs = std::filesystem;

const std::vector<std::string> session_lines{
    "add-actor erdenes kind=company \"label=Erdenes Oyu Tolgoi\" aliases=EOT",
    "add-relation EOT \"Oyu Tolgoi\" type=investment \"source=annual report 2011\" year=2011",
    "set r219 amount_usd=1e9",
    "add-actor khan kind=company \"label=Khan Resources\"",
    "add-relation khan mongolia type=pressure source=arbitration since=2010 until=2015",
    "merge mongolia erdenes",
    "undo",
    "set china \"note=southern neighbour\"",
    "delete r3",
    "pin japan 10 20",
    "delete russia",
    "redo",
    "set oyu_tolgoi label=OT",
    "add-actor think_tank \"kind=think tank\"",
};

fs::path fresh_copy(const fs::path& folder)
{
    fs::create_directories(folder);
    auto file = folder / "nato_mongolia.gv";
    fs::copy_file(source_dir() / "graphs/nato_mongolia.gv", file, fs::copy_options::overwrite_existing);
    return file;
}

fs::path write_script(const fs::path& folder, const std::vector<std::string>& lines, const std::string& name)
{
    std::string text;
    for (const auto& line : lines) text += line + "\n";
    auto path = folder / name;
    write_file_atomically(path, text);
    return path;
}

// The graph after the first `steps` lines, as DOT, computed in this process.
std::string expected_after(std::size_t steps)
{
    auto folder = scratch_dir("edit-cli-expected-" + std::to_string(steps));
    EditSession session(fresh_copy(folder));
    auto commands = parse_script(read_file(write_script(folder, session_lines, "all.txt")), "all.txt");
    for (std::size_t i = 0; i < steps && i < commands.size(); ++i) {
        (void)run_edit_verb(session, commands[i].verb, commands[i].arguments);
    }
    return write_dot(session.graph());
}

// Starts `actorgraph edit`, reads its stdout until `lines_wanted` lines came, waits `delay`, kills it.
// Returns how many lines (changes reported done) it had printed.
std::size_t run_and_kill(const std::vector<std::string>& arguments, std::size_t lines_wanted, std::chrono::microseconds delay)
{
    int out[2];
    EXPECT_EQ(::pipe(out), 0);
    pid_t child = ::fork();
    if (child == 0) {
        ::dup2(out[1], 1);
        int null = ::open("/dev/null", O_WRONLY);
        ::dup2(null, 2);
        ::close(out[0]);
        std::vector<char*> argv{const_cast<char*>(ACTORGRAPH_CLI)};
        for (const auto& argument : arguments) argv.push_back(const_cast<char*>(argument.c_str()));
        argv.push_back(nullptr);
        ::execv(ACTORGRAPH_CLI, argv.data());
        ::_exit(127);
    }
    ::close(out[1]);
    std::string seen;
    std::size_t lines = 0;
    char buffer[4096];
    while (lines < lines_wanted) {
        auto count = ::read(out[0], buffer, sizeof buffer);
        if (count <= 0) break;
        seen.append(buffer, static_cast<std::size_t>(count));
        lines = static_cast<std::size_t>(std::count(seen.begin(), seen.end(), '\n'));
    }
    std::this_thread::sleep_for(delay);
    ::kill(child, SIGKILL);
    // What it printed before the kill landed counts as reported too.
    while (true) {
        auto count = ::read(out[0], buffer, sizeof buffer);
        if (count <= 0) break;
        seen.append(buffer, static_cast<std::size_t>(count));
    }
    ::close(out[0]);
    int status = 0;
    ::waitpid(child, &status, 0);
    return static_cast<std::size_t>(std::count(seen.begin(), seen.end(), '\n'));
}

// Recovers the file's journal and saves; the graph it then holds, as DOT.
std::string recover_and_save(const fs::path& file)
{
    auto recover = write_script(file.parent_path(), {"recover"}, "recover.txt");
    auto run = run_cli_in(file.parent_path(), {"edit", file.string(), "--script", recover.string(), "--save"});
    EXPECT_EQ(run.exit_code, 0) << run.err;
    return write_dot(load_graph(file));
}

TEST(EditCli, AppliesAScriptReportsEachStepAndSaves)
{
    auto folder = scratch_dir("edit-cli-save");
    auto file = fresh_copy(folder);
    auto script = write_script(folder, session_lines, "session.txt");
    auto run = run_cli_in(folder, {"edit", file.string(), "--script", script.string(), "--save"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_NE(run.out.find("session.txt:1: new actor Erdenes Oyu Tolgoi"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("session.txt:7: undo of merge of Erdenes Oyu Tolgoi into Mongolia"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("saved "), std::string::npos) << run.out;
    EXPECT_FALSE(fs::exists(file.string() + ".journal"));
    EXPECT_EQ(write_dot(load_graph(file)), expected_after(session_lines.size()));
}

TEST(EditCli, SavingTheBundledGraphUnchangedIsByteIdenticalAndOneRelationIsOneLine)
{
    auto folder = scratch_dir("edit-cli-reviewable");
    auto file = fresh_copy(folder);
    auto original = read_file(file);
    auto unchanged = write_script(folder, {"save"}, "unchanged.txt");
    ASSERT_EQ(run_cli_in(folder, {"edit", file.string(), "--script", unchanged.string()}).exit_code, 0);
    EXPECT_EQ(read_file(file), original);
    auto one = write_script(folder, {"add-relation china \"Oyu Tolgoi\" type=investment \"source=a 2016 report\" year=2016"}, "one.txt");
    ASSERT_EQ(run_cli_in(folder, {"edit", file.string(), "--script", one.string(), "--save"}).exit_code, 0);
    auto saved = read_file(file);
    auto line = std::string("  china -> oyu_tolgoi [type=\"investment\", source=\"a 2016 report\", year=\"2016\"];\n");
    auto at = saved.find(line);
    ASSERT_NE(at, std::string::npos) << saved.substr(saved.size() - 400);
    EXPECT_EQ(saved.substr(0, at) + saved.substr(at + line.size()), original);
}

TEST(EditCli, AProblemStopsTheScriptNamingTheLineAndKeepsWhatWasDone)
{
    auto folder = scratch_dir("edit-cli-problem");
    auto file = fresh_copy(folder);
    auto original = read_file(file);
    auto script = write_script(folder, {"add-actor x kind=state", "add-relation x mongolia type=pressure year=2015"}, "bad.txt");
    auto run = run_cli_in(folder, {"edit", file.string(), "--script", script.string(), "--save"});
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_NE(run.err.find("bad.txt:2: source: a relation needs a source"), std::string::npos) << run.err;
    EXPECT_NE(run.err.find("kept in"), std::string::npos) << run.err;
    EXPECT_EQ(read_file(file), original);
    auto next = write_script(folder, {"add-actor y kind=state"}, "next.txt");
    auto refused = run_cli_in(folder, {"edit", file.string(), "--script", next.string()});
    EXPECT_EQ(refused.exit_code, 2);
    EXPECT_NE(refused.err.find("holds 1 change not saved"), std::string::npos) << refused.err;
}

TEST(EditCli, ExplorerVerbsAreRefusedBeforeAnythingChanges)
{
    auto folder = scratch_dir("edit-cli-explorer-verb");
    auto file = fresh_copy(folder);
    auto script = write_script(folder, {"add-actor x kind=state", "focus mongolia"}, "mixed.txt");
    auto run = run_cli_in(folder, {"edit", file.string(), "--script", script.string()});
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_NE(run.err.find("mixed.txt:2: 'focus' is an explorer command"), std::string::npos) << run.err;
    EXPECT_FALSE(fs::exists(file.string() + ".journal"));
}

TEST(EditCli, KilledAtAnyPointOfASessionRecoveryRestoresEveryChangeReportedDone)
{
    std::vector<std::string> expected;
    for (std::size_t steps = 0; steps <= session_lines.size(); ++steps) expected.push_back(expected_after(steps));
    const std::vector<std::chrono::microseconds> delays{std::chrono::microseconds(0), std::chrono::microseconds(300),
                                                        std::chrono::microseconds(2000)};
    std::size_t runs = 0;
    std::set<std::size_t> cut_short;  // the reported counts of the runs the kill stopped mid-session
    for (std::size_t wanted = 0; wanted <= session_lines.size(); wanted += 2) {
        for (auto delay : delays) {
            auto folder = scratch_dir("edit-cli-kill-" + std::to_string(runs++));
            auto file = fresh_copy(folder);
            auto script = write_script(folder, session_lines, "session.txt");
            auto reported = run_and_kill({"edit", file.string(), "--script", script.string()}, wanted, delay);
            if (reported < session_lines.size()) cut_short.insert(reported);
            auto recovered = recover_and_save(file);
            // Every reported change is back; the one being journalled when the kill came may be too.
            bool matches = recovered == expected[std::min(reported, session_lines.size())] ||
                           (reported < session_lines.size() && recovered == expected[reported + 1]);
            EXPECT_TRUE(matches) << "killed after " << reported << " reported changes (waited for " << wanted << ", then "
                                 << delay.count() << " µs)";
        }
    }
    EXPECT_GE(cut_short.size(), 4u) << "the kills should land at many points of the session";
}

TEST(EditCli, KilledDuringASaveTheFileIsTheOldOrTheNewOneAndNothingIsLost)
{
    auto all = expected_after(session_lines.size());
    auto original = read_file(source_dir() / "graphs/nato_mongolia.gv");
    auto lines = session_lines;
    lines.push_back("save");
    for (int attempt = 0; attempt < 8; ++attempt) {
        auto folder = scratch_dir("edit-cli-kill-save-" + std::to_string(attempt));
        auto file = fresh_copy(folder);
        auto script = write_script(folder, lines, "session.txt");
        auto delay = std::chrono::microseconds(attempt * 400);
        auto reported = run_and_kill({"edit", file.string(), "--script", script.string()}, session_lines.size(), delay);
        ASSERT_GE(reported, session_lines.size());
        auto content = read_file(file);
        bool old_or_new = content == original || write_dot(load_graph(file)) == all;
        EXPECT_TRUE(old_or_new) << "attempt " << attempt;
        EXPECT_EQ(recover_and_save(file), all) << "attempt " << attempt;
    }
}

}  // namespace
}  // namespace actorgraph::testing
