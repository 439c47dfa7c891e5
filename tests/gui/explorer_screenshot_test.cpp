// Runs actorgraph-gui --screenshot under xvfb-run and checks what the window shows.
#include <gtest/gtest.h>

#include <fstream>

#include "actorgraph/generate/synthetic_graph.hpp"
#include "actorgraph/io/file_format.hpp"
#include "gui/gui_runner.hpp"
#include "test_support.hpp"

namespace actorgraph::testing {
namespace {

namespace fs = std::filesystem;

class ExplorerScreenshot : public ::testing::Test {
protected:
    void SetUp() override
    {
        if (!have_xvfb()) GTEST_SKIP() << "xvfb-run is not installed";
        folder_ = scratch_dir(std::string("gui-") + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    }
    fs::path folder_;
};

TEST_F(ExplorerScreenshot, OpensTheNatoGraphAndDrawsIt)
{
    auto png = folder_ / "default.png";
    auto run = run_gui(png, "");
    ASSERT_EQ(run.exit_code, 0) << run.output;
    auto image = load_png(png);
    ASSERT_TRUE(image.pixels) << png_failure_reason();
    EXPECT_EQ(image.width, screen_width);
    EXPECT_EQ(image.height, screen_height);
    int white = canvas_pixels(image, 255, 255, 255, 0);
    int canvas = (canvas_right - canvas_left) * (canvas_bottom - canvas_top);
    EXPECT_GT(white, canvas / 3) << "the canvas has a white background";
    EXPECT_LT(white, canvas - 20000) << "the canvas is not blank";
    EXPECT_GT(canvas_pixels(image, 0x1f, 0x8a, 0x3b, 40), 200) << "investment relations are drawn in green";
    EXPECT_GT(canvas_pixels(image, 0xc9, 0x2a, 0x2a, 40), 200) << "pressure relations are drawn in red";
    EXPECT_EQ(canvas_pixels(image, 0xe8, 0x59, 0x0c, 12), 0) << "nothing is highlighted without a path";
}

TEST_F(ExplorerScreenshot, HighlightsThePathsBetweenRussiaAndNato)
{
    auto script = write_script(folder_, "path russia nato k=3 direction=any\nwait-layout\ncentre russia\n");
    auto png = folder_ / "path.png";
    auto run = run_gui(png, "--script '" + script.string() + "'");
    ASSERT_EQ(run.exit_code, 0) << run.output;
    auto image = load_png(png);
    ASSERT_TRUE(image.pixels);
    EXPECT_GT(canvas_pixels(image, 0xe8, 0x59, 0x0c, 12), 300) << "the highlight colour #e8590c shows on the canvas";
}

TEST_F(ExplorerScreenshot, ZoomedInViewShowsLabelsAndTheScriptedExport)
{
    auto svg = folder_ / "view.svg";
    auto script = write_script(folder_, "select mongolia\nfilter years 2010 2015\nlayout neato\nwait-layout\n"
                                        "centre mongolia\nzoom 2\nhover mongolia\nexport \"" + svg.string() + "\"\n");
    auto png = folder_ / "zoomed.png";
    auto run = run_gui(png, "--script '" + script.string() + "'");
    ASSERT_EQ(run.exit_code, 0) << run.output;
    auto image = load_png(png);
    ASSERT_TRUE(image.pixels);
    EXPECT_GT(canvas_pixels(image, 0xcf, 0xe2, 0xff, 6), 2000) << "zoomed in, the state nodes' fill is large";
    ASSERT_TRUE(fs::exists(svg));
    EXPECT_GT(fs::file_size(svg), 1000u);
}

// White pixels in a band across the canvas column near the window's bottom: the map's background there,
// unless the query answer's strip took the place.
int white_in_bottom_band(const Image& image)
{
    int count = 0;
    for (int y = canvas_bottom - 120; y < canvas_bottom; ++y) {
        for (int x = canvas_left; x < canvas_right; ++x) {
            auto pixel = image.at(x, y);
            count += pixel[0] == 255 && pixel[1] == 255 && pixel[2] == 255 ? 1 : 0;
        }
    }
    return count;
}

TEST_F(ExplorerScreenshot, AQueryAnswerIsATableUnderTheMap)
{
    auto answer = write_script(folder_, "query \"MATCH (a)-[r:pressure]->(b {id: 'mongolia'}) RETURN a, r, r.year AS year\"\n");
    auto with_answer = folder_ / "answer.png";
    auto run = run_gui(with_answer, "--script '" + answer.string() + "'");
    ASSERT_EQ(run.exit_code, 0) << run.output;
    auto without = folder_ / "plain.png";
    run = run_gui(without, "");
    ASSERT_EQ(run.exit_code, 0) << run.output;
    auto answered = load_png(with_answer);
    auto plain = load_png(without);
    ASSERT_TRUE(answered.pixels && plain.pixels);
    int band = (canvas_right - canvas_left) * 120;
    EXPECT_GT(white_in_bottom_band(plain), band * 9 / 10) << "no answer: the map's white background reaches the bottom";
    EXPECT_LT(white_in_bottom_band(answered), band / 2) << "the answer's rows (striped, bordered) fill the bottom of the column";
}

TEST_F(ExplorerScreenshot, ABadScriptLineExitsWithTwoAndNamesTheLine)
{
    auto script = write_script(folder_, "select mongolia\nteleport nato\n");
    auto run = run_gui(folder_ / "bad.png", "--script '" + script.string() + "'");
    EXPECT_EQ(run.exit_code, 2) << run.output;
    EXPECT_NE(run.output.find("session.txt:2: unknown command 'teleport'"), std::string::npos) << run.output;
    auto unknown = write_script(folder_, "select atlantis\n");
    run = run_gui(folder_ / "bad2.png", "--script '" + unknown.string() + "'");
    EXPECT_EQ(run.exit_code, 2) << run.output;
    EXPECT_NE(run.output.find("session.txt:1: unknown actor 'atlantis'"), std::string::npos) << run.output;
}

TEST_F(ExplorerScreenshot, ABigFileOpensAsAReadableOverviewAndSaysSo)
{
    // 20,000 actors and 80,000 relations: ten times what the explorer lays out whole.
    auto big = folder_ / "big20k";
    save_graph(generate_synthetic_graph({20000, 4.0, 5}), big, FileFormat::csv);
    auto png = folder_ / "overview.png";
    auto run = run_gui(png, "'" + big.string() + "' --timeout 60");
    ASSERT_EQ(run.exit_code, 0) << run.output;
    EXPECT_NE(run.output.find("view: overview: top 200 of 20,000 actors by degree"), std::string::npos) << run.output;
    auto image = load_png(png);
    ASSERT_TRUE(image.pixels) << png_failure_reason();
    int white = canvas_pixels(image, 255, 255, 255, 0);
    int canvas = (canvas_right - canvas_left) * (canvas_bottom - canvas_top);
    EXPECT_LT(white, canvas - 100000) << "the overview fills the canvas";
    EXPECT_GT(canvas_pixels(image, 0xff, 0xe8, 0xc2, 6), 5000) << "companies, most of the hubs, are filled in their colour";
    EXPECT_GT(canvas_pixels(image, 0x1f, 0x8a, 0x3b, 40), 200) << "investment relations are drawn in green";
}

}  // namespace
}  // namespace actorgraph::testing
