#pragma once
// The grouping of an aggregating WITH or RETURN: input rows are grouped by the values of the items without
// aggregates (the keys) and each row feeds its group's accumulators. Groups keep the order they were first met
// in. Storage is flat (keys and accumulators of every group side by side, no allocation per group), and when
// the keys are a plain function of one node (`b.id`, `b`, `head(labels(b)) + b.id`) the group of each node is
// remembered, so a node met again skips evaluating and hashing its keys: a top 10 over 1.25M relations
// evaluated `b.id` 1.25M times for 600k groups.
#include <cstdint>
#include <optional>
#include <vector>

#include "cypher/execute/aggregation.hpp"
#include "cypher/execute/context.hpp"
#include "cypher/parse/ast.hpp"

namespace actorgraph::cypher {

class Grouping {
public:
    /// `keys` and `aggregate_calls` are the expressions evaluated over each input row (laid out as `columns`);
    /// with keep_first_input each group keeps a copy of the first row it was met in.
    Grouping(Context& context, const Columns& columns, std::vector<const ast::Expression*> keys,
             std::vector<const ast::Expression*> aggregate_calls, bool keep_first_input);

    void add(const Row& input);
    /// After the last add: groups every row still waiting in a batch. Call before reading the groups.
    void finish();
    /// One group with no keys, for an aggregation without keys over no rows (count(*) of nothing is 0).
    void add_empty_group();

    [[nodiscard]] std::size_t size() const noexcept { return group_count_; }
    /// The group's key values, in the order of `keys` (moved from, once the group is projected).
    [[nodiscard]] Value* keys(std::size_t group) noexcept { return keys_.data() + group * key_count(); }
    [[nodiscard]] const Accumulator& accumulator(std::size_t group, std::size_t call) const
    {
        return accumulators_[group * calls_.size() + call];
    }
    /// The group's first input row (only with keep_first_input).
    [[nodiscard]] Row& first_input(std::size_t group) { return first_inputs_[group]; }

private:
    [[nodiscard]] std::size_t key_count() const noexcept { return key_expressions_.size(); }
    std::size_t group_of_keys(const Columns& columns, const Row& input);
    std::size_t group_of_probe(std::size_t hash, const Row* first_input);
    std::size_t group_of(const Row& input);
    /// Whether the row goes to the batch of rows grouped by their node (see pending_nodes_).
    [[nodiscard]] bool batches(const Row& input) const;
    void add_to_batch(const Row& input);
    void group_batch();
    /// The group of the node met before, else of its keys (evaluated over `input`, or over the node alone).
    std::size_t group_of_node(ActorIndex node, const Row* input);
    /// Appends each call's argument and percentile over the row (two values per call) to `arguments`.
    void push_arguments(const Row& input, std::vector<Value>& arguments);
    void accumulate(std::size_t group, const Value* arguments);
    [[nodiscard]] std::size_t hash_of_keys(const Value* keys) const noexcept;
    [[nodiscard]] bool same_keys(const Value* a, const Value* b) const;

    Context& context_;
    const Columns& columns_;
    std::vector<const ast::Expression*> key_expressions_;
    std::vector<const ast::Expression*> calls_;
    bool keep_first_input_;
    std::vector<Accumulator> fresh_;  ///< each call's accumulator before any row: a new group copies them

    std::size_t group_count_ = 0;
    std::vector<Value> keys_;               ///< group g's keys at [g * key_count(), (g + 1) * key_count())
    std::vector<Accumulator> accumulators_; ///< group g's at [g * calls_.size(), ...)
    std::vector<Row> first_inputs_;         ///< with keep_first_input only
    std::vector<Value> probe_;              ///< the keys of the row being added (reused)
    std::vector<Value> arguments_;          ///< the arguments of the row being added (reused)

    struct Slot {
        std::size_t hash = 0;
        std::size_t group = 0;
    };
    std::vector<Slot> slots_;  ///< open addressing, a power of two long, at most half full; group + 1, 0 empty

    /// The column of the one node the keys depend on, or -1; and each node's group (no_memo: not met yet),
    /// made once the grouping has seen enough rows for the memory to pay.
    int node_column_ = -1;
    std::size_t rows_seen_ = 0;
    std::vector<std::uint32_t> group_of_node_;
    /// Rows whose group is found by their node wait in a batch of their nodes and aggregate arguments: the
    /// batch's table entries and accumulators are fetched from memory together (prefetched) instead of one
    /// cache miss after another, which was most of the time of a grouping over 600k nodes.
    std::vector<ActorIndex> pending_nodes_;
    std::vector<Value> pending_arguments_;  ///< two per call and row: the argument and the percentile
    std::vector<std::size_t> pending_groups_;
    std::vector<Value> batch_keys_;  ///< the keys of the batch's nodes not met before
    std::vector<std::size_t> batch_hashes_;
    Columns node_columns_;  ///< the node's variable alone, to evaluate the keys of a node from its batch
    Row node_row_;
};

}  // namespace actorgraph::cypher
