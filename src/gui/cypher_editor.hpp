#pragma once
// The Cypher console's editor: ImGui 1.86's multi-line text field, its text drawn in syntax colours.
#include <imgui.h>

#include <string>

namespace actorgraph::gui {

/// InputTextMultiline over `text` (same flags, callback and result), the text painted span by span in the
/// colours of highlight_cypher: the field draws its text transparent, and the spans are drawn at the same
/// glyph positions (the font's advances, the field's padding and scroll), with the blinking caret.
bool cypher_editor(const char* label, std::string& text, ImVec2 size, ImGuiInputTextFlags flags, ImGuiInputTextCallback callback,
                   void* user_data);

}  // namespace actorgraph::gui
