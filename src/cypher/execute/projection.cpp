// WITH and RETURN: projection, grouping with aggregation, DISTINCT, ORDER BY, SKIP, LIMIT and WITH's WHERE.
#include <algorithm>
#include <cmath>
#include <iterator>
#include <optional>
#include <set>

#include "cypher/execute/aggregation.hpp"
#include "cypher/execute/evaluator.hpp"
#include "cypher/execute/executor.hpp"
#include "cypher/execute/functions.hpp"

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

// Grouping keys in a hash table: equivalent values (order() == 0, so 1 and 1.0, or two NaNs) must hash alike,
// so numbers hash by their value as a double and the kinds that are rarely keys share one hash.
struct RowHash {
    std::size_t operator()(const Row& row) const noexcept
    {
        std::size_t hash = row.size();
        for (const auto& value : row) hash = hash * 1'000'003u ^ value_hash(value);
        return hash;
    }
    static std::size_t value_hash(const Value& value) noexcept
    {
        if (value.is_string()) return std::hash<std::string>{}(value.as_string());
        if (value.is_node()) return std::hash<std::uint64_t>{}(value.as_node()) ^ 0x51u;
        if (value.is_relationship()) return std::hash<std::uint64_t>{}(value.as_relationship()) ^ 0x52u;
        if (value.is_boolean()) return value.as_boolean() ? 0x53u : 0x54u;
        if (value.is_number()) {
            double number = value.as_number();
            if (std::isnan(number)) return 0x55u;
            return number == 0.0 ? 0u : std::hash<double>{}(number);
        }
        return value.is_null() ? 0x56u : 0x57u;
    }
};

struct RowEquivalent {
    bool operator()(const Row& a, const Row& b) const
    {
        if (a.size() != b.size()) return false;
        for (std::size_t i = 0; i < a.size(); ++i) {
            if (!equivalent(a[i], b[i])) return false;
        }
        return true;
    }
};

// Group numbers by their key's hash, open-addressed in one array: a lookup reads one slot (hash and group
// side by side) and compares keys only on an equal hash, where a node-based map chases a pointer per entry.
class GroupTable {
public:
    /// The group whose keys are equivalent to `keys` (is_same(group) says), or nullopt.
    template <typename IsSame>
    std::optional<std::size_t> find(std::size_t hash, const IsSame& is_same) const
    {
        if (slots_.empty()) return std::nullopt;
        for (auto at = start(hash); slots_[at].group != empty; at = (at + 1) & mask()) {
            if (slots_[at].hash == hash && is_same(slots_[at].group)) return slots_[at].group;
        }
        return std::nullopt;
    }
    void insert(std::size_t hash, std::size_t group)
    {
        if (2 * (used_ + 1) > slots_.size()) grow();
        place(hash, group);
        ++used_;
    }

private:
    struct Slot {
        std::size_t hash = 0;
        std::size_t group = empty;
    };
    static constexpr std::size_t empty = static_cast<std::size_t>(-1);
    [[nodiscard]] std::size_t mask() const noexcept { return slots_.size() - 1; }
    // Mixed, since a node's or an integer's hash is nearly the value: consecutive values must not crowd one run.
    [[nodiscard]] std::size_t start(std::size_t hash) const noexcept
    {
        std::uint64_t mixed = (hash ^ (hash >> 31)) * 0xbf58476d1ce4e5b9u;
        return static_cast<std::size_t>(mixed ^ (mixed >> 29)) & mask();
    }
    void place(std::size_t hash, std::size_t group)
    {
        auto at = start(hash);
        while (slots_[at].group != empty) at = (at + 1) & mask();
        slots_[at] = {hash, group};
    }
    void grow()
    {
        auto old = std::move(slots_);
        slots_.assign(std::max<std::size_t>(16, 2 * old.size()), Slot{});
        for (const auto& slot : old) {
            if (slot.group != empty) place(slot.hash, slot.group);
        }
    }

    std::vector<Slot> slots_;  ///< a power of two long, at most half full
    std::size_t used_ = 0;
};

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

// Reads the input rows once, as the source produces them (a MATCH streams its matches here without a table).
void Executor::project(Table& table, const Columns& input_columns, const RowSource& inputs,
                       const ast::Projection& projection)
{
    // The items: `*` expands to the variables in scope, by name.
    std::vector<Item> items;
    std::vector<std::unique_ptr<ast::Expression>> star_variables;
    if (projection.star) {
        Columns names = input_columns;
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
    extended_columns.insert(extended_columns.end(), input_columns.begin(), input_columns.end());

    std::vector<Extended> rows;
    if (!aggregating) {
        inputs([&](const Row& input) {
            Evaluator evaluator(context_, input_columns, input);
            Extended row;
            for (const auto& item : items) row.values.push_back(evaluator.eval(*item.expression));
            row.values.insert(row.values.end(), input.begin(), input.end());
            rows.push_back(std::move(row));
            context_.check_rows(rows.size());
        });
    } else {
        // Group by the values of the items without aggregates; groups keep the order they were first met in.
        // The table maps a key's hash to its groups (whose keys are compared), so a key is stored once, in its
        // group.
        GroupTable groups_by_hash;
        std::vector<Group> groups;
        std::vector<Accumulator> fresh;  // each call's accumulator before any row: a new group copies them
        for (const auto* call : aggregate_calls) fresh.emplace_back(*call);
        bool keep_input = groups_read_input_row(items, out_columns, projection);
        const Row nulls(input_columns.size());  // the input columns of a group that keeps no input row
        auto group_of = [&](const Row& keys, const Row& input) {
            auto hash = RowHash{}(keys);
            auto found = groups_by_hash.find(hash, [&](std::size_t g) { return RowEquivalent{}(groups[g].keys, keys); });
            if (found) return *found;
            groups.push_back(Group{keep_input ? input : Row{}, keys, fresh});
            groups_by_hash.insert(hash, groups.size() - 1);
            return groups.size() - 1;
        };
        Row keys;  // reused: a row that joins a group allocates nothing for its keys
        inputs([&](const Row& input) {
            Evaluator evaluator(context_, input_columns, input);
            keys.clear();
            for (const auto& item : items) {
                if (!item.aggregating) keys.push_back(evaluator.eval(*item.expression));
            }
            // Without keys there is one group, and no lookup.
            std::size_t index = keys.empty() && !groups.empty() ? 0 : group_of(keys, input);
            for (std::size_t a = 0; a < aggregate_calls.size(); ++a) {
                const auto* call = aggregate_calls[a];
                Value argument = call->children.empty() ? Value() : evaluator.eval(*call->children[0]);
                Value percentile = call->children.size() > 1 ? evaluator.eval(*call->children[1]) : Value();
                groups[index].accumulators[a].add(argument, percentile);
            }
            context_.tick();
        });
        bool has_keys = std::any_of(items.begin(), items.end(), [](const Item& i) { return !i.aggregating; });
        if (groups.empty() && !has_keys) group_of({}, Row(input_columns.size()));
        AggregateValues values;  // the same calls for every group: its entries are overwritten, not allocated again
        for (auto& group : groups) {
            for (std::size_t a = 0; a < aggregate_calls.size(); ++a) values[aggregate_calls[a]] = group.accumulators[a].result();
            const Row& input = keep_input ? group.first_input : nulls;
            Evaluator evaluator(context_, input_columns, input, &values);
            Extended row;
            row.values.reserve(extended_columns.size() + aggregate_calls.size() - item_aggregates);
            std::size_t key = 0;
            for (const auto& item : items) {
                row.values.push_back(item.aggregating ? evaluator.eval(*item.expression) : std::move(group.keys[key++]));
            }
            if (keep_input) {
                row.values.insert(row.values.end(), std::make_move_iterator(group.first_input.begin()),
                                  std::make_move_iterator(group.first_input.end()));
            } else {
                row.values.insert(row.values.end(), nulls.begin(), nulls.end());
            }
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
        keyed.reserve(rows.size());
        AggregateValues values;
        // A sort key that names a projected column (ORDER BY total) is that column's value: no evaluator per row.
        std::vector<std::optional<std::size_t>> projected_key;
        for (const auto& sort : projection.order_by) {
            auto column = std::find(out_columns.begin(), out_columns.end(), sort.expression->name);
            bool names_column = sort.expression->kind == ast::ExpressionKind::Variable && column != out_columns.end();
            projected_key.push_back(names_column ? std::optional<std::size_t>(column - out_columns.begin()) : std::nullopt);
        }
        for (std::size_t r = 0; r < rows.size(); ++r) {
            if (aggregating) {
                for (std::size_t a = item_aggregates; a < aggregate_calls.size(); ++a) {
                    values[aggregate_calls[a]] = rows[r].values[extended_columns.size() + (a - item_aggregates)];
                }
                // Projected aggregate calls can also appear in ORDER BY (ORDER BY count(*) with RETURN count(*)).
            }
            Evaluator evaluator(context_, extended_columns, rows[r].values, aggregating ? &values : nullptr);
            Row keys;
            keys.reserve(projection.order_by.size());
            for (std::size_t k = 0; k < projection.order_by.size(); ++k) {
                keys.push_back(projected_key[k] ? rows[r].values[*projected_key[k]] : evaluator.eval(*projection.order_by[k].expression));
            }
            keyed.emplace_back(std::move(keys), r);
        }
        // Ties keep the rows' order (as a stable sort would), so the first SKIP + LIMIT rows can be selected
        // with a partial sort instead of sorting every row (a top 10 of 600k groups).
        auto before = [&](const auto& a, const auto& b) {
            for (std::size_t k = 0; k < projection.order_by.size(); ++k) {
                auto sign = order(a.first[k], b.first[k]);
                if (sign == 0) continue;
                return projection.order_by[k].descending ? sign > 0 : sign < 0;
            }
            return a.second < b.second;
        };
        auto wanted = rows_wanted(projection);
        if (wanted && *wanted < keyed.size()) {
            auto end = keyed.begin() + static_cast<std::ptrdiff_t>(*wanted);
            std::partial_sort(keyed.begin(), end, keyed.end(), before);
            keyed.erase(end, keyed.end());
        } else {
            std::sort(keyed.begin(), keyed.end(), before);
        }
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
