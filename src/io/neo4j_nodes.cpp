#include "io/neo4j_nodes.hpp"

#include <algorithm>

namespace actorgraph::neo4j {

namespace {

constexpr char default_array_delimiter = ';';

bool has_role(const Table& table, Role role)
{
    return std::find(table.roles.begin(), table.roles.end(), role) != table.roles.end();
}

std::size_t column_named(const Table& table, std::string_view name)
{
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
        if (table.columns[i].name == name && table.roles[i] != Role::ignore) return i;
    }
    return table.columns.size();
}

}  // namespace

NodeReader::NodeReader(const Table& table, const FileName& file, PropertyArena& arena, const ReadOptions* options)
    : table_(table), file_(file), options_(options), properties_(table, &arena, options, file),
      array_delimiter_(options ? std::string_view(&options->array_delimiter, 1)
                               : std::string_view(&default_array_delimiter, 1))
{
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
        const auto& name = table.columns[i].name;
        if (table.roles[i] == Role::id && !name.empty() && name != "id") id_property_ = name;
    }
    if (has_role(table, Role::label)) return;
    // No name/label column: the mapping's caption, else a `title` column.
    std::string chosen = options && options->mapping ? options->mapping->caption : std::string{};
    if (chosen.empty() && column_named(table, "title") < table.columns.size()) chosen = "title";
    if (chosen.empty()) return;
    CaptionTemplate caption(chosen);
    for (const auto& column : caption.columns()) caption_columns_.push_back(column_named(table, column));
    auto found = std::count_if(caption_columns_.begin(), caption_columns_.end(),
                               [&](std::size_t index) { return index < table.columns.size(); });
    // A set's other node files (organizations beside people) may lack the template's columns: they keep
    // their ids. A file with only some of them has a misspelt one.
    if (found == 0) {
        caption_columns_.clear();
        return;
    }
    for (std::size_t i = 0; i < caption_columns_.size(); ++i) {
        if (caption_columns_[i] < table.columns.size()) continue;
        throw Error({file, 1}, "the caption '" + chosen + "' names the column '" + caption.columns()[i] +
                                   "', which this file's header does not have");
    }
    caption_.emplace(std::move(caption));
}

Actor NodeReader::actor(const csv::Record& record)
{
    Actor actor;
    actor.where = {file_, record.line};
    std::vector<std::string> labels;
    if (options_) labels = options_->labels;
    for (std::size_t i = 0; i < record.cells.size(); ++i) {
        const auto& cell = record.cells[i];
        switch (table_.roles[i]) {
            case Role::id: actor.id = cell.text(); break;
            case Role::label: actor.label = cell.text(); break;
            case Role::kind:
                for (auto& label : split_list(cell.text(), array_delimiter_)) labels.push_back(std::move(label));
                break;
            case Role::aliases: actor.aliases = split_list(cell.text(), array_delimiter_); break;
            default: break;
        }
    }
    actor.properties = properties_.read(record);
    if (!id_property_.empty() && !actor.id.empty()) actor.properties.try_emplace(id_property_, actor.id);
    if (caption_) actor.label = caption(record);
    if (options_ && options_->mapping) {
        for (auto& label : labels) label = options_->mapping->map_kind(label);
    }
    set_kind_from_labels(actor, labels);
    return actor;
}

std::string NodeReader::caption(const csv::Record& record) const
{
    caption_values_.clear();
    for (auto column : caption_columns_) caption_values_.push_back(record.cells[column].text());
    return caption_->fill(caption_values_);
}

}  // namespace actorgraph::neo4j
