#include <imgui.h>

#include <algorithm>
#include <functional>

#include "actorgraph/app/display_text.hpp"
#include "gui/panels/panel.hpp"

namespace actorgraph::gui {

namespace {

constexpr Metric metrics[] = {Metric::degree, Metric::in_degree, Metric::out_degree, Metric::betweenness, Metric::pagerank};
constexpr const char* metric_labels[] = {"degree", "in-degree", "out-degree", "betweenness", "PageRank"};

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

void draw_row(Explorer& explorer, const Graph& graph, const RankedActor& row, std::size_t place)
{
    const auto& actor = graph.actor(row.actor);
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::Text("%zu", place + 1);
    ImGui::TableNextColumn();
    auto label = widget_label(actor.display_name(), std::to_string(row.actor));
    const auto& selection = explorer.selection();
    bool selected = std::find(selection.begin(), selection.end(), row.actor) != selection.end();
    if (ImGui::Selectable(label.c_str(), selected, ImGuiSelectableFlags_SpanAllColumns)) explorer.go_to_actor(row.actor);
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(display_text(actor.kind).c_str());
    ImGui::TableNextColumn();
    ImGui::Text("%.4g", row.score);
}

}  // namespace

static void draw_rank_panel(Explorer& explorer, UiState& ui)
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

    // The explorer ranks in the background and only when the view or the metric changed.
    explorer.request_ranking(metric);
    const auto& ranking = explorer.ranking();
    if (ranking.generation != state.rows_key) {
        state.rows = ranking.rows;
        state.rows_key = ranking.generation;
        sort_rows(*graph, state);
    }
    if (ranking.running) {
        ImGui::TextDisabled("ranking by %s\u2026", metric_labels[state.metric]);
    } else if (ranking.of > ranking.rows.size()) {
        ImGui::TextDisabled("the top %s of %s actors", with_thousands(ranking.rows.size()).c_str(), with_thousands(ranking.of).c_str());
    }
    // Exact betweenness is O(actors x relations): big graphs get an estimate, and must say so.
    if (!ranking.running && ranking.sampled) {
        ImGui::TextDisabled("estimated from %s sampled source actors", with_thousands(ranking.samples).c_str());
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
    // Only the rows in sight are drawn: a ranking holds up to a thousand.
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(state.rows.size()));
    while (clipper.Step()) {
        for (auto i = static_cast<std::size_t>(clipper.DisplayStart); i < static_cast<std::size_t>(clipper.DisplayEnd); ++i) {
            draw_row(explorer, *graph, state.rows[i], i);
        }
    }
    ImGui::EndTable();
}

namespace {

class RankPanel final : public Panel {
public:
    [[nodiscard]] const char* title() const override { return "Rank"; }
    [[nodiscard]] bool open_by_default() const override { return false; }
    void draw_content(Explorer& explorer, UiState& state) override { draw_rank_panel(explorer, state); }
};

}  // namespace

std::unique_ptr<Panel> make_rank_panel() { return std::make_unique<RankPanel>(); }

}  // namespace actorgraph::gui
