#pragma once
// The explorer's keyboard and mouse shortcuts: what the canvas and menus answer to, and what
// Help > Keyboard shortcuts lists (one list, so the help cannot drift from the keys).
#include <string_view>

namespace actorgraph {

struct Shortcut {
    std::string_view keys;
    std::string_view action;
};

inline constexpr Shortcut explorer_shortcuts[] = {
    {"F", "fit the whole picture into the window"},
    {"+ / -", "zoom in / out around the window's centre"},
    {"mouse wheel", "zoom around the pointer"},
    {"drag", "pan"},
    {"click", "select the actor under the pointer (empty space clears)"},
    {"Shift-click, Ctrl-click", "add an actor to the selection, or take it out"},
    {"Shift-drag actor to actor", "a new relation between them (the New relation form, filled in)"},
    {"Alt-drag an actor", "move it and pin it there (undoable; layouts keep it there)"},
    {"Esc", "clear the selection and the hover"},
    {"Ctrl+O", "show the Open panel"},
    {"Ctrl+Z", "undo the last edit (Edit menu names it)"},
    {"Ctrl+Shift+Z, Ctrl+Y", "redo the last undone edit"},
    {"Ctrl+S", "save the open file (File > Save as when it cannot be saved in place)"},
    {"Ctrl+Shift+S", "save as another file: .gv, .graphml, .gexf or a folder for CSV"},
    {"Ctrl+Q", "quit"},
};

}  // namespace actorgraph
