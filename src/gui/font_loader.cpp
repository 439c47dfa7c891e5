#include "gui/font_loader.hpp"

#include <array>
#include <filesystem>

namespace actorgraph::gui {

namespace {

constexpr std::array font_candidates{
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    "/usr/share/fonts/truetype/freefont/FreeSans.ttf",
};

std::string find_font()
{
    for (const char* candidate : font_candidates) {
        std::error_code ignored;
        if (std::filesystem::exists(candidate, ignored)) return candidate;
    }
    return {};
}

// The atlas keeps a pointer to the ranges, so they must live as long as the fonts.
const ImWchar* glyph_ranges()
{
    static ImVector<ImWchar> ranges = [] {
        ImFontGlyphRangesBuilder builder;
        builder.AddRanges(ImGui::GetIO().Fonts->GetGlyphRangesDefault());
        builder.AddRanges(ImGui::GetIO().Fonts->GetGlyphRangesCyrillic());
        static const ImWchar extra[] = {
            0x0100, 0x024F,  // Latin Extended-A and -B
            0x0370, 0x03FF,  // Greek
            0x1E00, 0x1EFF,  // Latin Extended Additional (Vietnamese)
            0x2000, 0x206F,  // general punctuation: – — ‘ ’ “ ” …
            0x20A0, 0x20BF,  // currency
            0x2190, 0x21FF,  // arrows
            0x2200, 0x22FF,  // mathematical operators (the minus sign)
            0x2500, 0x257F,  // box drawing (status bar separators)
            0x25A0, 0x25FF,  // geometric shapes (the layout spinner)
            0xFFFD, 0xFFFD,  // the replacement character display_text puts for bytes that are not text
            0,
        };
        builder.AddRanges(extra);
        ImVector<ImWchar> built;
        builder.BuildRanges(&built);
        return built;
    }();
    return ranges.Data;
}

}  // namespace

Fonts load_fonts(float ui_size)
{
    Fonts fonts;
    auto& atlas = *ImGui::GetIO().Fonts;
    auto path = find_font();
    if (path.empty()) {
        fonts.ui = atlas.AddFontDefault();
        fonts.canvas_small = fonts.canvas_large = fonts.ui;
        fonts.message = "no TrueType font found (install fonts-dejavu-core); using ImGui's built-in font, "
                        "which shows only ASCII";
        return fonts;
    }
    ImFontConfig config;
    config.OversampleH = 2;
    config.OversampleV = 1;
    fonts.ui = atlas.AddFontFromFileTTF(path.c_str(), ui_size, &config, glyph_ranges());
    fonts.canvas_small = atlas.AddFontFromFileTTF(path.c_str(), 16.0f, &config, glyph_ranges());
    fonts.canvas_large = atlas.AddFontFromFileTTF(path.c_str(), 40.0f, &config, glyph_ranges());
    if (!fonts.ui || !fonts.canvas_small || !fonts.canvas_large) {
        atlas.Clear();
        fonts.ui = atlas.AddFontDefault();
        fonts.canvas_small = fonts.canvas_large = fonts.ui;
        fonts.message = "cannot load " + path + "; using ImGui's built-in font";
        return fonts;
    }
    fonts.message = "font: " + path;
    return fonts;
}

}  // namespace actorgraph::gui
