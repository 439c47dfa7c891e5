#include <imgui.h>

#include "actorgraph/app/display_text.hpp"
#include "actorgraph/app/inspector.hpp"
#include "gui/edit_widgets.hpp"
#include "gui/panels/panel.hpp"
#include "gui/widget_places.hpp"

namespace actorgraph::gui {

namespace {

void draw_properties(const ActorDetails& details)
{
    if (!ImGui::BeginTable("properties", 2, ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp)) return;
    ImGui::TableSetupColumn("name", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch);
    for (const auto& [name, value] : details.properties) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextDisabled("%s", display_text(name).c_str());
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", display_text(value, long_text_limit).c_str());
    }
    ImGui::EndTable();
}

// The analyses of the selection, and the dependence alerts when this actor is the dependence's target.
void draw_analysis_actions(Explorer& explorer, ActorIndex actor)
{
    if (ImGui::Button("What if removed")) (void)explorer.run_analysis(WhatIfRequest{explorer.selection()});
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Highlights what breaks without the selected actors (Analysis panel)");
    ImGui::SameLine();
    if (ImGui::Button("Investment dependence")) (void)explorer.run_analysis(dependence_of(actor));
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Shares of the investment flowing in, cap 1/3 (Analysis panel)");
    const auto* outcome = explorer.analysis();
    const auto* dependence = outcome ? outcome->dependence() : nullptr;
    if (!dependence || dependence->target != actor) return;
    for (const auto& alert : dependence_alerts(*explorer.graph(), *dependence)) error_text("ALERT: " + alert);
}

void draw_actions(Explorer& explorer, UiState& state, ActorIndex actor)
{
    if (ImGui::Button("Centre")) explorer.go_to_actor(actor);
    ImGui::SameLine();
    if (ImGui::Button("Path from here")) state.paths.from.choose(explorer, actor);
    ImGui::SameLine();
    if (ImGui::Button("Path to here")) state.paths.to.choose(explorer, actor);
    if (ImGui::Button("Focus")) explorer.set_focus({actor}, static_cast<std::size_t>(state.focus_depth));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(90);
    ImGui::InputInt("hops", &state.focus_depth);
    state.focus_depth = std::clamp(state.focus_depth, 0, 10);
    if (!explorer.view().focus.empty()) {
        ImGui::SameLine();
        if (ImGui::Button("Show all")) explorer.set_focus({}, 1);
    }
    draw_analysis_actions(explorer, actor);
}

// A hub of a big graph has thousands of relations; a few hundred per type is all one reads.
constexpr std::size_t lines_per_group = 200;

// Returns the actor the user clicked, so the caller moves to it after the loop; `edit` is set to a
// relation whose "edit" button was clicked.
std::optional<ActorIndex> draw_relations(const Graph& graph, const ActorDetails& details, std::optional<RelationIndex>& edit)
{
    std::optional<ActorIndex> clicked;
    for (std::size_t g = 0; g < details.groups.size(); ++g) {
        const auto& group = details.groups[g];
        auto header = display_text_or(group.type, "(untyped)") + " (" + with_thousands(group.lines.size()) + ")";
        ImGui::SetNextItemOpen(true, ImGuiCond_Once);
        if (!ImGui::TreeNode(widget_label(header, "group" + std::to_string(g)).c_str())) continue;
        auto shown = std::min(group.lines.size(), lines_per_group);
        for (std::size_t i = 0; i < shown; ++i) {
            const auto& line = group.lines[i];
            ImGui::PushID(static_cast<int>(line.relation));
            auto name = display_text(graph.actor(line.other).display_name());
            auto text = std::string(line.undirected ? "\u2014 " : line.outgoing ? "\u2192 " : "\u2190 ") + name;
            if (ImGui::SmallButton("edit")) edit = line.relation;
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("edit or delete this relation");
            ImGui::SameLine();
            if (ImGui::Selectable(widget_label(text, "line").c_str())) clicked = line.other;
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("go to %s", name.c_str());
            std::string facts = line.when;
            if (!line.amount.empty()) facts += (facts.empty() ? "" : ", ") + line.amount;
            if (!line.confidence.empty()) facts += (facts.empty() ? "" : ", ") + line.confidence;
            if (!facts.empty()) {
                ImGui::SameLine();
                ImGui::TextDisabled("%s", display_text(facts).c_str());
            }
            if (!line.source.empty()) {
                ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(90, 90, 90, 255));
                ImGui::Indent();
                ImGui::TextWrapped("%s", display_text(line.source, long_text_limit).c_str());
                ImGui::Unindent();
                ImGui::PopStyleColor();
            }
            ImGui::PopID();
        }
        if (shown < group.lines.size()) ImGui::TextDisabled("\u2026 and %s more", with_thousands(group.lines.size() - shown).c_str());
        ImGui::TreePop();
    }
    return clicked;
}

}  // namespace

static void draw_inspector_panel(Explorer& explorer, UiState& state)
{
    const auto* graph = explorer.graph();
    if (!graph || explorer.selection().empty()) {
        state.inspected.reset();
        ImGui::TextDisabled("Click an actor, or find one with Search.");
        return;
    }
    const auto& selection = explorer.selection();
    if (selection.size() > 1) {
        ImGui::Text("%zu actors selected:", selection.size());
        for (auto actor : selection) {
            ImGui::SameLine();
            ImGui::TextUnformatted(display_text(graph->actor(actor).display_name()).c_str());
        }
    }
    auto actor = selection.back();
    // Described once per actor and graph, not every frame; an edit makes a new graph (maybe at the old
    // one's address), so the graph's generation says when to describe it again.
    auto generation = explorer.graph_generation();
    if (state.inspected_generation != generation || !state.inspected || state.inspected->actor != actor) {
        state.inspected = describe_actor(*graph, actor);
        state.inspected_graph = graph;
        state.inspected_generation = generation;
    }
    const auto& details = *state.inspected;
    ImGui::TextColored({0.1f, 0.3f, 0.6f, 1}, "%s", display_text(graph->actor(actor).display_name()).c_str());
    draw_properties(details);
    if (const auto* communities = explorer.communities()) {
        ImGui::TextDisabled("community");
        ImGui::SameLine();
        ImGui::TextWrapped("%s", display_text(community_text(*graph, *communities, actor)).c_str());
    }
    draw_actions(explorer, state, actor);
    if (std::exchange(state.edit.open_editor, false)) ImGui::SetNextItemOpen(true);
    if (noted(ImGui::TreeNode("Edit##edit_selected"), "Edit", "node")) {
        draw_property_editor(explorer, state, actor);
        ImGui::TreePop();
    }
    // An edit above replaced the graph: its description is read again next frame.
    if (state.inspected_generation != explorer.graph_generation()) return;
    ImGui::Separator();
    std::optional<RelationIndex> edit;
    auto clicked = draw_relations(*graph, details, edit);
    if (edit) {
        state.edit.editor.edit_relation(*graph, *edit);
        state.edit.editor_actor = graph->actor(actor).id;
        state.edit.editor_generation = explorer.graph_generation();
        state.edit.open_editor = true;
    }
    if (clicked) explorer.go_to_actor(*clicked);
}

namespace {

class InspectorPanel final : public Panel {
public:
    [[nodiscard]] const char* title() const override { return "Inspector"; }
    [[nodiscard]] bool open_by_default() const override { return true; }
    void draw_content(Explorer& explorer, UiState& state) override { draw_inspector_panel(explorer, state); }
};

}  // namespace

std::unique_ptr<Panel> make_inspector_panel() { return std::make_unique<InspectorPanel>(); }

}  // namespace actorgraph::gui
