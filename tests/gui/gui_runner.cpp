#include "gui/gui_runner.hpp"

#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

// A private static copy of the decoder; most of its functions go unused here.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-function"
#define STB_IMAGE_STATIC
#define STB_IMAGE_IMPLEMENTATION
#include <stb_image.h>
#pragma GCC diagnostic pop

namespace actorgraph::testing {

namespace fs = std::filesystem;

namespace {

bool near(const unsigned char* pixel, int r, int g, int b, int tolerance)
{
    return std::abs(pixel[0] - r) <= tolerance && std::abs(pixel[1] - g) <= tolerance && std::abs(pixel[2] - b) <= tolerance;
}

// The explorer keeps which panels are open in its settings file; these are all of them.
void open_every_panel(const fs::path& config)
{
    fs::create_directories(config / "actorgraph");
    std::ofstream out(config / "actorgraph" / "explorer_window.txt");
    for (const char* panel : {"Search", "Edit", "Data table", "Filters", "Paths", "Rank", "Layout", "Export", "Open", "Import", "Inspector", "Legend", "Messages"}) {
        out << "panel." << panel << "=1\n";
    }
}

}  // namespace

Image load_png(const fs::path& file)
{
    Image image;
    int channels = 0;
    image.pixels = {stbi_load(file.string().c_str(), &image.width, &image.height, &channels, 3), stbi_image_free};
    return image;
}

std::string png_failure_reason()
{
    const char* reason = stbi_failure_reason();
    return reason ? reason : "";
}

int canvas_pixels(const Image& image, int r, int g, int b, int tolerance)
{
    int count = 0;
    for (int y = canvas_top; y < canvas_bottom; ++y) {
        for (int x = canvas_left; x < canvas_right; ++x) count += near(image.at(x, y), r, g, b, tolerance) ? 1 : 0;
    }
    return count;
}

bool have_xvfb() { return std::system("command -v xvfb-run >/dev/null 2>&1") == 0; }

GuiRun run_gui(const fs::path& screenshot, const std::string& extra, bool all_panels_open)
{
    auto log = screenshot.parent_path() / (screenshot.stem().string() + ".log");
    auto config = screenshot.parent_path() / "config";
    if (all_panels_open) open_every_panel(config);
    // The window's exit status is written by a script xvfb-run runs: xvfb-run's own status replaces it when its
    // cleanup of the temporary folder fails (exit 5, "problem while cleaning up"), which happens now and then
    // when two tests start X servers at once.
    auto script = screenshot.parent_path() / (screenshot.stem().string() + ".sh");
    auto status_file = screenshot.parent_path() / (screenshot.stem().string() + ".status");
    fs::remove(status_file);
    std::ofstream(script) << "'" << ACTORGRAPH_GUI << "' --screenshot '" << screenshot.string() << "' --size 1600x1000 "
                          << extra << "\necho $? >'" << status_file.string() << "'\n";
    std::ostringstream command;
    command << "XDG_CONFIG_HOME='" << config.string() << "' xvfb-run -a -s '-screen 0 1600x1000x24' sh '"
            << script.string() << "' >'" << log.string() << "' 2>&1";
    int status = std::system(command.str().c_str());
    std::ifstream in(log);
    std::stringstream text;
    text << in.rdbuf();
    int exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    if (std::ifstream written(status_file); written) written >> exit_code;
    return {exit_code, text.str()};
}

fs::path write_script(const fs::path& folder, const std::string& text)
{
    auto file = folder / "session.txt";
    std::ofstream(file) << text;
    return file;
}

}  // namespace actorgraph::testing
