#pragma once
// Finds the ways a pattern (one or more parts) matches the graph, given the variables a row binds already.
// Relationships are matched at most once per pattern (openCypher's relationship isomorphism); variable-length
// relationships are expanded depth-first with an explicit stack, so no path length can exhaust the C++ stack,
// and every step counts against the statement's bound and cancellation. shortestPath and allShortestPaths
// parts are searched breadth-first from their start node (matcher_shortest.cpp).
#include <functional>
#include <optional>
#include <span>
#include <vector>

#include "cypher/execute/context.hpp"
#include "cypher/parse/ast.hpp"

namespace actorgraph::cypher {

class PatternMatcher {
public:
    PatternMatcher(Context& context, std::span<const ast::PatternPart> parts, const Columns& input);

    /// The input columns followed by the variables the pattern introduces.
    [[nodiscard]] const Columns& columns() const noexcept { return columns_; }
    /// Calls found with each matching row (laid out as columns()); found returns false to stop.
    void match(const Row& input, const std::function<bool(const Row&)>& found);
    /// match, ignoring whether found asks to stop.
    void match(const Row& input, const std::function<void(const Row&)>& found);
    /// True when the pattern matches at least once.
    bool exists(const Row& input);
    /// Adds conditions (a WHERE's conjuncts) every match must meet. Each is checked as soon as the last variable
    /// it reads is bound (a relationship's amount before its end node is visited, a node's label before its
    /// relationships are walked); one it cannot place so is checked on each whole match.
    void add_conditions(const std::vector<const ast::Expression*>& conjuncts);

private:
    struct Element {
        int slot = -1;            ///< the variable's column, or -1 when anonymous
        bool dynamic_properties;  ///< the property map reads variables of this pattern: evaluated at each check
        Value properties;         ///< evaluated once per match when not dynamic
    };
    struct Part {
        const ast::PatternPart* syntax = nullptr;
        bool reversed = false;  ///< matched from its last node back to its first
        int path_slot = -1;
        std::vector<Element> nodes, relationships;
        /// While a relationship scan walks the part: the one relationship its first step may take.
        bool scanning = false;
        RelationIndex scanned = 0;
    };

    [[nodiscard]] const ast::NodePattern& node_syntax(const Part& part, std::size_t i) const;
    [[nodiscard]] const ast::RelationshipPattern& relationship_syntax(const Part& part, std::size_t i) const;
    [[nodiscard]] ast::Direction direction(const Part& part, std::size_t i) const;
    int slot_of(const std::string& variable);
    void plan(Part& part, std::vector<std::string>& known);
    void prepare(const Row& input);
    bool properties_match(const Element& element, const ast::Expression* syntax, const Value& subject);
    Value element_properties(const Element& element, const ast::Expression& syntax);

    bool start_part(std::size_t part_index);
    bool match_node(std::size_t part_index, std::size_t i, ActorIndex node);
    bool finish_part(std::size_t part_index);
    bool expand(std::size_t part_index, std::size_t i, ActorIndex from);
    bool expand_fixed(std::size_t part_index, std::size_t i, ActorIndex from);
    bool expand_variable(std::size_t part_index, std::size_t i, ActorIndex from);
    bool expand_shortest(std::size_t part_index, ActorIndex from);
    bool shortest_between(std::size_t part_index, ActorIndex from, ActorIndex target, std::int64_t max);
    /// The string id the end node's property map gives (evaluated once per match), if any.
    [[nodiscard]] std::optional<std::string> end_id(const Part& part) const;
    /// Binds the slot to the value, or compares it with the value bound there: nullopt when they differ, else
    /// whether it bound (and must be unbound afterwards).
    std::optional<bool> bind_or_check(int slot, Value value);
    bool try_shortest_end(std::size_t part_index, ActorIndex end, const std::vector<ActorIndex>& between,
                          const std::vector<RelationIndex>& walked);
    bool relationship_fits(const Part& part, std::size_t i, RelationIndex relationship);
    [[nodiscard]] std::vector<ActorIndex> start_candidates(const Part& part);
    [[nodiscard]] bool scans_relationships(const Part& part) const;
    bool scan_relationships(std::size_t part_index);

    /// Slots bound where filters are checked (match_node, expand_fixed): nodes and fixed-length relationships
    /// outside shortestPath parts.
    [[nodiscard]] std::vector<char> filtered_slots() const;
    /// Whether the filters that read `slot`, just bound, hold (those with another slot still unbound wait).
    bool filters_hold(int slot);
    /// `(n WHERE ...)` and `-[r WHERE ...]-`: conditions like a WHERE's.
    void add_element_predicates();
    bool end_checks_hold();

    struct Filter {
        const ast::Expression* expression = nullptr;
        std::vector<int> slots;  ///< the pattern's slots it reads
        /// For `v.key <op> literal` (either way round), the commonest filter, compared without the evaluator:
        /// the property read and the literal (in the order written).
        const ast::Expression* property = nullptr;
        const ast::Expression* literal = nullptr;
        bool literal_first = false;
        ast::Operator op = ast::Operator::Equal;
    };
    static void mark_quick_comparison(const ast::Expression& conjunct, Filter& filter);
    /// The answer of a Filter with `property` set; nullopt when the filter must be evaluated in full.
    std::optional<bool> compare_quickly(const Filter& filter);
    Context& context_;
    std::vector<Filter> filters_;
    std::vector<std::vector<std::size_t>> filters_of_slot_;
    std::vector<const ast::Expression*> end_checks_;  ///< conditions checked on each whole match
    std::vector<Part> parts_;
    Columns columns_;
    std::size_t input_size_ = 0;

    // The state of one match() call.
    Row row_;
    std::vector<char> bound_;
    std::vector<RelationIndex> used_;
    std::vector<ActorIndex> path_nodes_;
    std::vector<RelationIndex> path_relationships_;
    const std::function<bool(const Row&)>* found_ = nullptr;
};

}  // namespace actorgraph::cypher
