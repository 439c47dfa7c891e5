// The Cypher console: an editor in syntax colours (Ctrl+Enter runs, Ctrl+Up/Down walk the history), Run/Cancel, the failure
// with a caret under its column, and the answer as a sortable table whose rows select their actors.
// What a query means and does is decided in Explorer::run_query (app/explorer_query.cpp).
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

#include "actorgraph/app/display_text.hpp"
#include "gui/cypher_editor.hpp"
#include "gui/panels/panel.hpp"

namespace actorgraph::gui {

namespace {

constexpr int max_table_columns = 64;  // ImGui 1.86's tables hold at most 64 columns
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

void handle_sorting(QueryTable& table)
{
    auto* specs = ImGui::TableGetSortSpecs();
    if (!specs || !specs->SpecsDirty) return;
    // A third click turns the sort off; the rows then stay in the last order shown.
    if (specs->SpecsCount > 0) {
        sort_query_rows(table, static_cast<std::size_t>(specs->Specs[0].ColumnIndex),
                        specs->Specs[0].SortDirection == ImGuiSortDirection_Descending);
    }
    specs->SpecsDirty = false;
}

// The width the columns take side by side at their widest header or cell (the first rows measured).
float natural_width(const QueryTable& table, int columns)
{
    constexpr std::size_t rows_measured = 200;
    float cell_padding = ImGui::GetStyle().CellPadding.x * 2 + 1;
    float total = 0;
    for (int c = 0; c < columns; ++c) {
        auto column = static_cast<std::size_t>(c);
        float widest = ImGui::CalcTextSize(display_text(table.columns[column]).c_str()).x + ImGui::GetFontSize();  // the sort arrow
        for (std::size_t r = 0; r < std::min(table.rows.size(), rows_measured); ++r) {
            if (column < table.rows[r].size()) widest = std::max(widest, ImGui::CalcTextSize(display_text(table.rows[r][column].text).c_str()).x);
        }
        total += widest + cell_padding;
    }
    return total;
}

void draw_table(Explorer& explorer, QueryPanelState& state, QueryTable& table, std::size_t generation)
{
    ImGui::TextDisabled("%s", display_text(table.summary, long_text_limit).c_str());
    if (table.columns.empty()) return;
    int columns = static_cast<int>(std::min<std::size_t>(table.columns.size(), max_table_columns));
    if (static_cast<std::size_t>(columns) < table.columns.size()) ImGui::TextDisabled("(the first %d columns shown)", columns);
    if (state.measured_generation != generation) {
        state.natural_width = natural_width(table, columns);
        state.measured_generation = generation;
    }
    // Columns that fit share the panel's width (fixed-width columns would leave an empty stripe beside the
    // last one, which reads as a column more); wider answers keep their widths and scroll sideways.
    bool fits = state.natural_width <= ImGui::GetContentRegionAvail().x;
    // Tristate: the rows keep the statement's ORDER BY until a header is clicked. A table per answer, so a new
    // answer does not inherit the last one's sort arrows.
    auto flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_SortTristate | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                 ImGuiTableFlags_BordersOuter | ImGuiTableFlags_Resizable | ImGuiTableFlags_NoSavedSettings |
                 (fits ? ImGuiTableFlags_SizingStretchProp : ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_ScrollX);
    auto id = "##answer" + std::to_string(generation) + (fits ? "s" : "f");  // a new table when the sizing changes
    if (!ImGui::BeginTable(id.c_str(), columns, flags, {0, ImGui::GetTextLineHeightWithSpacing() * 14})) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    for (int c = 0; c < columns; ++c) {
        ImGui::TableSetupColumn(widget_label(display_text(table.columns[static_cast<std::size_t>(c)]), "c" + std::to_string(c)).c_str());
    }
    ImGui::TableHeadersRow();
    handle_sorting(table);
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(table.rows.size()));
    while (clipper.Step()) {
        for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
            const auto& row = table.rows[static_cast<std::size_t>(r)];
            ImGui::TableNextRow();
            for (int c = 0; c < columns && static_cast<std::size_t>(c) < row.size(); ++c) {
                ImGui::TableNextColumn();
                auto text = display_text(row[static_cast<std::size_t>(c)].text);
                if (c > 0) {
                    ImGui::TextUnformatted(text.c_str());
                    continue;
                }
                // The first cell spans the row: a click selects and centres the row's actors.
                auto label = widget_label(text, "r" + std::to_string(r));
                if (ImGui::Selectable(label.c_str(), false, ImGuiSelectableFlags_SpanAllColumns)) {
                    (void)explorer.select_query_row(static_cast<std::size_t>(r));
                }
            }
        }
    }
    ImGui::EndTable();
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
    if (console.failure) draw_failure(*console.failure);
    else if (console.table) draw_table(explorer, state, *console.table, console.generation);
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
