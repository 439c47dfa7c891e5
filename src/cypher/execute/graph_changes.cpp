// The statement's writes as edit changes (Result::changes), recorded where GraphAccess makes them, so the same
// writes can go through the edit history and journal. Values are recorded as the text the model holds.
#include "cypher/execute/graph_access.hpp"

namespace actorgraph::cypher {

namespace {

PropertyList property_list(const Properties& properties)
{
    PropertyList list;
    for (const auto& [key, text] : properties) list.emplace_back(std::string(key), std::string(text));
    return list;
}

}  // namespace

void GraphAccess::record_created_node(ActorIndex node)
{
    const auto& actor = graph_.actor(node);
    changes_.push_back(AddActor{actor.id, actor.kind.str(), actor.label, actor.aliases, property_list(actor.properties)});
}

void GraphAccess::record_created_relationship(RelationIndex relationship)
{
    const auto& relation = graph_.relation(relationship);
    changes_.push_back(AddRelation{graph_.actor(relation.source).id, graph_.actor(relation.target).id, relation.type.str(),
                                   graph_.is_undirected(relationship), property_list(relation.properties)});
}

void GraphAccess::record_property(EditTarget target, const std::string& key, const Properties& properties)
{
    auto found = properties.find(key);
    std::optional<std::string> value;
    if (found != properties.end()) value = std::string(found->second);
    changes_.push_back(SetProperty{std::move(target), key, std::move(value)});
}

// The names live in the actor's fields; aliases travel as one ';'-separated text, as the edit changes keep them.
void GraphAccess::record_name(ActorIndex node, const std::string& key, const std::string& old_id)
{
    const auto& actor = graph_.actor(node);
    std::string value;
    if (key == "id") {
        value = actor.id;
    } else if (key == "label") {
        value = actor.label;
    } else {
        for (const auto& alias : actor.aliases) value += (value.empty() ? "" : ";") + alias;
    }
    changes_.push_back(SetProperty{EditTarget{old_id, std::nullopt}, key, std::move(value)});
}

// A node's labels are its kind and the `labels` property: both are recorded, so the change reads back whole.
void GraphAccess::record_labels(ActorIndex node)
{
    const auto& actor = graph_.actor(node);
    changes_.push_back(SetProperty{EditTarget{actor.id, std::nullopt}, "kind", actor.kind.str()});
    record_property(EditTarget{actor.id, std::nullopt}, std::string(labels_property), actor.properties);
}

void GraphAccess::record_deletions(const std::vector<RelationIndex>& relationships, const std::vector<ActorIndex>& nodes)
{
    // The highest index first, as commit_deletions removes them, so each index means what it meant.
    for (auto it = relationships.rbegin(); it != relationships.rend(); ++it) changes_.push_back(DeleteRelation{*it});
    for (auto it = nodes.rbegin(); it != nodes.rend(); ++it) changes_.push_back(DeleteActor{graph_.actor(*it).id});
}

}  // namespace actorgraph::cypher
