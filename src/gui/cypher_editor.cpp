// Syntax colouring over ImGui 1.86's InputTextMultiline, which has none of its own. The field keeps every
// behaviour (typing, selection, scrolling, undo); only its text and caret are drawn here, from the field's
// own window (the child window InputTextMultiline opens) and state, with the measures it uses itself.
#define IMGUI_DEFINE_MATH_OPERATORS  // ImVec2 arithmetic from imgui_internal.h
#include "gui/cypher_editor.hpp"

#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include <cstdio>

#include "actorgraph/app/cypher_highlight.hpp"

namespace actorgraph::gui {

namespace {

bool dark_background()
{
    auto bg = ImGui::GetStyleColorVec4(ImGuiCol_FrameBg);
    auto window = ImGui::GetStyleColorVec4(ImGuiCol_WindowBg);
    // The frame is drawn over the window: mix them by the frame's alpha.
    float r = bg.x * bg.w + window.x * (1 - bg.w), g = bg.y * bg.w + window.y * (1 - bg.w), b = bg.z * bg.w + window.z * (1 - bg.w);
    return 0.2126f * r + 0.7152f * g + 0.0722f * b < 0.5f;
}

// Colours a reader tells apart on the light and on the dark theme (the plain text keeps the theme's colour).
ImU32 colour_of(CypherSpanKind kind, ImU32 plain, bool dark)
{
    switch (kind) {
    case CypherSpanKind::plain: return plain;
    case CypherSpanKind::keyword: return dark ? IM_COL32(110, 170, 255, 255) : IM_COL32(0, 70, 200, 255);
    case CypherSpanKind::function: return dark ? IM_COL32(220, 190, 120, 255) : IM_COL32(120, 80, 0, 255);
    case CypherSpanKind::label: return dark ? IM_COL32(230, 130, 200, 255) : IM_COL32(160, 30, 130, 255);
    case CypherSpanKind::string: return dark ? IM_COL32(140, 210, 120, 255) : IM_COL32(20, 125, 40, 255);
    case CypherSpanKind::number: return dark ? IM_COL32(240, 160, 90, 255) : IM_COL32(185, 80, 0, 255);
    case CypherSpanKind::parameter: return dark ? IM_COL32(90, 210, 210, 255) : IM_COL32(0, 125, 135, 255);
    case CypherSpanKind::comment: return dark ? IM_COL32(140, 140, 140, 255) : IM_COL32(120, 120, 120, 255);
    }
    return plain;
}

// The width InputText gives these bytes: the font's advance per character ('\r' takes none, as there).
float advance_of(ImFont* font, float scale, const char* begin, const char* end)
{
    float width = 0;
    while (begin < end) {
        unsigned int c = 0;
        int bytes = ImTextCharFromUtf8(&c, begin, end);
        begin += bytes > 0 ? bytes : 1;
        if (c == '\r' || c == 0) continue;
        width += font->GetCharAdvance(static_cast<ImWchar>(c)) * scale;
    }
    return width;
}

// The window InputTextMultiline draws into: BeginChildEx's name for the field's label and id.
ImGuiWindow* field_window(const char* label, ImGuiID id)
{
    char name[512];
    std::snprintf(name, sizeof name, "%s/%s_%08X", ImGui::GetCurrentWindow()->Name, label, id);
    return ImGui::FindWindowByName(name);
}

void paint_text(ImDrawList* draw_list, const std::string& text, ImVec2 origin, const ImRect& clip, ImU32 plain)
{
    ImFont* font = ImGui::GetFont();
    float size = ImGui::GetFontSize();
    float scale = size / font->FontSize;
    bool dark = dark_background();
    ImVec2 at = origin;
    for (const auto& span : highlight_cypher(text)) {
        const char* begin = text.data() + span.offset;
        const char* end = begin + span.length;
        if (*begin == '\n') {
            at = {origin.x, at.y + size};  // InputText's lines are one font size apart
            continue;
        }
        if (at.y > clip.Max.y) return;
        if (at.y + size >= clip.Min.y && at.x <= clip.Max.x) {
            draw_list->AddText(font, size, at, colour_of(span.kind, plain, dark), begin, end);
        }
        at.x += advance_of(font, scale, begin, end);
    }
}

// The caret where InputText would draw it (its position in the wide text, blinking as there).
void paint_caret(ImDrawList* draw_list, const ImGuiInputTextState& state, ImVec2 origin, ImU32 colour)
{
    const auto& io = ImGui::GetIO();
    bool visible = !io.ConfigInputTextCursorBlink || state.CursorAnim <= 0.0f || ImFmod(state.CursorAnim, 1.20f) <= 0.80f;
    if (!visible) return;
    ImFont* font = ImGui::GetFont();
    float scale = ImGui::GetFontSize() / font->FontSize;
    int cursor = ImClamp(state.Stb.cursor, 0, state.CurLenW);
    float x = 0;
    int line = 0;
    for (int i = 0; i < cursor; ++i) {
        ImWchar c = state.TextW[i];
        if (c == '\n') {
            ++line;
            x = 0;
        } else if (c != '\r') {
            x += font->GetCharAdvance(c) * scale;
        }
    }
    float size = ImGui::GetFontSize();
    ImVec2 bottom = ImFloor(ImVec2(origin.x + x, origin.y + static_cast<float>(line + 1) * size));
    draw_list->AddLine({bottom.x, bottom.y - size + 0.5f}, {bottom.x, bottom.y - 1.5f}, colour);
}

}  // namespace

bool cypher_editor(const char* label, std::string& text, ImVec2 size, ImGuiInputTextFlags flags, ImGuiInputTextCallback callback,
                   void* user_data)
{
    ImGuiID id = ImGui::GetID(label);
    ImU32 plain = ImGui::GetColorU32(ImGuiCol_Text);
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(0, 0, 0, 0));
    bool result = ImGui::InputTextMultiline(label, &text, size, flags, callback, user_data);
    ImGui::PopStyleColor();
    auto& g = *ImGui::GetCurrentContext();
    ImGuiWindow* window = field_window(label, id);
    const ImGuiInputTextState* state = ImGui::GetInputTextState(id);
    if (!window) {
        // Not the window layout this was written for: draw the text over the field, unscrolled, rather than leave it blank.
        ImRect frame(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
        paint_text(ImGui::GetWindowDrawList(), text, frame.Min + ImGui::GetStyle().FramePadding, frame, plain);
        return result;
    }
    // The field scrolls vertically as a window and horizontally by its own offset, which it applies while it
    // is edited or its scroll bar is dragged.
    bool editing = state && (g.ActiveId == id || g.ActiveId == ImGui::GetWindowScrollbarID(window, ImGuiAxis_Y));
    ImVec2 origin = window->Pos + window->WindowPadding - window->Scroll;
    if (editing) origin.x -= state->ScrollX;
    ImDrawList* draw_list = window->DrawList;
    draw_list->PushClipRect(window->InnerClipRect.Min, window->InnerClipRect.Max, false);
    paint_text(draw_list, text, origin, window->InnerClipRect, plain);
    if (state && g.ActiveId == id) paint_caret(draw_list, *state, origin, plain);
    draw_list->PopClipRect();
    return result;
}

}  // namespace actorgraph::gui
