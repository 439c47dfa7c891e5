#pragma once
// The data table panel's state without any GUI code: the actors and relations tables, built on a thread
// so the window keeps drawing on a big graph (reading, filtering and sorting a million relations takes
// seconds). The tables shown stay the previous ones until a build finishes; a new graph (an edit, a
// load) or a new view starts a build again, a new filter text or sort refilters the rows already read.
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "actorgraph/app/background_task.hpp"
#include "actorgraph/app/data_table.hpp"

namespace actorgraph {

class DataTableModel {
public:
    DataTableModel();
    ~DataTableModel();
    DataTableModel(const DataTableModel&) = delete;
    DataTableModel& operator=(const DataTableModel&) = delete;

    /// Call once per frame: collects a finished build, and starts one when the explorer's graph or view
    /// changed since the tables were built (not while the explorer prepares a new one).
    void update(const Explorer& explorer);
    /// Keeps the rows where any cell contains the text; refilters in the background.
    void set_filter(std::string text);
    /// Sorts a table by a column; resorts in the background.
    void sort_by(TableKind kind, std::size_t column, bool ascending);
    /// Stops the build running; the tables shown stay as they are until the next change.
    void cancel();
    /// After cancel(): builds again on the next update, without waiting for a change.
    void build_again()
    {
        cancelled_ = false;
        settings_changed_ = true;  // the filter or sort the cancelled build was applying is applied again
    }

    [[nodiscard]] const std::string& filter() const noexcept { return filter_; }
    [[nodiscard]] const DataTable& table(TableKind kind) const noexcept;
    /// The graph the tables were read from (cells are read from it), or nullptr before the first build.
    [[nodiscard]] const Graph* graph() const noexcept { return built_graph_.get(); }
    /// True when the tables were built from the explorer's current graph and view: a click or an edit on a
    /// row then means what it shows.
    [[nodiscard]] bool current(const Explorer& explorer) const noexcept;
    [[nodiscard]] bool building() const noexcept { return job_ != nullptr; }
    [[nodiscard]] bool cancelled() const noexcept { return cancelled_; }
    /// How far the running build got, 0..1.
    [[nodiscard]] double progress() const noexcept;
    /// One line for the panel: "building the table… 42%", "cancelled: …", or empty when the tables are current.
    [[nodiscard]] std::string status() const;
    /// Tests: updates until no build runs or the timeout passes; true when none runs.
    bool wait_until_built(const Explorer& explorer, std::chrono::milliseconds timeout);

private:
    struct Tables {
        DataTable actors{TableKind::actors};
        DataTable relations{TableKind::relations};
    };
    using Key = std::pair<std::size_t, std::size_t>;  ///< graph and composed generations

    void start(const Explorer& explorer, Key key, bool refilter);
    void collect();
    void stop_job();

    Tables tables_;
    std::shared_ptr<const Graph> built_graph_;
    Key built_for_{0, 0};
    bool built_ = false;
    std::string filter_;
    std::optional<std::pair<std::size_t, bool>> actor_sort_, relation_sort_;

    std::unique_ptr<BackgroundTask<Tables>> job_;
    std::shared_ptr<TableProgress> job_progress_;
    std::size_t job_rows_ = 0;  ///< rows the passes of the running build go through, for progress()
    std::shared_ptr<const Graph> job_graph_;
    Key job_for_{0, 0};
    bool settings_changed_ = false;  ///< a filter or sort not yet handed to a build
    bool cancelled_ = false;
    Key cancelled_for_{0, 0};
    std::vector<std::unique_ptr<BackgroundWork>> retired_;  ///< stopped builds whose threads are ending
};

}  // namespace actorgraph
