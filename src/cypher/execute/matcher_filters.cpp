// The conditions a PatternMatcher checks while it matches (see add_conditions in matcher.hpp).
#include <algorithm>

#include "cypher/execute/evaluator.hpp"
#include "cypher/execute/expression_reads.hpp"
#include "cypher/execute/matcher.hpp"
#include "cypher/execute/operators.hpp"

namespace actorgraph::cypher {

std::vector<char> PatternMatcher::filtered_slots() const
{
    std::vector<char> filtered(columns_.size(), 0);
    std::vector<char> elsewhere(columns_.size(), 0);  // also bound where no filter is checked
    auto mark = [](std::vector<char>& marks, int slot) {
        if (slot >= 0) marks[static_cast<std::size_t>(slot)] = 1;
    };
    for (const auto& part : parts_) {
        bool shortest = !part.syntax->shortest.empty();
        mark(elsewhere, part.path_slot);
        for (const auto& node : part.nodes) mark(shortest ? elsewhere : filtered, node.slot);
        for (std::size_t i = 0; i < part.relationships.size(); ++i) {
            bool variable = relationship_syntax(part, i).variable_length;
            mark(shortest || variable ? elsewhere : filtered, part.relationships[i].slot);
        }
    }
    for (std::size_t slot = 0; slot < filtered.size(); ++slot) {
        if (elsewhere[slot]) filtered[slot] = 0;
    }
    return filtered;
}

void PatternMatcher::add_conditions(const std::vector<const ast::Expression*>& conjuncts)
{
    auto filtered = filtered_slots();
    if (filters_of_slot_.size() != columns_.size()) filters_of_slot_.assign(columns_.size(), {});
    for (const auto* conjunct : conjuncts) {
        auto reads = plain_reads(*conjunct);
        Filter filter{conjunct, {}};
        bool takes = reads.has_value();
        for (const auto& name : reads.value_or(std::vector<std::string>{})) {
            auto column = std::find(columns_.begin(), columns_.end(), name);
            auto slot = static_cast<std::size_t>(column - columns_.begin());
            if (column == columns_.end() || (slot >= input_size_ && !filtered[slot])) takes = false;
            else if (slot >= input_size_) filter.slots.push_back(static_cast<int>(slot));
        }
        // One that reads only the input is the same for every match: checked on each whole match, as the rest.
        if (!takes || filter.slots.empty()) {
            end_checks_.push_back(conjunct);
            continue;
        }
        mark_quick_comparison(*conjunct, filter);
        for (auto slot : filter.slots) filters_of_slot_[static_cast<std::size_t>(slot)].push_back(filters_.size());
        filters_.push_back(std::move(filter));
    }
}

void PatternMatcher::add_element_predicates()
{
    std::vector<const ast::Expression*> predicates;
    for (const auto& part : parts_) {
        for (const auto& node : part.syntax->nodes) {
            if (node.predicate) predicates.push_back(node.predicate.get());
        }
        for (const auto& relationship : part.syntax->relationships) {
            if (relationship.predicate) predicates.push_back(relationship.predicate.get());
        }
    }
    if (!predicates.empty()) add_conditions(predicates);
}

bool PatternMatcher::end_checks_hold()
{
    if (end_checks_.empty()) return true;
    Evaluator evaluator(context_, columns_, row_);
    return std::all_of(end_checks_.begin(), end_checks_.end(),
                       [&](const ast::Expression* check) { return evaluator.holds(*check); });
}

bool PatternMatcher::filters_hold(int slot)
{
    if (filters_.empty()) return true;
    for (auto f : filters_of_slot_[static_cast<std::size_t>(slot)]) {
        const auto& filter = filters_[f];
        bool ready = std::all_of(filter.slots.begin(), filter.slots.end(),
                                 [&](int s) { return bound_[static_cast<std::size_t>(s)] != 0; });
        if (!ready) continue;
        auto quick = filter.property ? compare_quickly(filter) : std::nullopt;
        if (quick ? !*quick : !Evaluator(context_, columns_, row_).holds(*filter.expression)) return false;
    }
    return true;
}

// A conjunct `v.key <op> literal` (either way round, a chain of one operator or a binary comparison) is compared
// by compare_quickly.
void PatternMatcher::mark_quick_comparison(const ast::Expression& conjunct, Filter& filter)
{
    using ast::Operator;
    bool chain = conjunct.kind == ast::ExpressionKind::Comparison && conjunct.operators.size() == 1;
    bool binary = conjunct.kind == ast::ExpressionKind::Binary && conjunct.op >= Operator::Equal &&
                  conjunct.op <= Operator::GreaterEqual;
    if (!chain && !binary) return;
    for (std::size_t side = 0; side < 2; ++side) {
        const auto& property = *conjunct.children[side];
        const auto& literal = *conjunct.children[1 - side];
        if (property.kind == ast::ExpressionKind::Property && literal.kind == ast::ExpressionKind::Literal &&
            property.children[0]->kind == ast::ExpressionKind::Variable) {
            filter.property = &property;
            filter.literal = &literal;
            filter.literal_first = side == 1;
            filter.op = chain ? conjunct.operators.front() : conjunct.op;
        }
    }
}

// What the evaluator answers for a comparison of a node's or relationship's property with a literal (null
// compares to nothing), without its dispatch, name lookups and copies.
std::optional<bool> PatternMatcher::compare_quickly(const Filter& filter)
{
    // The filter reads one variable, the property's: its only slot.
    if (filter.slots.size() != 1) return std::nullopt;
    const auto& subject = row_[static_cast<std::size_t>(filter.slots.front())];
    if (!subject.is_relationship() && !subject.is_node()) return std::nullopt;
    auto value = subject.is_relationship()
                     ? context_.graph.relationship_property(subject.as_relationship(), filter.property->name)
                     : context_.graph.node_property(subject.as_node(), filter.property->name);
    const auto& literal = filter.literal->literal;
    const auto& left = filter.literal_first ? literal : value;
    const auto& right = filter.literal_first ? value : literal;
    return comparison_holds(filter.op, left, right);
}

}  // namespace actorgraph::cypher
