// Layouts run Graphviz's `dot` program as a child; these tests stand in other programs for it
// (through ACTORGRAPH_DOT) to check what happens when the child crashes, fails, or floods its pipes.
#include "actorgraph/render/graphviz_render.hpp"

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cerrno>
#include <csignal>
#include <iterator>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

#include "test_support.hpp"

namespace actorgraph {
namespace {

std::string message_of_isolated_render(std::string_view text)
{
    try {
        (void)render_dot_text_isolated(text, LayoutEngine::dot, OutputFormat::svg, {});
    } catch (const Error& error) {
        return error.what();
    }
    return "no error";
}

bool has_unreaped_children()
{
    return !(::waitpid(-1, nullptr, WNOHANG) < 0 && errno == ECHILD);
}

TEST(GraphvizProgram, ACrashingLayoutIsAnErrorNamingTheSignal)
{
    testing::StandInDot crashing("crash", "kill -SEGV $$");
    auto message = message_of_isolated_render("digraph { a -> b }");
    EXPECT_NE(message.find("Graphviz crashed during layout"), std::string::npos) << message;
    EXPECT_NE(message.find("Segmentation fault"), std::string::npos) << message;
    EXPECT_FALSE(has_unreaped_children());
}

TEST(GraphvizProgram, AFailureCarriesWhatGraphvizPrinted)
{
    testing::StandInDot failing("fail", "echo 'Error: <stdin>: syntax error in line 1' >&2\nexit 1");
    auto message = message_of_isolated_render("digraph { a -> b }");
    EXPECT_NE(message.find("syntax error in line 1"), std::string::npos) << message;
}

TEST(GraphvizProgram, AChildThatStopsReadingEarlyDoesNotKillTheCaller)
{
    // Far more input than a pipe holds: writing the rest to an exited child would raise SIGPIPE.
    testing::StandInDot quitting("quit", "exit 3");
    auto message = message_of_isolated_render(std::string(8 << 20, ' '));
    EXPECT_NE(message.find("cannot lay out"), std::string::npos) << message;
}

TEST(GraphvizProgram, AChildThatPrintsNothingIsAnError)
{
    testing::StandInDot silent("silent", "cat > /dev/null");
    auto message = message_of_isolated_render("digraph { a -> b }");
    EXPECT_NE(message.find("no output"), std::string::npos) << message;
}

TEST(GraphvizProgram, LargeInputAndOutputFlowAtTheSameTimeWithoutDeadlock)
{
    // `cat` writes while it still reads, so both pipes fill at once.
    testing::StandInDot echoing("echo", "cat");
    std::string text;
    for (int i = 0; text.size() < (4u << 20); ++i) text += "digraph { n" + std::to_string(i) + " }\n";
    EXPECT_EQ(render_dot_text_isolated(text, LayoutEngine::dot, OutputFormat::dot, {}), text);
}

TEST(GraphvizProgram, AMissingProgramIsAnErrorThatSaysWhatToInstall)
{
    ::setenv("ACTORGRAPH_DOT", "/nonexistent/bin/dot", 1);
    auto message = message_of_isolated_render("digraph { a -> b }");
    ::unsetenv("ACTORGRAPH_DOT");
    EXPECT_NE(message.find("graphviz"), std::string::npos) << message;
}

TEST(GraphvizProgram, LayoutsFromManyThreadsAtOnceAllSucceed)
{
    auto expected = render_dot_text_isolated("digraph { a -> b -> c }", LayoutEngine::dot, OutputFormat::xdot, {});
    std::vector<std::string> results(6);
    std::vector<std::thread> threads;
    for (auto& result : results) {
        threads.emplace_back([&result] {
            result = render_dot_text_isolated("digraph { a -> b -> c }", LayoutEngine::dot, OutputFormat::xdot, {});
        });
    }
    for (auto& thread : threads) thread.join();
    for (const auto& result : results) EXPECT_EQ(result, expected);
    EXPECT_FALSE(has_unreaped_children());
}


namespace orphans {

bool process_gone(pid_t pid)
{
    // Dead, or a zombie waiting for init to reap it.
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string text;
    if (!std::getline(stat, text)) return true;
    auto close = text.rfind(')');
    return close != std::string::npos && close + 2 < text.size() && text[close + 2] == 'Z';
}

std::string read_all(const std::filesystem::path& path)
{
    std::ifstream in(path);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Starts a layout (a stand-in that records its pid and sleeps) in a forked helper process, kills the
// helper with `signal` and returns the stand-in's pid once it has started (0 when it never did).
pid_t orphan_layout(int signal, const std::filesystem::path& pid_file)
{
    pid_t helper = ::fork();
    if (helper == 0) {
        try {
            RenderControl control;
            control.budget = std::chrono::minutes(10);
            (void)render_dot_text_isolated("digraph { a }", LayoutEngine::dot, OutputFormat::svg, control);
        } catch (...) {
        }
        ::_exit(0);
    }
    pid_t layout = 0;
    for (int i = 0; i < 200 && layout == 0; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(25));
        auto text = read_all(pid_file);
        if (!text.empty() && text.back() == '\n') layout = std::stoi(text);
    }
    ::kill(helper, signal);
    int status = 0;
    ::waitpid(helper, &status, 0);
    return layout;
}

}  // namespace orphans

// A layout must not outlive the program that asked for it, however that program ends.
TEST(GraphvizProgram, TheLayoutDiesWithItsParentWhateverKillsIt)
{
    for (int signal : {SIGKILL, SIGTERM, SIGHUP}) {
        auto pid_file = testing::scratch_dir("orphan-" + std::to_string(signal)) / "pid";
        testing::StandInDot dot("sleepy_dot", "cat >/dev/null; echo $$ > '" + pid_file.string() + "'; exec sleep 60");
        auto layout = orphans::orphan_layout(signal, pid_file);
        ASSERT_GT(layout, 0) << "the stand-in never started";
        bool gone = false;
        for (int i = 0; i < 200 && !gone; ++i) {
            gone = orphans::process_gone(layout);
            if (!gone) std::this_thread::sleep_for(std::chrono::milliseconds(25));
        }
        EXPECT_TRUE(gone) << "layout " << layout << " outlived its parent killed by signal " << signal;
        if (!gone) ::kill(layout, SIGKILL);
    }
}

// The kernel holds the child to its budget of CPU time, so a layout stops even when no parent is left to stop it.
TEST(GraphvizProgram, TheBudgetIsTheChildsOwnCpuLimit)
{
    auto limits_file = testing::scratch_dir("cpu-limit") / "limits";
    testing::StandInDot dot("limits_dot", "cat >/dev/null; grep 'Max cpu time' /proc/self/limits > '" + limits_file.string() +
                                     "'; echo '<svg/>'");
    RenderControl control;
    control.budget = std::chrono::seconds(7);
    (void)render_dot_text_isolated("digraph { a }", LayoutEngine::dot, OutputFormat::svg, control);
    auto line = orphans::read_all(limits_file);
    EXPECT_NE(line.find(" 7 "), std::string::npos) << line;
}

}  // namespace
}  // namespace actorgraph
