#include "io/neo4j_table.hpp"

#include <algorithm>
#include <array>

#include "actorgraph/model/graph.hpp"

namespace actorgraph::neo4j {

using csv::Record;

namespace {

// Neo4j's field keywords and property types, lower-cased.
constexpr std::array<std::string_view, 22> header_types{
    "id",    "label",     "start_id", "end_id",        "type",     "ignore",  "int",    "long",
    "float", "double",    "boolean",  "byte",          "short",    "char",    "string", "point",
    "date",  "localtime", "time",     "localdatetime", "datetime", "duration"};

Column parse_header(std::string_view header)
{
    auto colon = header.rfind(':');
    if (colon == std::string_view::npos) return {std::string(header), {}, false, {}};
    auto suffix = header.substr(colon + 1);
    std::string_view group;
    if (auto open = suffix.find('('); open != std::string_view::npos && suffix.ends_with(')')) {
        group = suffix.substr(open + 1, suffix.size() - open - 2);
        suffix = suffix.substr(0, open);
    }
    bool array = suffix.ends_with("[]");
    if (array) suffix.remove_suffix(2);
    auto type = fold_case(suffix);
    if (std::find(header_types.begin(), header_types.end(), type) == header_types.end()) {
        return {std::string(header), {}, false, {}};
    }
    return {std::string(header.substr(0, colon)), type, array, std::string(group)};
}

std::size_t find_column(const Table& table, std::string_view name, std::string_view type)
{
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
        const auto& column = table.columns[i];
        if (table.roles[i] == Role::property && column.name == name && column.type == type && !column.array) return i;
    }
    return table.columns.size();
}

Role node_role(const Column& column)
{
    if (column.type == "ignore") return Role::ignore;
    if (column.type == "id") return Role::id;
    if (column.type == "label") return Role::kind;
    bool aliases_type = column.type.empty() || (column.type == "string" && column.array);
    return column.name == "aliases" && aliases_type ? Role::aliases : Role::property;
}

Role relationship_role(const Column& column)
{
    if (column.type == "ignore") return Role::ignore;
    if (column.type == "start_id") return Role::start;
    if (column.type == "end_id") return Role::end;
    if (column.type == "type") return Role::type;
    return Role::property;
}

}  // namespace

Table read_header(const Record& header, bool nodes)
{
    Table table;
    for (const auto& cell : header.cells) {
        auto column = parse_header(cell.text());
        table.roles.push_back(nodes ? node_role(column) : relationship_role(column));
        table.columns.push_back(std::move(column));
    }
    if (nodes) {
        using Candidate = std::pair<std::string_view, std::string_view>;
        constexpr std::array<Candidate, 4> label_columns{
            {{"name", ""}, {"label", ""}, {"name", "string"}, {"label", "string"}}};
        for (auto [name, type] : label_columns) {
            if (auto index = find_column(table, name, type); index < table.columns.size()) {
                table.roles[index] = Role::label;
                break;
            }
        }
    }
    return table;
}

void require_column(const Table& table, Role role, std::string_view header, const FileName& file)
{
    auto count = std::count(table.roles.begin(), table.roles.end(), role);
    if (count == 0) throw Error({file, 1}, "missing the required column " + std::string(header));
    if (count > 1) throw Error({file, 1}, "more than one " + std::string(header) + " column");
}

void require_width(const Record& record, const Table& table, const FileName& file)
{
    if (record.cells.size() != table.columns.size()) {
        throw Error({file, record.line}, "record has " + std::to_string(record.cells.size()) +
                                             " fields, but the header has " + std::to_string(table.columns.size()));
    }
}

void declare_column_types(const Table& table, PropertyTypes& types)
{
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
        const auto& column = table.columns[i];
        if (table.roles[i] != Role::property || column.type.empty()) continue;
        auto type = canonical_property_type(column.type + (column.array ? "[]" : ""));
        if (!type.empty()) types.declare(column.name, type);
    }
}

ValueType column_value_type(const Column& column)
{
    // neo4j-admin reads any boolean cell other than "true" as false, so none is an error: kept as written.
    if (column.type.empty() || column.type == "string" || column.type == "char" || column.type == "boolean") {
        return ValueType::text;
    }
    auto type = ValueType::text;
    try {
        type = parse_value_type(column.type);
    } catch (const Error&) {
        return ValueType::text;  // point, time, duration: kept as written
    }
    // Dates are kept as written: Neo4j's own forms are what a writer gives back.
    return type == ValueType::date || type == ValueType::datetime ? ValueType::text : type;
}

PropertyColumns::PropertyColumns(const Table& table, PropertyArena* arena, const ReadOptions* options, FileName file)
    : table_(table), arena_(arena), options_(options), file_(file)
{
    special_.assign(table.columns.size(), 0);
    scratch_.resize(table.columns.size());
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
        if (table.roles[i] != Role::property) continue;
        columns_.push_back(i);
        if (!options) continue;
        const auto& column = table.columns[i];
        bool checked = options->check_types && column_value_type(column) != ValueType::text;
        bool rejoined = column.array && options->array_delimiter != ';';
        special_[i] = checked || rejoined ? 1 : 0;
        any_special_ = any_special_ || checked || rejoined;
    }
    std::vector<std::size_t> by_name = columns_;
    std::stable_sort(by_name.begin(), by_name.end(),
                     [&](std::size_t a, std::size_t b) { return table.columns[a].name < table.columns[b].name; });
    auto same_name = [&](std::size_t a, std::size_t b) { return table.columns[a].name == table.columns[b].name; };
    // Repeated names (the last present one wins) and very wide tables take the general path.
    shareable_ = by_name.size() <= 64 && std::adjacent_find(by_name.begin(), by_name.end(), same_name) == by_name.end();
    if (shareable_) columns_ = std::move(by_name);
}

Properties PropertyColumns::read(const csv::Record& record)
{
    if (!shareable_) return read_entries(record);
    std::uint64_t present = 0;
    values_.clear();
    for (std::size_t k = 0; k < columns_.size(); ++k) {
        const auto& cell = record.cells[columns_[k]];
        if (cell.absent()) continue;
        present |= std::uint64_t{1} << k;
        values_.push_back(any_special_ && special_[columns_[k]] ? value(record, columns_[k]) : cell.text());
    }
    if (present == 0) return {};
    auto list = lists_.find(present);
    if (list == lists_.end()) {
        if (lists_.size() >= max_lists) return read_entries(record);
        list = lists_.emplace(present, names_of(present)).first;
    }
    return arena_ ? Properties::from_values(list->second, values_, *arena_) : Properties::from_values(list->second, values_);
}

PropertyNames PropertyColumns::names_of(std::uint64_t present) const
{
    std::vector<std::string_view> names;
    for (std::size_t k = 0; k < columns_.size(); ++k) {
        if (present & (std::uint64_t{1} << k)) names.push_back(table_.columns[columns_[k]].name);
    }
    return PropertyNames(names);
}

Properties PropertyColumns::read_entries(const csv::Record& record)
{
    entries_.clear();
    for (auto column : columns_) {
        const auto& cell = record.cells[column];
        if (!cell.absent()) entries_.emplace_back(table_.columns[column].name, value(record, column));
    }
    return Properties::from_entries(entries_);
}

std::string_view PropertyColumns::value(const csv::Record& record, std::size_t column)
{
    auto text = record.cells[column].text();
    if (!special_[column]) return text;
    const auto& header = table_.columns[column];
    auto type = options_->check_types ? column_value_type(header) : ValueType::text;
    auto check = [&](std::string_view item) {
        if (type == ValueType::text || convert_value(item, type)) return;
        auto shown = header.name + ":" + header.type + (header.array ? "[]" : "");
        throw Error({file_, record.line}, "column " + shown + ": '" + std::string(item) + "' is not " +
                                              (type == ValueType::integer ? "an integer" : "a number"));
    };
    if (!header.array) {
        check(text);
        return text;
    }
    auto& joined = scratch_[column];
    joined.clear();
    for (const auto& item : split_list(text, std::string_view(&options_->array_delimiter, 1))) {
        check(item);
        if (!joined.empty()) joined += ';';
        joined += item;
    }
    return joined;
}

}  // namespace actorgraph::neo4j
