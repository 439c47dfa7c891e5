#include "actorgraph/app/data_table_model.hpp"

#include <algorithm>
#include <thread>

namespace actorgraph {

DataTableModel::DataTableModel() = default;

// The threads stop at their next check of the flag; the tasks' destructors join them.
DataTableModel::~DataTableModel() { stop_job(); }

const DataTable& DataTableModel::table(TableKind kind) const noexcept
{
    return kind == TableKind::actors ? tables_.actors : tables_.relations;
}

bool DataTableModel::current(const Explorer& explorer) const noexcept
{
    return built_ && explorer.graph() == built_graph_.get() && !explorer.preparing() &&
           built_for_ == Key{explorer.graph_generation(), explorer.composed_generation()};
}

void DataTableModel::set_filter(std::string text)
{
    if (text == filter_) return;
    filter_ = std::move(text);
    settings_changed_ = true;
}

void DataTableModel::sort_by(TableKind kind, std::size_t column, bool ascending)
{
    auto& sort = kind == TableKind::actors ? actor_sort_ : relation_sort_;
    if (sort == std::pair{column, ascending}) return;
    sort = std::pair{column, ascending};
    settings_changed_ = true;
}

void DataTableModel::cancel()
{
    if (!job_) return;
    cancelled_ = true;
    cancelled_for_ = job_for_;
    stop_job();
}

void DataTableModel::update(const Explorer& explorer)
{
    std::erase_if(retired_, [](const auto& job) { return job->finished(); });
    if (job_ && job_->finished()) collect();
    Key key{explorer.graph_generation(), explorer.composed_generation()};
    // An edit or a new view makes a running build useless at once, even before the new view is ready.
    if (job_ && (job_for_ != key || settings_changed_)) stop_job();
    // While a new graph or view is prepared the explorer's indices are about to change.
    if (job_ || explorer.preparing() || !explorer.graph()) return;
    bool stale = !built_ || built_for_ != key || built_graph_.get() != explorer.graph();
    if (!stale && !settings_changed_) return;
    // A cancelled build waits for the next change before it runs again.
    if (cancelled_ && cancelled_for_ == key && !settings_changed_) return;
    start(explorer, key, !stale);
}

void DataTableModel::start(const Explorer& explorer, Key key, bool refilter)
{
    settings_changed_ = false;
    cancelled_ = false;
    job_for_ = key;
    job_graph_ = explorer.shared_graph();
    job_progress_ = std::make_shared<TableProgress>();
    // Only what is needed goes to the thread: copies of the rows read (a refilter) or of the set the filters keep.
    std::optional<Tables> base;
    Selection kept;
    if (refilter) base = tables_;
    else kept = explorer.composed().kept();
    // Passes over the rows: reading (a build), filtering, keying a sort.
    std::size_t rows = refilter ? tables_.actors.shown_count() + tables_.relations.shown_count() : kept.actors.size() + kept.relations.size();
    job_rows_ = rows * ((refilter ? 1 : 2) + (actor_sort_ || relation_sort_ ? 1 : 0));
    auto work = [graph = job_graph_, progress = job_progress_, base = std::move(base), kept = std::move(kept),
                 filter = filter_, actor_sort = actor_sort_, relation_sort = relation_sort_]() {
        Tables tables = base ? *base : Tables{};
        tables.actors.follow(filter, actor_sort);
        tables.relations.follow(filter, relation_sort);
        for (auto* table : {&tables.actors, &tables.relations}) {
            if (base) table->refresh(*graph, progress.get());
            else table->rebuild(*graph, kept, progress.get());
        }
        return tables;
    };
    job_ = std::make_unique<BackgroundTask<Tables>>(std::move(work));
}

void DataTableModel::collect()
{
    auto outcome = job_->take_outcome();
    // A failed build (out of memory) keeps the tables shown; the next change tries again.
    if (outcome.value && !job_progress_->stopped()) {
        tables_ = std::move(*outcome.value);
        built_graph_ = std::move(job_graph_);
        built_for_ = job_for_;
        built_ = true;
    }
    job_.reset();
    job_graph_.reset();
}

void DataTableModel::stop_job()
{
    if (!job_) return;
    job_progress_->stop.store(true);
    retired_.push_back(std::move(job_));
    job_graph_.reset();
}

double DataTableModel::progress() const noexcept
{
    if (!job_ || job_rows_ == 0) return 0;
    return std::min(1.0, static_cast<double>(job_progress_->done.load()) / static_cast<double>(job_rows_));
}

std::string DataTableModel::status() const
{
    if (job_) {
        auto percent = static_cast<int>(progress() * 100);
        return std::string(built_ ? "updating" : "building") + " the table\u2026 " + std::to_string(percent) + "%" +
               (built_ ? " (previous rows shown)" : "");
    }
    if (cancelled_) return built_ ? "cancelled: the rows shown are the previous ones" : "cancelled: no rows read";
    return {};
}

bool DataTableModel::wait_until_built(const Explorer& explorer, std::chrono::milliseconds timeout)
{
    auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        update(explorer);
        if (!job_) return true;
        if (std::chrono::steady_clock::now() >= deadline) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
}

}  // namespace actorgraph
