// The Cypher console's model: statements run in the background (reads on the shared graph, writes on a
// copy), their answers as display text, failures with a caret, and the history file.
#include "actorgraph/app/query_console.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <charconv>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "actorgraph/cypher/output.hpp"
#include "actorgraph/cypher/statement_writes.hpp"
#include "actorgraph/io/file_io.hpp"
#include "actorgraph/model/error.hpp"

namespace actorgraph {

namespace {

constexpr std::size_t step_name_length = 48;  // characters of the statement an Undo menu item shows

std::string kinded_name(const Graph& graph, ActorIndex actor)
{
    if (actor >= graph.actor_count()) return "(deleted)";
    const auto& a = graph.actor(actor);
    return a.kind.empty() ? a.display_name() : a.display_name() + " (" + a.kind.str() + ")";
}

std::string relation_name(const Graph& graph, RelationIndex relation)
{
    if (relation >= graph.relation_count()) return "[deleted]";
    const auto& r = graph.relation(relation);
    return graph.actor(r.source).display_name() + " -" + r.type.str() + "-> " + graph.actor(r.target).display_name();
}

// Turns a value into a cell, collecting the actors and relations it names; lists nest at most
// cypher::max_value_nesting deep, which bounds the recursion.
class CellWriter {
public:
    CellWriter(const cypher::Session& session, QueryOutcome& outcome) : session_(session), graph_(session.graph()), outcome_(outcome) {}

    QueryCell cell(const cypher::Value& value)
    {
        QueryCell cell;
        // NaN has no place in an order: it sorts as text.
        if (value.is_number() && !std::isnan(value.as_number())) cell.number = value.as_number();
        cell.text = value.is_string() ? value.as_string() : text(value, cell);
        return cell;
    }

private:
    std::string text(const cypher::Value& value, QueryCell& cell)
    {
        if (value.is_node()) return node(value.as_node(), cell);
        if (value.is_relationship()) return relationship(value.as_relationship(), cell);
        if (value.is_path()) return path(value.as_path(), cell);
        if (value.is_float()) return display_float(value.as_float());
        if (!value.is_list()) return cypher::to_cypher_text(session_, value);
        std::string joined = "[";
        for (const auto& item : value.as_list()) joined += (joined.size() > 1 ? ", " : "") + text(item, cell);
        return joined + "]";
    }

    std::string node(ActorIndex actor, QueryCell& cell)
    {
        if (actor < graph_.actor_count()) {
            cell.actors.push_back(graph_.actor(actor).id);
            outcome_.found.actors.push_back(actor);
        }
        return kinded_name(graph_, actor);
    }

    std::string relationship(RelationIndex relation, QueryCell& cell)
    {
        if (relation < graph_.relation_count()) {
            const auto& r = graph_.relation(relation);
            cell.actors.push_back(graph_.actor(r.source).id);
            cell.actors.push_back(graph_.actor(r.target).id);
            outcome_.found.relations.push_back(relation);
            outcome_.found.actors.push_back(r.source);
            outcome_.found.actors.push_back(r.target);
        }
        return relation_name(graph_, relation);
    }

    std::string path(const cypher::Path& path, QueryCell& cell)
    {
        std::string joined;
        for (std::size_t i = 0; i < path.nodes.size(); ++i) {
            if (i > 0) {
                auto type = i - 1 < path.relationships.size() && path.relationships[i - 1] < graph_.relation_count()
                                ? graph_.relation(path.relationships[i - 1]).type.str()
                                : std::string("?");
                joined += " -" + type + "- ";
            }
            joined += path.nodes[i] < graph_.actor_count() ? graph_.actor(path.nodes[i]).display_name() : "(deleted)";
            if (path.nodes[i] < graph_.actor_count()) {
                cell.actors.push_back(graph_.actor(path.nodes[i]).id);
                outcome_.found.actors.push_back(path.nodes[i]);
            }
        }
        for (auto relation : path.relationships) {
            if (relation < graph_.relation_count()) outcome_.found.relations.push_back(relation);
        }
        return joined;
    }

    const cypher::Session& session_;
    const Graph& graph_;
    QueryOutcome& outcome_;
};

std::string rows_summary(std::size_t rows, double seconds)
{
    char time[32];
    std::snprintf(time, sizeof time, "%.2f s", seconds);
    return with_thousands(rows) + (rows == 1 ? " row in " : " rows in ") + time;
}

QueryOutcome answer(cypher::Session& session, cypher::Result& result, std::string_view text, double seconds)
{
    QueryOutcome outcome;
    auto& table = outcome.table;
    table.columns = result.columns;
    table.total_rows = result.rows.size();
    CellWriter writer(session, outcome);
    auto shown = std::min(result.rows.size(), QueryConsole::max_rows_shown);
    for (std::size_t i = 0; i < shown; ++i) {
        std::vector<QueryCell> row;
        for (const auto& value : result.rows[i]) row.push_back(writer.cell(value));
        table.rows.push_back(std::move(row));
    }
    table.summary = rows_summary(result.rows.size(), seconds);
    if (shown < result.rows.size()) table.summary += " (the first " + with_thousands(shown) + " shown)";
    if (result.stats.changed_anything()) table.summary += "; " + result.stats.summary();
    if (!result.changes.empty()) outcome.writes = ChangeGroup{cypher_step_name(text), std::move(result.changes)};
    outcome.found.normalize();
    const auto& graph = session.graph();
    for (auto actor : outcome.found.actors) outcome.found_ids.push_back(graph.actor(actor).id);
    for (auto relation : outcome.found.relations) {
        const auto& r = graph.relation(relation);
        outcome.found_relations.push_back({relation, graph.actor(r.source).id, graph.actor(r.target).id, r.type.str()});
    }
    return outcome;
}

std::string_view line_of(std::string_view text, int line)
{
    std::size_t at = 0;
    for (int i = 1; i < line; ++i) {
        auto end = text.find('\n', at);
        if (end == std::string_view::npos) return {};
        at = end + 1;
    }
    auto end = text.find('\n', at);
    auto found = text.substr(at, end == std::string_view::npos ? std::string_view::npos : end - at);
    if (!found.empty() && found.back() == '\r') found.remove_suffix(1);
    return found;
}

}  // namespace

// The engine's session over the snapshot: a read changes nothing in it (its only cache, the adjacency, is built
// under a lock), so casting away const modifies nothing and copies nothing.
ConsoleSession::ConsoleSession(std::shared_ptr<const Graph> graph)
    : graph_(std::move(graph)), session_(const_cast<Graph&>(*graph_))
{
}

ConsoleSession::~ConsoleSession() = default;

QueryOutcome run_console_query(ConsoleSession& console, std::string_view text, const std::atomic<bool>* cancel)
{
    auto started = std::chrono::steady_clock::now();
    try {
        cypher::Limits limits;
        limits.cancel = cancel;
        auto run = [&](cypher::Session& session) {
            auto result = session.run(text, {}, limits);
            auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
            auto outcome = answer(session, result, text, seconds);
            outcome.answered_from = &session.graph();
            return outcome;
        };
        if (cypher::statement_writes(text)) {
            // The engine writes in place; the explorer's graph changes only through its edit history.
            Graph copy = *console.graph_;
            cypher::Session session(copy);
            return run(session);
        }
        // A statement cancelled before this one may still be finishing on the kept session: this one gets its own.
        std::unique_lock lock(console.in_use_, std::try_to_lock);
        if (!lock.owns_lock()) {
            cypher::Session session(const_cast<Graph&>(*console.graph_));
            return run(session);
        }
        ++console.statements_run_;
        return run(console.session_);
    } catch (const cypher::Error& error) {
        QueryOutcome outcome;
        outcome.failure = query_failure(error, text);
        return outcome;
    } catch (const std::exception& error) {
        QueryOutcome outcome;
        outcome.failure.emplace();
        outcome.failure->message = error.what();
        return outcome;
    }
}

QueryOutcome run_console_query(const Graph& graph, std::string_view text, const std::atomic<bool>* cancel)
{
    ConsoleSession console(std::shared_ptr<const Graph>(&graph, [](const Graph*) {}));  // borrowed, not owned
    return run_console_query(console, text, cancel);
}

std::string display_float(double value)
{
    if (!std::isfinite(value)) return std::isnan(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity";
    auto magnitude = std::fabs(value);
    char digits[64];
    if (magnitude != 0 && (magnitude >= 1e15 || magnitude < 1e-4)) {
        auto end = std::to_chars(digits, digits + sizeof digits, value, std::chars_format::scientific).ptr;
        return std::string(digits, end);
    }
    // The shortest digits that read back as the same double, grouped by thousands, always with a point.
    auto end = std::to_chars(digits, digits + sizeof digits, magnitude, std::chars_format::fixed).ptr;
    std::string_view fixed(digits, static_cast<std::size_t>(end - digits));
    auto point = fixed.find('.');
    auto whole = fixed.substr(0, point);
    std::size_t units = 0;  // below 1e15, so it fits
    std::from_chars(whole.data(), whole.data() + whole.size(), units);
    std::string text = (value < 0 ? "-" : "") + with_thousands(units);
    text += point == std::string_view::npos ? std::string_view(".0") : fixed.substr(point);
    return text;
}

std::optional<RelationIndex> find_relation_again(const Graph& graph, const FoundRelation& found)
{
    auto matches = [&](RelationIndex index) {
        const auto& r = graph.relation(index);
        return graph.actor(r.source).id == found.source && graph.actor(r.target).id == found.target && r.type.str() == found.type;
    };
    if (found.index < graph.relation_count() && matches(found.index)) return found.index;
    auto source = graph.find_by_id(found.source);
    if (!source) return std::nullopt;
    for (auto index : graph.out_relations(*source)) {
        if (matches(index)) return index;
    }
    return std::nullopt;
}

std::string cypher_step_name(std::string_view text)
{
    std::string collapsed;
    for (char c : text) {
        bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
        if (space && (collapsed.empty() || collapsed.back() == ' ')) continue;
        collapsed += space ? ' ' : c;
    }
    while (!collapsed.empty() && collapsed.back() == ' ') collapsed.pop_back();
    // Counted in characters: the cut never splits a UTF-8 sequence.
    std::size_t characters = 0;
    for (std::size_t i = 0; i < collapsed.size(); ++i) {
        if ((static_cast<unsigned char>(collapsed[i]) & 0xC0) == 0x80) continue;
        if (++characters > step_name_length) return "Cypher: " + collapsed.substr(0, i) + "\u2026";
    }
    return "Cypher: " + collapsed;
}

QueryFailure query_failure(const cypher::Error& error, std::string_view text)
{
    QueryFailure failure;
    failure.message = std::string(cypher::to_string(error.error_class())) + " (" + error.detail() + "): " + error.message();
    auto where = error.position();
    if (where.line <= 0) return failure;
    failure.line = where.line;
    failure.column = where.column;
    failure.line_text = std::string(line_of(text, where.line));
    // Columns count characters (UTF-8 code points); tabs stay tabs so the caret lines up under them.
    int column = 1;
    for (char c : failure.line_text) {
        if (column >= where.column && (static_cast<unsigned char>(c) & 0xC0) != 0x80) break;
        ++failure.caret_offset;
        if ((static_cast<unsigned char>(c) & 0xC0) == 0x80) continue;
        failure.caret += c == '\t' ? '\t' : ' ';
        ++column;
    }
    failure.caret += '^';
    return failure;
}

QueryHistory::QueryHistory(std::filesystem::path storage, std::size_t capacity) : storage_(std::move(storage)), capacity_(capacity)
{
    try {
        auto stored = nlohmann::json::parse(read_file(storage_));
        for (const auto& entry : stored) {
            if (entry.is_string()) entries_.push_back(entry.get<std::string>());
        }
    } catch (const std::exception&) {
        entries_.clear();  // no history yet, or one this version cannot read: start afresh
    }
    if (entries_.size() > capacity_) entries_.erase(entries_.begin(), entries_.end() - static_cast<std::ptrdiff_t>(capacity_));
    cursor_ = entries_.size();
}

void QueryHistory::add(std::string_view text)
{
    if (entries_.empty() || entries_.back() != text) entries_.emplace_back(text);
    if (entries_.size() > capacity_) entries_.erase(entries_.begin());
    cursor_ = entries_.size();
    save();
}

std::optional<std::string> QueryHistory::older(std::string_view current)
{
    auto at = cursor_;
    while (at > 0) {
        if (entries_[--at] == current) continue;
        cursor_ = at;
        return entries_[at];
    }
    return std::nullopt;
}

std::optional<std::string> QueryHistory::newer()
{
    if (cursor_ + 1 >= entries_.size()) {
        cursor_ = entries_.size();
        return std::nullopt;
    }
    return entries_[++cursor_];
}

void QueryHistory::save() const
{
    try {
        std::filesystem::create_directories(storage_.parent_path());
        write_file_atomically(storage_, nlohmann::json(entries_).dump(1, ' ', false, nlohmann::json::error_handler_t::replace));
    } catch (const std::exception&) {
        // A history that cannot be written only loses the convenience of recalling queries next run.
    }
}

void sort_query_rows(QueryTable& table, std::size_t column, bool descending)
{
    auto before = [column](const std::vector<QueryCell>& a, const std::vector<QueryCell>& b) {
        if (column >= a.size() || column >= b.size()) return false;
        const auto& x = a[column];
        const auto& y = b[column];
        if (x.number && y.number) return *x.number < *y.number;
        if (x.number != y.number) return x.number.has_value();  // numbers before text
        return x.text < y.text;
    };
    if (descending) std::stable_sort(table.rows.begin(), table.rows.end(), [&](const auto& a, const auto& b) { return before(b, a); });
    else std::stable_sort(table.rows.begin(), table.rows.end(), before);
}

}  // namespace actorgraph
