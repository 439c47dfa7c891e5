#include <imgui.h>

#include <algorithm>
#include <string_view>
#include <vector>

#include "actorgraph/app/display_text.hpp"
#include "actorgraph/app/inspector.hpp"
#include "actorgraph/app/name_choice.hpp"
#include "actorgraph/app/path_description.hpp"
#include "gui/panels/panel.hpp"

namespace actorgraph::gui {

namespace {

constexpr const char* direction_names[] = {"follow", "reverse", "any"};

// "hops", then only the relation properties with numeric values: a weight nobody can walk by is not offered.
std::vector<const char*> weight_names(const Explorer& explorer)
{
    std::vector<const char*> names{"hops"};
    for (const auto& name : explorer.weights_present()) names.push_back(name.c_str());
    return names;
}

PathOptions options_of(const Explorer& explorer, const PathPanelState& state)
{
    PathOptions options;
    options.direction = parse_direction(direction_names[state.direction]);
    options.k = static_cast<std::size_t>(state.k);
    options.all_shortest = state.all_shortest;
    options.rank_by_evidence = state.rank_by_evidence;
    auto weights = weight_names(explorer);
    if (state.weight > 0 && static_cast<std::size_t>(state.weight) < weights.size()) options.weight = weights[state.weight];
    options.filter.types = state.types;
    return options;
}

void draw_options(Explorer& explorer, PathPanelState& state)
{
    ImGui::SetNextItemWidth(110);
    ImGui::Combo("direction", &state.direction, direction_names, IM_ARRAYSIZE(direction_names));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(90);
    ImGui::InputInt("k", &state.k);
    state.k = std::clamp(state.k, 1, 50);
    ImGui::SetNextItemWidth(130);
    auto weights = weight_names(explorer);
    if (static_cast<std::size_t>(state.weight) >= weights.size()) state.weight = 0;  // another graph was opened
    ImGui::Combo("weight", &state.weight, weights.data(), static_cast<int>(weights.size()));
    ImGui::SameLine();
    ImGui::Checkbox("all shortest", &state.all_shortest);
    ImGui::Checkbox("rank by evidence", &state.rank_by_evidence);
    if (ImGui::IsItemHovered()) {
        ImGui::SetTooltip("The path whose least reliable relation is most reliable first (confidence), then the cheapest;\nungraded relations rank below every grade");
    }
    ImGui::TextDisabled("Relation types the paths may use");
    float column_x = ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x / 2;
    int column = 0;
    const auto& all = explorer.types_present();
    for (const auto& type : all) {
        bool on = name_on(state.types, type);
        if (column % 2 == 1) ImGui::SameLine(column_x);
        auto label = widget_label(display_text_or(type, "(untyped)", column_text_limit), "path-type" + std::to_string(column++));
        bool last = only_name_on(state.types, all, type);
        ImGui::BeginDisabled(last);
        bool toggled = ImGui::Checkbox(label.c_str(), &on);
        ImGui::EndDisabled();
        if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
            if (last) ImGui::SetTooltip("The last type left: a path needs at least one");
            else if (type.size() > column_text_limit) ImGui::SetTooltip("%s", display_text(type, long_text_limit).c_str());
        }
        if (toggled) {
            if (auto next = toggle_name(state.types, all, type, on)) state.types = std::move(*next);
        }
    }
}

void draw_path(const Explorer& explorer, const Path& path)
{
    for (const auto& step : describe_path(*explorer.graph(), path)) {
        auto type = display_text_or(step.type, "(untyped)");
        auto line = step.from + (step.against ? "  \u2190" + type + "\u2014  " : "  \u2014" + type + "\u2192  ") + step.to;
        if (step.undirected) line = step.from + "  \u2014" + type + "\u2014  " + step.to;
        if (!step.years.empty()) line += " (" + step.years + ")";
        ImGui::BulletText("%s", display_text(line, long_text_limit).c_str());
        if (!step.source.empty()) {
            ImGui::Indent();
            ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(90, 90, 90, 255));
            ImGui::TextWrapped("%s", display_text(step.source, long_text_limit).c_str());
            ImGui::PopStyleColor();
            ImGui::Unindent();
        }
    }
}

void draw_results(Explorer& explorer)
{
    const auto& paths = explorer.paths();
    if (!explorer.view().path) return;
    if (paths.empty()) {
        ImGui::TextDisabled("No path for these options.");
        return;
    }
    bool only = explorer.view().path_only;
    if (ImGui::Checkbox("Show only the actors on the paths", &only)) explorer.set_path_only(only);
    auto highlighted = explorer.view().highlighted_path;
    if (ImGui::Selectable("Highlight all paths", highlighted >= paths.size())) explorer.set_highlighted_path(SIZE_MAX);
    for (std::size_t i = 0; i < paths.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        auto title = path_heading(*explorer.graph(), paths[i], i + 1);
        if (ImGui::Selectable(title.c_str(), highlighted == i)) explorer.set_highlighted_path(i);
        draw_path(explorer, paths[i]);
        ImGui::PopID();
    }
}

bool same_request(const PathRequest& a, const PathRequest& b)
{
    const auto &x = a.options, &y = b.options;
    return a.from == b.from && a.to == b.to && x.direction == y.direction && x.k == y.k && x.all_shortest == y.all_shortest &&
           x.rank_by_evidence == y.rank_by_evidence && x.weight == y.weight && x.filter.types == y.filter.types;
}

// A query started elsewhere (a script, the inspector) shows its ends and options in the fields, so
// "Find paths" repeats it rather than a query nobody asked for.
void sync_with_request(const Explorer& explorer, PathPanelState& state)
{
    const auto& request = explorer.view().path;
    if (!request || (state.shown_request && same_request(*state.shown_request, *request))) return;
    state.shown_request = *request;
    const auto& options = request->options;
    state.from.choose(explorer, request->from);
    state.to.choose(explorer, request->to);
    state.direction = static_cast<int>(options.direction);  // direction_names is in Direction's order
    state.k = static_cast<int>(std::clamp<std::size_t>(options.k, 1, 50));
    state.all_shortest = options.all_shortest;
    state.rank_by_evidence = options.rank_by_evidence;
    auto weights = weight_names(explorer);
    auto named = std::find(weights.begin(), weights.end(), options.weight);
    state.weight = options.weight.empty() || named == weights.end() ? 0 : static_cast<int>(named - weights.begin());
    state.types = options.filter.types;
}

}  // namespace

static void draw_paths_panel(Explorer& explorer, UiState& ui)
{
    auto& state = ui.paths;
    if (!explorer.graph()) return;
    sync_with_request(explorer, state);
    ImGui::TextDisabled("From");
    (void)state.from.draw("from", "start actor", explorer);
    ImGui::TextDisabled("To");
    (void)state.to.draw("to", "end actor", explorer);
    draw_options(explorer, state);
    bool ready = state.from.chosen() && state.to.chosen();
    ImGui::BeginDisabled(!ready);
    if (ImGui::Button("Find paths")) (void)explorer.run_path_query(*state.from.chosen(), *state.to.chosen(), options_of(explorer, state));
    ImGui::EndDisabled();
    if (explorer.view().path) {
        ImGui::SameLine();
        if (ImGui::Button("Clear paths")) explorer.clear_path_query();
    }
    draw_results(explorer);
}

namespace {

class PathsPanel final : public Panel {
public:
    [[nodiscard]] const char* title() const override { return "Paths"; }
    [[nodiscard]] bool open_by_default() const override { return true; }
    void draw_content(Explorer& explorer, UiState& state) override { draw_paths_panel(explorer, state); }
};

}  // namespace

std::unique_ptr<Panel> make_paths_panel() { return std::make_unique<PathsPanel>(); }

}  // namespace actorgraph::gui
