#pragma once
// A compact hash index from names to actors: 8 bytes a slot, the names themselves stay in the
// actors. A node-based map of strings to vectors cost ~150 bytes a name; at a million actors
// with ids, labels and aliases that was most of the graph's memory.
#include <cstdint>
#include <functional>
#include <span>
#include <string_view>
#include <vector>

#include "actorgraph/model/huge_page_allocator.hpp"

namespace actorgraph {

/// Open-addressing multimap from a 64-bit name hash to actor indices; callers confirm each hit
/// against the actor's real names, so hash collisions only cost a comparison.
class NameIndex {
public:
    /// Records that the actor answers to a name with this hash (once per hash and actor).
    void insert(std::uint64_t hash, std::uint32_t actor);
    /// Forgets that the actor answers to a name with this hash (nothing when it was not recorded).
    void erase(std::uint64_t hash, std::uint32_t actor);
    /// Adds delta to every recorded actor index at or above `from` (actors were inserted or removed).
    void shift_actors(std::uint32_t from, std::int64_t delta);
    /// Moves every recorded actor index down past the removed ones (ascending; their names erased first).
    void close_gaps(std::span<const std::uint32_t> removed);
    /// Makes room for this many names in all, so inserting them never rehashes.
    void reserve(std::size_t names);
    /// Calls visit(actor) for every actor recorded under the hash, in insertion order of their slots.
    template <typename Visit>
    void for_each(std::uint64_t hash, Visit visit) const
    {
        if (slots_.empty()) return;
        auto tag = tag_of(hash);
        for (auto slot = home_of(tag); slots_[slot].actor != empty_slot; slot = (slot + 1) & mask()) {
            if (slots_[slot].tag == tag) visit(slots_[slot].actor);
        }
    }
    [[nodiscard]] std::size_t size() const noexcept { return used_; }
    /// Asks the processor to fetch the hash's home slot, so a lookup soon after does not wait for memory.
    void prefetch(std::uint64_t hash) const noexcept
    {
        if (!slots_.empty()) __builtin_prefetch(&slots_[home_of(tag_of(hash))]);
    }
    /// What first_candidate returns when no actor is recorded under the hash.
    static constexpr std::uint32_t no_actor = 0xFFFFFFFFu;
    /// The first actor recorded under the hash, or no_actor, without confirming it (to prefetch the actor).
    [[nodiscard]] std::uint32_t first_candidate(std::uint64_t hash) const noexcept
    {
        std::uint32_t found = no_actor;
        for_each(hash, [&](std::uint32_t actor) {
            if (found == no_actor) found = actor;
        });
        return found;
    }

    /// The hash every name is indexed under.
    [[nodiscard]] static std::uint64_t hash_of(std::string_view name) { return std::hash<std::string_view>{}(name); }

private:
    static constexpr std::uint32_t empty_slot = no_actor;  // an empty slot names no actor
    // A slot keeps the high half of the name's hash, whose top bits also pick the home slot, so the index
    // can grow without the names; the bits below tell names with the same home apart.
    struct Slot {
        std::uint32_t tag = 0;
        std::uint32_t actor = empty_slot;
    };
    [[nodiscard]] static std::uint32_t tag_of(std::uint64_t hash) noexcept { return static_cast<std::uint32_t>(hash >> 32); }
    [[nodiscard]] std::size_t home_of(std::uint32_t tag) const noexcept { return tag >> shift_; }
    [[nodiscard]] std::size_t mask() const noexcept { return slots_.size() - 1; }
    void insert_tag(std::uint32_t tag, std::uint32_t actor);
    void rehash(std::size_t slot_count);

    std::vector<Slot, HugePageAllocator<Slot>> slots_;
    std::size_t used_ = 0;
    unsigned shift_ = 32;  ///< 32 - log2(slot count)
};

}  // namespace actorgraph
