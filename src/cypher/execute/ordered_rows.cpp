#include "cypher/execute/ordered_rows.hpp"

#include <algorithm>

namespace actorgraph::cypher {

OrderedRows::OrderedRows(const std::vector<ast::SortItem>& order_by, KeysOf keys_of, std::optional<std::size_t> wanted)
    : order_by_(order_by), keys_of_(std::move(keys_of)), wanted_(wanted)
{
}

bool OrderedRows::before(const Row& a_keys, std::size_t a_sequence, const Row& b_keys, std::size_t b_sequence) const
{
    for (std::size_t k = 0; k < order_by_.size(); ++k) {
        auto sign = order(a_keys[k], b_keys[k]);
        if (sign == 0) continue;
        return order_by_[k].descending ? sign > 0 : sign < 0;
    }
    return a_sequence < b_sequence;
}

bool OrderedRows::entry_before(const Entry& a, const Entry& b) const
{
    return before(a.keys, a.sequence, b.keys, b.sequence);
}

void OrderedRows::add(Row& row)
{
    auto sequence = added_++;
    if (wanted_ && *wanted_ == 0) return;
    // Without ORDER BY the first rows are the ones returned.
    if (order_by_.empty()) {
        if (!wanted_ || entries_.size() < *wanted_) entries_.push_back({{}, std::move(row), sequence});
        return;
    }
    scratch_keys_.clear();
    keys_of_(row, scratch_keys_);
    auto by_order = [this](const Entry& a, const Entry& b) { return entry_before(a, b); };
    if (!wanted_ || entries_.size() < *wanted_) {
        entries_.push_back({std::move(scratch_keys_), std::move(row), sequence});
        if (wanted_) std::push_heap(entries_.begin(), entries_.end(), by_order);
        return;
    }
    // Full: the row replaces the last one kept if it comes before it.
    auto& last = entries_.front();
    if (!before(scratch_keys_, sequence, last.keys, last.sequence)) return;
    std::pop_heap(entries_.begin(), entries_.end(), by_order);
    entries_.back() = {std::move(scratch_keys_), std::move(row), sequence};
    std::push_heap(entries_.begin(), entries_.end(), by_order);
}

std::vector<Row> OrderedRows::take()
{
    auto by_order = [this](const Entry& a, const Entry& b) { return entry_before(a, b); };
    if (!order_by_.empty()) {
        if (wanted_) std::sort_heap(entries_.begin(), entries_.end(), by_order);
        else std::sort(entries_.begin(), entries_.end(), by_order);
    }
    std::vector<Row> rows;
    rows.reserve(entries_.size());
    for (auto& entry : entries_) rows.push_back(std::move(entry.row));
    entries_.clear();
    return rows;
}

}  // namespace actorgraph::cypher
