#include "cypher/execute/grouping.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <iterator>
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
      keep_first_input_(keep_first_input), table_(key_expressions_.size())
{
    for (const auto* call : calls_) fresh_.emplace_back(*call);
    if (auto variable = sole_variable(key_expressions_)) {
        auto column = std::find(columns_.begin(), columns_.end(), *variable);
        if (column != columns_.end()) node_column_ = static_cast<int>(column - columns_.begin());
        node_columns_ = {*variable};
        node_row_.resize(1);
    }
}

std::size_t GroupKeys::hash(const Value* keys) const noexcept
{
    std::size_t hash = key_count_;
    for (std::size_t k = 0; k < key_count_; ++k) hash = hash * 1'000'003u ^ value_hash(keys[k]);
    return hash;
}

bool GroupKeys::same_keys(const Value* a, const Value* b) const
{
    for (std::size_t k = 0; k < key_count_; ++k) {
        if (!equivalent(a[k], b[k])) return false;
    }
    return true;
}

void GroupKeys::prefetch(std::size_t hash) const noexcept
{
    if (!slots_.empty()) __builtin_prefetch(&slots_[mixed(hash) & (slots_.size() - 1)]);
}

void GroupKeys::grow()
{
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

void GroupKeys::insert(std::size_t hash, std::size_t group)
{
    if (2 * (group + 1) > slots_.size()) grow();
    auto mask = slots_.size() - 1;
    auto at = mixed(hash) & mask;
    while (slots_[at].group != 0) at = (at + 1) & mask;
    slots_[at] = {hash, group + 1};
}

std::pair<std::size_t, bool> GroupKeys::find_or_add(std::size_t hash, std::vector<Value>& probe)
{
    for (; hashed_ < size_; ++hashed_) insert(this->hash(keys(hashed_)), hashed_);
    if (!slots_.empty()) {
        auto mask = slots_.size() - 1;
        for (auto at = mixed(hash) & mask; slots_[at].group != 0; at = (at + 1) & mask) {
            auto group = slots_[at].group - 1;
            if (slots_[at].hash == hash && same_keys(keys(group), probe.data())) return {group, false};
        }
    }
    insert(hash, size_);
    ++hashed_;
    for (auto& key : probe) keys_.push_back(std::move(key));
    return {size_++, true};
}

std::size_t GroupKeys::add_unhashed(std::vector<Value>& probe)
{
    for (auto& key : probe) keys_.push_back(std::move(key));
    return size_++;
}

// Evaluates the row's keys and finds their group, or makes one.
std::size_t Grouping::group_of_keys(const Columns& columns, const Row& input)
{
    Evaluator evaluator(context_, columns, input);
    probe_.clear();
    for (const auto* key : key_expressions_) probe_.push_back(evaluator.eval(*key));
    return group_of_probe(table_.hash(probe_.data()), keep_first_input_ ? &input : nullptr);
}

// The group of the keys in probe_, whose hash is given, or a new one that takes them.
std::size_t Grouping::group_of_probe(std::size_t hash, const Row* first_input)
{
    auto [group, added] = table_.find_or_add(hash, probe_);
    if (!added) return group;
    accumulators_.insert(accumulators_.end(), fresh_.begin(), fresh_.end());
    if (keep_first_input_) first_inputs_.push_back(first_input ? *first_input : Row(columns_.size()));
    return group_count_++;
}

// A node met before is in the group it joined then: its keys, a function of the node, are the same.
std::size_t Grouping::group_of(const Row& input)
{
    if (node_column_ < 0 || rows_seen_ < rows_before_node_memo) return group_of_keys(columns_, input);
    const auto& value = input[static_cast<std::size_t>(node_column_)];
    if (!value.is_node()) return group_of_keys(columns_, input);
    return group_of_node(value.as_node(), &input);
}

std::size_t Grouping::group_of_node(ActorIndex node, const Row* input)
{
    if (node >= group_of_node_.size()) {
        group_of_node_.resize(std::max<std::size_t>(node + 1, context_.graph.graph().actor_count()), no_memo);
    }
    auto& known = group_of_node_[node];
    if (known != no_memo) return known;
    // The keys read only the node: without the input row (a batched one) they are evaluated over the node alone.
    std::size_t group = 0;
    if (input) {
        group = group_of_keys(columns_, *input);
    } else {
        node_row_[0] = Value::node(node);
        group = group_of_keys(node_columns_, node_row_);
    }
    if (group < no_memo) group_of_node_[node] = static_cast<std::uint32_t>(group);
    return group;
}

bool Grouping::batches(const Row& input) const
{
    return node_column_ >= 0 && !keep_first_input_ && rows_seen_ >= rows_before_node_memo &&
           input[static_cast<std::size_t>(node_column_)].is_node();
}

void Grouping::push_arguments(const Row& input, std::vector<Value>& arguments)
{
    Evaluator evaluator(context_, columns_, input);
    for (const auto* call : calls_) {
        arguments.push_back(call->children.empty() ? Value() : evaluator.eval(*call->children[0]));
        arguments.push_back(call->children.size() > 1 ? evaluator.eval(*call->children[1]) : Value());
    }
}

void Grouping::accumulate(std::size_t group, const Value* arguments)
{
    auto* accumulators = accumulators_.data() + group * calls_.size();
    for (std::size_t a = 0; a < calls_.size(); ++a) accumulators[a].add(arguments[2 * a], arguments[2 * a + 1]);
}

void Grouping::add(const Row& input)
{
    ++rows_seen_;
    if (batches(input)) return add_to_batch(input);
    // Without keys there is one group, and no lookup.
    std::size_t group = key_count() == 0 && group_count_ > 0 ? 0 : group_of(input);
    if (calls_.empty()) return;
    arguments_.clear();
    push_arguments(input, arguments_);
    accumulate(group, arguments_.data());
}

void Grouping::add_to_batch(const Row& input)
{
    constexpr std::size_t batch = 64;
    push_arguments(input, pending_arguments_);
    pending_nodes_.push_back(input[static_cast<std::size_t>(node_column_)].as_node());
    if (pending_nodes_.size() == batch) group_batch();
}

// In passes over the batch, each fetching what the next reads: the nodes' table entries, then (for nodes not met
// before) their actors, whose keys are evaluated, then the groups' accumulators.
void Grouping::group_batch()
{
    const auto& graph = context_.graph.graph();
    auto size = pending_nodes_.size();
    if (group_of_node_.size() < graph.actor_count()) group_of_node_.resize(graph.actor_count(), no_memo);
    for (auto node : pending_nodes_) {
        if (node < group_of_node_.size()) __builtin_prefetch(&group_of_node_[node]);
    }
    for (auto node : pending_nodes_) {
        bool unknown = node >= group_of_node_.size() || group_of_node_[node] == no_memo;
        if (unknown && node < graph.actor_count()) __builtin_prefetch(&graph.actor(node));
    }
    // The keys of the nodes not met before, and a fetch of where their hash points in the table.
    constexpr auto unknown = std::numeric_limits<std::size_t>::max();
    pending_groups_.assign(size, unknown);
    batch_keys_.resize(size * key_count());
    batch_hashes_.resize(size);
    for (std::size_t i = 0; i < size; ++i) {
        auto node = pending_nodes_[i];
        if (node < group_of_node_.size() && group_of_node_[node] != no_memo) {
            pending_groups_[i] = group_of_node_[node];
            continue;
        }
        node_row_[0] = Value::node(node);
        Evaluator evaluator(context_, node_columns_, node_row_);
        for (std::size_t k = 0; k < key_count(); ++k) batch_keys_[i * key_count() + k] = evaluator.eval(*key_expressions_[k]);
        batch_hashes_[i] = table_.hash(batch_keys_.data() + i * key_count());
        table_.prefetch(batch_hashes_[i]);
    }
    for (std::size_t i = 0; i < size; ++i) {
        auto node = pending_nodes_[i];
        if (pending_groups_[i] == unknown) {
            // An earlier row of the batch may have met the node.
            if (node >= group_of_node_.size()) group_of_node_.resize(node + 1, no_memo);
            auto known = group_of_node_[node];
            if (known != no_memo) {
                pending_groups_[i] = known;
            } else {
                probe_.assign(std::make_move_iterator(batch_keys_.begin() + static_cast<std::ptrdiff_t>(i * key_count())),
                              std::make_move_iterator(batch_keys_.begin() + static_cast<std::ptrdiff_t>((i + 1) * key_count())));
                pending_groups_[i] = group_of_probe(batch_hashes_[i], nullptr);
                if (pending_groups_[i] < no_memo) group_of_node_[node] = static_cast<std::uint32_t>(pending_groups_[i]);
            }
        }
        __builtin_prefetch(accumulators_.data() + pending_groups_[i] * calls_.size());
    }
    for (std::size_t i = 0; i < size; ++i) {
        if (!calls_.empty()) accumulate(pending_groups_[i], pending_arguments_.data() + i * 2 * calls_.size());
    }
    pending_nodes_.clear();
    pending_arguments_.clear();
}

void Grouping::finish()
{
    if (!pending_nodes_.empty()) group_batch();
}

void Grouping::add_empty_group()
{
    accumulators_.insert(accumulators_.end(), fresh_.begin(), fresh_.end());
    if (keep_first_input_) first_inputs_.emplace_back(columns_.size());
    ++group_count_;
}

}  // namespace actorgraph::cypher
