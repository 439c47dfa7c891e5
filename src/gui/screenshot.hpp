#pragma once
// Writes the current OpenGL framebuffer as a PNG (for --screenshot and the end-to-end tests).
#include <filesystem>

namespace actorgraph::gui {

/// Reads the back buffer (width x height pixels) and writes it as an RGB PNG; false on failure.
[[nodiscard]] bool write_framebuffer_png(const std::filesystem::path& output, int width, int height);

}  // namespace actorgraph::gui
