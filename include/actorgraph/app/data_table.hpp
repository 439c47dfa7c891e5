#pragma once
// The data table (Gephi's Data Laboratory) without any GUI code: the actors or relations the view's
// filters keep (drawn or not), one row each, with a column per field and per property; a filter text keeps the rows where
// any cell contains it; a click on a column header sorts by it (numbers as numbers). A cell edit is
// one SetProperty change through Explorer::apply_edit.
#include <atomic>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "actorgraph/app/explorer.hpp"

namespace actorgraph {

enum class TableKind { actors, relations };

/// Lets a table built on another thread report how far it got and stop early: the counters are read by
/// the window while the thread writes them. A stopped build leaves the table incomplete (the caller drops it).
struct TableProgress {
    std::atomic<bool> stop{false};
    std::atomic<std::size_t> done{0};  ///< rows read, filtered or keyed so far (each pass counts its rows)
    [[nodiscard]] bool stopped() const noexcept { return stop.load(std::memory_order_relaxed); }
};

class DataTable {
public:
    explicit DataTable(TableKind kind) : kind_(kind) {}

    /// Reads the rows again from the graph and the set the filters keep (Explorer::composed().kept(): on a big
    /// graph more than the overview draws), then filters and sorts them as before. `progress` (may be null)
    /// counts the work and can stop it.
    void rebuild(const Graph& graph, const Selection& kept, TableProgress* progress = nullptr);
    /// Keeps the rows where any cell contains the text (case-insensitive); empty keeps all.
    void set_filter(const Graph& graph, std::string text, TableProgress* progress = nullptr);
    /// Sorts by a column, ascending or not; numbers compare as numbers, ties keep the file's order.
    void sort_by(const Graph& graph, std::size_t column, bool ascending, TableProgress* progress = nullptr);
    /// Sets the filter text and the sort the next rebuild() or refresh() follows, doing no work yet (a build on
    /// another thread sets them first so it filters and sorts once).
    void follow(std::string filter, std::optional<std::pair<std::size_t, bool>> sort);
    /// Filters and sorts the rows already read again (after follow()).
    void refresh(const Graph& graph, TableProgress* progress = nullptr);
    /// The filter text (folded) and the sort (column, ascending) the rows follow.
    [[nodiscard]] const std::string& filter() const noexcept { return filter_; }
    [[nodiscard]] std::optional<std::pair<std::size_t, bool>> sorting() const noexcept { return sort_; }

    [[nodiscard]] TableKind kind() const noexcept { return kind_; }
    /// Column names: for actors id, label, kind, aliases, then each property; for relations
    /// relation (r0…), from, to, type, then each property. The properties of the rows shown, sorted.
    [[nodiscard]] const std::vector<std::string>& columns() const noexcept { return columns_; }
    /// The actor or relation index of each row, filtered and sorted.
    [[nodiscard]] const std::vector<std::uint32_t>& rows() const noexcept { return rows_; }
    /// How many the filters keep before the filter text.
    [[nodiscard]] std::size_t shown_count() const noexcept { return all_.size(); }
    /// The text of a cell.
    [[nodiscard]] std::string cell(const Graph& graph, std::uint32_t item, std::size_t column) const;
    /// Whether a column can be edited in place (not a relation's number or ends).
    [[nodiscard]] bool editable(std::size_t column) const;
    /// The change that sets a cell to a value (an empty value removes a property); nullopt for a column
    /// that cannot be edited.
    [[nodiscard]] std::optional<Change> edit(const Graph& graph, std::uint32_t item, std::size_t column, std::string value) const;
    /// The actor to select and centre for a row (a relation's source).
    [[nodiscard]] ActorIndex actor_of(const Graph& graph, std::uint32_t item) const;

private:
    void apply_filter(const Graph& graph, TableProgress* progress);
    void apply_sort(const Graph& graph, TableProgress* progress);
    static constexpr std::size_t fixed_columns = 4;  ///< the fields before the property columns

    TableKind kind_;
    std::vector<std::string> columns_;
    std::vector<std::uint32_t> all_;   ///< what the view shows, in file order
    std::vector<std::uint32_t> rows_;
    std::string filter_;
    std::optional<std::pair<std::size_t, bool>> sort_;  ///< column and ascending
};

}  // namespace actorgraph
