#pragma once
// A graph file being edited: the graph, its undo history and its journal kept in step. Every change
// is applied, then journalled and flushed, and only then reported done; save writes the file atomically
// and then empties the journal, so journal and file never disagree.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "actorgraph/edit/history.hpp"
#include "actorgraph/edit/journal.hpp"

namespace actorgraph {

/// What `recover` did.
struct RecoveryReport {
    std::size_t replayed = 0;  ///< steps replayed from the journal
    bool torn = false;         ///< the journal ended in a torn record, which was dropped
    std::string message;       ///< one line for the user: how many, torn or not, or why nothing was replayed
};

class EditSession {
public:
    /// Opens the graph file (a file that does not exist yet starts an empty graph, saved there later).
    /// Throws Error naming the file when it cannot be read.
    explicit EditSession(std::filesystem::path file);
    /// Edits a graph already read from `file`; when `read_at` is its stamp then, refuses (throws Error)
    /// a file that another program has written since, whose content the graph no longer is.
    EditSession(std::filesystem::path file, Graph graph, std::optional<FileStamp> read_at = std::nullopt);

    [[nodiscard]] const Graph& graph() const noexcept { return graph_; }
    [[nodiscard]] const std::filesystem::path& file() const noexcept { return file_; }
    [[nodiscard]] const EditHistory& history() const noexcept { return history_; }
    /// True when there are changes not saved to the file.
    [[nodiscard]] bool dirty() const noexcept { return dirty_; }
    /// Steps in the journal found at opening that were neither recovered nor set aside yet.
    [[nodiscard]] std::size_t unrecovered_steps() const noexcept { return unrecovered_; }

    /// Checks and applies the change and journals it; returns the problems (nothing changed) or, when
    /// done, nothing. Throws Error (nothing changed) when the journal cannot be written or when the
    /// journal found at opening was not recovered.
    [[nodiscard]] std::vector<EditProblem> apply(const Change& change);
    /// Applies the changes as one step (one undo, one journal record: recovery restores all or none of
    /// them); returns the problems (nothing changed) or nothing. Throws Error as apply does.
    [[nodiscard]] std::vector<EditProblem> apply_group(const ChangeGroup& group);
    /// Undoes the last step (journalled); its description, or nullopt when there is nothing to undo.
    std::optional<std::string> undo();
    /// Redoes the last undone step (journalled); its description, or nullopt when there is none.
    std::optional<std::string> redo();
    /// Saves atomically to the file, or to `target` which then becomes the file being edited; then
    /// empties the journal and the history (undo reaches back to the last save). Throws Error, keeping
    /// the journal, the history and the old file, when the save fails, and (saving nothing) when another
    /// program wrote the file since this session read or saved it: its changes would be lost.
    void save(const std::optional<std::filesystem::path>& target = std::nullopt);
    /// Replays the journal left beside the file by a session that ended without saving; a journal
    /// started on another version of the file (saved since) is set aside as FILE.journal.old.
    RecoveryReport recover();

private:
    void require_recovered() const;
    void journal(const JournalEntry& entry);
    void look_for_journal();

    std::filesystem::path file_;
    Graph graph_;
    EditHistory history_;
    std::unique_ptr<Journal> journal_;
    std::size_t unrecovered_ = 0;
    bool dirty_ = false;
    FileStamp stamp_;  ///< the file as this session last read or wrote it
};

}  // namespace actorgraph
