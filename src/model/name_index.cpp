#include "actorgraph/model/name_index.hpp"

#include <algorithm>
#include <bit>

namespace actorgraph {

void NameIndex::insert(std::uint64_t hash, std::uint32_t actor)
{
    // At most half full, so probe runs stay short.
    if ((used_ + 1) * 2 > slots_.size()) rehash(slots_.empty() ? 16 : slots_.size() * 2);
    insert_tag(tag_of(hash), actor);
}

void NameIndex::insert_tag(std::uint32_t tag, std::uint32_t actor)
{
    auto slot = home_of(tag);
    for (; slots_[slot].actor != empty_slot; slot = (slot + 1) & mask()) {
        if (slots_[slot].tag == tag && slots_[slot].actor == actor) return;
    }
    slots_[slot] = {tag, actor};
    ++used_;
}

void NameIndex::reserve(std::size_t names)
{
    std::size_t wanted = 16;
    while (wanted < 2 * names) wanted *= 2;
    if (wanted > slots_.size()) rehash(wanted);
}

void NameIndex::rehash(std::size_t slot_count)
{
    auto old = std::move(slots_);
    slots_.assign(slot_count, Slot{});
    shift_ = 32 - static_cast<unsigned>(std::countr_zero(slot_count));
    used_ = 0;
    for (const auto& slot : old) {
        if (slot.actor != empty_slot) insert_tag(slot.tag, slot.actor);
    }
}

}  // namespace actorgraph

namespace actorgraph {

// Backward-shift deletion: entries after the hole that may live in it move up, so every probe run
// stays unbroken without tombstones.
void NameIndex::erase(std::uint64_t hash, std::uint32_t actor)
{
    if (slots_.empty()) return;
    auto tag = tag_of(hash);
    auto hole = home_of(tag);
    for (; slots_[hole].actor != empty_slot; hole = (hole + 1) & mask()) {
        if (slots_[hole].tag == tag && slots_[hole].actor == actor) break;
    }
    if (slots_[hole].actor == empty_slot) return;
    for (auto next = (hole + 1) & mask(); slots_[next].actor != empty_slot; next = (next + 1) & mask()) {
        auto home = home_of(slots_[next].tag);
        bool stays = hole <= next ? (home > hole && home <= next) : (home > hole || home <= next);
        if (stays) continue;
        slots_[hole] = slots_[next];
        hole = next;
    }
    slots_[hole] = Slot{};
    --used_;
}

void NameIndex::close_gaps(std::span<const std::uint32_t> removed)
{
    if (removed.empty()) return;
    for (auto& slot : slots_) {
        if (slot.actor == empty_slot || slot.actor < removed.front()) continue;
        auto below = std::lower_bound(removed.begin(), removed.end(), slot.actor) - removed.begin();
        slot.actor -= static_cast<std::uint32_t>(below);
    }
}

void NameIndex::shift_actors(std::uint32_t from, std::int64_t delta)
{
    for (auto& slot : slots_) {
        if (slot.actor != empty_slot && slot.actor >= from) slot.actor = static_cast<std::uint32_t>(slot.actor + delta);
    }
}

}  // namespace actorgraph
