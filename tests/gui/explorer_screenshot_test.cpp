// Runs actorgraph-gui --screenshot under xvfb-run and checks what the window shows.
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>

#include "actorgraph/generate/synthetic_graph.hpp"
#include "actorgraph/io/file_format.hpp"
#include "test_support.hpp"

// A private static copy of the decoder; most of its functions go unused here.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-function"
#define STB_IMAGE_STATIC
#define STB_IMAGE_IMPLEMENTATION
#include <stb_image.h>
#pragma GCC diagnostic pop

namespace actorgraph::testing {
namespace {

namespace fs = std::filesystem;

constexpr int width = 1600;
constexpr int height = 1000;
// The canvas at 1600x1000 lies between the 380 px controls and the 400 px details panel.
constexpr int canvas_left = 400, canvas_right = 1180, canvas_top = 60, canvas_bottom = 950;

struct Image {
    int width = 0, height = 0;
    std::unique_ptr<unsigned char, void (*)(void*)> pixels{nullptr, stbi_image_free};

    [[nodiscard]] const unsigned char* at(int x, int y) const { return pixels.get() + (y * width + x) * 3; }
};

Image load_png(const fs::path& file)
{
    Image image;
    int channels = 0;
    image.pixels.reset(stbi_load(file.string().c_str(), &image.width, &image.height, &channels, 3));
    return image;
}

bool near(const unsigned char* pixel, int r, int g, int b, int tolerance)
{
    return std::abs(pixel[0] - r) <= tolerance && std::abs(pixel[1] - g) <= tolerance && std::abs(pixel[2] - b) <= tolerance;
}

// Pixels of a colour inside the canvas (the legend elsewhere shows every colour too).
int canvas_pixels(const Image& image, int r, int g, int b, int tolerance = 10)
{
    int count = 0;
    for (int y = canvas_top; y < canvas_bottom; ++y) {
        for (int x = canvas_left; x < canvas_right; ++x) count += near(image.at(x, y), r, g, b, tolerance) ? 1 : 0;
    }
    return count;
}

struct Run {
    int exit_code = -1;
    std::string output;
};

bool have_xvfb() { return std::system("command -v xvfb-run >/dev/null 2>&1") == 0; }

Run run_gui(const fs::path& screenshot, const std::string& extra)
{
    auto log = screenshot.parent_path() / (screenshot.stem().string() + ".log");
    auto config = screenshot.parent_path() / "config";
    std::ostringstream command;
    command << "XDG_CONFIG_HOME='" << config.string() << "' xvfb-run -a -s '-screen 0 1600x1000x24' '" << ACTORGRAPH_GUI
            << "' --screenshot '" << screenshot.string() << "' --size 1600x1000 " << extra << " >'" << log.string()
            << "' 2>&1";
    int status = std::system(command.str().c_str());
    std::ifstream in(log);
    std::stringstream text;
    text << in.rdbuf();
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, text.str()};
}

fs::path write_script(const fs::path& folder, const std::string& text)
{
    auto file = folder / "session.txt";
    std::ofstream(file) << text;
    return file;
}

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
    ASSERT_TRUE(image.pixels) << stbi_failure_reason();
    EXPECT_EQ(image.width, width);
    EXPECT_EQ(image.height, height);
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
    ASSERT_TRUE(image.pixels) << stbi_failure_reason();
    int white = canvas_pixels(image, 255, 255, 255, 0);
    int canvas = (canvas_right - canvas_left) * (canvas_bottom - canvas_top);
    EXPECT_LT(white, canvas - 100000) << "the overview fills the canvas";
    EXPECT_GT(canvas_pixels(image, 0xff, 0xe8, 0xc2, 6), 5000) << "companies, most of the hubs, are filled in their colour";
    EXPECT_GT(canvas_pixels(image, 0x1f, 0x8a, 0x3b, 40), 200) << "investment relations are drawn in green";
}

}  // namespace
}  // namespace actorgraph::testing
