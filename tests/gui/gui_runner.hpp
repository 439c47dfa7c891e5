#pragma once
// Runs actorgraph-gui under xvfb-run with --screenshot and reads back the PNG it writes.
#include <filesystem>
#include <memory>
#include <string>

namespace actorgraph::testing {

inline constexpr int screen_width = 1600;
inline constexpr int screen_height = 1000;
// The canvas at 1600x1000 lies between the 380 px controls and the 400 px details panel.
inline constexpr int canvas_left = 400, canvas_right = 1180, canvas_top = 60, canvas_bottom = 950;

struct Image {
    int width = 0, height = 0;
    std::unique_ptr<unsigned char, void (*)(void*)> pixels{nullptr, nullptr};

    [[nodiscard]] const unsigned char* at(int x, int y) const { return pixels.get() + (y * width + x) * 3; }
};

/// The PNG as 8-bit RGB, or an Image without pixels when it cannot be read.
[[nodiscard]] Image load_png(const std::filesystem::path& file);
/// Why load_png failed.
[[nodiscard]] std::string png_failure_reason();
/// Pixels of a colour inside the canvas (the legend elsewhere shows every colour too).
[[nodiscard]] int canvas_pixels(const Image& image, int r, int g, int b, int tolerance = 10);

struct GuiRun {
    int exit_code = -1;
    std::string output;
};

[[nodiscard]] bool have_xvfb();
/// Runs the explorer with `extra` arguments, writing the screenshot; its settings live in a `config`
/// folder beside the screenshot, with every panel open when `all_panels_open`.
GuiRun run_gui(const std::filesystem::path& screenshot, const std::string& extra, bool all_panels_open = false);
/// Writes a script file `session.txt` in the folder and returns its path.
std::filesystem::path write_script(const std::filesystem::path& folder, const std::string& text);

}  // namespace actorgraph::testing
