#pragma once
// Where the window drew its labelled widgets in the last frame, so that played input (input_script's
// `click-widget`) clicks a widget by its label instead of by pixel: panels move, labels stay. The code
// that draws a widget notes it right after the ImGui call; noted are the panel headers, the menus and
// their items, the edit forms' fields and buttons, the inspector's editing buttons and the buttons of
// the dialogs (docs/explorer.md lists them).
#include <string>
#include <string_view>
#include <vector>

namespace actorgraph::gui {

struct WidgetPlace {
    std::string label;  ///< as the user reads it ("Add actor", "New actor…", a field's name)
    std::string kind;   ///< header, menu, item, node (a tree node), field, button, checkbox
    float left = 0, top = 0, right = 0, bottom = 0;  ///< window pixels
};

/// Notes the widget ImGui submitted last (call right after it) under `label` when the user can see it;
/// scrolls it into view when played input is waiting for it.
void note_widget(std::string_view label, std::string_view kind);
/// note_widget, then `result`: `if (noted(ImGui::Button("Add"), "Add", "button"))` (the argument, so the
/// widget, comes first).
inline bool noted(bool result, std::string_view label, std::string_view kind)
{
    note_widget(label, kind);
    return result;
}
/// Starts a frame: what the last frame noted becomes what find_widgets sees.
void begin_widget_frame();
/// Asks that the widget be scrolled into view the next time it is drawn hidden in its window.
void want_widget(std::string_view label, std::string_view kind);
/// The visible widgets of the last frame with this label and, unless `kind` is empty, this kind.
[[nodiscard]] std::vector<WidgetPlace> find_widgets(std::string_view label, std::string_view kind);
/// The labels of the last frame (for an error that says what could have been meant).
[[nodiscard]] std::vector<std::string> widget_labels();

}  // namespace actorgraph::gui
