#pragma once
// A MATCH of one relationship whose matches are grouped at once, as in
//   MATCH ()-[r:investment]->(b) WHERE r.amount_usd > 1e8 RETURN b.id, sum(r.amount_usd) AS total
// answered in one pass over the relationships of its types. The relationship's numbers (in conditions and
// aggregates) are read from number columns (LabelIndex::NumberColumn), each match goes straight to its group's
// totals, and no row, Value or accumulator is made per match: the matcher and Grouping made all three for each
// of 1.25M matches. The groups and results are the ones Grouping makes from the matcher's rows: the same
// groups, met in the order the relationships are stored, and the same arithmetic (integer sums until a float,
// overflow an error). Any other shape (and a statement that has written before) goes the general way.
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "cypher/execute/grouping.hpp"
#include "cypher/execute/label_index.hpp"

namespace actorgraph::cypher {

class ScanAggregation final : public GroupedRows {
public:
    /// The plan for a MATCH whose input is one empty row, grouped by `keys` with `calls`; null when the MATCH,
    /// its WHERE, the keys or the calls are outside what this answers (see the .cpp).
    static std::unique_ptr<ScanAggregation> plan(Context& context, const ast::Clause& match,
                                                 const std::vector<const ast::Expression*>& keys,
                                                 const std::vector<const ast::Expression*>& calls);
    /// Reads the relationships and groups the matches.
    void run();

    [[nodiscard]] std::size_t size() const noexcept override { return groups_; }
    [[nodiscard]] Value* keys(std::size_t group) override;
    [[nodiscard]] Value result(std::size_t group, std::size_t call) const override;

    /// A condition on one relationship's number, read from its column.
    struct NumberTest {
        enum class Kind { is_null, is_not_null, compare } kind = Kind::compare;
        const LabelIndex::NumberColumn* column = nullptr;
        ast::Operator op = ast::Operator::Equal;
        Value literal;
        bool literal_first = false;  ///< `1e8 < r.amount` rather than `r.amount > 1e8`
    };
    /// An aggregate call over the matches: count(*) and count of a variable count them; the others read the
    /// relationship's number from its column.
    struct Call {
        enum class Kind { count_rows, count, sum, avg, min, max } kind = Kind::count_rows;
        const LabelIndex::NumberColumn* column = nullptr;
        QueryPosition where;
    };
    /// One end of the relationship in the pattern: its variable (may be empty) and labels.
    struct End {
        std::string variable;
        const std::vector<std::string>* labels = nullptr;
    };

private:
    ScanAggregation(Context& context, std::vector<const ast::Expression*> keys);

    struct Totals {
        std::int64_t count = 0;
        std::int64_t integer = 0;
        double floating = 0;
        bool any_float = false;
        bool met = false;  ///< by node: whether the node was met (kept in its first call's totals)
    };
    struct Match {
        RelationIndex relationship = 0;
        ActorIndex node = 0;  ///< the grouped end
        std::size_t group = 0;
    };

    // Planning (scan_aggregation_plan.cpp).
    void read_pattern(const ast::NodePattern& source, const ast::RelationshipPattern& relationship,
                      const ast::NodePattern& target);
    bool plan_keys();
    void choose_grouping(std::size_t relationships_read);

    [[nodiscard]] bool holds(RelationIndex relationship);
    [[nodiscard]] bool ends_fit(const Relation& relation) const;
    [[nodiscard]] bool others_hold(RelationIndex relationship, const Relation& relation);
    void group_batch();
    void total_by_node();
    void settle_node_groups();
    std::size_t group_of(ActorIndex node);
    std::size_t new_group(ActorIndex node);
    void evaluate_keys(ActorIndex node);
    [[nodiscard]] bool names_node(ActorIndex node) const;
    [[nodiscard]] Totals* totals_of(std::size_t group) noexcept;
    [[nodiscard]] const Totals* totals_of(std::size_t group) const noexcept;
    void add(std::size_t group, Totals* totals, RelationIndex relationship);
    void merge(Totals* into, const Totals* from) const;

    Context& context_;
    std::vector<const ast::Expression*> key_expressions_;
    std::vector<RelationIndex> relationships_;  ///< of the pattern's types (when there are several)
    std::span<const RelationIndex> scanned_;    ///< the relationships read, unless every one is
    bool any_type_ = true;
    End source_, target_;
    std::string relationship_variable_;
    int grouped_end_ = -1;  ///< 0: the keys read the source, 1: the target, -1: neither (one group)
    std::vector<NumberTest> tests_;
    std::vector<const ast::Expression*> other_conditions_;  ///< evaluated over the row of the pattern's variables
    Columns pattern_columns_;
    Row pattern_row_;
    std::vector<Call> calls_;
    bool any_extreme_ = false;  ///< a min or max among the calls
    int naming_key_ = -1;       ///< the key that is the grouped node or its id, if any
    /// Totals kept by node rather than by group: with a key naming the node (and no min or max), each node met
    /// is a group of its own, so a match adds to its node's totals with no lookup of its group.
    bool by_node_ = false;
    /// With a key naming every node (`b`, or `b.id` when no node has a generated id) the keys are evaluated
    /// only when the projection reads them, group by group: nothing is stored per group but its totals.
    bool lazy_keys_ = false;

    static constexpr std::size_t batch_size = 64;
    std::vector<Match> batch_;
    GroupKeys table_;
    std::size_t groups_ = 0;
    std::vector<std::uint32_t> group_of_node_;  ///< each node's group, once met (grouping by keys)
    std::vector<ActorIndex> met_nodes_;         ///< in the order met (grouping by node); group g's with lazy keys
    std::vector<Value> probe_;
    Columns key_columns_;  ///< the grouped node's variable alone: the keys are evaluated over it
    Row key_row_;
    std::vector<Totals> totals_;   ///< group g's at [g * calls_.size(), ...); node n's while a scan is by node
    std::vector<Value> extremes_;  ///< likewise by group, for min and max (empty when there is neither)
};

}  // namespace actorgraph::cypher
