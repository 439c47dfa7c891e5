// db.labels(), db.relationshipTypes(), db.propertyKeys(): what the graph uses, as Neo4j's procedures of the
// same names list it (each name once, here in alphabetical order). Deleted elements of the running statement
// no longer count.
#include <set>

#include "cypher/procedures/procedure.hpp"

namespace actorgraph::cypher {

namespace {

std::vector<Row> one_column(const std::set<std::string>& names)
{
    std::vector<Row> rows;
    rows.reserve(names.size());
    for (const auto& name : names) rows.push_back({Value::string(name)});
    return rows;
}

std::vector<Row> labels(Context& context, const std::vector<Value>&)
{
    std::set<std::string> names;
    auto& graph = context.graph;
    for (ActorIndex node = 0; node < graph.graph().actor_count(); ++node) {
        context.tick();
        if (graph.node_deleted(node)) continue;
        for (auto& label : graph.labels(node)) names.insert(std::move(label));
    }
    return one_column(names);
}

std::vector<Row> relationship_types(Context& context, const std::vector<Value>&)
{
    std::set<std::string> names;
    auto& graph = context.graph;
    for (RelationIndex relationship = 0; relationship < graph.graph().relation_count(); ++relationship) {
        context.tick();
        if (!graph.relationship_deleted(relationship)) names.insert(graph.type(relationship));
    }
    return one_column(names);
}

std::vector<Row> property_keys(Context& context, const std::vector<Value>&)
{
    std::set<std::string> names;
    auto& graph = context.graph;
    for (ActorIndex node = 0; node < graph.graph().actor_count(); ++node) {
        context.tick();
        if (graph.node_deleted(node)) continue;
        for (const auto& entry : graph.node_properties(node)) names.insert(entry.first);
    }
    for (RelationIndex relationship = 0; relationship < graph.graph().relation_count(); ++relationship) {
        context.tick();
        if (graph.relationship_deleted(relationship)) continue;
        for (const auto& entry : graph.relationship_properties(relationship)) names.insert(entry.first);
    }
    return one_column(names);
}

}  // namespace

void add_database_procedures(std::vector<Procedure>& procedures)
{
    procedures.push_back({"db.labels", {}, {{"label", ProcedureType::String}}, labels});
    procedures.push_back({"db.relationshipTypes", {}, {{"relationshipType", ProcedureType::String}}, relationship_types});
    procedures.push_back({"db.propertyKeys", {}, {{"propertyKey", ProcedureType::String}}, property_keys});
}

}  // namespace actorgraph::cypher
