#include "cypher/bind/binder.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "cypher/execute/aggregation.hpp"
#include "cypher/execute/functions.hpp"

namespace actorgraph::cypher {

namespace {

enum class Kind { Node, Relationship, Path, Any };

using Scope = std::map<std::string, Kind>;

// The TCK files every compile-time check under SyntaxError (UndefinedVariable, VariableAlreadyBound, ...).
[[noreturn]] void semantic(const std::string& detail, const std::string& message, QueryPosition where)
{
    throw Error(ErrorClass::SyntaxError, detail, Phase::compile, message, where);
}

// A literal that can never be a boolean (a number, string, list or map) where one is needed.
bool never_boolean(const ast::Expression& e)
{
    using K = ast::ExpressionKind;
    if (e.kind == K::Literal) return !e.literal.is_null() && !e.literal.is_boolean();
    return e.kind == K::ListLiteral || e.kind == K::MapLiteral;
}

[[noreturn]] void syntax(const std::string& detail, const std::string& message, QueryPosition where)
{
    throw Error(ErrorClass::SyntaxError, detail, Phase::compile, message, where);
}

std::string kind_name(Kind kind)
{
    switch (kind) {
    case Kind::Node: return "a node";
    case Kind::Relationship: return "a relationship";
    case Kind::Path: return "a path";
    case Kind::Any: return "a value";
    }
    return "a value";
}

class Binder {
public:
    void query(const ast::Query& query)
    {
        std::vector<std::string> first_columns;
        for (std::size_t i = 0; i < query.parts.size(); ++i) {
            auto columns = single(query.parts[i]);
            if (i == 0) {
                first_columns = columns;
            } else if (columns != first_columns) {
                auto sorted_a = first_columns, sorted_b = columns;
                std::sort(sorted_a.begin(), sorted_a.end());
                std::sort(sorted_b.begin(), sorted_b.end());
                if (sorted_a != sorted_b) {
                    semantic("DifferentColumnsInUnion", "all sides of UNION must return the same column names",
                             query.parts[i].clauses.front().where);
                }
            }
        }
        if (!query.union_all.empty() &&
            std::any_of(query.union_all.begin(), query.union_all.end(), [&](bool all) { return all != query.union_all[0]; })) {
            semantic("InvalidClauseComposition", "UNION and UNION ALL cannot be mixed", query.parts[1].clauses.front().where);
        }
    }

private:
    std::vector<std::string> single(const ast::SingleQuery& query)
    {
        scope_.clear();
        std::vector<std::string> columns;
        for (std::size_t i = 0; i < query.clauses.size(); ++i) {
            const auto& clause = query.clauses[i];
            bool last = i + 1 == query.clauses.size();
            if (clause.kind == ast::ClauseKind::Return && !last) {
                semantic("InvalidClauseComposition", "RETURN can only be the last clause", query.clauses[i + 1].where);
            }
            columns = this->clause(clause);
            if (last && (clause.kind == ast::ClauseKind::Match || clause.kind == ast::ClauseKind::With ||
                         clause.kind == ast::ClauseKind::Unwind)) {
                semantic("InvalidClauseComposition", "a query cannot end with " + clause_name(clause.kind) +
                                                         " (add RETURN)", clause.where);
            }
        }
        return columns;
    }

    static std::string clause_name(ast::ClauseKind kind)
    {
        switch (kind) {
        case ast::ClauseKind::Match: return "MATCH";
        case ast::ClauseKind::With: return "WITH";
        case ast::ClauseKind::Unwind: return "UNWIND";
        default: return "this clause";
        }
    }

    std::vector<std::string> clause(const ast::Clause& clause)
    {
        switch (clause.kind) {
        case ast::ClauseKind::Match:
            pattern(clause.pattern, false);
            if (clause.predicate) expression(*clause.predicate, false);
            return {};
        case ast::ClauseKind::Unwind:
            expression(*clause.expression, false);
            introduce(clause.variable, Kind::Any, clause.where);
            return {};
        case ast::ClauseKind::With:
        case ast::ClauseKind::Return: return projection(clause.projection, clause.kind == ast::ClauseKind::With, clause.where);
        case ast::ClauseKind::Create:
            for (const auto& part : clause.pattern) creation(part, true);
            return {};
        case ast::ClauseKind::Merge:
            creation(clause.pattern[0], false);
            set_items(clause.on_create);
            set_items(clause.on_match);
            return {};
        case ast::ClauseKind::Set:
        case ast::ClauseKind::Remove: set_items(clause.items); return {};
        case ast::ClauseKind::Delete:
            for (const auto& e : clause.deleted) {
                deleted_expression(*e);
                expression(*e, false);
            }
            return {};
        case ast::ClauseKind::Call: return {};
        }
        return {};
    }

    // DELETE takes entities: `n:Label` is REMOVE's business, and a literal or arithmetic is never an entity.
    static void deleted_expression(const ast::Expression& e)
    {
        using K = ast::ExpressionKind;
        if (e.kind == K::LabelCheck) syntax("InvalidDelete", "DELETE removes nodes and relationships; remove a label with REMOVE n:Label", e.where);
        bool never_entity = e.kind == K::Literal ? !e.literal.is_null()
                                                 : e.kind == K::Binary || e.kind == K::Unary || e.kind == K::Comparison ||
                                                       e.kind == K::MapLiteral || e.kind == K::ListLiteral;
        if (never_entity) syntax("InvalidArgumentType", "DELETE takes nodes, relationships and paths", e.where);
    }

    void introduce(const std::string& name, Kind kind, QueryPosition where)
    {
        if (scope_.contains(name)) semantic("VariableAlreadyBound", "variable `" + name + "` is already bound", where);
        scope_[name] = kind;
    }

    // A variable a pattern mentions: new ones join the scope; known ones must be of the same kind.
    void pattern_variable(const std::string& name, Kind kind, QueryPosition where)
    {
        if (name.empty()) return;
        auto found = scope_.find(name);
        if (found == scope_.end()) {
            scope_[name] = kind;
            return;
        }
        if (found->second != kind && found->second != Kind::Any && kind != Kind::Any) {
            semantic("VariableTypeConflict", "`" + name + "` is " + kind_name(found->second) + ", not " + kind_name(kind), where);
        }
    }

    void pattern(const ast::Pattern& pattern, bool in_expression)
    {
        std::set<std::string> relationships_here;
        for (const auto& part : pattern) {
            if (!part.shortest.empty()) shortest_part(part);
            if (!part.path_variable.empty()) {
                if (in_expression) {
                    pattern_variable(part.path_variable, Kind::Path, part.where);
                } else {
                    introduce(part.path_variable, Kind::Path, part.where);
                }
            }
            for (const auto& node : part.nodes) {
                pattern_variable(node.variable, Kind::Node, node.where);
                if (node.properties) expression(*node.properties, false);
            }
            for (const auto& r : part.relationships) {
                if (!r.variable.empty() && !relationships_here.insert(r.variable).second) {
                    semantic("RelationshipUniquenessViolation", "`" + r.variable + "` names two relationships of one pattern", r.where);
                }
                pattern_variable(r.variable, r.variable_length ? Kind::Any : Kind::Relationship, r.where);
                if (r.properties) expression(*r.properties, false);
                if (r.min_hops && r.max_hops && *r.min_hops > *r.max_hops) {
                    // An empty range matches nothing; openCypher accepts it.
                }
            }
        }
    }

    // Neo4j's rules: one relationship, at least 0 or 1 hops long.
    static void shortest_part(const ast::PatternPart& part)
    {
        if (part.relationships.size() != 1) {
            semantic("InvalidShortestPath", part.shortest + "(...) needs a pattern of exactly one relationship, such as (a)-[*]->(b)",
                     part.where);
        }
        const auto& r = part.relationships[0];
        if (r.variable_length && r.min_hops.value_or(1) > 1) {
            semantic("InvalidShortestPath", part.shortest + "(...) searches from length 0 or 1; filter longer ones with WHERE length(p) >= n",
                     r.where);
        }
    }

    void creation(const ast::PatternPart& part, bool is_create)
    {
        if (!part.shortest.empty()) {
            semantic("InvalidShortestPath", part.shortest + "(...) can only be matched, not created", part.where);
        }
        if (!part.path_variable.empty()) introduce(part.path_variable, Kind::Path, part.where);
        std::set<std::string> created_here;
        for (const auto& node : part.nodes) {
            if (node.properties) expression(*node.properties, false);
            if (node.variable.empty()) continue;
            auto found = scope_.find(node.variable);
            bool bound_before = found != scope_.end() && !created_here.contains(node.variable);
            if (found != scope_.end() && (!node.labels.empty() || node.properties) &&
                (bound_before || created_here.contains(node.variable))) {
                semantic("VariableAlreadyBound", "`" + node.variable + "` is already bound; it cannot get labels or properties here",
                         node.where);
            }
            if (!is_create && bound_before && part.nodes.size() == 1) {
                semantic("VariableAlreadyBound", "`" + node.variable + "` is already bound", node.where);
            }
            pattern_variable(node.variable, Kind::Node, node.where);
            created_here.insert(node.variable);
        }
        for (const auto& r : part.relationships) {
            if (r.types.size() != 1) {
                semantic("NoSingleRelationshipType", "a relationship to create needs exactly one type", r.where);
            }
            if (is_create && r.direction == ast::Direction::Either) {
                semantic("RequiresDirectedRelationship", "a relationship to create needs a direction", r.where);
            }
            if (r.variable_length) semantic("CreatingVarLength", "variable-length relationships cannot be created", r.where);
            if (r.properties) expression(*r.properties, false);
            if (!r.variable.empty()) introduce(r.variable, Kind::Relationship, r.where);
        }
    }

    void set_items(const std::vector<ast::SetItem>& items)
    {
        for (const auto& item : items) {
            if (item.target) expression(*item.target, false);
            if (item.value) expression(*item.value, false);
            if (!item.variable.empty() && !scope_.contains(item.variable)) {
                semantic("UndefinedVariable", "variable `" + item.variable + "` not defined", item.where);
            }
        }
    }

    std::vector<std::string> projection(const ast::Projection& projection, bool is_with, QueryPosition where)
    {
        if (projection.star && scope_.empty()) {
            syntax("NoVariablesInScope", "RETURN * and WITH * need variables in scope", where);
        }
        Scope next;
        std::vector<std::string> columns;
        if (projection.star) {
            next = scope_;
            for (const auto& [name, kind] : scope_) columns.push_back(name);
        }
        bool aggregating = false;
        for (const auto& item : projection.items) {
            expression(*item.expression, true);
            std::vector<const ast::Expression*> aggregates;
            collect_aggregates(*item.expression, aggregates);
            aggregating = aggregating || !aggregates.empty();
            if (is_with && !item.has_alias && item.expression->kind != ast::ExpressionKind::Variable) {
                semantic("NoExpressionAlias", "expressions in WITH must be aliased (use AS)", item.expression->where);
            }
            if (std::find(columns.begin(), columns.end(), item.alias) != columns.end()) {
                semantic("ColumnNameConflict", "the column name '" + item.alias + "' is used twice", item.expression->where);
            }
            columns.push_back(item.alias);
            Kind kind = Kind::Any;
            if (item.expression->kind == ast::ExpressionKind::Variable) {
                auto found = scope_.find(item.expression->name);
                if (found != scope_.end()) kind = found->second;
            }
            next[item.alias] = kind;
        }
        // ORDER BY sees the projected names and the variables before (with aggregation, an expression over
        // them is read on the group's first row, which is right for the grouping keys it may use). It may
        // aggregate only when the projection does.
        Scope order_scope = next;
        for (const auto& [name, kind] : scope_) order_scope.emplace(name, kind);
        scope_ = order_scope;
        for (const auto& sort : projection.order_by) {
            std::vector<const ast::Expression*> aggregates;
            collect_aggregates(*sort.expression, aggregates);
            if (!aggregating && !aggregates.empty()) {
                semantic("InvalidAggregation", "ORDER BY can aggregate only when the projection does", aggregates[0]->where);
            }
            expression(*sort.expression, true);
        }
        scope_ = {};
        if (projection.skip) constant(*projection.skip, "SKIP");
        if (projection.limit) constant(*projection.limit, "LIMIT");
        scope_ = next;
        if (projection.where) expression(*projection.where, false);
        return columns;
    }

    void constant(const ast::Expression& expression, const char* clause)
    {
        std::vector<std::string> names;
        variables_in(expression, names);
        if (!names.empty()) {
            syntax("NonConstantExpression", std::string(clause) + " cannot depend on variables", expression.where);
        }
        this->expression(expression, false);
        // A literal argument is checked now; a parameter when the statement runs.
        const auto* literal = &expression;
        bool negated = false;
        if (literal->kind == ast::ExpressionKind::Unary && literal->op == ast::Operator::Negate) {
            negated = true;
            literal = literal->children[0].get();
        }
        if (literal->kind != ast::ExpressionKind::Literal) return;
        const auto& value = literal->literal;
        if (!value.is_integer()) {
            syntax("InvalidArgumentType", std::string(clause) + " needs an integer, not " + type_name(value.type()),
                   expression.where);
        }
        if (negated != (value.as_integer() < 0) && value.as_integer() != 0) {
            syntax("NegativeIntegerArgument", std::string(clause) + " must not be negative", expression.where);
        }
    }

    static void variables_in(const ast::Expression& e, std::vector<std::string>& names)
    {
        if (e.kind == ast::ExpressionKind::Variable) names.push_back(e.name);
        for (const auto& child : e.children) {
            if (child) variables_in(*child, names);
        }
    }

    // Checks an expression; aggregates are allowed only where `aggregates_allowed` (projections, ORDER BY).
    void expression(const ast::Expression& e, bool aggregates_allowed)
    {
        using K = ast::ExpressionKind;
        switch (e.kind) {
        case K::Variable:
            if (!scope_.contains(e.name)) semantic("UndefinedVariable", "variable `" + e.name + "` not defined", e.where);
            return;
        case K::CountStar:
            if (!aggregates_allowed) semantic("InvalidAggregation", "count(*) is not allowed here", e.where);
            return;
        case K::FunctionCall: {
            if (!is_known_function(e.name)) {
                auto suggestion = closest_function(e.name);
                semantic("UnknownFunction", "unknown function '" + e.name + "'" +
                                                (suggestion.empty() ? "" : "; did you mean " + suggestion + "()?"), e.where);
            }
            bool aggregate = is_aggregate_function(e.name);
            if (aggregate && !aggregates_allowed) {
                semantic("InvalidAggregation", e.name + "() is an aggregation and not allowed here", e.where);
            }
            for (const auto& child : e.children) {
                std::vector<const ast::Expression*> nested;
                if (aggregate) {
                    collect_aggregates(*child, nested);
                    if (!nested.empty()) semantic("NestedAggregation", "aggregations cannot be nested", nested[0]->where);
                }
                expression(*child, aggregates_allowed && !aggregate);
            }
            return;
        }
        case K::ListComprehension:
        case K::Quantifier: {
            expression(*e.children[0], aggregates_allowed);
            auto saved = scope_;
            scope_[e.name] = Kind::Any;
            for (std::size_t i = 1; i < e.children.size(); ++i) {
                if (e.children[i]) expression(*e.children[i], false);
            }
            scope_ = std::move(saved);
            return;
        }
        case K::Reduce: {
            expression(*e.children[0], aggregates_allowed);
            expression(*e.children[1], aggregates_allowed);
            auto saved = scope_;
            scope_[e.keys[0]] = Kind::Any;
            scope_[e.name] = Kind::Any;
            expression(*e.children[2], false);
            scope_ = std::move(saved);
            return;
        }
        case K::PatternComprehension:
        case K::PatternPredicate: {
            auto saved = scope_;
            pattern_in_expression(*e.pattern);
            for (const auto& child : e.children) {
                if (child) expression(*child, false);
            }
            scope_ = std::move(saved);
            return;
        }
        case K::Unary:
        case K::Binary:
            if (e.op == ast::Operator::And || e.op == ast::Operator::Or || e.op == ast::Operator::Xor ||
                e.op == ast::Operator::Not) {
                for (const auto& child : e.children) {
                    if (never_boolean(*child)) {
                        syntax("InvalidArgumentType", "a boolean operator needs booleans", child->where);
                    }
                }
            }
            for (const auto& child : e.children) expression(*child, aggregates_allowed);
            return;
        case K::MapProjection:
            expression(*e.children[0], aggregates_allowed);
            for (const auto& item : e.map_items) {
                if (item.kind == ast::MapProjectionItem::Kind::Variable && !scope_.contains(item.key)) {
                    semantic("UndefinedVariable", "variable `" + item.key + "` not defined", e.where);
                }
                if (item.kind == ast::MapProjectionItem::Kind::Entry) {
                    expression(*e.children[static_cast<std::size_t>(item.child)], aggregates_allowed);
                }
            }
            return;
        default:
            for (const auto& child : e.children) {
                if (child) expression(*child, aggregates_allowed);
            }
        }
    }

    void pattern_in_expression(const ast::PatternPart& part)
    {
        if (!part.path_variable.empty()) pattern_variable(part.path_variable, Kind::Path, part.where);
        for (const auto& node : part.nodes) {
            pattern_variable(node.variable, Kind::Node, node.where);
            if (node.properties) expression(*node.properties, false);
        }
        for (const auto& r : part.relationships) {
            pattern_variable(r.variable, r.variable_length ? Kind::Any : Kind::Relationship, r.where);
            if (r.properties) expression(*r.properties, false);
        }
    }

    Scope scope_;
};

}  // namespace

void bind(const ast::Query& query)
{
    Binder().query(query);
}

namespace {

void check_expression_parameters(const ast::Expression* e, const Map& parameters)
{
    if (!e) return;
    if (e->kind == ast::ExpressionKind::Parameter && !parameters.contains(e->name)) {
        throw Error(ErrorClass::ParameterMissing, "MissingParameter", Phase::compile,
                    "expected a parameter named $" + e->name, e->where);
    }
    for (const auto& child : e->children) check_expression_parameters(child.get(), parameters);
    if (e->pattern) {
        for (const auto& node : e->pattern->nodes) check_expression_parameters(node.properties.get(), parameters);
        for (const auto& r : e->pattern->relationships) check_expression_parameters(r.properties.get(), parameters);
    }
}

}  // namespace

void check_parameters(const ast::Query& query, const Map& parameters)
{
    auto check = [&](const ast::Expression* e) { check_expression_parameters(e, parameters); };
    for (const auto& part : query.parts) {
        for (const auto& clause : part.clauses) {
            for (const auto& pattern_part : clause.pattern) {
                for (const auto& node : pattern_part.nodes) check(node.properties.get());
                for (const auto& r : pattern_part.relationships) check(r.properties.get());
            }
            check(clause.predicate.get());
            check(clause.expression.get());
            for (const auto& item : clause.projection.items) check(item.expression.get());
            for (const auto& sort : clause.projection.order_by) check(sort.expression.get());
            check(clause.projection.skip.get());
            check(clause.projection.limit.get());
            check(clause.projection.where.get());
            for (const auto* items : {&clause.items, &clause.on_create, &clause.on_match}) {
                for (const auto& item : *items) {
                    check(item.target.get());
                    check(item.value.get());
                }
            }
            for (const auto& e : clause.deleted) check(e.get());
        }
    }
}

bool writes(const ast::Query& query)
{
    for (const auto& part : query.parts) {
        for (const auto& clause : part.clauses) {
            switch (clause.kind) {
            case ast::ClauseKind::Create:
            case ast::ClauseKind::Merge:
            case ast::ClauseKind::Set:
            case ast::ClauseKind::Remove:
            case ast::ClauseKind::Delete: return true;
            default: break;
            }
        }
    }
    return false;
}

}  // namespace actorgraph::cypher
