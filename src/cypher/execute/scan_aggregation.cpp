#include "cypher/execute/scan_aggregation.hpp"

#include <algorithm>
#include <limits>
#include <optional>

#include "cypher/execute/evaluator.hpp"
#include "cypher/execute/expression_reads.hpp"
#include "cypher/execute/functions.hpp"
#include "cypher/execute/operators.hpp"

namespace actorgraph::cypher {

namespace {

using Kind = LabelIndex::NumberColumn::Kind;
constexpr auto no_group = std::numeric_limits<std::uint32_t>::max();

// The relationship's number as a value (null when absent; the column has no `other` values).
Value number_at(const LabelIndex::NumberColumn& column, RelationIndex relationship)
{
    switch (column.kinds[relationship]) {
    case Kind::integer: return Value::integer(column.integers[relationship]);
    case Kind::floating: return Value::floating(column.floats[relationship]);
    default: return {};
    }
}

}  // namespace

ScanAggregation::ScanAggregation(Context& context, std::vector<const ast::Expression*> keys)
    : context_(context), key_expressions_(std::move(keys)), table_(key_expressions_.size())
{
}

void ScanAggregation::run()
{
    const auto& graph = context_.graph.graph();
    if (by_node_) {
        totals_.assign(graph.actor_count() * calls_.size(), Totals{});
    } else if (grouped_end_ >= 0) {
        group_of_node_.assign(graph.actor_count(), no_group);
    }
    auto visit = [&](RelationIndex relationship) {
        context_.tick();
        if (!holds(relationship)) return;
        const auto& relation = graph.relation(relationship);
        if (!ends_fit(relation) || !others_hold(relationship, relation)) return;
        batch_.push_back({relationship, grouped_end_ == 0 ? relation.source : relation.target});
        if (batch_.size() == batch_size) group_batch();
    };
    if (any_type_) {
        for (RelationIndex relationship = 0, count = graph.relation_count(); relationship < count; ++relationship) {
            visit(relationship);
        }
    } else {
        // The relationships of a type are scattered among the others: fetch the ones a few steps on.
        constexpr std::size_t ahead = 16;
        for (std::size_t i = 0; i < scanned_.size(); ++i) {
            if (i + ahead < scanned_.size()) __builtin_prefetch(&graph.relation(scanned_[i + ahead]));
            visit(scanned_[i]);
        }
    }
    group_batch();
    if (by_node_) settle_node_groups();
    // An aggregation without keys over no match is one group: count(*) of nothing is 0.
    if (key_expressions_.empty() && groups_ == 0) new_group(0);
    if (any_extreme_) extremes_.resize(totals_.size());
}

// The matches wait in a batch whose memory (each node's group, the actors met first, the groups' totals) is
// fetched together: one cache miss after another was most of the time of a grouping over 600k nodes.
void ScanAggregation::group_batch()
{
    if (by_node_) return total_by_node();
    const auto& graph = context_.graph.graph();
    if (grouped_end_ >= 0) {
        for (const auto& match : batch_) __builtin_prefetch(&group_of_node_[match.node]);
        for (const auto& match : batch_) {
            if (group_of_node_[match.node] == no_group) __builtin_prefetch(&graph.actor(match.node));
        }
    }
    for (auto& match : batch_) {
        match.group = group_of(match.node);
        __builtin_prefetch(totals_.data() + match.group * calls_.size());
    }
    if (any_extreme_ && extremes_.size() < totals_.size()) extremes_.resize(totals_.size());
    for (const auto& match : batch_) add(match.group, totals_of(match.group), match.relationship);
    batch_.clear();
}

void ScanAggregation::total_by_node()
{
    for (const auto& match : batch_) __builtin_prefetch(totals_.data() + match.node * calls_.size());
    for (const auto& match : batch_) {
        auto* totals = totals_.data() + match.node * calls_.size();
        if (!totals->met) {
            totals->met = true;
            met_nodes_.push_back(match.node);
        }
        add(0, totals, match.relationship);
    }
    batch_.clear();
}

// After a scan by node: each node met becomes a group with its keys, in the order met, and its totals move to
// the group's place (so the projection reads them in order). A node whose keys do not name it (a node made
// without an id has none to read) joins the group of equal keys, its totals merged in.
void ScanAggregation::settle_node_groups()
{
    constexpr std::size_t ahead = 16;
    const auto& graph = context_.graph.graph();
    auto calls = calls_.size();
    std::vector<Totals> by_group;
    by_group.reserve(met_nodes_.size() * calls);
    if (lazy_keys_) {
        for (std::size_t i = 0; i < met_nodes_.size(); ++i) {
            if (i + ahead < met_nodes_.size()) __builtin_prefetch(totals_.data() + met_nodes_[i + ahead] * calls);
            const auto* totals = totals_.data() + met_nodes_[i] * calls;
            by_group.insert(by_group.end(), totals, totals + calls);
        }
        groups_ = met_nodes_.size();
        totals_ = std::move(by_group);
        by_node_ = false;
        return;
    }
    table_.reserve(met_nodes_.size());
    for (std::size_t i = 0; i < met_nodes_.size(); ++i) {
        if (i + ahead < met_nodes_.size()) {
            __builtin_prefetch(&graph.actor(met_nodes_[i + ahead]));
            __builtin_prefetch(totals_.data() + met_nodes_[i + ahead] * calls);
        }
        auto node = met_nodes_[i];
        const auto* totals = totals_.data() + node * calls;
        evaluate_keys(node);
        if (names_node(node)) {
            table_.add_unhashed(probe_);
        } else {
            auto [group, added] = table_.find_or_add(table_.hash(probe_.data()), probe_);
            if (!added) {
                merge(by_group.data() + group * calls, totals);
                continue;
            }
        }
        by_group.insert(by_group.end(), totals, totals + calls);
        ++groups_;
    }
    totals_ = std::move(by_group);
    by_node_ = false;  // totals are by group from here
}

std::size_t ScanAggregation::group_of(ActorIndex node)
{
    if (grouped_end_ < 0) return groups_ == 0 ? new_group(node) : 0;
    auto& known = group_of_node_[node];
    if (known == no_group) known = static_cast<std::uint32_t>(new_group(node));
    return known;
}

// The group of the node's keys (another node's, when their keys are equal), or a new one.
std::size_t ScanAggregation::new_group(ActorIndex node)
{
    evaluate_keys(node);
    std::size_t group = 0;
    if (names_node(node)) {
        group = table_.add_unhashed(probe_);
    } else {
        auto [found, added] = table_.find_or_add(table_.hash(probe_.data()), probe_);
        if (!added) return found;
        group = found;
    }
    totals_.resize(totals_.size() + calls_.size());
    ++groups_;
    return group;
}

// The keys of the node's group into probe_: `b` and `b.id` read directly, others through the evaluator.
void ScanAggregation::evaluate_keys(ActorIndex node)
{
    probe_.clear();
    if (key_row_.empty()) {
        Evaluator evaluator(context_, key_columns_, key_row_);
        for (const auto* key : key_expressions_) probe_.push_back(evaluator.eval(*key));
        return;
    }
    key_row_[0] = Value::node(node);
    for (const auto* key : key_expressions_) {
        if (key->kind == ast::ExpressionKind::Variable) {
            probe_.push_back(key_row_[0]);
        } else if (key->kind == ast::ExpressionKind::Property &&
                   key->children[0]->kind == ast::ExpressionKind::Variable) {
            probe_.push_back(context_.graph.node_property(node, key->name));
        } else {
            probe_.push_back(Evaluator(context_, key_columns_, key_row_).eval(*key));
        }
    }
}

// Whether the keys just evaluated (in probe_) are the node's alone: one key is the node itself, or its id as the
// graph keeps it (ids are unique; a node made without one reads its `id` from its properties, so not this).
bool ScanAggregation::names_node(ActorIndex node) const
{
    if (naming_key_ < 0) return false;
    const auto& key = probe_[static_cast<std::size_t>(naming_key_)];
    if (key.is_node()) return true;
    const auto& id = context_.graph.graph().actor(node).id;
    return key.is_string() && key.as_string() == id && !std::string_view(id).starts_with(generated_id_prefix);
}

Value* ScanAggregation::keys(std::size_t group)
{
    if (!lazy_keys_) return table_.keys(group);
    // The projection reads the groups in order: fetch the actor it reads a few groups on.
    constexpr std::size_t ahead = 16;
    if (group + ahead < met_nodes_.size()) __builtin_prefetch(&context_.graph.graph().actor(met_nodes_[group + ahead]));
    evaluate_keys(met_nodes_[group]);
    return probe_.data();
}

ScanAggregation::Totals* ScanAggregation::totals_of(std::size_t group) noexcept
{
    return totals_.data() + group * calls_.size();
}

const ScanAggregation::Totals* ScanAggregation::totals_of(std::size_t group) const noexcept
{
    return totals_.data() + group * calls_.size();
}

bool ScanAggregation::holds(RelationIndex relationship)
{
    for (const auto& test : tests_) {
        auto kind = test.column->kinds[relationship];
        switch (test.kind) {
        case NumberTest::Kind::is_null:
            if (kind != Kind::absent) return false;
            continue;
        case NumberTest::Kind::is_not_null:
            if (kind == Kind::absent) return false;
            continue;
        case NumberTest::Kind::compare: break;
        }
        if (kind == Kind::absent) return false;  // null compares to nothing
        auto value = number_at(*test.column, relationship);
        bool holds = test.literal_first ? comparison_holds(test.op, test.literal, value)
                                        : comparison_holds(test.op, value, test.literal);
        if (!holds) return false;
    }
    return true;
}

bool ScanAggregation::ends_fit(const Relation& relation) const
{
    for (const auto& label : *source_.labels) {
        if (!context_.graph.has_label(relation.source, label)) return false;
    }
    for (const auto& label : *target_.labels) {
        if (!context_.graph.has_label(relation.target, label)) return false;
    }
    return true;
}

bool ScanAggregation::others_hold(RelationIndex relationship, const Relation& relation)
{
    if (other_conditions_.empty()) return true;
    std::size_t at = 0;
    if (!source_.variable.empty()) pattern_row_[at++] = Value::node(relation.source);
    if (!relationship_variable_.empty()) pattern_row_[at++] = Value::relationship(relationship);
    if (!target_.variable.empty()) pattern_row_[at++] = Value::node(relation.target);
    Evaluator evaluator(context_, pattern_columns_, pattern_row_);
    return std::all_of(other_conditions_.begin(), other_conditions_.end(),
                       [&](const ast::Expression* condition) { return evaluator.holds(*condition); });
}

// What Accumulator::add does with the relationship's value, on plain counters.
void ScanAggregation::add(std::size_t group, Totals* totals, RelationIndex relationship)
{
    for (std::size_t c = 0; c < calls_.size(); ++c) {
        const auto& call = calls_[c];
        auto& total = totals[c];
        if (call.kind == Call::Kind::count_rows) {
            ++total.count;
            continue;
        }
        auto kind = call.column->kinds[relationship];
        if (kind == Kind::absent) continue;
        ++total.count;
        if (call.kind == Call::Kind::count) continue;
        if (call.kind == Call::Kind::min || call.kind == Call::Kind::max) {
            auto value = number_at(*call.column, relationship);
            auto& extreme = extremes_[group * calls_.size() + c];
            bool takes = extreme.is_null() ||
                         (call.kind == Call::Kind::min ? order(value, extreme) < 0 : order(value, extreme) > 0);
            if (takes) extreme = value;
            continue;
        }
        if (call.kind == Call::Kind::sum && kind == Kind::integer && !total.any_float) {
            if (__builtin_add_overflow(total.integer, call.column->integers[relationship], &total.integer)) {
                runtime_error(ErrorClass::ArgumentError, "IntegerOverflow", "sum() overflows a 64-bit integer",
                              call.where);
            }
            continue;
        }
        if (call.kind == Call::Kind::sum && !total.any_float) {
            total.any_float = true;
            total.floating = static_cast<double>(total.integer);
        }
        total.floating += kind == Kind::integer ? static_cast<double>(call.column->integers[relationship])
                                                : call.column->floats[relationship];
    }
}

// Adds one node's totals to its group's (min and max are never merged: they are grouped by keys).
void ScanAggregation::merge(Totals* into, const Totals* from) const
{
    for (std::size_t c = 0; c < calls_.size(); ++c) {
        auto& total = into[c];
        const auto& more = from[c];
        total.count += more.count;
        if (calls_[c].kind != Call::Kind::sum && calls_[c].kind != Call::Kind::avg) continue;
        if (!total.any_float && !more.any_float) {
            if (__builtin_add_overflow(total.integer, more.integer, &total.integer)) {
                runtime_error(ErrorClass::ArgumentError, "IntegerOverflow", "sum() overflows a 64-bit integer",
                              calls_[c].where);
            }
            total.floating += more.floating;  // avg adds floats only
            continue;
        }
        if (calls_[c].kind == Call::Kind::sum && !total.any_float) total.floating = static_cast<double>(total.integer);
        total.floating += calls_[c].kind == Call::Kind::sum && !more.any_float ? static_cast<double>(more.integer)
                                                                                : more.floating;
        total.any_float = total.any_float || more.any_float;
    }
}

Value ScanAggregation::result(std::size_t group, std::size_t call) const
{
    const auto& total = totals_of(group)[call];
    switch (calls_[call].kind) {
    case Call::Kind::count_rows:
    case Call::Kind::count: return Value::integer(total.count);
    case Call::Kind::sum: return total.any_float ? Value::floating(total.floating) : Value::integer(total.integer);
    case Call::Kind::avg:
        return total.count == 0 ? Value() : Value::floating(total.floating / static_cast<double>(total.count));
    case Call::Kind::min:
    case Call::Kind::max: return extremes_[group * calls_.size() + call];
    }
    return {};
}

}  // namespace actorgraph::cypher
