#include "io/neo4j_relationships.hpp"

#include <atomic>
#include <optional>
#include <thread>
#include <vector>

#include "io/neo4j_table.hpp"

// A big file is read in two halves at once, the second half by a second thread from the first line feed
// after the middle. Only the first half's reader knows whether that is where a record starts (a quoted
// cell may hold line feeds), so the second half is kept aside and used only when the first half's
// reader stops exactly there, the second half read to its end without an error, and both halves
// together stay within limits.max_cells. Otherwise the first half's reader simply reads on, and every
// result, error and message is what reading the file in one pass gives.

namespace actorgraph::neo4j {

namespace {

using csv::CsvParser;
using csv::Record;

// A relation read but not yet added: endpoints are looked up a batch at a time (Graph::find_by_ids).
struct PendingRelation {
    Relation relation;
    std::string start, end;  // copies: an escaped cell's text lives in the reused record
};

// Reads relationship records into relations of a graph whose actors are all read; only reads the graph,
// so two readers can run on two threads while one of them adds to it.
class RelationReader {
public:
    RelationReader(const Graph& graph, const Table& table, const FileName& file, const std::string& nodes_name,
                   PropertyArena& arena)
        : graph_(graph), table_(table), file_(file), nodes_name_(nodes_name), properties_(table, &arena)
    {
    }

    // Reads until the parser stops. `add(Relation&&)` gets each relation whose endpoints are actors and
    // `warn(Diagnostic&&)` each one skipped, in file order; `keep_going()` is asked after every batch.
    template <typename Add, typename Warn, typename KeepGoing>
    void read(CsvParser& parser, Add add, Warn warn, KeepGoing keep_going)
    {
        Record record;
        while (parser.next(record)) {
            require_width(record, table_, file_);
            batch_.push_back(pending(record));
            if (batch_.size() < batch_size) continue;
            flush(add, warn);
            if (!keep_going()) return;
        }
        flush(add, warn);
    }

private:
    static constexpr std::size_t batch_size = 256;

    PendingRelation pending(const Record& record)
    {
        PendingRelation pending;
        auto& relation = pending.relation;
        relation.where = {file_, record.line};
        for (std::size_t i = 0; i < record.cells.size(); ++i) {
            const auto& cell = record.cells[i];
            switch (table_.roles[i]) {
                case Role::start: pending.start = cell.text(); break;
                case Role::end: pending.end = cell.text(); break;
                case Role::type: relation.type = normalize_relation_type(cell.text()); break;
                default: break;
            }
        }
        relation.properties = properties_.read(record);
        return pending;
    }

    template <typename Add, typename Warn>
    void flush(Add& add, Warn& warn)
    {
        ids_.clear();
        for (const auto& pending : batch_) {
            ids_.push_back(pending.start);
            ids_.push_back(pending.end);
        }
        auto found = graph_.find_by_ids(ids_);
        for (std::size_t i = 0; i < batch_.size(); ++i) {
            auto& [relation, from, to] = batch_[i];
            auto source = found[2 * i], target = found[2 * i + 1];
            if (source && target) {
                relation.source = *source;
                relation.target = *target;
                add(std::move(relation));
                continue;
            }
            std::string unknown = !source && !target && from != to ? "endpoints '" + from + "' and '" + to + "'"
                                                                   : "endpoint '" + (source ? to : from) + "'";
            warn(Diagnostic{relation.where, "relationship from '" + from + "' to '" + to + "': unknown " + unknown +
                                                " (not in " + nodes_name_ + "); skipped"});
        }
        batch_.clear();
    }

    const Graph& graph_;
    const Table& table_;
    FileName file_;
    const std::string& nodes_name_;
    PropertyColumns properties_;
    std::vector<PendingRelation> batch_;
    std::vector<std::string_view> ids_;
};

// What the second thread read: relations in blocks (freed one by one as they join the graph, so the
// hand-over never holds the half twice) and warnings, with lines counted from the half's start.
struct SecondHalfResult {
    // 4 MiB a block: huge pages are 2 MiB, so a block of any other size would leave part of one unused.
    static constexpr std::size_t block_size = (std::size_t{4} << 20) / sizeof(Relation);

    std::vector<LargeVector<Relation>> blocks;
    Diagnostics warnings;
    std::size_t cells = 0;
    bool complete = false;  // read to the end without an error
};

// The second half, read on its own thread from construction; the destructor stops and joins it.
class SecondHalf {
public:
    SecondHalf(const Graph& graph, const Table& table, const FileName& file, const std::string& nodes_name,
               PropertyArena& arena, CsvParser parser)
        : reader_(graph, table, file, nodes_name, arena), parser_(std::move(parser))
    {
        try {
            thread_ = std::jthread([this] { run(); });
        } catch (const std::system_error&) {
            // No second thread: the result stays incomplete and the first reader reads on.
        }
    }
    SecondHalf(const SecondHalf&) = delete;
    SecondHalf& operator=(const SecondHalf&) = delete;
    ~SecondHalf() { cancel(); }

    /// Asks the thread to stop at its next batch (its result is then incomplete).
    void cancel() noexcept { cancelled_.store(true, std::memory_order_relaxed); }
    /// Waits for the thread and hands over what it read.
    [[nodiscard]] SecondHalfResult finish()
    {
        if (thread_.joinable()) thread_.join();
        return std::move(result_);
    }

private:
    void run() noexcept
    {
        try {
            auto add = [this](Relation&& relation) {
                auto& blocks = result_.blocks;
                if (blocks.empty() || blocks.back().size() == SecondHalfResult::block_size) {
                    blocks.emplace_back().reserve(SecondHalfResult::block_size);
                }
                blocks.back().push_back(std::move(relation));
            };
            auto warn = [this](Diagnostic&& warning) { result_.warnings.push_back(std::move(warning)); };
            auto keep_going = [this] { return !cancelled_.load(std::memory_order_relaxed); };
            reader_.read(parser_, add, warn, keep_going);
            result_.cells = parser_.cells();
            result_.complete = keep_going();
        } catch (...) {
            // The first reader reads this half again and reports the error at its place in the file.
            result_.complete = false;
        }
    }

    RelationReader reader_;
    CsvParser parser_;
    std::atomic<bool> cancelled_{false};
    SecondHalfResult result_;
    std::jthread thread_;  // last: joined before the members it uses are destroyed
};

// Where the second half starts: after the first line feed past the middle of what is left.
std::optional<std::size_t> split_point(const CsvParser& parser, const InputLimits& limits)
{
    auto text = parser.text();
    auto rest = text.size() - parser.position();
    if (rest == 0 || rest < limits.parallel_csv_bytes) return std::nullopt;
    auto feed = text.find('\n', parser.position() + rest / 2);
    if (feed == std::string_view::npos || feed + 1 >= text.size()) return std::nullopt;
    return feed + 1;
}

void append(Graph& graph, SecondHalfResult& half, int lines_before)
{
    for (auto& block : half.blocks) {
        for (auto& relation : block) {
            relation.where.line += lines_before;
            graph.add_relation(std::move(relation));
        }
        LargeVector<Relation>().swap(block);
    }
    for (auto& warning : half.warnings) {
        warning.where.line += lines_before;
        graph.warn(std::move(warning.where), std::move(warning.message));
    }
}

}  // namespace

void read_relationships(Graph& graph, std::string_view text, const FileName& file, const std::string& nodes_name,
                        const InputLimits& limits, const csv::Release& release)
{
    CsvParser parser(text, file, limits, release);
    Record record;
    if (!parser.next(record)) {
        throw Error({file, 1}, "empty file; expected a header with :START_ID and :END_ID columns");
    }
    auto table = read_header(record, false);
    parser.set_width(table.columns.size());
    require_column(table, Role::start, ":START_ID", file);
    require_column(table, Role::end, ":END_ID", file);
    graph.reserve(0, parser.estimated_records());
    RelationReader reader(graph, table, file, nodes_name, graph.new_property_arena());
    auto add = [&](Relation&& relation) { graph.add_relation(std::move(relation)); };
    auto warn = [&](Diagnostic&& warning) { graph.warn(std::move(warning.where), std::move(warning.message)); };
    auto always = [] { return true; };
    auto split = split_point(parser, limits);
    if (!split) return reader.read(parser, add, warn, always);

    SecondHalf second(graph, table, file, nodes_name, graph.new_property_arena(), CsvParser(parser, *split));
    parser.stop_at(*split);
    reader.read(parser, add, warn, [&] {
        if (parser.position() > *split) second.cancel();  // a quoted cell spans the split: read on alone
        return true;
    });
    {
        auto half = second.finish();
        if (parser.position() == *split && half.complete && parser.cells() + half.cells <= limits.max_cells) {
            return append(graph, half, parser.line() - 1);
        }
    }  // the unused half is freed before the first reader reads on
    parser.resume();
    reader.read(parser, add, warn, always);
}

}  // namespace actorgraph::neo4j
