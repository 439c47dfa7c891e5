#pragma once
// Mouse and keyboard input played into ImGui from a file, for end-to-end tests and screenshots of the
// window's own input handling (not the app's script verbs). One step a line; coordinates are window
// pixels; the state (pointer, button, keys held) is written into ImGui's io every frame, after the GLFW
// backend read the real devices and before ImGui::NewFrame:
//
//   move X Y                pointer to X, Y
//   click X Y [MODS]        move, press and release the left button (MODS: shift, ctrl, alt joined by +)
//   click-widget LABEL [KIND]  click the middle of the widget shown with that label ("quoted" when it
//                           has spaces; KIND one of header, menu, item, node, field, button, checkbox when the
//                           label alone is ambiguous): waits up to 10 s for it to appear, scrolling its
//                           column to it; fails naming the line when it does not (gui/widget_places.hpp)
//   double-click X Y
//   drag X1 Y1 X2 Y2 [MODS] press at X1 Y1, move in steps to X2 Y2 with MODS held, release
//   key CHORD               e.g. ctrl+z, ctrl+shift+s, enter, escape, tab, backspace, f
//   type TEXT               the rest of the line as typed characters
//   frames N                let N frames pass
//   idle                    wait until nothing loads, composes or lays out
//   # comment, blank lines
#include <chrono>
#include <deque>
#include <optional>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "actorgraph/app/explorer.hpp"

namespace actorgraph::gui {

class InputScript {
public:
    /// Reads the file; throws Error naming its line for a step it does not understand.
    static InputScript load(const std::filesystem::path& file);
    /// Parses the text (`name` is used in errors).
    static InputScript parse(const std::string& text, const std::string& name);

    /// Writes this frame's input into ImGui's io; call between the backend's NewFrame and ImGui::NewFrame.
    void apply(const Explorer& explorer);
    [[nodiscard]] bool finished() const noexcept { return frames_.empty(); }
    /// Why the input stopped ("input.txt:4: no widget labelled …"), or empty while it plays.
    [[nodiscard]] const std::string& failure() const noexcept { return failure_; }

private:
    /// What the devices hold during one frame.
    struct DeviceState {
        float x = -1, y = -1;
        bool button = false;
        std::vector<int> keys;  ///< GLFW key codes held
        std::string typed;      ///< characters typed this frame
        bool wait_idle = false; ///< hold this frame until the explorer is idle
        int target = -1;        ///< index in targets_: the pointer is on that widget
        bool find_target = false; ///< hold this frame until the target is found (the step's first frame)
    };
    /// A widget a click-widget step clicks.
    struct WidgetTarget {
        std::string label, kind;
        std::string where;  ///< "input.txt:4"
    };
    /// Finds the frame's target in the last frame's widgets; false while it is not (yet) shown.
    bool find_target(const WidgetTarget& target);

    std::deque<DeviceState> frames_;
    std::vector<WidgetTarget> targets_;
    float target_x_ = -1, target_y_ = -1;  ///< the middle of the target found last
    std::optional<std::chrono::steady_clock::time_point> looking_since_;
    std::string failure_;
    DeviceState held_;  ///< the last frame's pointer and button, kept while no step runs
    bool playing_ = false;
};

}  // namespace actorgraph::gui
