#pragma once
// An Explorer on the bundled NATO–Mongolia graph with its settings in a scratch folder.
#include <gtest/gtest.h>

#include <chrono>

#include "actorgraph/app/explorer.hpp"
#include "actorgraph/app/script.hpp"
#include "test_support.hpp"

namespace actorgraph::testing {

inline constexpr std::chrono::seconds layout_timeout{90};

/// A layout runner that answers at once with an empty picture: for tests of the app model that do
/// not look at the picture, so they need no Graphviz process per step.
inline std::string empty_picture(std::string_view, LayoutEngine, OutputFormat, const RenderControl&)
{
    return "digraph { graph [bb=\"0,0,0,0\"]; }";
}

class ExplorerTest : public ::testing::Test {
protected:
    [[nodiscard]] static std::filesystem::path nato_file() { return source_dir() / "graphs" / "nato_mongolia.gv"; }

    void SetUp() override
    {
        config_ = scratch_dir(std::string("explorer-") + ::testing::UnitTest::GetInstance()->current_test_info()->name());
        explorer_ = std::make_unique<Explorer>(ExplorerOptions{config_});
    }

    /// Opens the NATO file and waits for its first picture.
    void open_nato()
    {
        ASSERT_TRUE(explorer_->open(nato_file())) << explorer_->last_error();
        settle();
        ASSERT_EQ(explorer_->file(), nato_file()) << explorer_->last_error();
        ASSERT_NE(explorer_->drawing(), nullptr) << explorer_->layout_status().error;
    }

    /// Waits until the loading, composing and layout the last actions started are done.
    void settle() { ASSERT_TRUE(explorer_->wait_until_idle(layout_timeout)); }

    [[nodiscard]] ActorIndex actor(std::string_view id) const { return *explorer_->graph()->find_by_id(id); }

    std::filesystem::path config_;
    std::unique_ptr<Explorer> explorer_;
};

/// An Explorer with the canned empty layout, opened on a copy of the NATO file in its scratch folder
/// (`file_`), for tests that edit and save it.
class ExplorerOnACopyTest : public ExplorerTest {
protected:
    void SetUp() override
    {
        config_ = scratch_dir(std::string("explorer-copy-") + ::testing::UnitTest::GetInstance()->current_test_info()->name());
        ExplorerOptions options{config_};
        options.layout_runner = empty_picture;
        explorer_ = std::make_unique<Explorer>(options);
        file_ = config_ / "nato_mongolia.gv";
        std::filesystem::copy_file(nato_file(), file_);
        ASSERT_TRUE(explorer_->open(file_));
        settle();
    }

    std::filesystem::path file_;
};

/// An ExplorerTest whose layouts answer at once with an empty picture (empty_picture), for tests of
/// what the app model decides; run() applies script lines as the window's --script does.
class QuickExplorerTest : public ExplorerTest {
protected:
    void SetUp() override
    {
        config_ = scratch_dir(std::string("quick-") + ::testing::UnitTest::GetInstance()->current_test_info()->name());
        ExplorerOptions options{config_};
        options.layout_runner = empty_picture;
        explorer_ = std::make_unique<Explorer>(options);
    }

    /// Runs script lines to their end; throws Error "session.txt:LINE: ..." for a bad one.
    void run(const std::string& script)
    {
        ScriptRunner runner(parse_script(script, "session.txt"));
        runner.run_to_end(*explorer_, layout_timeout);
    }

    /// The error run() throws for the script, or "no error".
    [[nodiscard]] std::string script_error(const std::string& script)
    {
        try {
            run(script);
        } catch (const Error& failure) {
            return failure.what();
        }
        return "no error";
    }
};

}  // namespace actorgraph::testing
