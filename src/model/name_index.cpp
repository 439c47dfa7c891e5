#include "actorgraph/model/name_index.hpp"

namespace actorgraph {

void NameIndex::insert(std::uint64_t hash, std::uint32_t actor)
{
    // At most half full, so probe runs stay short.
    if ((used_ + 1) * 2 > slots_.size()) grow();
    auto slot = hash & mask();
    for (; slots_[slot].actor != empty_slot; slot = (slot + 1) & mask()) {
        if (slots_[slot].hash == hash && slots_[slot].actor == actor) return;
    }
    slots_[slot] = {hash, actor};
    ++used_;
}

void NameIndex::grow()
{
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 16 : old.size() * 2, Slot{});
    used_ = 0;
    for (const auto& slot : old) {
        if (slot.actor != empty_slot) insert(slot.hash, slot.actor);
    }
}

}  // namespace actorgraph
