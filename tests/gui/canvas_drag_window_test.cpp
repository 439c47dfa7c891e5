// Alt-drag in the real window (played mouse input, not script verbs): the actor is pinned where it is
// dropped, keeping the point it was grabbed at under the pointer, with the map around it unmoved.
#include <gtest/gtest.h>

#include <fstream>
#include <optional>

#include "actorgraph/io/file_io.hpp"
#include "gui/gui_runner.hpp"
#include "test_support.hpp"

namespace actorgraph::testing {
namespace {

namespace fs = std::filesystem;

struct Centre {
    double x = 0, y = 0;
};

// The centre of the canvas pixels of a colour: the one company's fill (#ffe8c2) here.
std::optional<Centre> colour_centre(const Image& image, int r, int g, int b)
{
    double x_sum = 0, y_sum = 0;
    int count = 0;
    for (int y = canvas_top; y < canvas_bottom; ++y) {
        for (int x = canvas_left; x < canvas_right; ++x) {
            const auto* pixel = image.at(x, y);
            if (std::abs(pixel[0] - r) > 2 || std::abs(pixel[1] - g) > 2 || std::abs(pixel[2] - b) > 2) continue;
            x_sum += x;
            y_sum += y;
            ++count;
        }
    }
    if (count < 500) return std::nullopt;
    return Centre{x_sum / count, y_sum / count};
}

class CanvasDragWindow : public ::testing::Test {
protected:
    void SetUp() override
    {
        if (!have_xvfb()) GTEST_SKIP() << "xvfb-run is not installed";
        folder_ = scratch_dir(std::string("gui-") + ::testing::UnitTest::GetInstance()->current_test_info()->name());
        map_ = folder_ / "map.gv";
        write_file_atomically(map_, "digraph map {\n"
                                    "  mongolia [kind=state, label=\"Mongolia\"];\n"
                                    "  erdenes [kind=company, label=\"Erdenes\"];\n"
                                    "  khan [kind=official, label=\"Khan\"];\n"
                                    "  erdenes -> mongolia [type=investment, year=2016];\n"
                                    "  khan -> mongolia [type=investment, year=2010];\n"
                                    "}\n");
    }

    // Where the company is drawn after playing the input.
    std::optional<Centre> company_after(const std::string& input, const std::string& name)
    {
        auto file = folder_ / (name + ".txt");
        std::ofstream(file) << input;
        auto png = folder_ / (name + ".png");
        auto run = run_gui(png, "'" + map_.string() + "' --input '" + file.string() + "'");
        EXPECT_EQ(run.exit_code, 0) << run.output;
        auto image = load_png(png);
        EXPECT_TRUE(image.pixels) << png_failure_reason();
        return image.pixels ? colour_centre(image, 0xff, 0xe8, 0xc2) : std::nullopt;
    }

    fs::path folder_;
    fs::path map_;
};

TEST_F(CanvasDragWindow, AnActorAltDraggedOffCentreLandsWhereItIsDroppedWithTheSameOffset)
{
    auto before = company_after("idle\nframes 3\n", "before");
    ASSERT_TRUE(before) << "the company is drawn";
    // Grabbed 25 px right of and 12 px below its centre, moved 150 px left and 300 px down.
    int grab_x = static_cast<int>(before->x) + 25, grab_y = static_cast<int>(before->y) + 12;
    auto input = "idle\ndrag " + std::to_string(grab_x) + " " + std::to_string(grab_y) + " " + std::to_string(grab_x - 150) + " " +
                 std::to_string(grab_y + 300) + " alt\nidle\nframes 5\n";
    auto after = company_after(input, "after");
    ASSERT_TRUE(after) << "the company is still drawn inside the canvas";
    EXPECT_NEAR(after->x, before->x - 150, 4);
    EXPECT_NEAR(after->y, before->y + 300, 4);
}

}  // namespace
}  // namespace actorgraph::testing
