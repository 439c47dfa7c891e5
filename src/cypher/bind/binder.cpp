#include "cypher/bind/binder.hpp"
#include "cypher/bind/aggregation_rules.hpp"
#include "cypher/bind/clause_rules.hpp"
#include "cypher/bind/pattern_predicates.hpp"
#include "cypher/bind/static_kind.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "cypher/execute/aggregation.hpp"
#include "cypher/execute/functions.hpp"
#include "cypher/procedures/procedure.hpp"
#include "actorgraph/model/spelling.hpp"

namespace actorgraph::cypher {

namespace {

using Kind = StaticKind;

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

class Binder {
public:
    explicit Binder(std::span<const Procedure> defined) : defined_(defined) {}

    /// A statement, or (with `outer` the scope around it) the subquery of an EXISTS.
    void query(const ast::Query& query, const Scope* outer = nullptr)
    {
        std::vector<std::string> first_columns;
        for (std::size_t i = 0; i < query.parts.size(); ++i) {
            auto columns = outer ? subquery_part(query.parts[i], *outer) : single(query.parts[i]);
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
            standalone_ = query.clauses.size() == 1;
            columns = this->clause(clause);
            if (last && !standalone_ && clause.kind == ast::ClauseKind::Call &&
                !find_procedure(clause.call.name, defined_)->outputs.empty()) {
                semantic("InvalidClauseComposition", "a query cannot end with a CALL that yields rows (add RETURN)",
                         clause.where);
            }
            if (last && (clause.kind == ast::ClauseKind::Match || clause.kind == ast::ClauseKind::With ||
                         clause.kind == ast::ClauseKind::Unwind)) {
                semantic("InvalidClauseComposition", "a query cannot end with " + clause_name(clause.kind) +
                                                         " (add RETURN)", clause.where);
            }
        }
        return columns;
    }

    // EXISTS { ... } reads the variables around it and may not write; it may end with any reading clause.
    std::vector<std::string> subquery_part(const ast::SingleQuery& query, const Scope& outer)
    {
        scope_ = outer;
        standalone_ = false;
        std::vector<std::string> columns;
        for (std::size_t i = 0; i < query.clauses.size(); ++i) {
            const auto& clause = query.clauses[i];
            if (clause.kind == ast::ClauseKind::Return && i + 1 != query.clauses.size()) {
                semantic("InvalidClauseComposition", "RETURN can only be the last clause", query.clauses[i + 1].where);
            }
            if (writes(clause.kind)) {
                semantic("InvalidClauseComposition", "an EXISTS subquery cannot change the graph", clause.where);
            }
            columns = this->clause(clause);
        }
        return columns;
    }

    void existential(const ast::Expression& e)
    {
        auto saved = scope_;
        bool saved_standalone = standalone_;
        query(*e.subquery, &saved);
        scope_ = std::move(saved);
        standalone_ = saved_standalone;
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
            if (clause.predicate) predicate(*clause.predicate);
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
                check_deleted_expression(*e);
                expression(*e, false);
            }
            return {};
        case ast::ClauseKind::Call: return call(clause);
        }
        return {};
    }

    // Neo4j's rules: the arguments in parentheses (or, standalone only, implicitly the parameters named like
    // the inputs); YIELD binds new variables; a standalone call without YIELD returns every output.
    std::vector<std::string> call(const ast::Clause& clause)
    {
        const auto& call = clause.call;
        const Procedure* procedure = find_procedure(call.name, defined_);
        if (!procedure) {
            auto names = procedure_names(defined_);
            auto suggestion = closest_word(call.name, names);
            throw Error(ErrorClass::ProcedureError, "ProcedureNotFound", Phase::compile,
                        "there is no procedure '" + call.name + "'" + (suggestion ? "; did you mean " + *suggestion + "()?" : ""),
                        clause.where);
        }
        call_arguments(call, *procedure);
        if (call.yield_star && !standalone_) {
            syntax("UnexpectedSyntax", "YIELD * is only allowed when CALL is the whole query", clause.where);
        }
        std::vector<std::string> columns;
        if (!call.has_yield || call.yield_star) {
            for (const auto& output : procedure->outputs) columns.push_back(output.name);
            if (standalone_) {
                for (const auto& output : procedure->outputs) introduce(output.name, kind_of(output.type), clause.where);
            }
        }
        for (const auto& item : call.yields) {
            auto output = std::find_if(procedure->outputs.begin(), procedure->outputs.end(),
                                       [&](const ProcedureField& f) { return f.name == item.field; });
            if (output == procedure->outputs.end()) {
                std::vector<std::string> known;
                for (const auto& f : procedure->outputs) known.push_back(f.name);
                syntax("UnknownProcedureOutput", unknown_word_message("output of " + call.name, item.field, known), item.where);
            }
            introduce(item.alias, kind_of(output->type), item.where);
            columns.push_back(item.alias);
        }
        if (clause.predicate) predicate(*clause.predicate);
        return columns;
    }

    void call_arguments(const ast::ProcedureCall& call, const Procedure& procedure)
    {
        if (call.implicit_arguments) {
            if (!standalone_ && !procedure.inputs.empty()) {
                syntax("InvalidArgumentPassingMode", call.name + " takes arguments: pass them in parentheses",
                       call.arguments_where);
            }
            return;
        }
        if (call.arguments.size() != procedure.inputs.size()) {
            syntax("InvalidNumberOfArguments", call.name + " takes " + std::to_string(procedure.inputs.size()) +
                                                   " argument(s) (" + signature(procedure) + "), not " +
                                                   std::to_string(call.arguments.size()), call.arguments_where);
        }
        for (std::size_t i = 0; i < call.arguments.size(); ++i) {
            const auto& argument = *call.arguments[i];
            expression(argument, false);
            const auto& input = procedure.inputs[i];
            if (argument.kind == ast::ExpressionKind::Literal && !accepts(input.type, argument.literal)) {
                syntax("InvalidArgumentType", "argument '" + input.name + "' of " + call.name + " must be " +
                                                  std::string(procedure_type_name(input.type)) + ", not " +
                                                  type_name(argument.literal.type()), argument.where);
            }
        }
    }

    static std::string signature(const Procedure& procedure)
    {
        std::string text;
        for (const auto& input : procedure.inputs) {
            if (!text.empty()) text += ", ";
            text += input.name + " :: " + std::string(procedure_type_name(input.type));
        }
        return text;
    }

    static Kind kind_of(ProcedureType type) { return type == ProcedureType::Node ? Kind::Node : Kind::Any; }

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
            semantic("VariableTypeConflict", "`" + name + "` is " + static_kind_name(found->second) + ", not " + static_kind_name(kind), where);
        }
    }

    void pattern(const ast::Pattern& pattern, bool in_expression)
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
    }

    // CREATE takes a parameter map as the properties to give; MERGE, which also matches, does not.
    void creation_properties(const ast::ExpressionPtr& properties, bool is_create)
    {
        if (!is_create) return match_properties(properties);
        if (properties) expression(*properties, false);
    }

    // A parameter can give a property's value, not the whole map a MATCH or MERGE compares (as in Neo4j).
    void match_properties(const ast::ExpressionPtr& properties)
    {
        if (!properties) return;
        if (properties->kind == ast::ExpressionKind::Parameter) {
            syntax("InvalidParameterUse", "a pattern to match cannot take a parameter map; write {key: $" + properties->name + ".key}",
                   properties->where);
        }
        expression(*properties, false);
    }

    void creation(const ast::PatternPart& part, bool is_create)
    {
        if (!part.shortest.empty()) {
            semantic("InvalidShortestPath", part.shortest + "(...) can only be matched, not created", part.where);
        }
        if (!part.path_variable.empty()) introduce(part.path_variable, Kind::Path, part.where);
        std::set<std::string> created_here;
        for (const auto& node : part.nodes) {
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
        if (projection.star && scope_.empty() && !is_with) {
            syntax("NoVariablesInScope", "RETURN * needs variables in scope", where);
        }
        Scope next;
        std::vector<std::string> columns;
        if (projection.star) {
            next = scope_;
            for (const auto& [name, kind] : scope_) columns.push_back(name);
        }
        bool aggregating = false;
        const ast::Expression* unaliased = nullptr;  // reported after the aggregation rules, as Neo4j orders them
        for (const auto& item : projection.items) {
            expression(*item.expression, true);
            std::vector<const ast::Expression*> aggregates;
            collect_aggregates(*item.expression, aggregates);
            aggregating = aggregating || !aggregates.empty();
            if (is_with && !item.has_alias && item.expression->kind != ast::ExpressionKind::Variable && !unaliased) {
                unaliased = item.expression.get();
            }
            if (std::find(columns.begin(), columns.end(), item.alias) != columns.end()) {
                semantic("ColumnNameConflict", "the column name '" + item.alias + "' is used twice", item.expression->where);
            }
            columns.push_back(item.alias);
            next[item.alias] = kind_of(*item.expression);
        }
        check_projection_aggregation(projection, aggregating, columns);
        if (unaliased) semantic("NoExpressionAlias", "expressions in WITH must be aliased (use AS)", unaliased->where);
        // ORDER BY sees the projected names and the variables before (with aggregation, an expression over
        // them is read on the group's first row; aggregation_rules.cpp narrows what an aggregating or DISTINCT
        // projection's ORDER BY may read). It may aggregate only when the projection does.
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
        // WITH's WHERE reads the projected names and, unless the projection aggregates, the variables before.
        scope_ = aggregating ? next : order_scope;
        if (projection.where) predicate(*projection.where);
        scope_ = next;
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

    Kind variable_kind(const std::string& name) const
    {
        auto found = scope_.find(name);
        return found == scope_.end() ? Kind::Any : found->second;
    }

    Kind kind_of(const ast::Expression& e) const
    {
        return static_kind(e, [this](const std::string& name) { return variable_kind(name); });
    }

    // Uses that the operands' kinds rule out before the statement runs.
    void kind_checks(const ast::Expression& e) const
    {
        if (e.kind == ast::ExpressionKind::Property) check_property_access(e, kind_of(*e.children[0]));
        if (e.kind == ast::ExpressionKind::Binary && e.op == ast::Operator::In) check_membership(e, kind_of(*e.children[1]));
        if (e.kind == ast::ExpressionKind::Binary) check_arithmetic(e, kind_of(*e.children[0]), kind_of(*e.children[1]));
        if (e.kind == ast::ExpressionKind::FunctionCall) {
            std::vector<Kind> kinds;
            for (const auto& child : e.children) kinds.push_back(kind_of(*child));
            check_argument_kinds(e, kinds);
        }
    }

    void predicate(const ast::Expression& e)
    {
        predicate_positions_.insert(&e);
        expression(e, false);
        check_predicate(e, kind_of(e));
    }

    // Checks an expression; aggregates are allowed only where `aggregates_allowed` (projections, ORDER BY).
    void expression(const ast::Expression& e, bool aggregates_allowed)
    {
        using K = ast::ExpressionKind;
        kind_checks(e);
        mark_predicate_operands(e, predicate_positions_);
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
            scope_[e.name] = element_kind(*e.children[0], [this](const std::string& name) { return variable_kind(name); });
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
            if (e.kind == K::PatternPredicate) {
                check_pattern_predicate(e, predicate_positions_, [this](const std::string& name) { return scope_.contains(name); });
            }
            auto saved = scope_;
            pattern_in_expression(*e.pattern);
            for (const auto& child : e.children) {
                if (child) expression(*child, false);
            }
            scope_ = std::move(saved);
            return;
        }
        case K::Existential: existential(e); return;
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
            pattern_variable(r.variable, r.variable_length ? Kind::List : Kind::Relationship, r.where);
            if (r.properties) expression(*r.properties, false);
        }
    }

    Scope scope_;
    PredicatePositions predicate_positions_;
    bool standalone_ = false;  ///< the single query being checked is one clause
    std::span<const Procedure> defined_;
};

}  // namespace

void bind(const ast::Query& query, std::span<const Procedure> defined)
{
    Binder(defined).query(query);
}

}  // namespace actorgraph::cypher
