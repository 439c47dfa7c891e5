// The Analysis panel: investment dependence as a bar chart with the cap line, what if the selected
// actors were removed, the minimum cut between two actors, and colour by community. The explorer runs
// each (app/analysis_view, app/community_view); this file only draws the choices and the findings.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdio>

#include "actorgraph/app/display_text.hpp"
#include "actorgraph/app/inspector.hpp"
#include "gui/panels/panel.hpp"

namespace actorgraph::gui {

namespace {

constexpr const char* grouping_names[] = {"state", "actor"};
constexpr const char* direction_names[] = {"follow", "reverse", "any"};
constexpr ImU32 bar_colour = IM_COL32(70, 120, 180, 255);
constexpr ImU32 over_cap_colour = IM_COL32(200, 60, 50, 255);
constexpr ImU32 cap_line_colour = IM_COL32(190, 30, 30, 255);

void tooltip(const char* text)
{
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", text);
}

std::string percent(double share)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.1f%%", share * 100);
    return text;
}

// A list of actors the user can click to go to (cut actors, cut-off groups' members).
void actor_links(Explorer& explorer, const std::vector<ActorIndex>& actors, const char* id, std::size_t limit = 50)
{
    ImGui::PushID(id);
    for (std::size_t i = 0; i < actors.size() && i < limit; ++i) {
        auto name = display_text(explorer.graph()->actor(actors[i]).display_name());
        if (ImGui::Selectable(widget_label("\u2022 " + name, std::to_string(i)).c_str())) explorer.go_to_actor(actors[i]);
    }
    if (actors.size() > limit) ImGui::TextDisabled("\u2026 and %s more", with_thousands(actors.size() - limit).c_str());
    ImGui::PopID();
}

// One row a source: its name, a bar as long as its share, the share; the cap is a red line across the rows.
void draw_share_bars(const std::vector<DependenceBar>& bars, double cap)
{
    float width = ImGui::GetContentRegionAvail().x;
    float label_width = std::min(130.0f, width * 0.38f);
    float share_width = ImGui::CalcTextSize("100.0%").x + 8;
    float bar_room = std::max(20.0f, width - label_width - share_width);
    float row = ImGui::GetTextLineHeightWithSpacing();
    auto* draw = ImGui::GetWindowDrawList();
    auto text_colour = ImGui::GetColorU32(ImGuiCol_Text);
    float cap_x = ImGui::GetCursorScreenPos().x + label_width + static_cast<float>(cap) * bar_room;
    auto cap_label = "cap " + percent(cap);
    ImGui::SetCursorScreenPos({std::max(ImGui::GetCursorScreenPos().x, cap_x - ImGui::CalcTextSize(cap_label.c_str()).x / 2),
                               ImGui::GetCursorScreenPos().y});
    ImGui::TextColored(ImColor(cap_line_colour).Value, "%s", cap_label.c_str());
    float top = ImGui::GetCursorScreenPos().y;
    for (std::size_t i = 0; i < bars.size(); ++i) {
        const auto& bar = bars[i];
        ImVec2 at = ImGui::GetCursorScreenPos();
        ImGui::InvisibleButton(("##share" + std::to_string(i)).c_str(), {width, row});
        if (ImGui::IsItemHovered()) {
            ImGui::SetTooltip("%s: %s of the known amount (%s)\n%zu relations, %zu without amount_usd%s",
                              display_text(bar.label).c_str(), percent(bar.share).c_str(), amount_text(std::to_string(bar.amount_usd)).c_str(), bar.relations,
                              bar.without_amount, bar.over_cap ? "\nover the cap" : "");
        }
        auto label = display_text(bar.label, column_text_limit);
        draw->PushClipRect(at, {at.x + label_width - 4, at.y + row}, true);
        draw->AddText(at, text_colour, label.c_str());
        draw->PopClipRect();
        float left = at.x + label_width;
        float length = static_cast<float>(std::clamp(bar.share, 0.0, 1.0)) * bar_room;
        draw->AddRectFilled({left, at.y + 2}, {left + std::max(length, 1.0f), at.y + row - 3}, bar.over_cap ? over_cap_colour : bar_colour);
        auto share = percent(bar.share);
        draw->AddText({left + bar_room + 4, at.y}, bar.over_cap ? over_cap_colour : text_colour, share.c_str());
    }
    float bottom = ImGui::GetCursorScreenPos().y;
    draw->AddLine({cap_x, top - 2}, {cap_x, bottom}, cap_line_colour, 2.0f);
}

void draw_dependence_result(Explorer& explorer, const DependenceResult& result)
{
    const auto& graph = *explorer.graph();
    ImGui::TextWrapped("Investment into %s%s", display_text(graph.actor(result.target).display_name()).c_str(),
                       result.recipients.size() > 1 ? " and its companies" : "");
    auto bars = dependence_bars(graph, result);
    if (bars.empty()) ImGui::TextDisabled("No foreign investment relation leads into it.");
    else draw_share_bars(bars, result.cap);
    ImGui::TextWrapped("%s", dependence_overview(result).c_str());
    if (result.undated > 0) ImGui::TextDisabled("%s of the relations carry no year", with_thousands(result.undated).c_str());
    if (!result.domestic.investors.empty()) {
        ImGui::TextDisabled("Domestic, not in the shares: %s relations", with_thousands(result.domestic.relations).c_str());
    }
    for (const auto& alert : dependence_alerts(graph, result)) error_text("ALERT: " + alert);
}

void draw_dependence(Explorer& explorer, AnalysisPanelState& state)
{
    const auto& selection = explorer.selection();
    // The selected actor is the target until the user picks another.
    if (!state.target.chosen() && !selection.empty()) state.target.choose(explorer, selection.back());
    ImGui::TextDisabled("Target");
    (void)state.target.draw("dependence-target", "the actor invested in", explorer);
    if (auto years = explorer.years_present(); years && state.years_for != explorer.graph()) {
        state.years_for = explorer.graph();
        state.year_from = years->first;
        state.year_to = years->second;
        state.limit_years = false;
    }
    ImGui::Checkbox("years", &state.limit_years);
    ImGui::BeginDisabled(!state.limit_years);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(90);
    ImGui::InputInt("##dependence-from", &state.year_from, 0);
    ImGui::SameLine();
    ImGui::TextUnformatted("to");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(90);
    ImGui::InputInt("##dependence-to", &state.year_to, 0);
    ImGui::EndDisabled();
    ImGui::SetNextItemWidth(70);
    ImGui::InputText("cap", &state.cap_text);
    tooltip("The largest share one source may hold: 1/3 (Mongolia's 2010 National Security Concept), 0.25 or 40%");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(80);
    ImGui::Combo("group by", &state.group_by, grouping_names, IM_ARRAYSIZE(grouping_names));
    tooltip("state: companies count for their home state (affiliation) or majority owner; actor: each investor alone");
    ImGui::BeginDisabled(!state.target.chosen());
    if (ImGui::Button("Show dependence")) {
        auto request = dependence_of(*state.target.chosen());
        if (state.limit_years) {
            request.from_year = state.year_from;
            request.to_year = state.year_to;
        }
        request.group_by = state.group_by == 1 ? DependenceGrouping::actor : DependenceGrouping::state;
        try {
            request.cap = parse_share(state.cap_text);
            (void)explorer.run_analysis(request);
        } catch (const std::exception& failure) {
            explorer.error(failure.what());
        }
    }
    ImGui::EndDisabled();
    if (const auto* outcome = explorer.analysis(); outcome && outcome->dependence()) draw_dependence_result(explorer, *outcome->dependence());
}

// The pairs that lose every route, heaviest first; a click goes to the pair's better connected actor.
void draw_important_pairs(Explorer& explorer, const WhatIfResult& result)
{
    auto lines = important_pair_lines(*explorer.graph(), result);
    if (lines.empty()) return;
    ImGui::TextWrapped("%s:", important_pairs_heading(result).c_str());
    ImGui::PushID("important-pairs");
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (ImGui::Selectable(widget_label("\u2022 " + display_text(lines[i].text), std::to_string(i)).c_str())) {
            explorer.go_to_actor(lines[i].first);
        }
    }
    ImGui::PopID();
}

void draw_what_if_result(Explorer& explorer, const WhatIfResult& result)
{
    const auto& graph = *explorer.graph();
    ImGui::TextWrapped("Removing %s:", display_text(graph.actor(result.removed.front()).display_name()).c_str());
    if (result.removed.size() > 1) {
        ImGui::SameLine();
        ImGui::TextDisabled("(and %zu more)", result.removed.size() - 1);
    }
    auto broken = result.broken_relations.size();
    auto cut_off = result.cut_off_actors().size();
    ImGui::BulletText("%s relation%s break%s", with_thousands(broken).c_str(), broken == 1 ? "" : "s", broken == 1 ? "s" : "");
    // Two short lines rather than one: a bullet does not wrap, and the column is narrow.
    ImGui::BulletText("%s actor%s cut off", with_thousands(cut_off).c_str(), cut_off == 1 ? "" : "s");
    ImGui::BulletText("%s pairs lose every connection", with_thousands(static_cast<std::size_t>(result.pairs_lost)).c_str());
    ImGui::BulletText("pieces %zu \u2192 %zu; largest %s \u2192 %s actors", result.components_before, result.components_after,
                      with_thousands(result.largest_before).c_str(), with_thousands(result.largest_after).c_str());
    tooltip("Connected pieces of the view's graph, relations walked either way");
    draw_important_pairs(explorer, result);
    if (result.fragments.empty()) return;
    ImGui::TextDisabled("Cut off, largest group first:");
    auto groups = cut_off_groups(graph, result);
    for (std::size_t i = 0; i < groups.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        bool has_actor = i < result.fragments.size() && !result.fragments[i].actors.empty();
        if (ImGui::Selectable(widget_label(display_text(groups[i]), "group").c_str()) && has_actor) {
            explorer.go_to_actor(result.fragments[i].actors.front());
        }
        ImGui::PopID();
    }
}

void draw_what_if(Explorer& explorer)
{
    const auto& selection = explorer.selection();
    if (selection.empty()) ImGui::TextDisabled("Select the actors to remove (click, Shift-click adds).");
    else ImGui::TextWrapped("Selected: %zu actor%s", selection.size(), selection.size() == 1 ? "" : "s");
    ImGui::BeginDisabled(selection.empty());
    if (ImGui::Button("What if removed")) (void)explorer.run_analysis(WhatIfRequest{selection});
    tooltip("Highlights the relations that break and the actors cut off from the rest");
    ImGui::EndDisabled();
    if (const auto* outcome = explorer.analysis(); outcome && outcome->what_if()) draw_what_if_result(explorer, *outcome->what_if());
}

void draw_cut_result(Explorer& explorer, const CutResult& result)
{
    if (!result.connected) {
        ImGui::TextDisabled("No route leads from the one to the other: nothing to cut.");
        return;
    }
    bool actors = !result.actors.empty() || result.relations.empty();
    ImGui::Text("Minimum cut: %zu %s = %zu independent route%s", result.size, actors ? "actors" : "relations", result.size,
                result.size == 1 ? "" : "s");
    if (actors) {
        actor_links(explorer, result.actors, "cut-actors");
    } else {
        const auto& graph = *explorer.graph();
        for (std::size_t i = 0; i < result.relations.size() && i < 50; ++i) {
            const auto& relation = graph.relation(result.relations[i]);
            auto line = graph.actor(relation.source).display_name() + " \u2014" + relation.type + "\u2192 " + graph.actor(relation.target).display_name();
            ImGui::BulletText("%s", display_text(line).c_str());
        }
    }
    if (!result.direct.empty()) {
        ImGui::TextWrapped("%zu direct relation%s, which removing other actors cannot cut", result.direct.size(),
                           result.direct.size() == 1 ? "" : "s");
    }
}

void draw_cut(Explorer& explorer, AnalysisPanelState& state)
{
    ImGui::TextDisabled("From");
    (void)state.cut_from.draw("cut-from", "actor cut off", explorer);
    ImGui::TextDisabled("To");
    (void)state.cut_to.draw("cut-to", "from this actor", explorer);
    ImGui::RadioButton("actors", &state.cut_kind, 0);
    ImGui::SameLine();
    ImGui::RadioButton("relations", &state.cut_kind, 1);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(90);
    ImGui::Combo("##cut-direction", &state.cut_direction, direction_names, IM_ARRAYSIZE(direction_names));
    tooltip("follow: relations in their direction; any: either way");
    bool ready = state.cut_from.chosen() && state.cut_to.chosen();
    ImGui::BeginDisabled(!ready);
    if (ImGui::Button("Find minimum cut")) {
        auto request = cut_between(*state.cut_from.chosen(), *state.cut_to.chosen());
        request.kind = state.cut_kind == 1 ? CutKind::relations : CutKind::actors;
        request.direction = parse_direction(direction_names[std::clamp(state.cut_direction, 0, 2)]);
        (void)explorer.run_analysis(request);
    }
    ImGui::EndDisabled();
    if (const auto* outcome = explorer.analysis(); outcome && outcome->cut()) draw_cut_result(explorer, *outcome->cut());
}

// Colour by community: method and resolution, Detect, and back to the kind colours. The legend lists them.
void draw_communities(Explorer& explorer)
{
    constexpr const char* methods[] = {"louvain", "leiden"};
    const auto& asked = explorer.view().communities;
    // The fields edit the explorer's choice, so a script's "communities leiden 2" shows here too.
    auto& choice = explorer.community_choice();
    int method = choice.method == CommunityMethod::leiden ? 1 : 0;
    ImGui::SetNextItemWidth(100);
    if (ImGui::Combo("method", &method, methods, IM_ARRAYSIZE(methods))) {
        choice.method = method == 1 ? CommunityMethod::leiden : CommunityMethod::louvain;
    }
    tooltip("Modularity optimisation through igraph: Louvain, or Leiden (better connected communities)");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(90);
    ImGui::InputDouble("resolution", &choice.resolution, 0, 0, "%.2f");
    tooltip("1 is classic modularity; above 1 favours more, smaller communities, below 1 fewer, larger ones");
    if (ImGui::Button("Detect")) (void)explorer.set_communities(choice);
    tooltip("Fills each actor by its community (of the actors and relations the filters keep)");
    ImGui::SameLine();
    ImGui::BeginDisabled(!asked);
    if (ImGui::Button("Kind colours")) (void)explorer.set_communities(std::nullopt);
    ImGui::EndDisabled();
    if (!asked) {
        ImGui::TextDisabled("Actors are filled by their kind.");
        return;
    }
    if (const auto* colouring = explorer.communities()) {
        ImGui::TextWrapped("%s", display_text(community_summary(*colouring)).c_str());
        ImGui::TextDisabled("The Legend lists them; the inspector names an actor's.");
    } else if (explorer.preparing()) {
        ImGui::TextDisabled("detecting communities\u2026");
    }
}

// A run started elsewhere (a script, the inspector) shows its own tab and fields.
void sync_with_view(const Explorer& explorer, AnalysisPanelState& state, int& shown_tab)
{
    const auto& request = explorer.view().analysis;
    if (!request) return;
    shown_tab = static_cast<int>(request->index());
    const auto* cut = std::get_if<CutRequest>(&*request);
    auto same = [](const CutRequest& a, const CutRequest& b) {
        return a.from == b.from && a.to == b.to && a.kind == b.kind && a.direction == b.direction;
    };
    if (cut && !(state.shown_cut && same(*state.shown_cut, *cut))) {
        state.shown_cut = *cut;
        state.cut_from.choose(explorer, cut->from);
        state.cut_to.choose(explorer, cut->to);
        state.cut_kind = cut->kind == CutKind::relations ? 1 : 0;
        state.cut_direction = static_cast<int>(cut->direction);  // direction_names is in Direction's order
    }
    if (const auto* dependence = std::get_if<DependenceRequest>(&*request); dependence && !state.target.chosen()) {
        state.target.choose(explorer, dependence->target);
    }
}

}  // namespace

static void draw_analysis_panel(Explorer& explorer, UiState& ui, int& requested_tab)
{
    auto& state = ui.analysis;
    if (!explorer.graph()) return;
    int running_tab = -1;
    sync_with_view(explorer, state, running_tab);
    if (const auto* outcome = explorer.analysis(); outcome && !outcome->error.empty()) error_text(outcome->error);
    if (explorer.view().analysis) {
        if (ImGui::SmallButton("Clear analysis")) explorer.clear_analysis();
        ImGui::SameLine();
        ImGui::TextDisabled("(the highlight on the canvas)");
    }
    if (!ImGui::BeginTabBar("##analysis-tabs")) return;
    const char* names[] = {"Dependence", "What if", "Cut", "Communities"};
    for (int tab = 0; tab < IM_ARRAYSIZE(names); ++tab) {
        // A new analysis from elsewhere brings its tab forward once.
        auto flags = running_tab == tab && requested_tab != tab ? ImGuiTabItemFlags_SetSelected : ImGuiTabItemFlags_None;
        if (!ImGui::BeginTabItem(names[tab], nullptr, flags)) continue;
        if (flags) requested_tab = tab;
        if (tab == 0) draw_dependence(explorer, state);
        else if (tab == 1) draw_what_if(explorer);
        else if (tab == 2) draw_cut(explorer, state);
        else draw_communities(explorer);
        ImGui::EndTabItem();
    }
    if (running_tab < 0) requested_tab = -1;
    ImGui::EndTabBar();
}

namespace {

class AnalysisPanel final : public Panel {
public:
    [[nodiscard]] const char* title() const override { return "Analysis"; }
    [[nodiscard]] bool open_by_default() const override { return false; }
    void draw_content(Explorer& explorer, UiState& state) override { draw_analysis_panel(explorer, state, shown_tab_); }

private:
    int shown_tab_ = -1;  ///< the tab last brought forward for the view's analysis
};

}  // namespace

std::unique_ptr<Panel> make_analysis_panel() { return std::make_unique<AnalysisPanel>(); }

}  // namespace actorgraph::gui
