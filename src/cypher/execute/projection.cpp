// WITH and RETURN: projection, grouping with aggregation, DISTINCT, ORDER BY, SKIP, LIMIT and WITH's WHERE.
#include <algorithm>
#include <optional>
#include <set>

#include "cypher/execute/aggregation.hpp"
#include "cypher/execute/scan_aggregation.hpp"
#include "cypher/execute/evaluator.hpp"
#include "cypher/execute/executor.hpp"
#include "cypher/execute/functions.hpp"
#include "cypher/execute/grouping.hpp"
#include "cypher/execute/ordered_rows.hpp"

namespace actorgraph::cypher {

namespace {

struct Item {
    const ast::Expression* expression;
    std::string name;
    bool aggregating;
};

// The items of a projection: `*` expands to the variables in scope, by name; then the aggregate calls of the
// items and, after them, those only ORDER BY makes.
struct Items {
    std::vector<Item> items;
    std::vector<std::unique_ptr<ast::Expression>> star_variables;
    std::vector<const ast::Expression*> aggregate_calls;
    std::size_t item_aggregates = 0;
};

Items items_of(const ast::Projection& projection, const Columns& input_columns)
{
    Items result;
    if (projection.star) {
        Columns names = input_columns;
        std::sort(names.begin(), names.end());
        for (const auto& name : names) {
            auto variable = std::make_unique<ast::Expression>();
            variable->kind = ast::ExpressionKind::Variable;
            variable->name = name;
            result.items.push_back({variable.get(), name, false});
            result.star_variables.push_back(std::move(variable));
        }
    }
    for (const auto& item : projection.items) {
        std::size_t before = result.aggregate_calls.size();
        collect_aggregates(*item.expression, result.aggregate_calls);
        result.items.push_back({item.expression.get(), item.alias, result.aggregate_calls.size() > before});
    }
    result.item_aggregates = result.aggregate_calls.size();
    for (const auto& sort : projection.order_by) collect_aggregates(*sort.expression, result.aggregate_calls);
    return result;
}

// Whether an expression evaluated after grouping may read an input variable outside its aggregate calls (whose
// values are given): a variable not hidden by a projected name, or a kind that reads the row in ways not seen
// here (patterns, subqueries, map projections). When none does, a group keeps no copy of its first input row
// (600k groups in a top 10 copied 600k rows).
bool reads_input_row(const ast::Expression& expression, const Columns& hiding_names)
{
    using Kind = ast::ExpressionKind;
    switch (expression.kind) {
    case Kind::CountStar: return false;
    case Kind::FunctionCall:
        if (is_aggregate_function(expression.name)) return false;
        break;
    case Kind::Variable:
        return std::find(hiding_names.begin(), hiding_names.end(), expression.name) == hiding_names.end();
    case Kind::PatternComprehension:
    case Kind::PatternPredicate:
    case Kind::MapProjection:
    case Kind::Existential:
    case Kind::CountSubquery:
    case Kind::CollectSubquery: return true;
    default: break;
    }
    return std::any_of(expression.children.begin(), expression.children.end(),
                       [&](const auto& child) { return child && reads_input_row(*child, hiding_names); });
}

bool groups_read_input_row(const std::vector<Item>& items, const Columns& out_columns, const ast::Projection& projection)
{
    Columns none;  // an aggregating item is evaluated over the input row only
    for (const auto& item : items) {
        if (item.aggregating && reads_input_row(*item.expression, none)) return true;
    }
    for (const auto& sort : projection.order_by) {
        if (reads_input_row(*sort.expression, out_columns)) return true;
    }
    return projection.where && reads_input_row(*projection.where, out_columns);
}

// A projected row is laid out as its projected values, then the input row (so ORDER BY and WITH's WHERE can
// read both, projected names first: an alias hides an input variable of the same name), then the values of the
// aggregate calls only ORDER BY makes. The sort keys of such a row:
OrderedRows::KeysOf sort_keys_of(Context& context, const ast::Projection& projection, const Columns& out_columns,
                                 const Columns& extended_columns, const std::vector<const ast::Expression*>& aggregate_calls,
                                 std::size_t item_aggregates)
{
    // A sort key that names a projected column (ORDER BY total) is that column's value: no evaluator per row.
    std::vector<std::optional<std::size_t>> projected_key;
    for (const auto& sort : projection.order_by) {
        auto column = std::find(out_columns.begin(), out_columns.end(), sort.expression->name);
        bool names_column = sort.expression->kind == ast::ExpressionKind::Variable && column != out_columns.end();
        projected_key.push_back(names_column ? std::optional<std::size_t>(column - out_columns.begin()) : std::nullopt);
    }
    bool aggregating = !aggregate_calls.empty();
    // `values`: the same calls for every row, overwritten rather than allocated again.
    return [&context, &projection, &extended_columns, &aggregate_calls, item_aggregates, aggregating,
            projected_key = std::move(projected_key), values = AggregateValues{}](const Row& row, Row& keys) mutable {
        for (std::size_t a = item_aggregates; a < aggregate_calls.size(); ++a) {
            values[aggregate_calls[a]] = row[extended_columns.size() + (a - item_aggregates)];
        }
        Evaluator evaluator(context, extended_columns, row, aggregating ? &values : nullptr);
        for (std::size_t k = 0; k < projection.order_by.size(); ++k) {
            keys.push_back(projected_key[k] ? row[*projected_key[k]] : evaluator.eval(*projection.order_by[k].expression));
        }
    };
}

// The aggregate call ORDER BY's first key is, when it is one: `ORDER BY total` where the item `total` is a call,
// or `ORDER BY sum(x)`.
std::optional<std::size_t> first_sort_call(const ast::Projection& projection, const Items& projected,
                                           const std::vector<std::optional<std::size_t>>& call_of_item)
{
    if (projection.order_by.empty()) return std::nullopt;
    const auto* first = projection.order_by[0].expression.get();
    const auto& calls = projected.aggregate_calls;
    auto call = std::find(calls.begin(), calls.end(), first);
    if (call != calls.end()) return static_cast<std::size_t>(call - calls.begin());
    if (first->kind != ast::ExpressionKind::Variable) return std::nullopt;
    for (std::size_t i = 0; i < projected.items.size(); ++i) {
        if (projected.items[i].name == first->name) return call_of_item[i];
    }
    return std::nullopt;
}

// The value of ORDER BY's first key (an aggregate call's result) that the `wanted`-th group in order has: a
// group whose first key comes after it cannot be among the first `wanted` rows, whatever its other keys.
std::optional<Value> last_wanted_first_key(const GroupedRows& groups, std::size_t call, bool descending,
                                           std::size_t wanted)
{
    if (wanted == 0 || 2 * wanted > groups.size()) return std::nullopt;
    auto better = [descending](const Value& a, const Value& b) {
        auto sign = order(a, b);
        return descending ? sign > 0 : sign < 0;
    };
    // A heap of the best `wanted` values with the worst of them on top.
    std::vector<Value> best;
    best.reserve(wanted);
    for (std::size_t g = 0; g < groups.size(); ++g) {
        auto value = groups.result(g, call);
        if (best.size() < wanted) {
            best.push_back(std::move(value));
            std::push_heap(best.begin(), best.end(), better);
        } else if (better(value, best.front())) {
            std::pop_heap(best.begin(), best.end(), better);
            best.back() = std::move(value);
            std::push_heap(best.begin(), best.end(), better);
        }
    }
    return best.front();
}

// Groups the input rows by the items without aggregates and hands `take` one projected row per group, in the
// order the groups were first met. `wanted`: the rows ORDER BY and LIMIT keep (SKIP + LIMIT), if bounded.
void project_groups(Context& context, const Columns& input_columns, const RowSource& inputs, const ast::Clause* lone_match,
                    const ast::Projection& projection, const Items& projected, const Columns& out_columns,
                    std::optional<std::size_t> wanted, const std::function<void(Row&)>& take)
{
    const auto& items = projected.items;
    const auto& aggregate_calls = projected.aggregate_calls;
    std::vector<const ast::Expression*> keys;
    for (const auto& item : items) {
        if (!item.aggregating) keys.push_back(item.expression);
    }
    bool keep_input = groups_read_input_row(items, out_columns, projection);
    // A lone MATCH of one relationship may be grouped in one pass over its relationships (scan_aggregation.hpp).
    auto scan = lone_match && !keep_input ? ScanAggregation::plan(context, *lone_match, keys, aggregate_calls) : nullptr;
    std::optional<Grouping> rows_grouping;
    if (scan) {
        scan->run();
    } else {
        rows_grouping.emplace(context, input_columns, keys, aggregate_calls, keep_input);
        inputs([&](const Row& input) {
            rows_grouping->add(input);
            context.tick();
        });
        rows_grouping->finish();
        if (rows_grouping->size() == 0 && keys.empty()) rows_grouping->add_empty_group();
    }
    GroupedRows& grouping = scan ? static_cast<GroupedRows&>(*scan) : *rows_grouping;
    // An item that is one aggregate call (sum(x) AS total) takes the call's result; others are evaluated with the
    // results given.
    std::vector<std::optional<std::size_t>> call_of_item;
    bool evaluates_items = false;
    for (const auto& item : items) {
        auto call = std::find(aggregate_calls.begin(), aggregate_calls.end(), item.expression);
        bool direct = item.aggregating && call != aggregate_calls.end();
        call_of_item.push_back(direct ? std::optional<std::size_t>(call - aggregate_calls.begin()) : std::nullopt);
        evaluates_items = evaluates_items || (item.aggregating && !direct);
    }
    // A top k by an aggregate (ORDER BY total DESC LIMIT 10) projects only the groups that can be in it: of 600k
    // groups, reading the keys and making the row of each cost more than the grouping.
    auto sort_call = wanted ? first_sort_call(projection, projected, call_of_item) : std::nullopt;
    std::size_t threshold_call = sort_call.value_or(0);
    bool descending = sort_call && projection.order_by[0].descending;
    auto threshold = sort_call ? last_wanted_first_key(grouping, threshold_call, descending, *wanted) : std::nullopt;
    const Row nulls(input_columns.size());  // the input columns of a group that keeps no input row
    std::vector<Value> results(aggregate_calls.size());
    AggregateValues values;  // the same calls for every group: its entries are overwritten, not allocated again
    Row row;  // reused: a row that `take` does not keep allocates nothing for the next group
    for (std::size_t g = 0; g < grouping.size(); ++g) {
        if (threshold) {
            auto sign = order(grouping.result(g, threshold_call), *threshold);
            if (descending ? sign < 0 : sign > 0) continue;
        }
        for (std::size_t a = 0; a < aggregate_calls.size(); ++a) results[a] = grouping.result(g, a);
        if (evaluates_items) {
            for (std::size_t a = 0; a < aggregate_calls.size(); ++a) values[aggregate_calls[a]] = results[a];
        }
        const Row& input = keep_input ? rows_grouping->first_input(g) : nulls;
        Evaluator evaluator(context, input_columns, input, &values);
        row.clear();
        auto* group_keys = grouping.keys(g);
        for (std::size_t i = 0; i < items.size(); ++i) {
            if (!items[i].aggregating) row.push_back(std::move(*group_keys++));
            else if (call_of_item[i]) row.push_back(results[*call_of_item[i]]);
            else row.push_back(evaluator.eval(*items[i].expression));
        }
        row.insert(row.end(), input.begin(), input.end());
        // ORDER BY's own aggregates, kept beside the row.
        for (std::size_t a = projected.item_aggregates; a < aggregate_calls.size(); ++a) row.push_back(results[a]);
        take(row);
    }
}

}  // namespace

std::int64_t Executor::count_argument(const ast::Expression& expression, const char* clause)
{
    Columns none;
    Row empty;
    Evaluator evaluator(context_, none, empty);
    auto value = evaluator.eval(expression);
    // The TCK files SKIP and LIMIT arguments under SyntaxError, also when a parameter brings them at run time.
    if (!value.is_integer()) {
        throw Error(ErrorClass::SyntaxError, "InvalidArgumentType", Phase::runtime,
                    std::string(clause) + " needs an integer, not " + type_name(value.type()), expression.where);
    }
    if (value.as_integer() < 0) {
        throw Error(ErrorClass::SyntaxError, "NegativeIntegerArgument", Phase::runtime,
                    std::string(clause) + " must not be negative", expression.where);
    }
    return value.as_integer();
}

// SKIP + LIMIT when the projection has a LIMIT: the rows ORDER BY must put first; nullopt for all of them.
std::optional<std::size_t> Executor::rows_wanted(const ast::Projection& projection)
{
    if (!projection.limit) return std::nullopt;
    // SKIP first, so a statement with both wrong reports SKIP's error, as when they are applied.
    auto skip = projection.skip ? static_cast<std::size_t>(count_argument(*projection.skip, "SKIP")) : 0;
    auto limit = static_cast<std::size_t>(count_argument(*projection.limit, "LIMIT"));
    return skip + limit < skip ? std::nullopt : std::optional<std::size_t>(skip + limit);
}

void Executor::project(Table& table, const ast::Projection& projection, bool is_return)
{
    (void)is_return;
    Table input = std::move(table);
    project(table, input.columns, [&](const RowSink& take) {
        for (const auto& row : input.rows) take(row);
    }, projection);
}

// Reads the input rows once, as the source produces them (a MATCH streams its matches here without a table;
// `lone_match` is that MATCH when nothing came before it, so a grouping may read the graph itself).
void Executor::project(Table& table, const Columns& input_columns, const RowSource& inputs,
                       const ast::Projection& projection, const ast::Clause* lone_match)
{
    // Named, not a structured binding: clang 14 (the sanitizer build) cannot capture those in lambdas.
    auto projected = items_of(projection, input_columns);
    const auto& items = projected.items;
    const auto& aggregate_calls = projected.aggregate_calls;
    auto item_aggregates = projected.item_aggregates;
    Columns out_columns;
    for (const auto& item : items) out_columns.push_back(item.name);
    Columns extended_columns = out_columns;
    extended_columns.insert(extended_columns.end(), input_columns.begin(), input_columns.end());

    // DISTINCT needs every row before any is dropped; otherwise the ordering keeps only the rows LIMIT can return.
    OrderedRows ordered(projection.order_by,
                        sort_keys_of(context_, projection, out_columns, extended_columns, aggregate_calls, item_aggregates),
                        projection.distinct ? std::nullopt : rows_wanted(projection));
    std::vector<Row> all;
    std::function<void(Row&)> take = [&](Row& row) {
        if (projection.distinct) all.push_back(row);
        else ordered.add(row);
        context_.check_rows(projection.distinct ? all.size() : ordered.size());
    };
    if (aggregate_calls.empty()) {
        Row row;
        inputs([&](const Row& input) {
            Evaluator evaluator(context_, input_columns, input);
            row.clear();
            for (const auto& item : items) row.push_back(evaluator.eval(*item.expression));
            row.insert(row.end(), input.begin(), input.end());
            take(row);
        });
    } else {
        project_groups(context_, input_columns, inputs, lone_match, projection, projected, out_columns,
                       projection.distinct ? std::nullopt : rows_wanted(projection), take);
    }
    if (projection.distinct) {
        std::set<Row, ValueOrder> seen;
        for (auto& row : all) {
            Row projected(row.begin(), row.begin() + static_cast<std::ptrdiff_t>(items.size()));
            if (seen.insert(std::move(projected)).second) ordered.add(row);
        }
    }
    auto rows = ordered.take();

    std::size_t skip = projection.skip ? static_cast<std::size_t>(count_argument(*projection.skip, "SKIP")) : 0;
    std::size_t limit = projection.limit ? static_cast<std::size_t>(count_argument(*projection.limit, "LIMIT")) : rows.size();
    skip = std::min(skip, rows.size());
    limit = std::min(limit, rows.size() - skip);

    std::vector<Row> output;
    for (std::size_t r = skip; r < skip + limit; ++r) {
        auto& row = rows[r];
        if (projection.where) {
            Row visible(row.begin(), row.begin() + static_cast<std::ptrdiff_t>(extended_columns.size()));
            Evaluator evaluator(context_, extended_columns, visible);
            if (!evaluator.holds(*projection.where)) continue;
        }
        row.resize(items.size());
        output.push_back(std::move(row));
    }
    table.columns = std::move(out_columns);
    table.rows = std::move(output);
}

}  // namespace actorgraph::cypher
