// The data table (Gephi's Data Laboratory): the actors or relations the view's filters keep (on a big
// graph more than the overview draws), sortable by any column, filtered by a text; a click on a row
// selects and centres its actor, a double-click on a cell edits it (Enter sets it as one undoable change,
// Escape leaves it). What a row or an edit means is decided in app/data_table; the tables are built in
// the background (app/data_table_model) and the previous rows stay, read-only, until the new ones are ready.
#include <imgui.h>
#include <imgui_stdlib.h>

#include "actorgraph/app/display_text.hpp"
#include "gui/panels/panel.hpp"

namespace actorgraph::gui {

namespace {

// ImGui 1.86 tables take at most 64 columns; a file with more properties shows the first ones.
constexpr std::size_t most_columns = 60;

// What a click in the table asked for, done after the table is drawn (an edit replaces the graph).
struct TableAction {
    std::optional<ActorIndex> go_to;
    std::optional<Change> change;
};

void draw_cell(const Graph& graph, const DataTable& table, DataTablePanelState& state, std::uint32_t item,
               std::size_t column, bool current, TableAction& action)
{
    auto& editing = state.editing;
    bool here = editing && editing->table == table.kind() && editing->item == item && editing->column == column;
    if (here) {
        ImGui::SetNextItemWidth(-1);
        if (std::exchange(editing->focus, false)) ImGui::SetKeyboardFocusHere();
        bool entered = ImGui::InputText("##cell_edit", &editing->text, ImGuiInputTextFlags_EnterReturnsTrue);
        if (entered) {
            action.change = table.edit(graph, item, column, editing->text);
            editing.reset();
        } else if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
            editing.reset();
        }
        return;
    }
    auto text = table.cell(graph, item, column);
    auto label = widget_label(display_text(text), "cell" + std::to_string(column));
    // Rows of an older graph or view name its actors: they are shown, not followed or edited.
    if (ImGui::Selectable(label.c_str(), false, ImGuiSelectableFlags_AllowDoubleClick) && current) {
        if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left) && table.editable(column)) {
            editing = DataTablePanelState::Editing{table.kind(), item, column, text, true};
        } else {
            action.go_to = table.actor_of(graph, item);
        }
    }
    if (ImGui::IsItemHovered() && current && table.editable(column)) ImGui::SetTooltip("double-click to edit");
}

void draw_table(const Graph& graph, const DataTable& table, DataTablePanelState& state, bool current, TableAction& action)
{
    auto columns = std::min(table.columns().size(), most_columns);
    if (columns == 0) return;
    constexpr ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_Resizable | ImGuiTableFlags_ScrollX |
                                      ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV;
    if (!ImGui::BeginTable("##data", static_cast<int>(columns), flags, {0, 26 * ImGui::GetTextLineHeightWithSpacing()})) return;
    ImGui::TableSetupScrollFreeze(1, 1);
    for (std::size_t c = 0; c < columns; ++c) {
        auto title = widget_label(display_text(table.columns()[c]), "column" + std::to_string(c));
        ImGui::TableSetupColumn(title.c_str(), ImGuiTableColumnFlags_WidthFixed, 120);
    }
    ImGui::TableHeadersRow();
    if (auto* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsDirty) {
        if (specs->SpecsCount > 0) {
            const auto& spec = specs->Specs[0];
            state.model.sort_by(table.kind(), static_cast<std::size_t>(spec.ColumnIndex), spec.SortDirection != ImGuiSortDirection_Descending);
        }
        specs->SpecsDirty = false;
    }
    const auto& rows = table.rows();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(rows.size()));
    while (clipper.Step()) {
        for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
            auto item = rows[static_cast<std::size_t>(r)];
            ImGui::TableNextRow();
            ImGui::PushID(r);
            for (std::size_t c = 0; c < columns; ++c) {
                ImGui::TableNextColumn();
                draw_cell(graph, table, state, item, c, current, action);
            }
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
    if (table.columns().size() > columns) {
        ImGui::TextDisabled("the first %zu of %zu columns", columns, table.columns().size());
    }
}

// The progress of a build running and its Cancel (before the text, so a narrow column never hides it), or
// why the rows are older than the view.
void draw_build_status(DataTableModel& model)
{
    auto status = model.status();
    if (status.empty()) return;
    if (model.building()) {
        // No text on the bar: the status line beside it gives the percentage.
        ImGui::ProgressBar(static_cast<float>(model.progress()), {ImGui::GetContentRegionAvail().x * 0.25f, 0}, "");
        ImGui::SameLine();
        if (ImGui::SmallButton("Cancel##table_build")) model.cancel();
        ImGui::SameLine();
    } else if (model.cancelled()) {
        if (ImGui::SmallButton("Build again##table_build")) model.build_again();
        ImGui::SameLine();
    }
    ImGui::TextWrapped("%s", status.c_str());
}

}  // namespace

static void draw_data_table_panel(Explorer& explorer, UiState& ui)
{
    auto& state = ui.table;
    if (!explorer.graph()) {
        ImGui::TextDisabled("Open a file to see its data.");
        return;
    }
    auto& model = state.model;
    model.update(explorer);
    bool current = model.current(explorer);
    if (!current) state.editing.reset();
    ImGui::SetNextItemWidth(-1);
    if (ImGui::InputTextWithHint("##table_filter", "filter: rows with a cell containing\u2026", &state.filter)) {
        model.set_filter(state.filter);
    }
    draw_build_status(model);
    const auto* graph = model.graph();
    if (!graph) return;
    TableAction action;
    if (ImGui::BeginTabBar("##tables")) {
        for (auto kind : {TableKind::actors, TableKind::relations}) {
            const auto& table = model.table(kind);
            bool actors = kind == TableKind::actors;
            auto title = std::string(actors ? "Actors" : "Relations") + " (" + with_thousands(table.rows().size()) + ")" +
                         (actors ? "##actors" : "##relations");
            if (!ImGui::BeginTabItem(title.c_str())) continue;
            draw_table(*graph, table, state, current, action);
            ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
    }
    ImGui::TextDisabled("what the filters keep, drawn or not \u00b7 click a header to sort \u00b7 click a row to go to it \u00b7 double-click a cell to edit");
    if (action.change) {
        for (const auto& problem : explorer.apply_edit(*action.change)) explorer.error(problem.to_string());
    } else if (action.go_to) {
        explorer.go_to_actor(*action.go_to);
    }
}

namespace {

class DataTablePanel final : public Panel {
public:
    [[nodiscard]] const char* title() const override { return "Data table"; }
    [[nodiscard]] bool open_by_default() const override { return false; }
    void draw_content(Explorer& explorer, UiState& state) override { draw_data_table_panel(explorer, state); }
};

}  // namespace

std::unique_ptr<Panel> make_data_table_panel() { return std::make_unique<DataTablePanel>(); }

}  // namespace actorgraph::gui
