// The Paths panel in the real window shows the options of a path query started elsewhere (a script line, the
// inspector), once per new query: here "rank by evidence", whose tick is counted in ImGui's check-mark blue.
#include <gtest/gtest.h>

#include <string>

#include "gui/gui_runner.hpp"
#include "test_support.hpp"

namespace actorgraph::testing {
namespace {

// Pixels of ImGui's check mark (#4296fa) in the left column (the panels), below the menu bar.
int check_mark_pixels(const Image& image)
{
    int count = 0;
    for (int y = 40; y < canvas_bottom; ++y) {
        for (int x = 0; x < canvas_left - 20; ++x) {
            const auto* pixel = image.at(x, y);
            count += pixel[0] == 0x42 && pixel[1] == 0x96 && pixel[2] == 0xfa;
        }
    }
    return count;
}

class PathsPanelWindow : public ::testing::Test {
protected:
    int check_marks_after(const std::string& lines, const std::string& name)
    {
        auto folder = scratch_dir("gui-paths-panel");
        auto png = folder / (name + ".png");
        auto run = run_gui(png, "--script '" + write_script(folder, lines).string() + "'");
        EXPECT_EQ(run.exit_code, 0) << run.output;
        auto image = load_png(png);
        EXPECT_TRUE(image.pixels) << png_failure_reason();
        return image.pixels ? check_mark_pixels(image) : -1;
    }
};

TEST_F(PathsPanelWindow, ShowsEachOptionOfAPathQueryFromAScriptAndFollowsTheNextOne)
{
    if (!have_xvfb()) GTEST_SKIP() << "xvfb-run is not installed";
    auto plain = check_marks_after("path russia nato k=3\n", "plain");
    auto ranked = check_marks_after("path russia nato k=3 evidence\n", "ranked");
    auto ranked_then_plain = check_marks_after("path russia nato k=3 evidence\npath russia nato k=3\n", "then-plain");
    ASSERT_GT(plain, 0);
    EXPECT_GT(ranked, plain + 25) << "'rank by evidence' ticked: one more check mark (about 40 pixels)";
    EXPECT_NEAR(ranked_then_plain, plain, 10) << "the panel follows the newer query and unticks it";
}

}  // namespace
}  // namespace actorgraph::testing
