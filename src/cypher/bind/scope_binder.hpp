#pragma once
// The binder's state and steps, shared by its files: binder.cpp (queries, clauses, projections, CALL),
// binder_patterns.cpp (patterns and what writes), binder_expressions.cpp (expressions) and
// binder_subqueries.cpp (EXISTS/COUNT/COLLECT { ... } and CALL { ... }).
#include <map>
#include <span>
#include <string>
#include <vector>

#include "cypher/bind/pattern_predicates.hpp"
#include "cypher/bind/static_kind.hpp"
#include "cypher/parse/ast.hpp"
#include "cypher/procedures/procedure.hpp"

namespace actorgraph::cypher::binding {

using Kind = StaticKind;
using Scope = std::map<std::string, Kind>;

/// A compile-time check failed. The TCK files every one (UndefinedVariable, VariableAlreadyBound, ...) under
/// SyntaxError, so both helpers throw that class; the names say which kind of rule was broken.
[[noreturn]] void semantic(const std::string& detail, const std::string& message, QueryPosition where);
[[noreturn]] void syntax(const std::string& detail, const std::string& message, QueryPosition where);

/// A subquery being checked: what holds it and the scope around it.
struct Nested {
    enum class Form { Exists, Count, Collect, Call } form = Form::Exists;
    const Scope* outer = nullptr;
};

/// A query (or a CALL { ... } inside one) cannot end with a CALL { ... } that returns rows.
void check_not_ending_with_rows(const ast::Clause& clause, const std::vector<std::string>& columns);

class Binder {
public:
    explicit Binder(std::span<const Procedure> defined) : defined_(defined) {}

    /// A statement, or (with `nested`) a subquery; returns the columns of its first single query.
    std::vector<std::string> query(const ast::Query& query, const Nested* nested = nullptr);

private:
    // Queries and clauses (binder.cpp).
    std::vector<std::string> single(const ast::SingleQuery& query);
    static std::string clause_name(ast::ClauseKind kind);
    std::vector<std::string> clause(const ast::Clause& clause);
    std::vector<std::string> call(const ast::Clause& clause);
    void call_arguments(const ast::ProcedureCall& call, const Procedure& procedure);
    static std::string signature(const Procedure& procedure);
    static Kind kind_of(ProcedureType type);
    void introduce(const std::string& name, Kind kind, QueryPosition where);
    std::vector<std::string> projection(const ast::Projection& projection, bool is_with, QueryPosition where);
    void constant(const ast::Expression& expression, const char* clause);
    static void variables_in(const ast::Expression& e, std::vector<std::string>& names);

    // Patterns (binder_patterns.cpp).
    void pattern_variable(const std::string& name, Kind kind, QueryPosition where);
    void pattern(const ast::Pattern& pattern, bool in_expression);
    void element_predicates(const ast::PatternPart& part);
    void creation_properties(const ast::ExpressionPtr& properties, bool is_create);
    void match_properties(const ast::ExpressionPtr& properties);
    void creation(const ast::PatternPart& part, bool is_create);
    void set_items(const std::vector<ast::SetItem>& items);
    void pattern_in_expression(const ast::PatternPart& part);

    // Expressions (binder_expressions.cpp).
    Kind variable_kind(const std::string& name) const;
    Kind kind_of(const ast::Expression& e) const;
    void kind_checks(const ast::Expression& e) const;
    void predicate(const ast::Expression& e);
    void expression(const ast::Expression& e, bool aggregates_allowed);

    // Subqueries (binder_subqueries.cpp).
    std::vector<std::string> subquery_part(const ast::SingleQuery& query, const Nested& nested);
    void subquery_expression(const ast::Expression& e);
    std::vector<std::string> call_subquery(const ast::Clause& clause);
    std::vector<std::string> call_subquery_part(const ast::SingleQuery& query, const Scope& outer);

    Scope scope_;
    PredicatePositions predicate_positions_;
    bool standalone_ = false;  ///< the single query being checked is one clause
    std::span<const Procedure> defined_;
};

}  // namespace actorgraph::cypher::binding
