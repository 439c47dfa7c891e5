#include "gui/session.hpp"

#include <imgui.h>

#include <chrono>
#include <cstdio>
#include <optional>

#include "actorgraph/app/explorer.hpp"
#include "actorgraph/app/script.hpp"
#include "actorgraph/app/unsaved_changes.hpp"
#include "gui/explorer_window.hpp"
#include "gui/font_loader.hpp"
#include "gui/input_script.hpp"
#include "gui/gui_settings.hpp"
#include "gui/screenshot.hpp"
#include "gui/widget_places.hpp"
#include "gui/window.hpp"

namespace actorgraph::gui {

namespace {

constexpr int default_width = 1600;
constexpr int default_height = 1000;

// Counts frames once the script has run and no layout is pending, so the picture is final.
class ScreenshotClock {
public:
    ScreenshotClock(int frames, int timeout_seconds)
        : frames_(frames), deadline_(std::chrono::steady_clock::now() + std::chrono::seconds(timeout_seconds)) {}

    /// True when this frame is the one to capture.
    bool tick(bool settled)
    {
        settled_frames_ = settled ? settled_frames_ + 1 : 0;
        return settled_frames_ >= frames_;
    }
    [[nodiscard]] bool expired() const { return std::chrono::steady_clock::now() > deadline_; }

private:
    int frames_;
    int settled_frames_ = 0;
    std::chrono::steady_clock::time_point deadline_;
};

// Each script line is printed once it ran (an edit once it is journalled), flushed at once: whoever
// watches the output knows what the window has done, and what a crash cannot lose.
std::optional<ScriptRunner> load_runner(const GuiOptions& options)
{
    if (!options.script) return std::nullopt;
    ScriptRunner runner(load_script(*options.script));
    runner.report_steps([](const ScriptCommand& command, const std::string& what) {
        std::printf("%s\n", format_location(command.where, what).c_str());
        std::fflush(stdout);
    });
    return runner;
}

}  // namespace

int run_session(const GuiOptions& options)
{
    std::optional<ScriptRunner> script;
    std::optional<InputScript> input;
    try {
        script = load_runner(options);
        if (options.input) input = InputScript::load(*options.input);
    } catch (const Error& failure) {
        std::fprintf(stderr, "%s\n", failure.what());
        return exit_usage;
    }

    auto config = user_config_dir();
    GuiSettings settings(config / "explorer_window.txt");
    int width = options.size ? options.size->first : settings.integer("window.width", default_width);
    int height = options.size ? options.size->second : settings.integer("window.height", default_height);
    Window window(width, height, "actorgraph explorer", config / "imgui.ini");
    // High-DPI screens: text and spacing grow with the monitor's content scale.
    float scale = window.content_scale();
    auto fonts = load_fonts(16.0f * scale);

    Explorer explorer;
    explorer.info(fonts.message);
    explorer.camera().set_viewport(canvas_rect(static_cast<float>(width), static_cast<float>(height)));
    (void)explorer.open(options.file.empty() ? default_graph_file() : options.file);
    ExplorerWindow ui(explorer, fonts, settings, scale);
    ImGui::GetStyle().ScaleAllSizes(scale);
    ScreenshotClock clock(options.frames, options.timeout_seconds);

    std::string title;
    while (true) {
        // Closing with unsaved changes asks first (Save / Discard / Cancel); the window stays until answered.
        if (ui.close_approved()) break;
        if (window.should_close()) {
            if (ui.may_close()) break;
            window.cancel_close();
        }
        for (const auto& dropped : window.take_dropped_paths()) ui.request_open(dropped);
        try {
            if (script) script->step(explorer);
        } catch (const Error& failure) {
            std::fprintf(stderr, "%s\n", failure.what());
            return exit_usage;
        }
        explorer.poll();
        // Played input starts once the script's verbs are done.
        bool play = input && (!script || script->finished());
        begin_widget_frame();
        window.begin_frame(play ? std::function<void()>([&] { input->apply(explorer); }) : std::function<void()>());
        auto [window_width, window_height] = window.window_size();
        ui.draw(static_cast<float>(window_width), static_cast<float>(window_height));
        window.render();
        if (input && !input->failure().empty()) {
            std::fprintf(stderr, "%s\n", input->failure().c_str());
            return exit_usage;
        }
        if (options.screenshot) {
            bool settled = (!script || script->finished()) && (!input || input->finished()) && !explorer.busy();
            if (clock.tick(settled)) {
                auto [fb_width, fb_height] = window.framebuffer_size();
                if (!write_framebuffer_png(*options.screenshot, fb_width, fb_height)) {
                    std::fprintf(stderr, "actorgraph-gui: cannot write %s\n", options.screenshot->string().c_str());
                    return exit_failure;
                }
                std::printf("wrote %s (%dx%d)\n", options.screenshot->string().c_str(), fb_width, fb_height);
                // What the picture shows, for whoever checks the screenshot without looking at it.
                const auto& reduction = explorer.composed().reduction;
                if (!reduction.text.empty()) std::printf("view: %s\n", reduction.text.c_str());
                return explorer.drawing() ? exit_ok : exit_failure;
            }
            if (clock.expired()) {
                std::fprintf(stderr, "actorgraph-gui: loading, composing and laying out did not finish within %d s\n",
                             options.timeout_seconds);
                return exit_failure;
            }
        }
        window.present();
        if (ui.quit_requested()) window.request_close();
        if (auto wanted = window_title(explorer); wanted != title) window.set_title(title = wanted);
    }
    auto [final_width, final_height] = window.window_size();
    settings.set_integer("window.width", final_width);
    settings.set_integer("window.height", final_height);
    settings.save();
    return exit_ok;
}

}  // namespace actorgraph::gui
