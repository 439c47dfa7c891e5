// WITH and RETURN: projection, grouping with aggregation, DISTINCT, ORDER BY, SKIP, LIMIT and WITH's WHERE.
#include <algorithm>
#include <map>
#include <set>

#include "cypher/execute/aggregation.hpp"
#include "cypher/execute/evaluator.hpp"
#include "cypher/execute/executor.hpp"

namespace actorgraph::cypher {

namespace {

struct Item {
    const ast::Expression* expression;
    std::string name;
    bool aggregating;
};

// A projected row with the input row behind it, so ORDER BY and WHERE can read both (projected names first,
// so an alias hides an input variable of the same name).
struct Extended {
    Row values;  ///< projected values, then the input row
};

struct Group {
    Row first_input;
    Row keys;
    std::vector<Accumulator> accumulators;
};

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

void Executor::project(Table& table, const ast::Projection& projection, bool is_return)
{
    (void)is_return;
    // The items: `*` expands to the variables in scope, by name.
    std::vector<Item> items;
    std::vector<std::unique_ptr<ast::Expression>> star_variables;
    if (projection.star) {
        Columns names = table.columns;
        std::sort(names.begin(), names.end());
        for (const auto& name : names) {
            auto variable = std::make_unique<ast::Expression>();
            variable->kind = ast::ExpressionKind::Variable;
            variable->name = name;
            items.push_back({variable.get(), name, false});
            star_variables.push_back(std::move(variable));
        }
    }
    std::vector<const ast::Expression*> aggregate_calls;
    for (const auto& item : projection.items) {
        std::size_t before = aggregate_calls.size();
        collect_aggregates(*item.expression, aggregate_calls);
        items.push_back({item.expression.get(), item.alias, aggregate_calls.size() > before});
    }
    std::size_t item_aggregates = aggregate_calls.size();
    for (const auto& sort : projection.order_by) collect_aggregates(*sort.expression, aggregate_calls);
    bool aggregating = !aggregate_calls.empty();

    Columns out_columns;
    for (const auto& item : items) out_columns.push_back(item.name);
    Columns extended_columns = out_columns;
    extended_columns.insert(extended_columns.end(), table.columns.begin(), table.columns.end());

    std::vector<Extended> rows;
    if (!aggregating) {
        for (const auto& input : table.rows) {
            Evaluator evaluator(context_, table.columns, input);
            Extended row;
            for (const auto& item : items) row.values.push_back(evaluator.eval(*item.expression));
            row.values.insert(row.values.end(), input.begin(), input.end());
            rows.push_back(std::move(row));
        }
    } else {
        // Group by the values of the items without aggregates.
        std::map<Row, std::size_t, ValueOrder> group_of;
        std::vector<Group> groups;
        auto new_group = [&](Row keys, const Row& input) {
            Group group{input, std::move(keys), {}};
            for (const auto* call : aggregate_calls) group.accumulators.emplace_back(*call);
            groups.push_back(std::move(group));
            return groups.size() - 1;
        };
        for (const auto& input : table.rows) {
            Evaluator evaluator(context_, table.columns, input);
            Row keys;
            for (const auto& item : items) {
                if (!item.aggregating) keys.push_back(evaluator.eval(*item.expression));
            }
            auto found = group_of.find(keys);
            std::size_t index = found != group_of.end() ? found->second : new_group(keys, input);
            if (found == group_of.end()) group_of.emplace(std::move(keys), index);
            for (std::size_t a = 0; a < aggregate_calls.size(); ++a) {
                const auto* call = aggregate_calls[a];
                Value argument = call->children.empty() ? Value() : evaluator.eval(*call->children[0]);
                Value percentile = call->children.size() > 1 ? evaluator.eval(*call->children[1]) : Value();
                groups[index].accumulators[a].add(argument, percentile);
            }
            context_.tick();
        }
        bool has_keys = std::any_of(items.begin(), items.end(), [](const Item& i) { return !i.aggregating; });
        if (groups.empty() && !has_keys) new_group({}, Row(table.columns.size()));
        for (auto& group : groups) {
            AggregateValues values;
            for (std::size_t a = 0; a < aggregate_calls.size(); ++a) values[aggregate_calls[a]] = group.accumulators[a].result();
            Evaluator evaluator(context_, table.columns, group.first_input, &values);
            Extended row;
            std::size_t key = 0;
            for (const auto& item : items) {
                row.values.push_back(item.aggregating ? evaluator.eval(*item.expression) : group.keys[key++]);
            }
            row.values.insert(row.values.end(), group.first_input.begin(), group.first_input.end());
            // ORDER BY's own aggregates, kept beside the row.
            for (std::size_t a = item_aggregates; a < aggregate_calls.size(); ++a) row.values.push_back(values[aggregate_calls[a]]);
            rows.push_back(std::move(row));
        }
    }

    if (projection.distinct) {
        std::set<Row, ValueOrder> seen;
        std::vector<Extended> distinct;
        for (auto& row : rows) {
            Row projected(row.values.begin(), row.values.begin() + static_cast<std::ptrdiff_t>(items.size()));
            if (seen.insert(std::move(projected)).second) distinct.push_back(std::move(row));
        }
        rows = std::move(distinct);
    }

    if (!projection.order_by.empty()) {
        // ORDER BY aggregates that are not projected were computed per group; give the evaluator their values.
        std::vector<std::pair<Row, std::size_t>> keyed;
        for (std::size_t r = 0; r < rows.size(); ++r) {
            AggregateValues values;
            if (aggregating) {
                for (std::size_t a = item_aggregates; a < aggregate_calls.size(); ++a) {
                    values[aggregate_calls[a]] = rows[r].values[extended_columns.size() + (a - item_aggregates)];
                }
                // Projected aggregate calls can also appear in ORDER BY (ORDER BY count(*) with RETURN count(*)).
            }
            Evaluator evaluator(context_, extended_columns, rows[r].values, aggregating ? &values : nullptr);
            Row keys;
            for (const auto& sort : projection.order_by) keys.push_back(evaluator.eval(*sort.expression));
            keyed.emplace_back(std::move(keys), r);
        }
        std::stable_sort(keyed.begin(), keyed.end(), [&](const auto& a, const auto& b) {
            for (std::size_t k = 0; k < projection.order_by.size(); ++k) {
                auto sign = order(a.first[k], b.first[k]);
                if (sign == 0) continue;
                return projection.order_by[k].descending ? sign > 0 : sign < 0;
            }
            return false;
        });
        std::vector<Extended> sorted;
        for (auto& [keys, r] : keyed) sorted.push_back(std::move(rows[r]));
        rows = std::move(sorted);
    }

    std::size_t skip = projection.skip ? static_cast<std::size_t>(count_argument(*projection.skip, "SKIP")) : 0;
    std::size_t limit = projection.limit ? static_cast<std::size_t>(count_argument(*projection.limit, "LIMIT")) : rows.size();
    skip = std::min(skip, rows.size());
    limit = std::min(limit, rows.size() - skip);

    std::vector<Row> output;
    for (std::size_t r = skip; r < skip + limit; ++r) {
        auto& row = rows[r];
        if (projection.where) {
            Row visible(row.values.begin(), row.values.begin() + static_cast<std::ptrdiff_t>(extended_columns.size()));
            Evaluator evaluator(context_, extended_columns, visible);
            if (!evaluator.holds(*projection.where)) continue;
        }
        row.values.resize(items.size());
        output.push_back(std::move(row.values));
    }
    table.columns = std::move(out_columns);
    table.rows = std::move(output);
}

}  // namespace actorgraph::cypher
