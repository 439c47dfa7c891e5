#include "gui/actor_picker.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

#include "actorgraph/app/display_text.hpp"

namespace actorgraph::gui {

void ActorPicker::choose(const Explorer& explorer, ActorIndex actor)
{
    chosen_ = actor;
    text_ = explorer.graph() ? display_text(explorer.graph()->actor(actor).display_name()) : std::string{};
    listing_ = false;
    searching_ = false;
    matches_.clear();
}

void ActorPicker::take_matches(const Explorer& explorer)
{
    const auto& found = explorer.search_matches();
    if (!searching_ || found.running || found.text != text_) return;
    searching_ = false;
    matches_ = found.actors;
    highlighted_ = 0;
    listing_ = !matches_.empty();
}

bool ActorPicker::draw(const char* id, const char* hint, Explorer& explorer)
{
    ImGui::PushID(id);
    ImGui::SetNextItemWidth(-1);
    bool entered = ImGui::InputTextWithHint("##text", hint, &text_, ImGuiInputTextFlags_EnterReturnsTrue);
    if (ImGui::IsItemEdited()) {
        chosen_.reset();
        // Searching scans every name: on a big graph it runs in the background, the field stays live.
        explorer.request_search(text_, 8);
        searching_ = true;
    }
    take_matches(explorer);
    if (ImGui::IsItemActive() && !matches_.empty()) {
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow))) highlighted_ = std::min(highlighted_ + 1, static_cast<int>(matches_.size()) - 1);
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow))) highlighted_ = std::max(highlighted_ - 1, 0);
    }
    bool picked = false;
    if (entered && listing_ && !matches_.empty()) {
        choose(explorer, matches_[static_cast<std::size_t>(highlighted_)]);
        picked = true;
    }
    if (listing_ && explorer.graph()) {
        const auto& graph = *explorer.graph();
        for (std::size_t i = 0; i < matches_.size(); ++i) {
            const auto& actor = graph.actor(matches_[i]);
            auto label = widget_label(actor.display_name() + "  (" + actor.kind + ")", std::to_string(matches_[i]));
            if (ImGui::Selectable(label.c_str(), static_cast<int>(i) == highlighted_)) {
                choose(explorer, matches_[i]);
                picked = true;
                break;
            }
        }
    }
    ImGui::PopID();
    return picked;
}

}  // namespace actorgraph::gui
