#include <imgui.h>

#include "gui/panels/panel.hpp"

namespace actorgraph::gui {

static void draw_search_panel(Explorer& explorer, UiState& state)
{
    if (state.search.draw("search", "label or alias, then Enter", explorer) && state.search.chosen()) {
        explorer.go_to_actor(*state.search.chosen());
    }
}

namespace {

class SearchPanel final : public Panel {
public:
    [[nodiscard]] const char* title() const override { return "Search"; }
    [[nodiscard]] bool open_by_default() const override { return true; }
    void draw_content(Explorer& explorer, UiState& state) override { draw_search_panel(explorer, state); }
};

}  // namespace

std::unique_ptr<Panel> make_search_panel() { return std::make_unique<SearchPanel>(); }

}  // namespace actorgraph::gui
