#pragma once
// Widgets of the editing forms: a text field with its problem under it, the inspector's property
// editor, and the delete and merge confirmations. What they change goes through src/app's forms.
#include <string>
#include <string_view>

#include "actorgraph/app/edit_forms.hpp"
#include "gui/ui_state.hpp"

namespace actorgraph::gui {

/// A labelled text field; the field's problem from the last submit shows in red under it. True on Enter.
bool form_field(const char* label, const char* hint, std::string& text, const FieldProblems& problems,
                std::string_view field);
/// Free property rows (name, value, remove) and an "add property" button.
void property_rows(std::vector<PropertyRow>& rows);
/// Every problem not shown next to a field.
void other_problems(const FieldProblems& problems, std::vector<std::string_view> fields);
/// The inspector's edit section for the selected actor (or a relation chosen there): each property
/// editable in place (Enter sets it), removable, a new one, and Delete / Merge.
void draw_property_editor(Explorer& explorer, UiState& state, ActorIndex selected);
/// The delete-actor and merge confirmations, as modals.
void draw_edit_dialogs(Explorer& explorer, UiState& state);

}  // namespace actorgraph::gui
