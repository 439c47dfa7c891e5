#pragma once
// The answer of the query console as a sortable table in a strip under the map, the width of the canvas
// (in the side column a three-column answer showed two and scrolled sideways). A click on a row selects and
// centres its actors. The strip shows while the console holds an answer with columns, until hidden; the
// next answer shows it again.
#include "actorgraph/app/explorer.hpp"
#include "gui/ui_state.hpp"

namespace actorgraph::gui {

/// True when the console's last answer has a table and the user has not hidden it.
[[nodiscard]] bool answer_strip_shown(const Explorer& explorer, const QueryPanelState& state);

/// The strip's height in a body of `body_height` pixels: a third of it, at least a few rows' worth.
[[nodiscard]] float answer_strip_height(float body_height);

/// Draws the strip's content (a heading line, then the table filling the rest) in the current window.
void draw_answer_strip(Explorer& explorer, QueryPanelState& state);

}  // namespace actorgraph::gui
