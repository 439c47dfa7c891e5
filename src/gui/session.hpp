#pragma once
// One run of the explorer: window, fonts, app model, optional script and screenshot.
#include "gui/command_line.hpp"

namespace actorgraph::gui {

/// Exit codes: 0 success, 1 no window / screenshot failed / layout timed out, 2 usage or script errors.
inline constexpr int exit_ok = 0;
inline constexpr int exit_failure = 1;
inline constexpr int exit_usage = 2;

/// Runs the window until it is closed, or until the screenshot is written.
[[nodiscard]] int run_session(const GuiOptions& options);

}  // namespace actorgraph::gui
