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

// Numbers before text, numbers by value, text case-insensitively (cells are not empty).
bool cell_less(const std::string& a, const std::string& b)
{
    auto x = parse_number(a), y = parse_number(b);
    if (x && y) return *x < *y;
    if (x || y) return x.has_value();
    return fold_case(a) < fold_case(b);
}

}  // namespace

void DataTable::rebuild(const Graph& graph, const Selection& shown)
{
    all_.clear();
    std::set<std::string> keys;
    if (kind_ == TableKind::actors) {
        for (auto actor : shown.actors) {
            if (actor >= graph.actor_count()) continue;
            all_.push_back(actor);
            for (const auto& [key, value] : graph.actor(actor).properties) keys.emplace(key);
        }
    } else {
        for (auto relation : shown.relations) {
            if (relation >= graph.relation_count()) continue;
            all_.push_back(relation);
            for (const auto& [key, value] : graph.relation(relation).properties) keys.emplace(key);
        }
    }
    columns_.clear();
    for (auto field : kind_ == TableKind::actors ? std::span(actor_fields) : std::span(relation_fields)) columns_.emplace_back(field);
    columns_.insert(columns_.end(), keys.begin(), keys.end());
    if (sort_ && sort_->first >= columns_.size()) sort_.reset();
    apply_filter(graph);
}

void DataTable::set_filter(const Graph& graph, std::string text)
{
    filter_ = fold_case(text);
    apply_filter(graph);
}

void DataTable::sort_by(const Graph& graph, std::size_t column, bool ascending)
{
    if (column >= columns_.size()) return;
    sort_ = std::pair{column, ascending};
    apply_filter(graph);
}

void DataTable::apply_filter(const Graph& graph)
{
    rows_.clear();
    for (auto item : all_) {
        bool keep = filter_.empty();
        for (std::size_t column = 0; !keep && column < columns_.size(); ++column) {
            keep = fold_case(cell(graph, item, column)).find(filter_) != std::string::npos;
        }
        if (keep) rows_.push_back(item);
    }
    if (!sort_) return;
    auto [column, ascending] = *sort_;
    // A relation's number (r2 before r10) is its index.
    if (kind_ == TableKind::relations && column == 0) {
        if (!ascending) std::reverse(rows_.begin(), rows_.end());
        return;
    }
    // The cells once, not once per comparison.
    std::vector<std::pair<std::string, std::uint32_t>> keyed;
    keyed.reserve(rows_.size());
    for (auto item : rows_) keyed.emplace_back(cell(graph, item, column), item);
    // Empty cells go last whichever way the column sorts.
    std::stable_sort(keyed.begin(), keyed.end(), [ascending = ascending](const auto& a, const auto& b) {
        if (a.first.empty() || b.first.empty()) return !a.first.empty() && b.first.empty();
        return ascending ? cell_less(a.first, b.first) : cell_less(b.first, a.first);
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
