#pragma once
// Unsaved changes in the window: the dirty marker of the title and status bar, what a Save As path
// will write, and the question asked before opening another file or closing the window with changes
// not saved (Save / Discard / Cancel). The window draws the question as a modal; tests answer it here.
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "actorgraph/app/explorer.hpp"

namespace actorgraph {

/// "nato_mongolia.gv* — actorgraph explorer" ("*" when dirty), or "actorgraph explorer" with no file.
[[nodiscard]] std::string window_title(const Explorer& explorer);

/// What a Save As path would write: "DOT", "GraphML", "GEXF", "a Neo4j CSV folder", or an error
/// message saying which names are understood.
struct SaveTarget {
    std::optional<std::filesystem::path> path;  ///< set when the name says a format
    std::string description;                    ///< the format in words, or what is wrong
};
[[nodiscard]] SaveTarget save_target(std::string_view typed_path);

/// Whether File > Save can write the open file where it is: false for tables shown through the import
/// dialog (a CSV file is not a graph file) and before any file is open; Save As is needed then.
[[nodiscard]] bool saves_in_place(const Explorer& explorer);

/// The question asked before unsaved changes would be dropped.
class UnsavedChangesGuard {
public:
    enum class Answer { save, discard, cancel };
    using Action = std::function<void(Explorer&)>;

    /// Runs `action` at once when nothing is unsaved; otherwise holds it and asks. `what` finishes the
    /// question: "opening other.gv", "closing the window".
    void request(Explorer& explorer, std::string what, Action action);
    /// Closing the window: true when it may close now; otherwise asks, and close_approved() turns true
    /// once the answer is Save (and the save worked) or Discard.
    bool request_close(Explorer& explorer);
    [[nodiscard]] bool pending() const noexcept { return action_ != nullptr; }
    /// "nato_mongolia.gv has unsaved changes (3 steps). Save them before opening other.gv?"
    [[nodiscard]] std::string question(const Explorer& explorer) const;
    /// Why the last Save answer failed (the question stays open), or empty.
    [[nodiscard]] const std::string& save_error() const noexcept { return save_error_; }
    /// Save: saves, then runs the held action (a failed save keeps the question open and says why).
    /// Discard: forgets the changes and their journal, then runs it. Cancel: drops it.
    void answer(Explorer& explorer, Answer answer);
    [[nodiscard]] bool close_approved() const noexcept { return close_approved_; }

private:
    Action action_;
    std::string what_;
    std::string save_error_;
    bool close_approved_ = false;
};

}  // namespace actorgraph
