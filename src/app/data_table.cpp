#include "actorgraph/app/data_table.hpp"

#include <algorithm>
#include <set>
#include <span>

#include "actorgraph/model/schema.hpp"

namespace actorgraph {

namespace {

constexpr std::string_view actor_fields[] = {"id", "label", "kind", "aliases"};
constexpr std::string_view relation_fields[] = {"relation", "from", "to", "type"};

std::string joined(const std::vector<std::string>& parts)
{
    std::string out;
    for (const auto& part : parts) out += (out.empty() ? "" : "; ") + part;
    return out;
}

// A cell's sort key, read once per row: its number when it is one, else its folded text.
struct SortKey {
    bool empty = true;
    std::optional<double> number;
    std::string text;
};

SortKey sort_key(std::string cell)
{
    SortKey key;
    key.empty = cell.empty();
    key.number = parse_number(cell);
    if (!key.number) key.text = fold_case(cell);
    return key;
}

// Numbers before text, numbers by value, text case-insensitively (cells are not empty).
bool key_less(const SortKey& a, const SortKey& b)
{
    if (a.number && b.number) return *a.number < *b.number;
    if (a.number || b.number) return a.number.has_value();
    return a.text < b.text;
}

// Counts a row done; true when the build should stop. Reads the flag only every so many rows.
bool step(TableProgress* progress, std::size_t row)
{
    if (!progress) return false;
    if (row % 4096 != 0) return false;
    progress->done.fetch_add(row == 0 ? 0 : 4096, std::memory_order_relaxed);
    return progress->stopped();
}

}  // namespace

void DataTable::rebuild(const Graph& graph, const Selection& kept, TableProgress* progress)
{
    all_.clear();
    std::set<std::string> keys;
    bool actors = kind_ == TableKind::actors;
    const auto& items = actors ? kept.actors : kept.relations;
    for (std::size_t row = 0; row < items.size(); ++row) {
        if (step(progress, row)) return;
        auto item = items[row];
        if (item >= (actors ? graph.actor_count() : graph.relation_count())) continue;
        all_.push_back(item);
        const auto& properties = actors ? graph.actor(item).properties : graph.relation(item).properties;
        for (const auto& [key, value] : properties) keys.emplace(key);
    }
    columns_.clear();
    for (auto field : actors ? std::span(actor_fields) : std::span(relation_fields)) columns_.emplace_back(field);
    columns_.insert(columns_.end(), keys.begin(), keys.end());
    if (sort_ && sort_->first >= columns_.size()) sort_.reset();
    apply_filter(graph, progress);
}

void DataTable::set_filter(const Graph& graph, std::string text, TableProgress* progress)
{
    filter_ = fold_case(text);
    apply_filter(graph, progress);
}

void DataTable::sort_by(const Graph& graph, std::size_t column, bool ascending, TableProgress* progress)
{
    if (column >= columns_.size()) return;
    sort_ = std::pair{column, ascending};
    apply_filter(graph, progress);
}

void DataTable::follow(std::string filter, std::optional<std::pair<std::size_t, bool>> sort)
{
    filter_ = fold_case(filter);
    sort_ = sort;
}

void DataTable::refresh(const Graph& graph, TableProgress* progress)
{
    if (sort_ && sort_->first >= columns_.size()) sort_.reset();
    apply_filter(graph, progress);
}

void DataTable::apply_filter(const Graph& graph, TableProgress* progress)
{
    rows_.clear();
    for (std::size_t row = 0; row < all_.size(); ++row) {
        if (step(progress, row)) return;
        auto item = all_[row];
        bool keep = filter_.empty();
        for (std::size_t column = 0; !keep && column < columns_.size(); ++column) {
            keep = fold_case(cell(graph, item, column)).find(filter_) != std::string::npos;
        }
        if (keep) rows_.push_back(item);
    }
    apply_sort(graph, progress);
}

void DataTable::apply_sort(const Graph& graph, TableProgress* progress)
{
    if (!sort_) return;
    auto [column, ascending] = *sort_;
    // A relation's number (r2 before r10) is its index.
    if (kind_ == TableKind::relations && column == 0) {
        if (!ascending) std::reverse(rows_.begin(), rows_.end());
        return;
    }
    // The keys once per row, not once per comparison: parsing a number is most of a comparison's cost.
    std::vector<std::pair<SortKey, std::uint32_t>> keyed;
    keyed.reserve(rows_.size());
    for (std::size_t row = 0; row < rows_.size(); ++row) {
        if (step(progress, row)) return;
        keyed.emplace_back(sort_key(cell(graph, rows_[row], column)), rows_[row]);
    }
    // Empty cells go last whichever way the column sorts.
    std::stable_sort(keyed.begin(), keyed.end(), [ascending = ascending](const auto& a, const auto& b) {
        if (a.first.empty || b.first.empty) return !a.first.empty && b.first.empty;
        return ascending ? key_less(a.first, b.first) : key_less(b.first, a.first);
    });
    for (std::size_t i = 0; i < keyed.size(); ++i) rows_[i] = keyed[i].second;
}

std::string DataTable::cell(const Graph& graph, std::uint32_t item, std::size_t column) const
{
    if (column >= columns_.size()) return {};
    if (kind_ == TableKind::actors) {
        if (item >= graph.actor_count()) return {};
        const auto& actor = graph.actor(item);
        switch (column) {
            case 0: return actor.id;
            case 1: return actor.label;
            case 2: return actor.kind.str();
            case 3: return joined(actor.aliases);
            default: return std::string(property_or_empty(actor.properties, columns_[column]));
        }
    }
    if (item >= graph.relation_count()) return {};
    const auto& relation = graph.relation(item);
    switch (column) {
        case 0: return "r" + std::to_string(item);
        case 1: return graph.actor(relation.source).display_name();
        case 2: return graph.actor(relation.target).display_name();
        case 3: return relation.type.str();
        default: return std::string(property_or_empty(relation.properties, columns_[column]));
    }
}

bool DataTable::editable(std::size_t column) const
{
    if (column >= columns_.size()) return false;
    return kind_ == TableKind::actors || column >= 3;
}

std::optional<Change> DataTable::edit(const Graph& graph, std::uint32_t item, std::size_t column, std::string value) const
{
    if (!editable(column)) return std::nullopt;
    EditTarget target;
    if (kind_ == TableKind::actors) {
        if (item >= graph.actor_count()) return std::nullopt;
        target.actor = graph.actor(item).id;
    } else {
        if (item >= graph.relation_count()) return std::nullopt;
        target.relation = item;
    }
    const auto& key = columns_[column];
    // An emptied property cell removes the property; the fixed fields are set (their checks say what is wrong).
    bool property = column >= fixed_columns;
    if (property && trim_spaces(value).empty()) return SetProperty{target, key, std::nullopt};
    return SetProperty{target, key, std::move(value)};
}

ActorIndex DataTable::actor_of(const Graph& graph, std::uint32_t item) const
{
    if (kind_ == TableKind::actors) return item;
    return item < graph.relation_count() ? graph.relation(item).source : 0;
}

}  // namespace actorgraph
