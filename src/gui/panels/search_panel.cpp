#include <imgui.h>

#include "gui/panels/panels.hpp"

namespace actorgraph::gui {

void draw_search_panel(Explorer& explorer, UiState& state)
{
    if (state.search.draw("search", "label or alias, then Enter", explorer) && state.search.chosen()) {
        explorer.go_to_actor(*state.search.chosen());
    }
}

void draw_open_panel(Explorer& explorer, UiState& state)
{
    if (auto chosen = state.browser.draw(explorer.recent_files())) {
        if (explorer.open(*chosen)) state.browser.show_folder_of(*chosen);
    }
}

}  // namespace actorgraph::gui
