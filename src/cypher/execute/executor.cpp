#include "cypher/execute/executor.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include "cypher/execute/evaluator.hpp"
#include "cypher/execute/expression_reads.hpp"
#include "cypher/execute/matcher.hpp"

namespace actorgraph::cypher {

Result Executor::run(const ast::Query& query)
{
    Table start;
    start.rows.emplace_back();
    Table combined = run_from(query, start);
    Result result;
    result.columns = std::move(combined.columns);
    result.rows = std::move(combined.rows);
    return result;
}

Table Executor::run_from(const ast::Query& query, const Table& start)
{
    std::vector<Table> sides;
    for (const auto& part : query.parts) sides.push_back(single_query(part, start));
    return union_of(query, std::move(sides));
}

Table Executor::union_of(const ast::Query& query, std::vector<Table> sides)
{
    Table combined = std::move(sides[0]);
    for (std::size_t i = 1; i < sides.size(); ++i) {
        Table& next = sides[i];
        // Columns are matched by name: the binder made sure both sides have the same names.
        std::vector<std::size_t> order;
        for (const auto& name : combined.columns) {
            order.push_back(static_cast<std::size_t>(std::find(next.columns.begin(), next.columns.end(), name) -
                                                      next.columns.begin()));
        }
        for (auto& row : next.rows) {
            Row reordered;
            for (auto index : order) reordered.push_back(index < row.size() ? std::move(row[index]) : Value());
            combined.rows.push_back(std::move(reordered));
        }
        context_.check_rows(combined.rows.size());
        if (!query.union_all[i - 1]) {
            std::set<Row, ValueOrder> seen;
            std::vector<Row> distinct;
            for (auto& row : combined.rows) {
                if (seen.insert(row).second) distinct.push_back(std::move(row));
            }
            combined.rows = std::move(distinct);
        }
    }
    return combined;
}

Table Executor::single_query(const ast::SingleQuery& query, Table table)
{
    bool returned = false;
    // A query that is only a CALL returns what the procedure yields.
    bool standalone_call = query.clauses.size() == 1 && query.clauses[0].kind == ast::ClauseKind::Call;
    for (std::size_t i = 0; i < query.clauses.size(); ++i) {
        const auto* clause = &query.clauses[i];
        try {
            if (standalone_call) {
                call(table, *clause, true);
            } else if (streams_into_next(query, i)) {
                match_then_project(table, *clause, query.clauses[i + 1].projection);
                clause = &query.clauses[++i];
            } else {
                run_clause(table, *clause);
            }
        } catch (const Error& error) {
            // Errors raised where no position is known (the graph's checks) point at their clause.
            if (error.position().line > 0) throw;
            throw error.placed_at(clause->where);
        }
        returned = clause->kind == ast::ClauseKind::Return || standalone_call;
        context_.check_rows(table.rows.size());
    }
    if (!returned) return {};
    return table;
}

void Executor::run_clause(Table& table, const ast::Clause& clause)
{
    switch (clause.kind) {
    case ast::ClauseKind::Match: match(table, clause); break;
    case ast::ClauseKind::Unwind: unwind(table, clause); break;
    case ast::ClauseKind::With: project(table, clause.projection, false); break;
    case ast::ClauseKind::Return: project(table, clause.projection, true); break;
    case ast::ClauseKind::Create: create(table, clause); break;
    case ast::ClauseKind::Merge: merge(table, clause); break;
    case ast::ClauseKind::Set: set(table, clause.items); break;
    case ast::ClauseKind::Remove: remove(table, clause); break;
    case ast::ClauseKind::Delete: delete_entities(table, clause); break;
    case ast::ClauseKind::Call: call(table, clause, false); break;
    case ast::ClauseKind::Subquery: call_subquery(table, clause); break;
    }
}

void Executor::match(Table& table, const ast::Clause& clause)
{
    PatternMatcher matcher(context_, clause.pattern, table.columns);
    std::vector<Row> output;
    match_rows(table, clause, matcher, [&](const Row& found) {
        output.push_back(found);
        context_.check_rows(output.size());
    });
    table.columns = matcher.columns();
    table.rows = std::move(output);
}

// The rows a MATCH produces from each input row, in order: its matches that pass WHERE, or for OPTIONAL MATCH
// the input padded with nulls when none does.
void Executor::match_rows(const Table& table, const ast::Clause& clause, PatternMatcher& matcher, const RowSink& take)
{
    // The matcher checks WHERE while it matches, each AND-ed part as early as it can.
    if (clause.predicate) matcher.add_conditions(conjuncts(*clause.predicate));
    for (const auto& input : table.rows) {
        bool any = false;
        matcher.match(input, [&](const Row& found) {
            any = true;
            take(found);
        });
        if (!any && clause.optional) {
            Row padded = input;
            padded.resize(matcher.columns().size());
            take(padded);
        }
    }
}

// A MATCH directly followed by WITH or RETURN hands its rows to the projection as it finds them, so an
// aggregation over millions of matches never holds them all (the rows the projection keeps are the same).
bool Executor::streams_into_next(const ast::SingleQuery& query, std::size_t i)
{
    if (i + 1 >= query.clauses.size() || query.clauses[i].kind != ast::ClauseKind::Match) return false;
    auto next = query.clauses[i + 1].kind;
    return next == ast::ClauseKind::With || next == ast::ClauseKind::Return;
}

namespace {

bool is_named(const std::string& name, std::string_view wanted)
{
    return std::equal(name.begin(), name.end(), wanted.begin(), wanted.end(),
                      [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; });
}

// The one label L when the statement so far is a lone `MATCH (n:L)` (no properties, no WHERE, not OPTIONAL,
// nothing bound before it) projected to a lone `count(*)` or `count(n)` with no ORDER BY, SKIP, LIMIT or WITH
// ... WHERE: then every row it would count is one actor of L, each counted once.
const std::string* counted_label(const Table& table, const ast::Clause& match, const ast::Projection& projection)
{
    if (!table.columns.empty() || table.rows.size() != 1 || match.optional || match.predicate) return nullptr;
    if (match.pattern.size() != 1) return nullptr;
    const auto& part = match.pattern[0];
    if (part.nodes.size() != 1 || !part.path_variable.empty() || !part.shortest.empty()) return nullptr;
    const auto& node = part.nodes[0];
    if (node.labels.size() != 1 || node.properties) return nullptr;
    if (projection.items.size() != 1 || projection.star || projection.where || !projection.order_by.empty() ||
        projection.skip || projection.limit) {
        return nullptr;
    }
    const auto& counted = *projection.items[0].expression;
    if (counted.kind == ast::ExpressionKind::CountStar) return &node.labels[0];
    bool counts_node = counted.kind == ast::ExpressionKind::FunctionCall && is_named(counted.name, "count") &&
                       counted.children.size() == 1 && counted.children[0]->kind == ast::ExpressionKind::Variable &&
                       !node.variable.empty() && counted.children[0]->name == node.variable;
    return counts_node ? &node.labels[0] : nullptr;
}

}  // namespace

// `MATCH (n:L) RETURN count(*)` is the size of L's list in the label index (less the nodes this statement
// deleted); any other shape goes through the matcher.
bool Executor::count_label(Table& table, const ast::Clause& match_clause, const ast::Projection& projection)
{
    const auto* label = counted_label(table, match_clause, projection);
    if (!label) return false;
    auto nodes = context_.graph.nodes_with_label(*label);
    auto count = static_cast<std::int64_t>(nodes.size());
    if (context_.graph.deleted_any_node()) {
        count = std::count_if(nodes.begin(), nodes.end(), [&](ActorIndex n) { return !context_.graph.node_deleted(n); });
    }
    table.columns = {projection.items[0].alias};
    table.rows = {Row{Value::integer(count)}};
    return true;
}

void Executor::match_then_project(Table& table, const ast::Clause& match_clause, const ast::Projection& projection)
{
    if (count_label(table, match_clause, projection)) return;
    PatternMatcher matcher(context_, match_clause.pattern, table.columns);
    Table input = std::move(table);
    bool lone = input.columns.empty() && input.rows.size() == 1;
    project(table, matcher.columns(), [&](const RowSink& take) { match_rows(input, match_clause, matcher, take); },
            projection, lone ? &match_clause : nullptr);
}

void Executor::unwind(Table& table, const ast::Clause& clause)
{
    std::vector<Row> output;
    for (auto& input : table.rows) {
        Value list;
        {
            Evaluator evaluator(context_, table.columns, input);
            list = evaluator.eval(*clause.expression);
        }
        if (list.is_null()) continue;
        if (!list.is_list()) {
            input.push_back(std::move(list));
            output.push_back(std::move(input));
            continue;
        }
        for (const auto& element : list.as_list()) {
            context_.tick();  // a long list unwinds in steps that count (and so can be cancelled)
            Row row = input;
            row.push_back(element);
            output.push_back(std::move(row));
            context_.check_rows(output.size());
        }
    }
    table.columns.push_back(clause.variable);
    table.rows = std::move(output);
}

}  // namespace actorgraph::cypher
