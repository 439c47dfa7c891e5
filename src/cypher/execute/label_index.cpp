#include "cypher/execute/label_index.hpp"

#include "actorgraph/model/schema.hpp"
#include "cypher/execute/graph_access.hpp"

namespace actorgraph::cypher {

std::span<const ActorIndex> LabelIndex::actors_with(const Graph& graph, std::string_view label)
{
    if (!built_ || version_ != graph.version()) build(graph);
    auto found = lists_.find(label);
    if (found == lists_.end()) return {};
    return found->second;
}

bool LabelIndex::any_generated_id(const Graph& graph)
{
    if (!built_ || version_ != graph.version()) build(graph);
    return any_generated_id_;
}

std::span<const RelationIndex> LabelIndex::relations_of_type(const Graph& graph, std::string_view type)
{
    if (!types_built_ || types_version_ != graph.version()) build_types(graph);
    auto found = types_.find(type);
    if (found == types_.end()) return {};
    return found->second;
}

void LabelIndex::build_types(const Graph& graph)
{
    types_.clear();
    // Relations of one type often come in runs (files group them): the list is looked up once per run.
    std::vector<RelationIndex>* list = nullptr;
    Term type_of_list;
    for (RelationIndex relation = 0; relation < graph.relation_count(); ++relation) {
        const auto& type = graph.relation(relation).type;
        if (!list || type != type_of_list) {
            list = &types_[type.str()];
            type_of_list = type;
        }
        list->push_back(relation);
    }
    types_built_ = true;
    types_version_ = graph.version();
}

void LabelIndex::build(const Graph& graph)
{
    lists_.clear();
    any_generated_id_ = false;
    // The kind's list is found once per run of actors of the same kind, not hashed per actor.
    std::vector<ActorIndex>* kind_list = nullptr;
    Term kind_of_list;
    for (ActorIndex node = 0; node < graph.actor_count(); ++node) {
        const auto& actor = graph.actor(node);
        any_generated_id_ = any_generated_id_ || std::string_view(actor.id).starts_with(generated_id_prefix);
        if (!actor.kind.empty()) {
            if (!kind_list || actor.kind != kind_of_list) {
                kind_list = &lists_[actor.kind.str()];
                kind_of_list = actor.kind;
            }
            kind_list->push_back(node);
        }
        auto more = actor.properties.find(labels_property);
        if (more == actor.properties.end()) continue;
        for (const auto& label : split_list(more->second)) {
            auto& list = lists_[label];
            // A label listed twice, or the kind listed again, is still one label.
            if (list.empty() || list.back() != node) list.push_back(node);
        }
    }
    built_ = true;
    version_ = graph.version();
}

}  // namespace actorgraph::cypher
