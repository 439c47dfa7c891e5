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

/// The groups a projection reads, however they were made: Grouping from rows, ScanAggregation from a scan.
class GroupedRows {
public:
    virtual ~GroupedRows() = default;
    [[nodiscard]] virtual std::size_t size() const = 0;
    /// The group's key values, in the order of the keys (moved from, once the group is projected).
    [[nodiscard]] virtual Value* keys(std::size_t group) = 0;
    /// The result of the group's aggregate call `call`.
    [[nodiscard]] virtual Value result(std::size_t group, std::size_t call) const = 0;
};

/// Groups found by their key values: a hash table over the keys of every group, stored side by side.
class GroupKeys {
public:
    explicit GroupKeys(std::size_t key_count) : key_count_(key_count) {}
    [[nodiscard]] std::size_t hash(const Value* keys) const noexcept;
    /// The group with the keys in `probe` (whose hash is given), or a new one that takes them (moved from).
    /// Returns the group and whether it is new.
    std::pair<std::size_t, bool> find_or_add(std::size_t hash, std::vector<Value>& probe);
    /// A new group for keys no other group's can equal (they name one node), added without hashing them: a
    /// grouping by node meets each node once. The next find_or_add hashes them first.
    std::size_t add_unhashed(std::vector<Value>& probe);
    void reserve(std::size_t groups) { keys_.reserve(groups * key_count_); }
    /// Fetches where a hash points in the table, for a find_or_add soon after.
    void prefetch(std::size_t hash) const noexcept;
    [[nodiscard]] Value* keys(std::size_t group) noexcept { return keys_.data() + group * key_count_; }
    [[nodiscard]] std::size_t size() const noexcept { return size_; }

private:
    [[nodiscard]] bool same_keys(const Value* a, const Value* b) const;
    void grow();
    void insert(std::size_t hash, std::size_t group);

    std::size_t key_count_;
    std::size_t size_ = 0;
    std::size_t hashed_ = 0;  ///< groups [0, hashed_) are in the table
    std::vector<Value> keys_;  ///< group g's keys at [g * key_count_, (g + 1) * key_count_)
    struct Slot {
        std::size_t hash = 0;
        std::size_t group = 0;
    };
    std::vector<Slot> slots_;  ///< open addressing, a power of two long, at most half full; group + 1, 0 empty
};

class Grouping final : public GroupedRows {
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

    [[nodiscard]] std::size_t size() const noexcept override { return group_count_; }
    [[nodiscard]] Value* keys(std::size_t group) noexcept override { return table_.keys(group); }
    [[nodiscard]] Value result(std::size_t group, std::size_t call) const override
    {
        return accumulators_[group * calls_.size() + call].result();
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

    Context& context_;
    const Columns& columns_;
    std::vector<const ast::Expression*> key_expressions_;
    std::vector<const ast::Expression*> calls_;
    bool keep_first_input_;
    std::vector<Accumulator> fresh_;  ///< each call's accumulator before any row: a new group copies them

    std::size_t group_count_ = 0;
    GroupKeys table_;
    std::vector<Accumulator> accumulators_; ///< group g's at [g * calls_.size(), ...)
    std::vector<Row> first_inputs_;         ///< with keep_first_input only
    std::vector<Value> probe_;              ///< the keys of the row being added (reused)
    std::vector<Value> arguments_;          ///< the arguments of the row being added (reused)


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
