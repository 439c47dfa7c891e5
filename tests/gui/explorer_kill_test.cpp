// The explorer killed (SIGKILL) at many points of an editing session and of a save, the issue's
// "no edit is ever lost": the real window runs a script of edits, sleeps and a save under Xvfb, printing
// a line for each step it has done (actorgraph-gui --script reports each line once its change is
// journalled); the test kills it after a chosen number of those lines and a delay, then reopens the file
// through the app model, restores the journal and checks that every change reported done came back, and
// that the file on disk is the old one or the saved one, never a mix.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

#include <gtest/gtest.h>

#include <chrono>
#include <set>
#include <thread>

#include "actorgraph/app/explorer.hpp"
#include "actorgraph/app/script.hpp"
#include "actorgraph/edit/edit_script.hpp"
#include "actorgraph/io/dot_writer.hpp"
#include "actorgraph/io/file_format.hpp"
#include "actorgraph/io/file_io.hpp"
#include "app/explorer_fixture.hpp"
#include "gui/gui_runner.hpp"
#include "test_support.hpp"

namespace actorgraph::testing {
namespace {

namespace fs = std::filesystem;

// Line numbers matter: the window reports `session.txt:LINE: what it did`.
const std::vector<std::string> session_lines{
    "add-actor erdenes kind=company \"label=Erdenes Oyu Tolgoi\" aliases=EOT",
    "sleep 0.1",
    "add-relation EOT \"Oyu Tolgoi\" type=investment \"source=annual report 2011\" year=2011",
    "set china \"note=southern neighbour\"",
    "sleep 0.1",
    "merge mongolia erdenes",
    "undo",
    "pin japan 10 20",
    "delete russia",
    "sleep 0.1",
    "save",
    "add-actor khan kind=company \"label=Khan Resources\"",
    "sleep 0.1",
    "set oyu_tolgoi label=OT",
};
constexpr std::size_t save_line = 11;

bool is_edit(const std::string& line) { return !line.starts_with("sleep") && line != "save"; }

std::size_t edits_up_to(std::size_t line_number)
{
    std::size_t edits = 0;
    for (std::size_t i = 0; i < line_number && i < session_lines.size(); ++i) edits += is_edit(session_lines[i]) ? 1 : 0;
    return edits;
}

const std::size_t all_edits = edits_up_to(session_lines.size());

fs::path fresh_copy(const fs::path& folder)
{
    auto file = folder / "nato_mongolia.gv";
    fs::copy_file(source_dir() / "graphs" / "nato_mongolia.gv", file, fs::copy_options::overwrite_existing);
    return file;
}

// The graph after the first `edits` edits of the session, as DOT, computed in this process.
std::string expected_after(std::size_t edits)
{
    auto folder = scratch_dir("gui-kill-expected-" + std::to_string(edits));
    EditSession session(fresh_copy(folder));
    std::size_t done = 0;
    for (const auto& line : session_lines) {
        if (done == edits) break;
        if (!is_edit(line)) continue;
        auto command = parse_script(line, "expected.txt").at(0);
        (void)run_edit_verb(session, command.verb, command.arguments);
        ++done;
    }
    return write_dot(session.graph());
}

// An X server of its own for the whole test (xvfb-run would put a shell between the test and the window).
class XvfbServer {
public:
    XvfbServer()
    {
        int pipe_ends[2];
        if (::pipe(pipe_ends) != 0) return;
        pid_ = ::fork();
        if (pid_ == 0) {
            ::close(pipe_ends[0]);
            int null = ::open("/dev/null", O_WRONLY);
            ::dup2(null, 1);
            ::dup2(null, 2);
            auto fd = std::to_string(pipe_ends[1]);
            ::execlp("Xvfb", "Xvfb", "-displayfd", fd.c_str(), "-screen", "0", "1600x1000x24", "-nolisten", "tcp", nullptr);
            ::_exit(127);
        }
        ::close(pipe_ends[1]);
        std::string number;
        char c = 0;
        while (::read(pipe_ends[0], &c, 1) == 1 && c != '\n') number += c;
        ::close(pipe_ends[0]);
        if (!number.empty()) display_ = ":" + number;
    }
    ~XvfbServer()
    {
        if (pid_ <= 0) return;
        ::kill(pid_, SIGTERM);
        int status = 0;
        ::waitpid(pid_, &status, 0);
    }
    XvfbServer(const XvfbServer&) = delete;
    XvfbServer& operator=(const XvfbServer&) = delete;

    [[nodiscard]] const std::string& display() const { return display_; }

private:
    pid_t pid_ = -1;
    std::string display_;
};

struct KillPoint {
    std::size_t lines_wanted;  ///< reported lines to wait for
    std::chrono::microseconds delay;
};

struct KilledRun {
    std::set<std::size_t> reported_lines;  ///< script line numbers the window said it had done
    std::string failure;                   ///< set when the window ended by itself (a bad script, a crash)
};

// Starts the window on `file` with `script` in its own process group, reads its report until
// `point.lines_wanted` lines came, waits `point.delay` and kills the group.
KilledRun run_and_kill(const std::string& display, const fs::path& file, const fs::path& script, KillPoint point)
{
    KilledRun run;
    int out[2];
    if (::pipe(out) != 0) return {{}, "no pipe"};
    auto log = file.parent_path() / "window.log";
    // Everything the child needs is made before fork (only async-signal-safe calls after it).
    std::vector<std::string> environment{"DISPLAY=" + display, "XDG_CONFIG_HOME=" + (file.parent_path() / "config").string()};
    for (char** variable = environ; *variable; ++variable) {
        std::string_view text(*variable);
        if (!text.starts_with("DISPLAY=") && !text.starts_with("XDG_CONFIG_HOME=")) environment.emplace_back(text);
    }
    std::vector<char*> envp;
    for (auto& variable : environment) envp.push_back(variable.data());
    envp.push_back(nullptr);
    std::string program = ACTORGRAPH_GUI, file_text = file.string(), script_text = script.string();
    std::vector<char*> argv{program.data(), file_text.data(), const_cast<char*>("--script"), script_text.data(),
                            const_cast<char*>("--size"), const_cast<char*>("1600x1000"), nullptr};
    pid_t child = ::fork();
    if (child == 0) {
        ::setpgid(0, 0);  // the window and any layout it started die together
        ::dup2(out[1], 1);
        int errors = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        ::dup2(errors, 2);
        ::close(out[0]);
        ::execve(program.c_str(), argv.data(), envp.data());
        ::_exit(127);
    }
    ::setpgid(child, child);
    ::close(out[1]);
    std::string seen;
    char buffer[4096];
    auto lines = [&] { return static_cast<std::size_t>(std::count(seen.begin(), seen.end(), '\n')); };
    while (lines() < point.lines_wanted) {
        auto count = ::read(out[0], buffer, sizeof buffer);
        if (count <= 0) break;
        seen.append(buffer, static_cast<std::size_t>(count));
    }
    std::this_thread::sleep_for(point.delay);
    ::kill(-child, SIGKILL);
    // What it printed before the kill landed counts as reported too.
    for (ssize_t count; (count = ::read(out[0], buffer, sizeof buffer)) > 0;) seen.append(buffer, static_cast<std::size_t>(count));
    ::close(out[0]);
    int status = 0;
    ::waitpid(child, &status, 0);
    if (!(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL)) run.failure = "the window ended by itself: " + read_file(log);
    // Lines look like "/…/session.txt:3: new actor …".
    auto prefix = script.string() + ":";
    std::size_t at = 0;
    while ((at = seen.find(prefix, at)) != std::string::npos) {
        at += prefix.size();
        run.reported_lines.insert(static_cast<std::size_t>(std::stoul(seen.substr(at))));
    }
    return run;
}

// Reopens the file in an explorer (the app model the window runs), restores what its journal holds and
// returns the graph it then shows, as DOT.
std::string reopen_and_restore(const fs::path& file)
{
    ExplorerOptions options{file.parent_path() / "recovery-config"};
    options.layout_runner = empty_picture;
    Explorer explorer(options);
    EXPECT_TRUE(explorer.open(file)) << explorer.last_error();
    EXPECT_TRUE(explorer.wait_until_idle(layout_timeout));
    if (explorer.recovery_offer()) {
        EXPECT_TRUE(explorer.answer_recovery(RecoveryAnswer::restore)) << explorer.last_error();
        EXPECT_TRUE(explorer.wait_until_idle(layout_timeout));
    }
    return explorer.graph() ? write_dot(*explorer.graph()) : std::string{};
}

class ExplorerKilled : public ::testing::Test {
protected:
    void SetUp() override
    {
        if (!have_xvfb()) GTEST_SKIP() << "Xvfb is not installed";
        server_ = std::make_unique<XvfbServer>();
        if (server_->display().empty()) GTEST_SKIP() << "Xvfb did not start";
        for (std::size_t edits = 0; edits <= all_edits; ++edits) expected_.push_back(expected_after(edits));
    }

    // Runs the session, kills it at `point`, and checks the file and the recovery; returns the run.
    KilledRun kill_and_check(KillPoint point, int run_number)
    {
        auto folder = scratch_dir("gui-kill-" + std::to_string(run_number));
        auto file = fresh_copy(folder);
        auto original = read_file(file);
        std::string text;
        for (const auto& line : session_lines) text += line + "\n";
        auto script = write_script(folder, text);
        auto run = run_and_kill(server_->display(), file, script, point);
        EXPECT_EQ(run.failure, "");
        std::size_t reported_edits = 0;
        for (auto line : run.reported_lines) reported_edits += is_edit(session_lines.at(line - 1)) ? 1 : 0;
        auto where = "killed after " + std::to_string(run.reported_lines.size()) + " reported lines (" +
                     std::to_string(reported_edits) + " edits; waited for " + std::to_string(point.lines_wanted) + " lines, then " +
                     std::to_string(point.delay.count()) + " µs)";

        // The file: the old one, or the one the save wrote; the save's line promises the new one.
        auto content = read_file(file);
        bool saved = content != original;
        if (saved) {
            EXPECT_EQ(write_dot(load_graph(file)), expected_[edits_up_to(save_line)]) << where << ": a mixed file";
        }
        if (run.reported_lines.contains(save_line)) {
            EXPECT_TRUE(saved) << where << ": the save was reported but the file is old";
        }

        // Every reported change is back; the one being journalled when the kill came may be too.
        auto recovered = reopen_and_restore(file);
        bool matches = recovered == expected_[reported_edits] ||
                       (reported_edits < all_edits && recovered == expected_[reported_edits + 1]);
        EXPECT_TRUE(matches) << where << ": the recovery differs from what the window had shown as done";
        return run;
    }

    std::unique_ptr<XvfbServer> server_;
    std::vector<std::string> expected_;  ///< the graph after 0, 1, … edits, as DOT
};

TEST_F(ExplorerKilled, AtManyPointsOfAnEditingSessionRecoveryRestoresEveryChangeTheWindowHadShownAsDone)
{
    using std::chrono::milliseconds;
    const std::vector<KillPoint> points{{0, milliseconds(1500)}, {1, {}}, {2, milliseconds(30)}, {3, {}},
                                        {4, milliseconds(5)},   {6, {}}, {8, milliseconds(2)},   {12, milliseconds(60)}};
    std::set<std::size_t> cut_short;  // how many lines the runs the kill stopped mid-session had reported
    int number = 0;
    for (auto point : points) {
        auto run = kill_and_check(point, number++);
        if (run.reported_lines.size() < session_lines.size()) cut_short.insert(run.reported_lines.size());
    }
    EXPECT_GE(cut_short.size(), 4u) << "the kills should land at many points of the session";
}

TEST_F(ExplorerKilled, DuringASaveTheFileIsTheOldOrTheNewOneAndNothingIsLost)
{
    // Line 10 (the sleep before the save) reported: the save runs next, within milliseconds.
    int number = 100;
    for (auto delay : {0, 300, 1000, 2500, 6000}) (void)kill_and_check({save_line - 1, std::chrono::microseconds(delay)}, number++);
}

}  // namespace
}  // namespace actorgraph::testing
