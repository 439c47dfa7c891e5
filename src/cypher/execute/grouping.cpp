#include "cypher/execute/grouping.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>

#include "cypher/execute/evaluator.hpp"
#include "cypher/execute/expression_reads.hpp"

namespace actorgraph::cypher {

namespace {

// Equivalent values (order() == 0, so 1 and 1.0, or two NaNs) must hash alike, so numbers hash by their value
// as a double and the kinds that are rarely keys share one hash.
std::size_t value_hash(const Value& value) noexcept
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

// Mixed, since a node's or an integer's hash is nearly the value: consecutive values must not crowd one run.
std::size_t mixed(std::size_t hash) noexcept
{
    std::uint64_t bits = (hash ^ (hash >> 31)) * 0xbf58476d1ce4e5b9u;
    return static_cast<std::size_t>(bits ^ (bits >> 29));
}

// The one variable every key reads, when the keys are a plain function of it (see plain_reads).
std::optional<std::string> sole_variable(const std::vector<const ast::Expression*>& keys)
{
    std::optional<std::string> sole;
    for (const auto* key : keys) {
        auto reads = plain_reads(*key);
        if (!reads || reads->size() > 1) return std::nullopt;
        if (reads->empty()) continue;
        if (sole && *sole != reads->front()) return std::nullopt;
        sole = reads->front();
    }
    return sole;
}

// Below this many rows a table of every node's group would cost more than it saves.
constexpr std::size_t rows_before_node_memo = 4096;
constexpr auto no_memo = std::numeric_limits<std::uint32_t>::max();

}  // namespace

Grouping::Grouping(Context& context, const Columns& columns, std::vector<const ast::Expression*> keys,
                   std::vector<const ast::Expression*> aggregate_calls, bool keep_first_input)
    : context_(context), columns_(columns), key_expressions_(std::move(keys)), calls_(std::move(aggregate_calls)),
      keep_first_input_(keep_first_input)
{
    for (const auto* call : calls_) fresh_.emplace_back(*call);
    if (auto variable = sole_variable(key_expressions_)) {
        auto column = std::find(columns_.begin(), columns_.end(), *variable);
        if (column != columns_.end()) node_column_ = static_cast<int>(column - columns_.begin());
    }
}

std::size_t Grouping::hash_of_keys(const Value* keys) const noexcept
{
    std::size_t hash = key_count();
    for (std::size_t k = 0; k < key_count(); ++k) hash = hash * 1'000'003u ^ value_hash(keys[k]);
    return hash;
}

bool Grouping::same_keys(const Value* a, const Value* b) const
{
    for (std::size_t k = 0; k < key_count(); ++k) {
        if (!equivalent(a[k], b[k])) return false;
    }
    return true;
}

// Evaluates the row's keys and finds their group, or makes one.
std::size_t Grouping::group_of_keys(const Row& input)
{
    Evaluator evaluator(context_, columns_, input);
    probe_.clear();
    for (const auto* key : key_expressions_) probe_.push_back(evaluator.eval(*key));
    auto hash = hash_of_keys(probe_.data());
    if (!slots_.empty()) {
        auto mask = slots_.size() - 1;
        for (auto at = mixed(hash) & mask; slots_[at].group != 0; at = (at + 1) & mask) {
            auto group = slots_[at].group - 1;
            if (slots_[at].hash == hash && same_keys(keys(group), probe_.data())) return group;
        }
    }
    if (2 * (group_count_ + 1) > slots_.size()) {
        auto old = std::move(slots_);
        slots_.assign(std::max<std::size_t>(16, 2 * old.size()), Slot{});
        auto mask = slots_.size() - 1;
        for (const auto& slot : old) {
            if (slot.group == 0) continue;
            auto at = mixed(slot.hash) & mask;
            while (slots_[at].group != 0) at = (at + 1) & mask;
            slots_[at] = slot;
        }
    }
    auto mask = slots_.size() - 1;
    auto at = mixed(hash) & mask;
    while (slots_[at].group != 0) at = (at + 1) & mask;
    slots_[at] = {hash, group_count_ + 1};
    for (auto& key : probe_) keys_.push_back(std::move(key));
    accumulators_.insert(accumulators_.end(), fresh_.begin(), fresh_.end());
    first_inputs_.push_back(keep_first_input_ ? input : Row{});
    return group_count_++;
}

// A node met before is in the group it joined then: its keys, a function of the node, are the same.
std::size_t Grouping::group_of(const Row& input)
{
    if (node_column_ < 0 || ++rows_seen_ < rows_before_node_memo) return group_of_keys(input);
    const auto& value = input[static_cast<std::size_t>(node_column_)];
    if (!value.is_node()) return group_of_keys(input);
    auto node = value.as_node();
    if (node >= group_of_node_.size()) {
        group_of_node_.resize(std::max<std::size_t>(node + 1, context_.graph.graph().actor_count()), no_memo);
    }
    auto& known = group_of_node_[node];
    if (known != no_memo) return known;
    auto group = group_of_keys(input);
    if (group < no_memo) known = static_cast<std::uint32_t>(group);
    return group;
}

void Grouping::add(const Row& input)
{
    // Without keys there is one group, and no lookup.
    std::size_t group = key_count() == 0 && group_count_ > 0 ? 0 : group_of(input);
    if (calls_.empty()) return;
    Evaluator evaluator(context_, columns_, input);
    auto* accumulators = accumulators_.data() + group * calls_.size();
    for (std::size_t a = 0; a < calls_.size(); ++a) {
        const auto* call = calls_[a];
        Value argument = call->children.empty() ? Value() : evaluator.eval(*call->children[0]);
        Value percentile = call->children.size() > 1 ? evaluator.eval(*call->children[1]) : Value();
        accumulators[a].add(argument, percentile);
    }
}

void Grouping::add_empty_group()
{
    accumulators_.insert(accumulators_.end(), fresh_.begin(), fresh_.end());
    first_inputs_.emplace_back(columns_.size());
    ++group_count_;
}

}  // namespace actorgraph::cypher
