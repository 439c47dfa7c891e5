// Layouts run Graphviz's `dot` program as a child; these tests stand in other programs for it
// (through ACTORGRAPH_DOT) to check what happens when the child crashes, fails, or floods its pipes.
#include "actorgraph/render/graphviz_render.hpp"

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

#include "test_support.hpp"

namespace actorgraph {
namespace {

// Points ACTORGRAPH_DOT at a shell script for the life of the object.
class StandInDot {
public:
    StandInDot(const std::string& name, const std::string& body)
    {
        auto path = testing::scratch_dir("stand_in_dot") / name;
        std::ofstream(path) << "#!/bin/sh\n" << body << "\n";
        std::filesystem::permissions(path, std::filesystem::perms::owner_all);
        ::setenv("ACTORGRAPH_DOT", path.c_str(), 1);
    }
    ~StandInDot() { ::unsetenv("ACTORGRAPH_DOT"); }
    StandInDot(const StandInDot&) = delete;
    StandInDot& operator=(const StandInDot&) = delete;
};

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
    StandInDot crashing("crash", "kill -SEGV $$");
    auto message = message_of_isolated_render("digraph { a -> b }");
    EXPECT_NE(message.find("Graphviz crashed during layout"), std::string::npos) << message;
    EXPECT_NE(message.find("Segmentation fault"), std::string::npos) << message;
    EXPECT_FALSE(has_unreaped_children());
}

TEST(GraphvizProgram, AFailureCarriesWhatGraphvizPrinted)
{
    StandInDot failing("fail", "echo 'Error: <stdin>: syntax error in line 1' >&2\nexit 1");
    auto message = message_of_isolated_render("digraph { a -> b }");
    EXPECT_NE(message.find("syntax error in line 1"), std::string::npos) << message;
}

TEST(GraphvizProgram, AChildThatStopsReadingEarlyDoesNotKillTheCaller)
{
    // Far more input than a pipe holds: writing the rest to an exited child would raise SIGPIPE.
    StandInDot quitting("quit", "exit 3");
    auto message = message_of_isolated_render(std::string(8 << 20, ' '));
    EXPECT_NE(message.find("cannot lay out"), std::string::npos) << message;
}

TEST(GraphvizProgram, AChildThatPrintsNothingIsAnError)
{
    StandInDot silent("silent", "cat > /dev/null");
    auto message = message_of_isolated_render("digraph { a -> b }");
    EXPECT_NE(message.find("no output"), std::string::npos) << message;
}

TEST(GraphvizProgram, LargeInputAndOutputFlowAtTheSameTimeWithoutDeadlock)
{
    // `cat` writes while it still reads, so both pipes fill at once.
    StandInDot echoing("echo", "cat");
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

}  // namespace
}  // namespace actorgraph
