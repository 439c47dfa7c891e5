// Subqueries in expressions. EXISTS, COUNT and COLLECT { ... } run from the row they are evaluated on, so they
// read (are correlated with) the variables around them; EXISTS stops at the first row that comes through.
#include "cypher/execute/evaluator.hpp"
#include "cypher/execute/executor.hpp"
#include "cypher/execute/matcher.hpp"

#include <functional>

namespace actorgraph::cypher {

namespace {

// The short form `EXISTS { (a)-->(b) WHERE ... }` and a lone MATCH: one matcher that stops at the first match.
bool is_single_match(const ast::Query& query)
{
    if (query.parts.size() != 1 || query.parts[0].clauses.size() != 1) return false;
    const auto& clause = query.parts[0].clauses[0];
    return clause.kind == ast::ClauseKind::Match && !clause.optional;
}

}  // namespace

// The matches of a lone MATCH from the row, each handed to `found` (which returns false to stop), none kept.
void Executor::each_match(const ast::Clause& clause, const Columns& columns, const Row& row,
                          const std::function<bool()>& found)
{
    PatternMatcher matcher(context_, clause.pattern, columns);
    matcher.match(row, std::function<bool(const Row&)>([&](const Row& candidate) {
        if (clause.predicate && !Evaluator(context_, matcher.columns(), candidate).holds(*clause.predicate)) {
            return true;
        }
        return found();
    }));
}

void Executor::run_clauses(Table& table, const ast::SingleQuery& part)
{
    for (const auto& clause : part.clauses) {
        try {
            run_clause(table, clause);
        } catch (const Error& error) {
            if (error.position().line > 0) throw;
            throw error.placed_at(clause.where);
        }
        // No early stop when no row is left: an aggregation after it still makes one (count(*) = 0).
        context_.check_rows(table.rows.size());
    }
}

bool Executor::exists(const ast::Query& query, const Columns& columns, const Row& row)
{
    if (is_single_match(query)) {
        bool found = false;
        each_match(query.parts[0].clauses[0], columns, row, [&] {
            found = true;
            return false;
        });
        return found;
    }
    for (const auto& part : query.parts) {
        Table table{columns, {row}};
        run_clauses(table, part);
        if (!table.rows.empty()) return true;
    }
    return false;
}

std::int64_t Executor::count(const ast::Query& query, const Columns& columns, const Row& row)
{
    if (!is_single_match(query)) return static_cast<std::int64_t>(subquery_rows(query, columns, row).rows.size());
    std::int64_t found = 0;
    each_match(query.parts[0].clauses[0], columns, row, [&] {
        ++found;
        context_.tick();
        return true;
    });
    return found;
}

Table Executor::subquery_rows(const ast::Query& query, const Columns& columns, const Row& row)
{
    Table start{columns, {row}};
    if (query.parts.size() > 1) return run_from(query, start);
    // Without UNION the clauses need not end in RETURN (COUNT { MATCH ... WHERE ... } counts the matches).
    run_clauses(start, query.parts[0]);
    return start;
}

Value Evaluator::existential(const ast::Expression& e)
{
    auto [columns, row] = flattened_scope();
    Executor executor(context_);
    return Value::boolean(executor.exists(*e.subquery, columns, row));
}

Value Evaluator::counted_subquery(const ast::Expression& e)
{
    auto [columns, row] = flattened_scope();
    Executor executor(context_);
    return Value::integer(executor.count(*e.subquery, columns, row));
}

Value Evaluator::collected_subquery(const ast::Expression& e)
{
    auto [columns, row] = flattened_scope();
    Executor executor(context_);
    auto table = executor.subquery_rows(*e.subquery, columns, row);
    List values;
    values.reserve(table.rows.size());
    // The binder made sure the subquery returns exactly one column.
    for (auto& returned : table.rows) values.push_back(returned.empty() ? Value() : std::move(returned[0]));
    return Value::list(std::move(values));
}

}  // namespace actorgraph::cypher
