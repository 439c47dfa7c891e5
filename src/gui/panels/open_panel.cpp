#include <imgui.h>

#include "gui/panels/panel.hpp"

namespace actorgraph::gui {

static void draw_open_panel(Explorer& explorer, UiState& state)
{
    if (auto chosen = state.browser.draw(explorer.recent_files())) {
        auto path = *chosen;
        state.saving.unsaved.request(explorer, "opening " + path.filename().string(), [&state, path](Explorer& target) {
            if (target.open(path)) state.browser.show_folder_of(path);
        });
    }
}

namespace {

class OpenPanel final : public Panel {
public:
    [[nodiscard]] const char* title() const override { return "Open"; }
    [[nodiscard]] bool open_by_default() const override { return false; }
    void draw_content(Explorer& explorer, UiState& state) override { draw_open_panel(explorer, state); }
};

}  // namespace

std::unique_ptr<Panel> make_open_panel() { return std::make_unique<OpenPanel>(); }

}  // namespace actorgraph::gui
