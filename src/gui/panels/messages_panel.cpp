#include <imgui.h>

#include "actorgraph/app/display_text.hpp"
#include "gui/panels/panel.hpp"

namespace actorgraph::gui {

static void draw_messages_panel(const Explorer& explorer)
{
    const auto& messages = explorer.messages();
    auto first = messages.size() > 12 ? messages.size() - 12 : 0;
    for (auto i = messages.size(); i-- > first;) {
        const auto& message = messages[i];
        if (message.level == ExplorerMessage::Level::error) error_text(message.text);
        else ImGui::TextWrapped("%s", display_text(message.text, long_text_limit).c_str());
    }
}

namespace {

class MessagesPanel final : public Panel {
public:
    [[nodiscard]] const char* title() const override { return "Messages"; }
    [[nodiscard]] bool open_by_default() const override { return true; }
    void draw_content(Explorer& explorer, UiState& state) override { (void)state; draw_messages_panel(explorer); }
};

}  // namespace

std::unique_ptr<Panel> make_messages_panel() { return std::make_unique<MessagesPanel>(); }

}  // namespace actorgraph::gui
