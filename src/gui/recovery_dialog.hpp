#pragma once
// The question asked when a file opens whose journal holds changes that were never saved: Restore /
// Discard… / Decide later, and the confirmation of Discard. What it decides lives in the app model
// (Explorer::recovery_offer, answer_recovery); this only draws and forwards the answers.
#include "actorgraph/app/explorer.hpp"

namespace actorgraph::gui {

/// Draws the recovery question as a modal while the explorer asks it.
void draw_recovery_question(Explorer& explorer);

}  // namespace actorgraph::gui
