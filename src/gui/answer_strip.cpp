#include "gui/answer_strip.hpp"

#include <imgui.h>

#include <algorithm>
#include <string>

#include "actorgraph/app/display_text.hpp"
#include "gui/panels/panel.hpp"

namespace actorgraph::gui {

namespace {

constexpr int max_table_columns = 64;  // ImGui 1.86's tables hold at most 64 columns
constexpr float min_strip_pixels = 170;

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
    int columns = static_cast<int>(std::min<std::size_t>(table.columns.size(), max_table_columns));
    if (static_cast<std::size_t>(columns) < table.columns.size()) ImGui::TextDisabled("(the first %d columns shown)", columns);
    if (state.measured_generation != generation) {
        state.natural_width = natural_width(table, columns);
        state.measured_generation = generation;
    }
    // Columns that fit share the strip's width (fixed-width columns would leave an empty stripe beside the
    // last one, which reads as a column more); wider answers keep their widths and scroll sideways.
    bool fits = state.natural_width <= ImGui::GetContentRegionAvail().x;
    // Tristate: the rows keep the statement's ORDER BY until a header is clicked. A table per answer, so a new
    // answer does not inherit the last one's sort arrows.
    auto flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_SortTristate | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                 ImGuiTableFlags_BordersOuter | ImGuiTableFlags_Resizable | ImGuiTableFlags_NoSavedSettings |
                 (fits ? ImGuiTableFlags_SizingStretchProp : ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_ScrollX);
    auto id = "##answer" + std::to_string(generation) + (fits ? "s" : "f");  // a new table when the sizing changes
    if (!ImGui::BeginTable(id.c_str(), columns, flags, {0, ImGui::GetContentRegionAvail().y})) return;
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


bool has_table(const QueryConsole& console)
{
    return !console.failure && console.table && !console.table->columns.empty();
}

}  // namespace

bool answer_strip_shown(const Explorer& explorer, const QueryPanelState& state)
{
    const auto& console = explorer.query_console();
    return explorer.graph() && has_table(console) && state.hidden_generation != console.generation;
}

float answer_strip_height(float body_height) { return std::max(min_strip_pixels, body_height / 3); }

void draw_answer_strip(Explorer& explorer, QueryPanelState& state)
{
    auto& console = explorer.query_console();
    ImGui::TextUnformatted("Answer");
    ImGui::SameLine();
    ImGui::TextDisabled("%s", display_text(console.table->summary, long_text_limit).c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton("Hide")) state.hidden_generation = console.generation;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Hide the table until the next answer (the Query panel shows it again)");
    if (explorer.view().highlight) {
        ImGui::SameLine();
        if (ImGui::SmallButton("Clear highlight")) explorer.clear_query_highlight();
    }
    draw_table(explorer, state, *console.table, console.generation);
}

}  // namespace actorgraph::gui
