// EXISTS { ... }: the subquery runs from the row it is evaluated on, so it reads (is correlated with) the
// variables around it, and stops at the first row that comes through.
#include "cypher/execute/evaluator.hpp"
#include "cypher/execute/executor.hpp"
#include "cypher/execute/matcher.hpp"

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

bool Executor::exists(const ast::Query& query, const Columns& columns, const Row& row)
{
    if (is_single_match(query)) {
        const auto& clause = query.parts[0].clauses[0];
        PatternMatcher matcher(context_, clause.pattern, columns);
        bool found = false;
        matcher.match(row, std::function<bool(const Row&)>([&](const Row& candidate) {
            if (clause.predicate && !Evaluator(context_, matcher.columns(), candidate).holds(*clause.predicate)) {
                return true;
            }
            found = true;
            return false;
        }));
        return found;
    }
    for (const auto& part : query.parts) {
        Table table{columns, {row}};
        for (const auto& clause : part.clauses) {
            try {
                run_clause(table, clause);
            } catch (const Error& error) {
                if (error.position().line > 0) throw;
                throw error.placed_at(clause.where);
            }
            if (table.rows.empty()) break;
        }
        if (!table.rows.empty()) return true;
    }
    return false;
}

Value Evaluator::existential(const ast::Expression& e)
{
    auto [columns, row] = flattened_scope();
    Executor executor(context_);
    return Value::boolean(executor.exists(*e.subquery, columns, row));
}

}  // namespace actorgraph::cypher
