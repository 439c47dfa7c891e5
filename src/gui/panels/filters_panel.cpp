#include <imgui.h>
#include <imgui_stdlib.h>

#include "actorgraph/app/display_text.hpp"
#include "actorgraph/app/name_choice.hpp"
#include "actorgraph/query/evidence.hpp"
#include "actorgraph/render/stylesheet.hpp"
#include "gui/panels/panel.hpp"
#include "gui/frame_painter.hpp"

namespace actorgraph::gui {

namespace {

// Checkboxes over names where an empty set means "all" (app/name_choice); returns the new set when one was toggled.
std::optional<std::set<std::string>> name_checkboxes(const char* id, const std::vector<std::string>& names,
                                                    const std::set<std::string>& kept, bool types, const Stylesheet& sheet)
{
    std::optional<std::set<std::string>> changed;
    ImGui::PushID(id);
    float column_x = ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x / 2;
    for (std::size_t i = 0; i < names.size(); ++i) {
        const auto& name = names[i];
        bool on = name_on(kept, name);
        auto colour = types ? parse_color(sheet.type(name).color) : parse_color(sheet.kind(name).border);
        if (i % 2 == 1) ImGui::SameLine(column_x);
        ImGui::PushStyleColor(ImGuiCol_CheckMark, to_imgui(colour));
        auto label = widget_label(display_text_or(name, types ? "(untyped)" : "(no kind)", column_text_limit), std::to_string(i));
        bool last = only_name_on(kept, names, name);
        ImGui::BeginDisabled(last);
        bool toggled = ImGui::Checkbox(label.c_str(), &on);
        ImGui::EndDisabled();
        if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
            if (last) ImGui::SetTooltip("The last one shown: a view of nothing would show nothing");
            else if (name.size() > column_text_limit) ImGui::SetTooltip("%s", display_text(name, long_text_limit).c_str());
        }
        if (toggled) {
            if (auto next = toggle_name(kept, names, name, on)) changed = std::move(next);
        }
        ImGui::PopStyleColor();
    }
    ImGui::PopID();
    return changed;
}

void reset_widgets(const Explorer& explorer, FilterPanelState& state)
{
    auto years = explorer.years_present();
    state.limit_years = false;
    state.year_from = years ? years->first : 2000;
    state.year_to = years ? years->second : 2020;
    state.property_text.clear();
    state.as_of_year = years ? years->first : 2000;
    state.keep_undated = true;
}

// As of a year: what held then (year <= Y, or since <= Y <= until), with Play through the years.
void draw_as_of(Explorer& explorer, FilterPanelState& state, std::pair<int, int> years)
{
    const auto& current = explorer.view().filter;
    if (!ImGui::IsAnyItemActive() && current.as_of) {
        state.as_of_year = *current.as_of;
        state.keep_undated = !current.dated_only;
    }
    bool as_of = current.as_of.has_value();
    if (ImGui::Checkbox("As of a year (what held then)", &as_of)) {
        explorer.stop_playing();
        explorer.set_as_of(as_of ? std::optional(state.as_of_year) : std::nullopt, state.keep_undated);
    }
    if (!as_of) return;
    ImGui::SetNextItemWidth(-1);
    ImGui::SliderInt("##as-of", &state.as_of_year, years.first, years.second, "as of %d");
    if (ImGui::IsItemDeactivatedAfterEdit()) explorer.set_as_of(state.as_of_year, state.keep_undated);
    if (ImGui::Checkbox("Keep relations without a year", &state.keep_undated)) explorer.set_as_of(state.as_of_year, state.keep_undated);
    if (explorer.playing_years()) {
        if (ImGui::Button("Stop")) explorer.stop_playing();
    } else if (ImGui::Button("Play")) {
        explorer.play_years();
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Steps through the years, one a second once each is drawn");
}

void draw_year_range(Explorer& explorer, FilterPanelState& state)
{
    auto years = explorer.years_present();
    if (!years) {
        ImGui::TextDisabled("No relation carries a year.");
        return;
    }
    // The widgets follow the view (a script or Reset may change it) except while being dragged.
    const auto& current = explorer.view().filter;
    if (!ImGui::IsAnyItemActive()) {
        state.limit_years = current.year_from || current.year_to;
        if (current.year_from) state.year_from = *current.year_from;
        if (current.year_to) state.year_to = *current.year_to;
    }
    auto apply = [&] {
        auto filter = explorer.view().filter;
        filter.year_from = state.limit_years ? std::optional(state.year_from) : std::nullopt;
        filter.year_to = state.limit_years ? std::optional(state.year_to) : std::nullopt;
        if (state.limit_years) filter.as_of.reset();  // a range replaces "as of"
        explorer.set_filter(filter);
    };
    if (ImGui::Checkbox("Only years", &state.limit_years)) apply();
    ImGui::BeginDisabled(!state.limit_years);
    ImGui::SetNextItemWidth(-1);
    ImGui::SliderInt("##from", &state.year_from, years->first, years->second, "from %d");
    // Re-lay out once the slider is released, not on every step of a drag.
    if (ImGui::IsItemDeactivatedAfterEdit()) {
        state.year_to = std::max(state.year_to, state.year_from);
        apply();
    }
    ImGui::SetNextItemWidth(-1);
    ImGui::SliderInt("##to", &state.year_to, years->first, years->second, "to %d");
    if (ImGui::IsItemDeactivatedAfterEdit()) {
        state.year_from = std::min(state.year_to, state.year_from);
        apply();
    }
    bool dated_only = explorer.view().filter.dated_only;
    if (ImGui::Checkbox("Drop relations without a year", &dated_only)) {
        auto filter = explorer.view().filter;
        filter.dated_only = dated_only;
        explorer.set_filter(filter);
    }
    ImGui::EndDisabled();
    draw_as_of(explorer, state, *years);
}

// The weakest evidence shown: any, or a grade (a script may set any Admiralty code; it is shown by name).
void draw_min_confidence(Explorer& explorer)
{
    constexpr const char* grades[] = {"any", "low", "medium", "high"};
    const auto& current = explorer.view().filter.min_confidence;
    auto preview = current ? "at least " + confidence_name(*current) : std::string("any");
    ImGui::SetNextItemWidth(-1);
    if (!ImGui::BeginCombo("##min-confidence", preview.c_str())) return;
    for (const char* grade : grades) {
        auto parsed = parse_confidence(grade);
        bool chosen = parsed ? current == parsed : !current;
        if (!ImGui::Selectable(grade, chosen)) continue;
        auto filter = explorer.view().filter;
        filter.min_confidence = parsed;
        explorer.set_filter(filter);
    }
    ImGui::EndCombo();
}

}  // namespace

static void draw_filters_panel(Explorer& explorer, UiState& ui)
{
    auto& state = ui.filters;
    if (ui.filters_for != explorer.graph()) {
        reset_widgets(explorer, state);
        ui.filters_for = explorer.graph();
    }
    if (!explorer.graph()) return;
    ImGui::TextDisabled("Actor kinds");
    if (auto kinds = name_checkboxes("kinds", explorer.kinds_present(), explorer.view().filter.kinds, false, explorer.stylesheet())) {
        auto filter = explorer.view().filter;
        filter.kinds = *kinds;
        explorer.set_filter(filter);
    }
    ImGui::TextDisabled("Relation types");
    if (auto types = name_checkboxes("types", explorer.types_present(), explorer.view().filter.types, true, explorer.stylesheet())) {
        auto filter = explorer.view().filter;
        filter.types = *types;
        explorer.set_filter(filter);
    }
    ImGui::TextDisabled("Years");
    draw_year_range(explorer, state);
    ImGui::TextDisabled("Evidence (confidence) at least");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("low, medium, high or an Admiralty code (scripts); ungraded relations are then hidden");
    draw_min_confidence(explorer);
    ImGui::TextDisabled("Relation property tests, separated by ';'");
    ImGui::SetNextItemWidth(-60);
    bool entered = ImGui::InputTextWithHint("##where", "e.g. amount_usd>=1000000", &state.property_text,
                                            ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    if (ImGui::Button("Apply") || entered) (void)explorer.set_property_filter(state.property_text);
    bool hide_isolated = explorer.view().hide_isolated;
    if (ImGui::Checkbox("Hide actors left without relations", &hide_isolated)) explorer.set_hide_isolated(hide_isolated);
    if (ImGui::Button("Reset filters")) {
        reset_widgets(explorer, state);
        explorer.reset_filters();
    }
}

namespace {

class FiltersPanel final : public Panel {
public:
    [[nodiscard]] const char* title() const override { return "Filters"; }
    [[nodiscard]] bool open_by_default() const override { return true; }
    void draw_content(Explorer& explorer, UiState& state) override { draw_filters_panel(explorer, state); }
};

}  // namespace

std::unique_ptr<Panel> make_filters_panel() { return std::make_unique<FiltersPanel>(); }

}  // namespace actorgraph::gui
