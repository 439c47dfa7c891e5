#pragma once
// The explorer's Cypher console without any GUI code: the query history kept in the user's config folder,
// the last answer as a table of display text (nodes and relationships by their labels), the last error with
// the query line and a caret under its column, and the sort order of the table. Explorer::run_query fills it.
#include <atomic>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "actorgraph/cypher/engine.hpp"
#include "actorgraph/edit/change.hpp"
#include "actorgraph/query/selection.hpp"

namespace actorgraph {

/// One cell of a result table.
struct QueryCell {
    std::string text;              ///< as shown: China (state), Rio Tinto -investment-> Mongolia, 42, 'text'
    std::optional<double> number;  ///< numbers sort by value
    std::vector<std::string> actors;  ///< ids of the actors the cell names (a node, a relationship's ends, a path's nodes)
};

/// A statement's answer, ready to draw.
struct QueryTable {
    std::vector<std::string> columns;
    std::vector<std::vector<QueryCell>> rows;  ///< at most QueryConsole::max_rows_shown
    std::size_t total_rows = 0;                ///< rows the statement returned
    std::string summary;                       ///< "3 rows in 0.02 s", "1 node created, 2 properties set"
};

/// A statement that failed, as the console shows it.
struct QueryFailure {
    std::string message;    ///< "SyntaxError (UnexpectedSyntax): expected ')'" or a refused write's reason
    int line = 0;           ///< 1-based; 0 when the error has no position
    int column = 0;
    std::string line_text;  ///< the query line the error points at
    std::string caret;      ///< spaces (tabs kept) and '^' under the column
    std::size_t caret_offset = 0;  ///< bytes of line_text before the column (where a proportional font puts the caret)
};

/// A relationship an answer named, as it is found again in the graph a write made (the edit history applies
/// the statement's changes to the explorer's graph, so numbers usually agree; ends and type make sure).
struct FoundRelation {
    RelationIndex index = 0;  ///< in the graph the statement ran on
    std::string source;       ///< the ends' ids
    std::string target;
    std::string type;
};

/// The relationship in `graph` that `found` names: the one at its number when ends and type agree, else the
/// first from its source to its target of its type; nullopt when there is none.
[[nodiscard]] std::optional<RelationIndex> find_relation_again(const Graph& graph, const FoundRelation& found);

/// What a statement run in the background found, before the explorer takes it in.
struct QueryOutcome {
    QueryTable table;
    std::optional<QueryFailure> failure;
    std::optional<ChangeGroup> writes;  ///< what a write statement changed (not applied to the explorer's graph yet)
    Selection found;                    ///< the nodes and relationships the rows hold, in the graph the query ran on
    std::vector<std::string> found_ids; ///< the same nodes by id (found again after a write)
    std::vector<FoundRelation> found_relations;  ///< the relationships, to find again after a write
    const Graph* answered_from = nullptr;  ///< the graph the statement ran on: the one given for a read, a copy for a write
};

/// The console's engine session for one graph snapshot, kept from statement to statement: the label and type
/// indexes and number columns one statement builds serve the next (a second scan of a 1M-actor graph reads its
/// number column instead of parsing 4M texts again). One statement at a time uses it.
class ConsoleSession {
public:
    explicit ConsoleSession(std::shared_ptr<const Graph> graph);
    ConsoleSession(const ConsoleSession&) = delete;
    ConsoleSession& operator=(const ConsoleSession&) = delete;
    ~ConsoleSession();
    [[nodiscard]] const Graph* graph() const noexcept { return graph_.get(); }
    /// The reads this session answered (a write runs on a copy, with a session of its own).
    [[nodiscard]] std::size_t statements_run() const noexcept { return statements_run_.load(); }

private:
    friend QueryOutcome run_console_query(ConsoleSession& console, std::string_view text, const std::atomic<bool>* cancel);
    std::shared_ptr<const Graph> graph_;
    cypher::Session session_;  ///< over *graph_ (declared after it, so made after it)
    std::mutex in_use_;
    std::atomic<std::size_t> statements_run_{0};
};

/// Runs one statement and turns the answer into display text. A read runs on the session's graph itself, which
/// other threads may read meanwhile; a write on a copy (the engine writes in place; the explorer's graph only
/// changes through its edit history). Never throws: failures are values.
[[nodiscard]] QueryOutcome run_console_query(ConsoleSession& console, std::string_view text, const std::atomic<bool>* cancel);
/// The same with a session for this statement only.
[[nodiscard]] QueryOutcome run_console_query(const Graph& graph, std::string_view text, const std::atomic<bool>* cancel);

/// A float as the console shows it: plain digits grouped by thousands and always a point below 10^15
/// (11,400,000,000.0, 0.25), the exponent beyond or below 10^-4 (1.5e+20, 2e-07); NaN, Infinity, -Infinity.
/// The shortest digits that read back as the same number. (The CLI's table and JSON keep Cypher's own form.)
[[nodiscard]] std::string display_float(double value);

/// "Cypher: CREATE (e:company {id: 'x'})…": the first line of the statement, shortened, for Undo menus.
[[nodiscard]] std::string cypher_step_name(std::string_view text);

/// The failure of a statement: class, detail and message, the line it points at and a caret under the column.
[[nodiscard]] QueryFailure query_failure(const cypher::Error& error, std::string_view text);

/// The queries run before, newest last, kept in a file (a JSON array of strings) across runs.
class QueryHistory {
public:
    /// Reads the history from the file; a missing or unreadable file starts it empty.
    explicit QueryHistory(std::filesystem::path storage, std::size_t capacity = 200);
    /// Adds a query (the same text as the newest is not added twice) and writes the file; failures to write are
    /// ignored (the history is a convenience, never a reason to refuse a query).
    void add(std::string_view text);
    [[nodiscard]] const std::vector<std::string>& entries() const noexcept { return entries_; }
    /// The query before / after the one the cursor is on (Up / Down in the editor); nullopt at either end.
    /// Adding a query puts the cursor past the newest again. Going back skips entries equal to `current`
    /// (the text in the editor), so the first Up after running a statement brings the one before it.
    [[nodiscard]] std::optional<std::string> older(std::string_view current = {});
    [[nodiscard]] std::optional<std::string> newer();

private:
    void save() const;
    std::filesystem::path storage_;
    std::size_t capacity_;
    std::vector<std::string> entries_;
    std::size_t cursor_ = 0;  ///< entries_.size() = past the newest
};

/// The console's state: history, the last answer or failure, the table's order.
struct QueryConsole {
    static constexpr std::size_t max_rows_shown = 1000;
    explicit QueryConsole(std::filesystem::path history_file) : history(std::move(history_file)) {}

    QueryHistory history;
    std::string last_text;                 ///< the statement the table or failure belongs to
    std::optional<QueryTable> table;
    std::optional<QueryFailure> failure;
    bool running = false;
    double seconds = 0;                    ///< of the statement running, or of the last one
    std::size_t generation = 0;            ///< counts finished statements (lets the panel notice a new one)
};

/// Sorts the rows by a column: numbers by value before text, text in byte order; stable.
void sort_query_rows(QueryTable& table, std::size_t column, bool descending);

}  // namespace actorgraph
