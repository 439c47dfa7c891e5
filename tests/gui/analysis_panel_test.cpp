// The Analysis panel in the real window: the dependence of Mongolia drawn as bars with the cap line,
// and the actors coloured by community.
#include <gtest/gtest.h>

#include "gui/gui_runner.hpp"
#include "test_support.hpp"

namespace actorgraph::testing {
namespace {

// Pixels of a colour in the left column (the panels), below the menu bar.
int left_column_pixels(const Image& image, int r, int g, int b, int tolerance)
{
    int count = 0;
    for (int y = 40; y < canvas_bottom; ++y) {
        for (int x = 0; x < canvas_left - 20; ++x) {
            const auto* pixel = image.at(x, y);
            count += std::abs(pixel[0] - r) <= tolerance && std::abs(pixel[1] - g) <= tolerance && std::abs(pixel[2] - b) <= tolerance;
        }
    }
    return count;
}

TEST(AnalysisPanelScreenshot, TheDependenceOfMongoliaShowsBarsOverTheCapInRedAndHighlightsItsInvestors)
{
    if (!have_xvfb()) GTEST_SKIP() << "xvfb-run is not installed";
    auto folder = scratch_dir("gui-analysis-panel");
    auto script = write_script(folder, "select mongolia\ndependence mongolia\n");
    auto png = folder / "dependence.png";
    auto run = run_gui(png, "--script '" + script.string() + "'");
    ASSERT_EQ(run.exit_code, 0) << run.output;
    auto image = load_png(png);
    ASSERT_TRUE(image.pixels) << png_failure_reason();
    // Russia's and the Soviet Union's bars (over the 1/3 cap) are filled in #c83c32.
    EXPECT_GT(left_column_pixels(image, 200, 60, 50, 6), 1000) << "two red bars of about 100 x 12 pixels";
    EXPECT_GT(canvas_pixels(image, 0xe8, 0x59, 0x0c, 12), 300) << "the investors and relations counted are highlighted";
}

TEST(AnalysisPanelScreenshot, ColourByCommunityFillsTheActorsWithThePaletteAndKindColoursComeBack)
{
    if (!have_xvfb()) GTEST_SKIP() << "xvfb-run is not installed";
    auto folder = scratch_dir("gui-communities");
    // The largest community's colour, ColorBrewer Set3's first (#8dd3c7); no kind is filled with it.
    auto first_community_pixels = [&](const std::string& lines, const std::string& name) {
        auto png = folder / (name + ".png");
        auto run = run_gui(png, "--script '" + write_script(folder, lines).string() + "'");
        EXPECT_EQ(run.exit_code, 0) << run.output;
        auto image = load_png(png);
        EXPECT_TRUE(image.pixels) << png_failure_reason();
        return image.pixels ? canvas_pixels(image, 0x8d, 0xd3, 0xc7, 6) : -1;
    };
    EXPECT_GT(first_community_pixels("communities louvain\n", "coloured"), 1500) << "the largest community's actors";
    EXPECT_LT(first_community_pixels("communities louvain\ncommunities off\n", "kinds"), 50);
}

}  // namespace
}  // namespace actorgraph::testing
