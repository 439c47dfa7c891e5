// The Cypher console: an editor in syntax colours (Ctrl+Enter runs, Ctrl+Up/Down walk the history), Run/Cancel, the failure
// with a caret under its column, and the answer's summary (its table is the answer strip under the map).
// What a query means and does is decided in Explorer::run_query (app/explorer_query.cpp).
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

#include "actorgraph/app/display_text.hpp"
#include "gui/answer_strip.hpp"
#include "gui/cypher_editor.hpp"
#include "gui/panels/panel.hpp"

namespace actorgraph::gui {

namespace {

const ImVec4 error_colour{0.75f, 0.1f, 0.1f, 1};

// Replaces the editor's text from inside ImGui's callback: the only way to change a field being typed in.
int replace_text(ImGuiInputTextCallbackData* data)
{
    auto* state = static_cast<QueryPanelState*>(data->UserData);
    if (!state->replacement) return 0;
    data->DeleteChars(0, data->BufTextLen);
    data->InsertChars(0, state->replacement->c_str());
    state->replacement.reset();
    return 0;
}

void walk_history(Explorer& explorer, QueryPanelState& state, bool older)
{
    auto& history = explorer.query_console().history;
    auto text = older ? history.older(state.text) : history.newer();
    if (!text && older) return;
    state.text = text.value_or("");
    state.replacement = state.text;
}

void draw_editor(Explorer& explorer, QueryPanelState& state)
{
    const auto& console = explorer.query_console();
    if (state.refocus) {
        ImGui::SetKeyboardFocusHere();
        state.refocus = false;
    }
    auto flags = ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_CallbackAlways;
    float height = ImGui::GetTextLineHeight() * 5 + ImGui::GetStyle().FramePadding.y * 2;
    bool entered = cypher_editor("##query", state.text, {-1, height}, flags, replace_text, &state);
    const auto& io = ImGui::GetIO();
    if (ImGui::IsItemActive() && io.KeyCtrl) {
        if (ImGui::IsKeyPressed(GLFW_KEY_UP)) walk_history(explorer, state, true);
        if (ImGui::IsKeyPressed(GLFW_KEY_DOWN)) walk_history(explorer, state, false);
    }
    ImGui::BeginDisabled(state.text.empty());
    bool clicked = ImGui::Button("Run");
    ImGui::EndDisabled();
    if ((entered || clicked) && !state.text.empty()) {
        (void)explorer.run_query(state.text);
        state.refocus = entered;  // Ctrl+Enter leaves the field; the user goes on typing
    }
    ImGui::SameLine();
    if (console.running) {
        constexpr const char* spinner[] = {"\u25d0", "\u25d3", "\u25d1", "\u25d2"};
        int frame = static_cast<int>(ImGui::GetTime() * 8) % 4;
        if (ImGui::Button("Cancel")) explorer.cancel_query();
        ImGui::SameLine();
        ImGui::Text("%s running\u2026 %.1f s", spinner[frame], explorer.work_status().seconds);
        return;
    }
    ImGui::TextDisabled("Ctrl+Enter runs \u00b7 Ctrl+\u2191/\u2193 history");
}

void draw_history_list(Explorer& explorer, QueryPanelState& state)
{
    const auto& entries = explorer.query_console().history.entries();
    if (entries.empty()) return;
    ImGui::SetNextItemWidth(-1);
    if (!ImGui::BeginCombo("##history", "History\u2026")) return;
    for (std::size_t i = entries.size(); i-- > 0;) {
        auto label = widget_label(display_text(entries[i], 90), "h" + std::to_string(i));
        if (ImGui::Selectable(label.c_str())) state.text = entries[i];  // the field is not active: it reads the text
    }
    ImGui::EndCombo();
}

// The failing line with a caret under the column (measured, since the font is proportional).
void draw_failure(const QueryFailure& failure)
{
    ImGui::PushStyleColor(ImGuiCol_Text, error_colour);
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(display_text(failure.message, long_text_limit).c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    if (failure.line <= 0) return;
    ImGui::TextDisabled("line %d, column %d", failure.line, failure.column);
    auto line = display_text(failure.line_text, long_text_limit);
    auto prefix = display_text(std::string_view(failure.line_text).substr(0, std::min(failure.caret_offset, failure.line_text.size())),
                               long_text_limit);
    float x = ImGui::GetCursorPosX();
    ImGui::TextUnformatted(line.c_str());
    ImGui::SetCursorPosX(x + ImGui::CalcTextSize(prefix.c_str()).x);
    ImGui::TextColored(error_colour, "^");
}

}  // namespace

static void draw_query_panel(Explorer& explorer, UiState& ui)
{
    auto& state = ui.query;
    if (!explorer.graph()) {
        ImGui::TextDisabled("Open a graph to ask it in Cypher.");
        return;
    }
    auto& console = explorer.query_console();
    // A new answer (from this editor, a script or the history) shows the statement it answers.
    if (console.generation != state.generation) {
        state.generation = console.generation;
        if (!ImGui::IsAnyItemActive()) state.text = console.last_text;
    }
    draw_editor(explorer, state);
    draw_history_list(explorer, state);
    // The last answer's highlight stays on the canvas until cleared (a failing statement leaves it too).
    if (explorer.view().highlight && ImGui::SmallButton("Clear highlight")) explorer.clear_query_highlight();
    if (explorer.view().highlight) ImGui::SameLine();
    bool only = explorer.query_view_only();
    if (ImGui::Checkbox("Show only the answer", &only)) explorer.set_query_view_only(only);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("The answer's nodes and relationships become the view, instead of being highlighted in it");
    if (console.failure) {
        draw_failure(*console.failure);
        return;
    }
    if (!console.table) return;
    ImGui::TextDisabled("%s", display_text(console.table->summary, long_text_limit).c_str());
    if (console.table->columns.empty()) return;
    // The table itself is drawn under the map, where an answer of several columns has room.
    if (answer_strip_shown(explorer, state)) {
        ImGui::TextDisabled("The answer's table is under the map.");
    } else if (ImGui::SmallButton("Show the answer's table")) {
        state.hidden_generation.reset();
    }
}

namespace {

class QueryPanel final : public Panel {
public:
    [[nodiscard]] const char* title() const override { return "Query (Cypher)"; }
    [[nodiscard]] bool open_by_default() const override { return false; }
    void draw_content(Explorer& explorer, UiState& state) override { draw_query_panel(explorer, state); }
};

}  // namespace

std::unique_ptr<Panel> make_query_panel() { return std::make_unique<QueryPanel>(); }

}  // namespace actorgraph::gui
