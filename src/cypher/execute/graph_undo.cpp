// The statement's undo log: GraphAccess logs what each write replaces just before making it, so a failing
// statement is taken back by undoing its writes, latest first, instead of keeping a copy of the whole graph
// (on a million actors the copy cost a second and doubled the memory of every write). Deletions need no entry:
// they are only staged until the statement succeeds (commit_deletions).
#include "cypher/execute/graph_access.hpp"

namespace actorgraph::cypher {

namespace {

std::optional<std::string> text_of(const Properties& properties, std::string_view key)
{
    auto found = properties.find(key);
    if (found == properties.end()) return std::nullopt;
    return std::string(found->second);
}

void put_back(Properties& properties, const std::string& key, const std::optional<std::string>& text)
{
    if (text) {
        properties.insert_or_assign(key, *text);
    } else {
        properties.erase(key);
    }
}

}  // namespace

// The declared types and the generated-id counter change with many writes and are small: kept whole, once.
void GraphAccess::start_undo_log()
{
    if (undo_start_) return;
    undo_start_ = UndoStart{graph_.actor_property_types, graph_.relation_property_types, overlay_.next_generated_id};
}

void GraphAccess::log_property_before(bool node, std::uint32_t index, const std::string& key)
{
    start_undo_log();
    PropertyBefore before{node, index, key, {}, false, {}};
    const auto& properties = node ? graph_.actor(index).properties : graph_.relation(index).properties;
    before.text = text_of(properties, key);
    const Map* typed = nullptr;
    if (node) {
        if (auto found = overlay_.nodes.find(index); found != overlay_.nodes.end()) typed = &found->second;
    } else if (auto found = overlay_.relationships.find(index); found != overlay_.relationships.end()) {
        typed = &found->second;
    }
    before.had_typed = typed != nullptr;
    if (typed) {
        if (auto value = typed->find(key); value != typed->end()) before.typed = value->second;
    }
    undo_log_.emplace_back(std::move(before));
}

void GraphAccess::log_names_before(ActorIndex node)
{
    start_undo_log();
    const auto& actor = graph_.actor(node);
    undo_log_.emplace_back(NamesBefore{node, ActorNames{actor.id, actor.label, actor.aliases}});
}

void GraphAccess::log_labels_before(ActorIndex node)
{
    start_undo_log();
    const auto& actor = graph_.actor(node);
    undo_log_.emplace_back(LabelsBefore{node, actor.kind, text_of(actor.properties, labels_property)});
}

void GraphAccess::undo(const PropertyBefore& before)
{
    auto& properties = before.node ? graph_.actor_for_edit(before.index).properties
                                   : graph_.relation_for_edit(before.index).properties;
    put_back(properties, before.key, before.text);
    auto& overlay = before.node ? overlay_.nodes : overlay_.relationships;
    if (!before.had_typed) {
        overlay.erase(before.index);
        return;
    }
    auto& typed = overlay[before.index];
    if (before.typed) {
        typed.insert_or_assign(before.key, *before.typed);
    } else {
        typed.erase(before.key);
    }
}

void GraphAccess::undo(const LabelsBefore& before)
{
    auto& actor = graph_.actor_for_edit(before.node);
    actor.kind = before.kind;
    put_back(actor.properties, std::string(labels_property), before.labels);
}

void GraphAccess::undo_writes()
{
    // Latest first, so each entry finds the element as its write left it: a created element is the last one
    // when its turn comes, and an id a later write took is free again before an earlier owner takes it back.
    for (auto entry = undo_log_.rbegin(); entry != undo_log_.rend(); ++entry) {
        if (std::holds_alternative<CreatedNode>(*entry)) {
            overlay_.nodes.erase(static_cast<ActorIndex>(graph_.actor_count() - 1));
            graph_.remove_last_actor();
        } else if (std::holds_alternative<CreatedRelationship>(*entry)) {
            auto last = static_cast<RelationIndex>(graph_.relation_count() - 1);
            overlay_.relationships.erase(last);
            (void)graph_.remove_relation(last);
        } else if (auto* names = std::get_if<NamesBefore>(&*entry)) {
            (void)graph_.rename_actor(names->node, names->names);
        } else if (auto* property = std::get_if<PropertyBefore>(&*entry)) {
            undo(*property);
        } else {
            undo(std::get<LabelsBefore>(*entry));
        }
    }
    if (undo_start_) {
        graph_.actor_property_types = std::move(undo_start_->actor_types);
        graph_.relation_property_types = std::move(undo_start_->relation_types);
        overlay_.next_generated_id = undo_start_->next_generated_id;
    }
    undo_log_.clear();
    undo_start_.reset();
    changes_.clear();
    deleted_nodes_.clear();
    deleted_relationships_.clear();
    nodes_to_delete_.clear();
    undetached_.clear();
    relationships_to_delete_.clear();
}

}  // namespace actorgraph::cypher
