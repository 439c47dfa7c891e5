#pragma once
// The window's Edit menu and its saving dialogs: Save As (a path, with the format its name says) and
// the Save / Discard / Cancel question asked before unsaved changes would be dropped. What they
// decide lives in app/unsaved_changes.hpp; these only draw and forward the answers.
#include <string>

#include "actorgraph/app/explorer.hpp"
#include "actorgraph/app/unsaved_changes.hpp"

namespace actorgraph::gui {

/// What the saving dialogs remember between frames.
struct SavingState {
    UnsavedChangesGuard unsaved;
    bool open_save_as = false;  ///< File > Save As or Ctrl+Shift+S asked for the dialog this frame
    std::string save_as_path;   ///< as typed
};

/// What the Edit menu asked for beyond undo and redo.
enum class EditMenuChoice { none, new_actor, new_relation };
/// The Edit menu: Undo <step>, Redo <step> (greyed when there is none), New actor, New relation.
EditMenuChoice draw_edit_menu(Explorer& explorer);
/// Saves the open file in place, or opens Save As when it cannot be saved there (Ctrl+S).
void save_or_ask(Explorer& explorer, SavingState& saving);
/// Undo, redo and save keys; call once per frame outside text fields.
void handle_editing_shortcuts(Explorer& explorer, SavingState& saving);
/// Draws the Save As and unsaved-changes modals when they are open.
void draw_saving_dialogs(Explorer& explorer, SavingState& saving);

}  // namespace actorgraph::gui
