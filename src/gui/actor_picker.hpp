#pragma once
// A type-ahead text field over actor labels and aliases (Search panel, path ends).
#include <optional>
#include <string>

#include "actorgraph/app/explorer.hpp"

namespace actorgraph::gui {

class ActorPicker {
public:
    /// Draws the field and, while typing, the best matches below it; true when an actor was picked
    /// (a click on a match, or Enter for the highlighted one).
    bool draw(const char* id, const char* hint, Explorer& explorer);
    /// Shows an actor's name in the field as the choice.
    void choose(const Explorer& explorer, ActorIndex actor);
    [[nodiscard]] const std::optional<ActorIndex>& chosen() const noexcept { return chosen_; }

private:
    /// Shows the explorer's matches once its search for this field's text is done.
    void take_matches(const Explorer& explorer);

    std::string text_;
    std::optional<ActorIndex> chosen_;
    std::vector<ActorIndex> matches_;
    int highlighted_ = 0;
    bool listing_ = false;
    bool searching_ = false;  ///< this field asked for matches that have not arrived
};

}  // namespace actorgraph::gui
