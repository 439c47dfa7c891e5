#include "gui/widget_places.hpp"

#include <imgui.h>

#include <utility>

namespace actorgraph::gui {

namespace {

struct Places {
    std::vector<WidgetPlace> drawing;  ///< noted during the frame being drawn
    std::vector<WidgetPlace> shown;    ///< noted during the last frame
    std::string wanted_label, wanted_kind;
};

// ImGui itself keeps one global context; the places belong to the frames it draws.
Places& places()
{
    static Places instance;
    return instance;
}

}  // namespace

void note_widget(std::string_view label, std::string_view kind)
{
    auto& all = places();
    if (!ImGui::IsItemVisible()) {
        // Scrolled out of its column: bring it in, once played input asks for it.
        if (all.wanted_label == label && (all.wanted_kind.empty() || all.wanted_kind == kind)) ImGui::SetScrollHereY(0.5f);
        return;
    }
    auto min = ImGui::GetItemRectMin();
    auto max = ImGui::GetItemRectMax();
    all.drawing.push_back({std::string(label), std::string(kind), min.x, min.y, max.x, max.y});
}

void begin_widget_frame()
{
    auto& all = places();
    all.shown = std::exchange(all.drawing, {});
}

void want_widget(std::string_view label, std::string_view kind)
{
    places().wanted_label = label;
    places().wanted_kind = kind;
}

std::vector<WidgetPlace> find_widgets(std::string_view label, std::string_view kind)
{
    std::vector<WidgetPlace> found;
    for (const auto& place : places().shown) {
        if (place.label == label && (kind.empty() || place.kind == kind)) found.push_back(place);
    }
    return found;
}

std::vector<std::string> widget_labels()
{
    std::vector<std::string> labels;
    for (const auto& place : places().shown) labels.push_back(place.label + " (" + place.kind + ")");
    return labels;
}

}  // namespace actorgraph::gui
