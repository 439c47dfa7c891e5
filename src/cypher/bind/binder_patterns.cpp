// The binder's patterns: what MATCH binds, what CREATE and MERGE introduce, what SET and REMOVE name.
#include "cypher/bind/clause_rules.hpp"
#include "cypher/bind/scope_binder.hpp"

#include <algorithm>
#include <set>

namespace actorgraph::cypher::binding {

// A variable a pattern mentions: new ones join the scope; known ones must be of the same kind.
void Binder::pattern_variable(const std::string& name, Kind kind, QueryPosition where)
{
    if (name.empty()) return;
    auto found = scope_.find(name);
    if (found == scope_.end()) {
        scope_[name] = kind;
        return;
    }
    if (found->second != kind && found->second != Kind::Any && kind != Kind::Any) {
        semantic("VariableTypeConflict", "`" + name + "` is " + static_kind_name(found->second) + ", not " + static_kind_name(kind), where);
    }
}

void Binder::pattern(const ast::Pattern& pattern, bool in_expression)
{
    std::set<std::string> relationships_here;
    for (const auto& part : pattern) {
        if (!part.shortest.empty()) check_shortest_part(part);
        if (!part.path_variable.empty()) {
            if (in_expression) {
                pattern_variable(part.path_variable, Kind::Path, part.where);
            } else {
                introduce(part.path_variable, Kind::Path, part.where);
            }
        }
        for (const auto& node : part.nodes) {
            pattern_variable(node.variable, Kind::Node, node.where);
            match_properties(node.properties);
        }
        for (const auto& r : part.relationships) {
            match_properties(r.properties);
            if (!r.variable.empty() && !relationships_here.insert(r.variable).second) {
                semantic("RelationshipUniquenessViolation", "`" + r.variable + "` names two relationships of one pattern", r.where);
            }
            pattern_variable(r.variable, r.variable_length ? Kind::List : Kind::Relationship, r.where);
        }
    }
    for (const auto& part : pattern) element_predicates(part);
}

// `(n WHERE ...)` and `-[r WHERE ...]-` read the pattern's variables: bound once all of them are in scope.
void Binder::element_predicates(const ast::PatternPart& part)
{
    for (const auto& node : part.nodes) {
        if (node.predicate) expression(*node.predicate, false);
    }
    for (const auto& r : part.relationships) {
        if (r.predicate) expression(*r.predicate, false);
    }
}

// CREATE takes a parameter map as the properties to give; MERGE, which also matches, does not.
void Binder::creation_properties(const ast::ExpressionPtr& properties, bool is_create)
{
    if (!is_create) return match_properties(properties);
    if (properties) expression(*properties, false);
}

// A parameter can give a property's value, not the whole map a MATCH or MERGE compares (as in Neo4j).
void Binder::match_properties(const ast::ExpressionPtr& properties)
{
    if (!properties) return;
    if (properties->kind == ast::ExpressionKind::Parameter) {
        syntax("InvalidParameterUse", "a pattern to match cannot take a parameter map; write {key: $" + properties->name + ".key}",
               properties->where);
    }
    expression(*properties, false);
}

void Binder::creation(const ast::PatternPart& part, bool is_create)
{
    if (!part.shortest.empty()) {
        semantic("InvalidShortestPath", part.shortest + "(...) can only be matched, not created", part.where);
    }
    if (!part.path_variable.empty()) introduce(part.path_variable, Kind::Path, part.where);
    auto with_where = [](const auto& element) { return element.predicate != nullptr; };
    if (std::any_of(part.nodes.begin(), part.nodes.end(), with_where) ||
        std::any_of(part.relationships.begin(), part.relationships.end(), with_where)) {
        syntax("InvalidPatternPredicate", "a pattern to create or merge cannot take WHERE", part.nodes.front().where);
    }
    std::set<std::string> created_here;
    for (const auto& node : part.nodes) {
        if (node.label_expression) {
            syntax("InvalidLabelExpression", "a node to create or merge takes labels (:A:B or :A&B), not |, ! or %",
                   node.where);
        }
        creation_properties(node.properties, is_create);
        if (node.variable.empty()) continue;
        auto found = scope_.find(node.variable);
        bool bound_before = found != scope_.end() && !created_here.contains(node.variable);
        if (found != scope_.end() && (!node.labels.empty() || node.properties) &&
            (bound_before || created_here.contains(node.variable))) {
            semantic("VariableAlreadyBound", "`" + node.variable + "` is already bound; it cannot get labels or properties here",
                     node.where);
        }
        if (bound_before && part.nodes.size() == 1) {  // CREATE (a) or MERGE (a) of a node matched before
            semantic("VariableAlreadyBound", "`" + node.variable + "` is already bound", node.where);
        }
        pattern_variable(node.variable, Kind::Node, node.where);
        created_here.insert(node.variable);
    }
    for (const auto& r : part.relationships) {
        if (!r.variable.empty() && scope_.contains(r.variable)) {
            semantic("VariableAlreadyBound", "`" + r.variable + "` is already bound; a relationship is created new", r.where);
        }
        if (r.type_expression) {
            syntax("InvalidLabelExpression", "a relationship to create or merge takes one type, not an expression", r.where);
        }
        if (r.types.size() != 1) {
            semantic("NoSingleRelationshipType", "a relationship to create needs exactly one type", r.where);
        }
        if (is_create && r.direction == ast::Direction::Either) {
            semantic("RequiresDirectedRelationship", "a relationship to create needs a direction", r.where);
        }
        if (r.variable_length) semantic("CreatingVarLength", "variable-length relationships cannot be created", r.where);
        creation_properties(r.properties, is_create);
        if (!r.variable.empty()) introduce(r.variable, Kind::Relationship, r.where);
    }
}

void Binder::set_items(const std::vector<ast::SetItem>& items)
{
    for (const auto& item : items) {
        if (item.target) expression(*item.target, false);
        if (item.value) expression(*item.value, false);
        if (!item.variable.empty() && !scope_.contains(item.variable)) {
            semantic("UndefinedVariable", "variable `" + item.variable + "` not defined", item.where);
        }
    }
}

void Binder::pattern_in_expression(const ast::PatternPart& part)
{
    if (!part.path_variable.empty()) pattern_variable(part.path_variable, Kind::Path, part.where);
    for (const auto& node : part.nodes) {
        pattern_variable(node.variable, Kind::Node, node.where);
        if (node.properties) expression(*node.properties, false);
    }
    for (const auto& r : part.relationships) {
        pattern_variable(r.variable, r.variable_length ? Kind::List : Kind::Relationship, r.where);
        if (r.properties) expression(*r.properties, false);
    }
    element_predicates(part);
}

}  // namespace actorgraph::cypher::binding
