// CREATE, MERGE, SET, REMOVE and DELETE. Writes go through GraphAccess, which keeps the model's view (labels as kind
// plus further labels, typed values) in one place and counts what changed.
#include <algorithm>

#include "cypher/execute/evaluator.hpp"
#include "cypher/execute/executor.hpp"
#include "cypher/execute/matcher.hpp"

namespace actorgraph::cypher {

namespace {

int column_of(const Columns& columns, const std::string& name)
{
    auto found = std::find(columns.begin(), columns.end(), name);
    return found == columns.end() ? -1 : static_cast<int>(found - columns.begin());
}

Map evaluated_properties(Evaluator& evaluator, const ast::Expression* properties)
{
    if (!properties) return {};
    auto value = evaluator.eval(*properties);
    if (value.is_null()) return {};
    if (!value.is_map()) {
        runtime_error(ErrorClass::TypeError, "InvalidArgumentType", "properties must be a map", properties->where);
    }
    return value.as_map();
}

// A property MERGE would create as null could never be matched again (null equals nothing), so Neo4j refuses it.
void refuse_null_merge_properties(Context& context, const ast::PatternPart& part, const Columns& columns, const Row& row)
{
    Evaluator evaluator(context, columns, row);
    auto check = [&](const ast::ExpressionPtr& properties) {
        for (const auto& [key, value] : evaluated_properties(evaluator, properties.get())) {
            if (!value.is_null()) continue;
            runtime_error(ErrorClass::SemanticError, "MergeReadOwnWrites",
                          "MERGE cannot create the property '" + key + "' as null; leave it out or give it a value",
                          properties->where);
        }
    };
    for (const auto& node : part.nodes) check(node.properties);
    for (const auto& r : part.relationships) check(r.properties);
}

}  // namespace

// Creates the part's unbound nodes and its relationships, binding their variables in the row (laid out as
// `columns`, which already name every variable of the part).
void Executor::create_part(const ast::PatternPart& part, const Columns& columns, Row& row)
{
    auto& graph = context_.graph;
    std::vector<ActorIndex> nodes;
    for (const auto& node : part.nodes) {
        int slot = column_of(columns, node.variable);
        if (slot >= 0 && row[static_cast<std::size_t>(slot)].is_node()) {
            nodes.push_back(row[static_cast<std::size_t>(slot)].as_node());
            continue;
        }
        if (slot >= 0 && !row[static_cast<std::size_t>(slot)].is_null()) {
            runtime_error(ErrorClass::SemanticError, "VariableTypeConflict", "`" + node.variable + "` is not a node", node.where);
        }
        Evaluator evaluator(context_, columns, row);
        auto properties = evaluated_properties(evaluator, node.properties.get());
        auto created = graph.create_node(node.labels, properties, context_.stats);
        if (slot >= 0) row[static_cast<std::size_t>(slot)] = Value::node(created);
        nodes.push_back(created);
    }
    std::vector<RelationIndex> relationships;
    for (std::size_t i = 0; i < part.relationships.size(); ++i) {
        const auto& syntax = part.relationships[i];
        Evaluator evaluator(context_, columns, row);
        auto properties = evaluated_properties(evaluator, syntax.properties.get());
        bool incoming = syntax.direction == ast::Direction::Incoming;
        auto created = graph.create_relationship(incoming ? nodes[i + 1] : nodes[i], incoming ? nodes[i] : nodes[i + 1],
                                                 syntax.types.at(0), properties, context_.stats);
        int slot = column_of(columns, syntax.variable);
        if (slot >= 0) row[static_cast<std::size_t>(slot)] = Value::relationship(created);
        relationships.push_back(created);
    }
    int path_slot = column_of(columns, part.path_variable);
    if (path_slot >= 0) row[static_cast<std::size_t>(path_slot)] = Value::path(Path{nodes, relationships});
}

void Executor::create(Table& table, const ast::Clause& clause)
{
    for (const auto& part : clause.pattern) {
        auto add_column = [&](const std::string& name) {
            if (!name.empty() && column_of(table.columns, name) < 0) table.columns.push_back(name);
        };
        add_column(part.path_variable);
        for (const auto& node : part.nodes) add_column(node.variable);
        for (const auto& r : part.relationships) add_column(r.variable);
    }
    for (auto& row : table.rows) {
        row.resize(table.columns.size());
        for (const auto& part : clause.pattern) create_part(part, table.columns, row);
        context_.tick();
    }
}

void Executor::merge(Table& table, const ast::Clause& clause)
{
    PatternMatcher matcher(context_, clause.pattern, table.columns);
    const auto& columns = matcher.columns();
    std::vector<Row> output;
    for (const auto& input : table.rows) {
        std::vector<Row> matched;
        matcher.match(input, [&](const Row& found) { matched.push_back(found); });
        if (!matched.empty()) {
            set_rows(columns, matched, clause.on_match);
        } else {
            Row created = input;
            created.resize(columns.size());
            refuse_null_merge_properties(context_, clause.pattern[0], columns, created);
            create_part(clause.pattern[0], columns, created);
            matched.push_back(std::move(created));
            set_rows(columns, matched, clause.on_create);
        }
        for (auto& row : matched) output.push_back(std::move(row));
        context_.check_rows(output.size());
    }
    table.columns = columns;
    table.rows = std::move(output);
}

void Executor::set(Table& table, const std::vector<ast::SetItem>& items)
{
    set_rows(table.columns, table.rows, items);
}

void Executor::set_rows(const Columns& columns, std::vector<Row>& rows, const std::vector<ast::SetItem>& items)
{
    auto& graph = context_.graph;
    auto& stats = context_.stats;
    for (auto& row : rows) {
        for (const auto& item : items) {
            Evaluator evaluator(context_, columns, row);
            if (item.kind == ast::SetItem::Kind::Property) {
                auto subject = evaluator.eval(*item.target->children[0]);
                auto value = evaluator.eval(*item.value);
                const auto& key = item.target->name;
                if (subject.is_null()) continue;
                if (subject.is_node()) graph.set_node_property(subject.as_node(), key, value, stats);
                else if (subject.is_relationship()) graph.set_relationship_property(subject.as_relationship(), key, value, stats);
                else runtime_error(ErrorClass::TypeError, "InvalidArgumentType", "SET needs a node or relationship", item.where);
                continue;
            }
            int slot = column_of(columns, item.variable);
            auto subject = slot >= 0 ? row[static_cast<std::size_t>(slot)] : Value();
            if (subject.is_null()) continue;
            if (item.kind == ast::SetItem::Kind::Labels) {
                if (!subject.is_node()) runtime_error(ErrorClass::TypeError, "InvalidArgumentType", "labels belong to nodes", item.where);
                for (const auto& label : item.labels) graph.add_label(subject.as_node(), label, stats);
                continue;
            }
            auto value = evaluator.eval(*item.value);
            Map wanted;
            if (value.is_node()) wanted = graph.node_properties(value.as_node());
            else if (value.is_relationship()) wanted = graph.relationship_properties(value.as_relationship());
            else if (value.is_map()) wanted = value.as_map();
            else if (!value.is_null()) runtime_error(ErrorClass::TypeError, "InvalidArgumentType", "SET = needs a map", item.where);
            bool node = subject.is_node();
            if (!node && !subject.is_relationship()) runtime_error(ErrorClass::TypeError, "InvalidArgumentType", "SET needs a node or relationship", item.where);
            auto set_one = [&](const std::string& key, const Value& v) {
                if (node) graph.set_node_property(subject.as_node(), key, v, stats);
                else graph.set_relationship_property(subject.as_relationship(), key, v, stats);
            };
            if (item.kind == ast::SetItem::Kind::Replace) {
                Map current = node ? graph.node_properties(subject.as_node()) : graph.relationship_properties(subject.as_relationship());
                for (const auto& [key, old] : current) {
                    if (!wanted.contains(key)) set_one(key, Value());
                }
            }
            for (const auto& [key, v] : wanted) set_one(key, v);
        }
        context_.tick();
    }
}

void Executor::remove(Table& table, const ast::Clause& clause)
{
    auto& graph = context_.graph;
    for (auto& row : table.rows) {
        for (const auto& item : clause.items) {
            Evaluator evaluator(context_, table.columns, row);
            if (item.kind == ast::SetItem::Kind::Property) {
                auto subject = evaluator.eval(*item.target->children[0]);
                const auto& key = item.target->name;
                if (subject.is_node()) {
                    if (!graph.node_property(subject.as_node(), key).is_null()) {
                        graph.set_node_property(subject.as_node(), key, Value(), context_.stats);
                    }
                } else if (subject.is_relationship()) {
                    if (!graph.relationship_property(subject.as_relationship(), key).is_null()) {
                        graph.set_relationship_property(subject.as_relationship(), key, Value(), context_.stats);
                    }
                } else if (!subject.is_null()) {
                    runtime_error(ErrorClass::TypeError, "InvalidArgumentType", "REMOVE needs a node or relationship", item.where);
                }
                continue;
            }
            int slot = column_of(table.columns, item.variable);
            auto subject = slot >= 0 ? row[static_cast<std::size_t>(slot)] : Value();
            if (subject.is_null()) continue;
            if (!subject.is_node()) runtime_error(ErrorClass::TypeError, "InvalidArgumentType", "labels belong to nodes", item.where);
            for (const auto& label : item.labels) graph.remove_label(subject.as_node(), label, context_.stats);
        }
    }
}

void Executor::delete_entities(Table& table, const ast::Clause& clause)
{
    for (const auto& row : table.rows) {
        Evaluator evaluator(context_, table.columns, row);
        for (const auto& expression : clause.deleted) {
            delete_value(evaluator.eval(*expression), clause.detach, expression->where);
        }
        context_.tick();
    }
}

void Executor::delete_value(const Value& value, bool detach, QueryPosition where)
{
    auto& graph = context_.graph;
    auto& stats = context_.stats;
    if (value.is_null()) return;
    if (value.is_node()) return graph.delete_node(value.as_node(), detach, stats, where);
    if (value.is_relationship()) return graph.delete_relationship(value.as_relationship(), stats);
    if (!value.is_path()) {
        runtime_error(ErrorClass::TypeError, "InvalidArgumentType",
                      "DELETE takes nodes, relationships and paths, not a " + type_name(value.type()), where);
    }
    // A path's relationships go with it, so its nodes need no DETACH for them.
    for (auto relationship : value.as_path().relationships) graph.delete_relationship(relationship, stats);
    for (auto node : value.as_path().nodes) graph.delete_node(node, detach, stats, where);
}

}  // namespace actorgraph::cypher
