#include "actorgraph/app/script.hpp"

#include "explorer_fixture.hpp"

namespace actorgraph::testing {
namespace {

TEST(Script, ParsesCommandsCommentsAndQuotes)
{
    auto commands = parse_script("# a session\nselect mongolia\n\npath russia nato k=3 direction=any\n"
                                 "export \"/tmp/with space.svg\" svg # trailing\n",
                                 "s.txt");
    ASSERT_EQ(commands.size(), 3u);
    EXPECT_EQ(commands[0].verb, "select");
    EXPECT_EQ(commands[0].where.line, 2);
    EXPECT_EQ(commands[1].arguments, (std::vector<std::string>{"russia", "nato", "k=3", "direction=any"}));
    EXPECT_EQ(commands[2].arguments[0], "/tmp/with space.svg");
    EXPECT_EQ(commands[2].where.line, 5);
}

TEST(Script, UnknownCommandsAndWrongArgumentCountsNameFileAndLine)
{
    try {
        (void)parse_script("select mongolia\nfly away\n", "s.txt");
        FAIL() << "expected an error";
    } catch (const Error& failure) {
        EXPECT_EQ(failure.where().line, 2);
        EXPECT_EQ(std::string(failure.what()).rfind("s.txt:2: ", 0), 0u) << failure.what();
    }
    EXPECT_THROW((void)parse_script("zoom\n", "s.txt"), Error);
    EXPECT_THROW((void)parse_script("export \"/tmp/x.svg\n", "s.txt"), Error);
}

TEST_F(ExplorerTest, ScriptDrivesTheExplorerLikeAUser)
{
    auto output = config_ / "scripted.svg";
    auto script = "open " + nato_file().string() + "\n"
                  "select mongolia\n"
                  "filter years 2010 2015\n"
                  "path russia nato k=2 direction=any\n"
                  "layout neato\n"
                  "wait-layout\n"
                  "zoom 2\n"
                  "hover mongolia\n"
                  "export " + output.string() + "\n";
    ScriptRunner runner(parse_script(script, "session.txt"));
    runner.run_to_end(*explorer_, layout_timeout);
    EXPECT_TRUE(runner.finished());
    EXPECT_EQ(explorer_->selection(), (std::vector<ActorIndex>{actor("mongolia")}));
    EXPECT_EQ(explorer_->view().filter.year_from, 2010);
    EXPECT_EQ(explorer_->view().engine, LayoutEngine::neato);
    EXPECT_FALSE(explorer_->paths().empty());
    ASSERT_TRUE(explorer_->hovered());
    EXPECT_EQ(explorer_->hovered()->index, actor("mongolia"));
    EXPECT_TRUE(std::filesystem::file_size(output) > 1000);
}

TEST_F(ExplorerTest, ScriptErrorsNameTheLine)
{
    open_nato();
    ScriptRunner runner(parse_script("select mongolia\nselect atlantis\n", "session.txt"));
    try {
        runner.run_to_end(*explorer_, layout_timeout);
        FAIL() << "expected an error";
    } catch (const Error& failure) {
        EXPECT_EQ(std::string(failure.what()).rfind("session.txt:2: unknown actor 'atlantis'", 0), 0u) << failure.what();
    }
}

TEST_F(ExplorerTest, AFileThatFailsToLoadInTheBackgroundFailsTheScriptOnItsLine)
{
    open_nato();
    auto script = "select mongolia\nopen \"" + test_data("dot/syntax_error.gv").string() + "\"\nselect china\n";
    ScriptRunner runner(parse_script(script, "session.txt"));
    try {
        runner.run_to_end(*explorer_, layout_timeout);
        FAIL() << "expected an error";
    } catch (const Error& failure) {
        EXPECT_EQ(failure.where().line, 2) << failure.what();
        EXPECT_NE(std::string(failure.what()).find("syntax_error.gv:"), std::string::npos) << failure.what();
    }
    EXPECT_EQ(explorer_->selection(), (std::vector<ActorIndex>{actor("mongolia")})) << "line 3 never ran";
    EXPECT_EQ(explorer_->file(), nato_file());
}

// A sleep returns to the caller (the window draws frames) until its time has passed, then the
// script goes on; a time that is not a number of seconds names the line.
TEST(Script, SleepWaitsWithoutBlockingTheCallerAndRejectsABadTime)
{
    Explorer explorer(ExplorerOptions{scratch_dir("script-sleep")});
    ScriptRunner runner(parse_script("sleep 0.3\nclear\n", "s.txt"));
    auto start = std::chrono::steady_clock::now();
    runner.step(explorer);
    EXPECT_FALSE(runner.finished()) << "the first step returns while the sleep lasts";
    runner.run_to_end(explorer, std::chrono::seconds(5));
    EXPECT_TRUE(runner.finished());
    EXPECT_GE(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(300));

    ScriptRunner bad(parse_script("clear\nsleep soon\n", "s.txt"));
    try {
        bad.run_to_end(explorer, std::chrono::seconds(5));
        FAIL() << "expected an error";
    } catch (const Error& failure) {
        EXPECT_EQ(failure.where().line, 2) << failure.what();
    }
    EXPECT_THROW((void)parse_script("sleep\n", "s.txt"), Error);
}

}  // namespace
}  // namespace actorgraph::testing
