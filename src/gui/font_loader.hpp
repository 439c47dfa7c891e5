#pragma once
// Finds a TrueType font from a Debian font package at run time and bakes it with the glyphs
// actor names need (Latin, Latin Extended, Cyrillic, Greek, punctuation, arrows).
#include <string>

#include <imgui.h>

namespace actorgraph::gui {

struct Fonts {
    ImFont* ui = nullptr;             ///< panels and tooltips
    ImFont* canvas_small = nullptr;   ///< labels drawn up to ~20 px
    ImFont* canvas_large = nullptr;   ///< larger labels, so zoomed text stays crisp
    std::string message;              ///< which font was loaded, or why the fallback is used

    /// The baked font that best fits a label of this pixel size.
    [[nodiscard]] ImFont* for_pixel_size(float size) const { return size <= 20 ? canvas_small : canvas_large; }
};

/// Adds the fonts to the current ImGui context's atlas (before the first frame).
[[nodiscard]] Fonts load_fonts(float ui_size);

}  // namespace actorgraph::gui
