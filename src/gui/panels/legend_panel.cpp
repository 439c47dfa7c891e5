#include <imgui.h>

#include "actorgraph/app/display_text.hpp"
#include "actorgraph/model/schema.hpp"
#include "actorgraph/render/stylesheet.hpp"
#include "gui/panels/panel.hpp"
#include "gui/frame_painter.hpp"

namespace actorgraph::gui {

namespace {

// `filled` is false when the fill stands for something else (communities): the kind shows its outline.
void kind_swatch(const Stylesheet& sheet, std::string_view kind, bool filled = true)
{
    const auto& style = sheet.kind(kind);
    auto* list = ImGui::GetWindowDrawList();
    ImVec2 at = ImGui::GetCursorScreenPos();
    float h = ImGui::GetTextLineHeight();
    ImVec2 end{at.x + 2.2f * h, at.y + h};
    if (filled) list->AddRectFilled(at, end, to_imgui(parse_color(style.fill)), style.shape == "ellipse" ? h / 2 : 3);
    list->AddRect(at, end, to_imgui(parse_color(style.border)), style.shape == "ellipse" ? h / 2 : 3, 0, 1.5f);
    ImGui::Dummy({2.2f * h, h});
    ImGui::SameLine();
    ImGui::Text("%s (%s)", display_text_or(kind, "(no kind)").c_str(), style.shape.c_str());
}

void type_swatch(const Stylesheet& sheet, std::string_view type)
{
    const auto& style = sheet.type(type);
    auto* list = ImGui::GetWindowDrawList();
    ImVec2 at = ImGui::GetCursorScreenPos();
    float h = ImGui::GetTextLineHeight();
    auto colour = to_imgui(parse_color(style.color));
    float y = at.y + h / 2;
    float width = static_cast<float>(style.penwidth) * (style.style == "bold" ? 2.0f : 1.0f);
    float dash = style.style == "dashed" ? 6 : style.style == "dotted" ? 2 : 2.2f * h;
    float gap = style.style == "dotted" ? 3 : 4;
    for (float x = at.x; x < at.x + 2.2f * h; x += dash + gap) {
        list->AddLine({x, y}, {std::min(x + dash, at.x + 2.2f * h), y}, colour, width);
    }
    ImGui::Dummy({2.2f * h, h});
    ImGui::SameLine();
    ImGui::Text("%s (%s, %s)", display_text_or(type, "(untyped)").c_str(), style.style.c_str(), style.arrowhead.c_str());
}

// The communities the actors are filled by: a swatch and its line each; a click goes to the
// community's best connected actor.
void community_swatches(Explorer& explorer, const CommunityColouring& colouring)
{
    ImGui::Separator();
    // The modularity on a line of its own: ImGui may wrap after a '.', which would split the number.
    auto summary = display_text(community_summary(colouring));
    if (auto at = summary.find(", modularity "); at != std::string::npos) summary.replace(at, 2, "\n");
    ImGui::TextWrapped("%s", summary.c_str());
    auto key = community_key(*explorer.graph(), colouring);
    float h = ImGui::GetTextLineHeight();
    for (std::size_t i = 0; i < key.size(); ++i) {
        const auto& swatch = key[i];
        ImVec2 at = ImGui::GetCursorScreenPos();
        auto* list = ImGui::GetWindowDrawList();
        list->AddRectFilled(at, {at.x + 2.2f * h, at.y + h}, to_imgui(parse_color(swatch.colour)), h / 2);
        list->AddRect(at, {at.x + 2.2f * h, at.y + h}, IM_COL32(102, 102, 102, 255), h / 2);
        ImGui::Dummy({2.2f * h, h});
        ImGui::SameLine();
        bool coloured_row = i < colouring.coloured();
        if (ImGui::Selectable(widget_label(display_text(swatch.text), "community" + std::to_string(i)).c_str()) && coloured_row) {
            explorer.go_to_actor(colouring.rows[i].representative);
        }
        if (coloured_row && ImGui::IsItemHovered()) ImGui::SetTooltip("community %zu: go to its best connected actor", i + 1);
    }
}

}  // namespace

static void draw_legend_panel(Explorer& explorer)
{
    const auto* communities = explorer.communities();
    if (!explorer.graph()) {
        for (auto kind : schema::kinds) kind_swatch(explorer.stylesheet(), kind);
        for (auto type : schema::relation_types) type_swatch(explorer.stylesheet(), type);
    } else {
        for (const auto& kind : explorer.kinds_present()) kind_swatch(explorer.stylesheet(), kind, communities == nullptr);
        for (const auto& type : explorer.types_present()) type_swatch(explorer.stylesheet(), type);
    }
    auto highlight = to_imgui(parse_color(explorer.stylesheet().highlight_color));
    ImGui::PushStyleColor(ImGuiCol_Text, highlight);
    ImGui::TextUnformatted("\u2014\u2014 highlighted path");
    ImGui::PopStyleColor();
    if (communities && explorer.graph()) community_swatches(explorer, *communities);
}

namespace {

class LegendPanel final : public Panel {
public:
    [[nodiscard]] const char* title() const override { return "Legend"; }
    [[nodiscard]] bool open_by_default() const override { return true; }
    void draw_content(Explorer& explorer, UiState& state) override { (void)state; draw_legend_panel(explorer); }
};

}  // namespace

std::unique_ptr<Panel> make_legend_panel() { return std::make_unique<LegendPanel>(); }

}  // namespace actorgraph::gui
