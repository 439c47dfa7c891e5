#include <imgui.h>

#include <algorithm>
#include <functional>

#include "gui/panels/panels.hpp"

namespace actorgraph::gui {

namespace {

constexpr Metric metrics[] = {Metric::degree, Metric::in_degree, Metric::out_degree, Metric::betweenness, Metric::pagerank};
constexpr const char* metric_labels[] = {"degree", "in-degree", "out-degree", "betweenness", "PageRank"};

// Rankings change with the graph, the filter and the metric; recomputing only then keeps
// betweenness off the per-frame path.
std::size_t rows_key(const Explorer& explorer, int metric)
{
    const auto& visible = explorer.composed().scene.visible;
    auto key = std::hash<const void*>{}(explorer.graph());
    key ^= visible.actors.size() * 0x9e3779b97f4a7c15ULL + visible.relations.size() * 131 + static_cast<std::size_t>(metric);
    return key;
}

void sort_rows(const Graph& graph, RankPanelState& state)
{
    auto ascending = [&](const RankedActor& a, const RankedActor& b) {
        const auto& x = graph.actor(a.actor);
        const auto& y = graph.actor(b.actor);
        switch (state.sort_column) {
            case 1: return x.display_name() < y.display_name();
            case 2: return x.kind < y.kind;
            default: return a.score < b.score;
        }
    };
    std::stable_sort(state.rows.begin(), state.rows.end(), [&](const RankedActor& a, const RankedActor& b) {
        return state.sort_descending ? ascending(b, a) : ascending(a, b);
    });
}

void handle_sorting(const Graph& graph, RankPanelState& state)
{
    auto* specs = ImGui::TableGetSortSpecs();
    if (!specs || !specs->SpecsDirty || specs->SpecsCount == 0) return;
    state.sort_column = specs->Specs[0].ColumnIndex;
    state.sort_descending = specs->Specs[0].SortDirection == ImGuiSortDirection_Descending;
    sort_rows(graph, state);
    specs->SpecsDirty = false;
}

}  // namespace

void draw_rank_panel(Explorer& explorer, UiState& ui)
{
    auto& state = ui.rank;
    const auto* graph = explorer.graph();
    if (!graph) return;
    ImGui::SetNextItemWidth(150);
    ImGui::Combo("metric", &state.metric, metric_labels, IM_ARRAYSIZE(metric_labels));
    auto metric = metrics[state.metric];
    ImGui::SameLine();
    bool sized = explorer.view().size_by == metric;
    if (ImGui::Checkbox("size nodes", &sized)) explorer.set_size_by(sized ? std::optional(metric) : std::nullopt);

    auto key = rows_key(explorer, state.metric);
    if (key != state.rows_key) {
        state.rows = explorer.rank(metric);
        state.rows_key = key;
        sort_rows(*graph, state);
    }
    auto flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersOuter;
    if (!ImGui::BeginTable("rank", 4, flags, {0, ImGui::GetTextLineHeightWithSpacing() * 12})) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("#", ImGuiTableColumnFlags_NoSort | ImGuiTableColumnFlags_WidthFixed, 28);
    ImGui::TableSetupColumn("actor", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("kind", ImGuiTableColumnFlags_WidthFixed, 80);
    ImGui::TableSetupColumn("score", ImGuiTableColumnFlags_DefaultSort | ImGuiTableColumnFlags_PreferSortDescending |
                                         ImGuiTableColumnFlags_WidthFixed, 70);
    ImGui::TableHeadersRow();
    handle_sorting(*graph, state);
    for (std::size_t i = 0; i < state.rows.size(); ++i) {
        const auto& row = state.rows[i];
        const auto& actor = graph->actor(row.actor);
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::Text("%zu", i + 1);
        ImGui::TableNextColumn();
        auto label = actor.display_name() + "##" + actor.id;
        bool selected = std::find(explorer.selection().begin(), explorer.selection().end(), row.actor) != explorer.selection().end();
        if (ImGui::Selectable(label.c_str(), selected, ImGuiSelectableFlags_SpanAllColumns)) explorer.go_to_actor(row.actor);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(actor.kind.c_str());
        ImGui::TableNextColumn();
        ImGui::Text("%.4g", row.score);
    }
    ImGui::EndTable();
}

}  // namespace actorgraph::gui
