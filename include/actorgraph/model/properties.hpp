#pragma once
// Free properties of an actor or relation: a flat vector sorted by name. A graph holds millions of
// small property sets, where a node-based map costs three times the memory and a heap block per entry.
#include <algorithm>
#include <initializer_list>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace actorgraph {

/// Name -> value, sorted by name so every output is deterministic; the subset of std::map's interface the project uses.
class Properties {
public:
    using value_type = std::pair<std::string, std::string>;
    using iterator = std::vector<value_type>::iterator;
    using const_iterator = std::vector<value_type>::const_iterator;

    Properties() = default;
    /// Properties from name/value pairs; a later duplicate name replaces an earlier one.
    Properties(std::initializer_list<value_type> entries)
    {
        for (const auto& [name, value] : entries) insert_or_assign(name, value);
    }

    [[nodiscard]] iterator begin() noexcept { return entries_.begin(); }
    [[nodiscard]] iterator end() noexcept { return entries_.end(); }
    [[nodiscard]] const_iterator begin() const noexcept { return entries_.begin(); }
    [[nodiscard]] const_iterator end() const noexcept { return entries_.end(); }
    [[nodiscard]] std::size_t size() const noexcept { return entries_.size(); }
    [[nodiscard]] bool empty() const noexcept { return entries_.empty(); }

    /// The entry with this name, or end().
    [[nodiscard]] const_iterator find(std::string_view name) const
    {
        auto it = lower_bound(name);
        return it != entries_.end() && it->first == name ? it : entries_.end();
    }
    /// The entry with this name, or end().
    [[nodiscard]] iterator find(std::string_view name)
    {
        auto it = lower_bound(name);
        return it != entries_.end() && it->first == name ? it : entries_.end();
    }
    [[nodiscard]] bool contains(std::string_view name) const { return find(name) != entries_.end(); }
    [[nodiscard]] std::size_t count(std::string_view name) const { return contains(name) ? 1 : 0; }
    /// The value of a present property; throws std::out_of_range otherwise, like std::map.
    [[nodiscard]] const std::string& at(std::string_view name) const
    {
        auto it = find(name);
        if (it == entries_.end()) throw std::out_of_range("no property '" + std::string(name) + "'");
        return it->second;
    }

    /// The value, inserted empty when absent.
    std::string& operator[](std::string_view name) { return try_emplace(name).first->second; }
    /// Inserts when absent; the bool says whether it did.
    std::pair<iterator, bool> try_emplace(std::string_view name, std::string value = {})
    {
        auto it = lower_bound(name);
        if (it != entries_.end() && it->first == name) return {it, false};
        return {entries_.emplace(it, std::string(name), std::move(value)), true};
    }
    /// Same as try_emplace: an existing value stays.
    std::pair<iterator, bool> emplace(std::string_view name, std::string value)
    {
        return try_emplace(name, std::move(value));
    }
    /// Sets the value, inserting when absent.
    std::pair<iterator, bool> insert_or_assign(std::string_view name, std::string value)
    {
        auto [it, inserted] = try_emplace(name);
        it->second = std::move(value);
        return {it, inserted};
    }
    /// Removes the property; returns how many were removed (0 or 1).
    std::size_t erase(std::string_view name)
    {
        auto it = find(name);
        if (it == entries_.end()) return 0;
        entries_.erase(it);
        return 1;
    }
    /// Frees unused capacity (after loading, when no more properties arrive).
    void shrink_to_fit() { entries_.shrink_to_fit(); }

    friend bool operator==(const Properties&, const Properties&) = default;

private:
    [[nodiscard]] const_iterator lower_bound(std::string_view name) const
    {
        return std::lower_bound(entries_.begin(), entries_.end(), name,
                                [](const value_type& entry, std::string_view key) { return entry.first < key; });
    }
    [[nodiscard]] iterator lower_bound(std::string_view name)
    {
        return std::lower_bound(entries_.begin(), entries_.end(), name,
                                [](const value_type& entry, std::string_view key) { return entry.first < key; });
    }

    std::vector<value_type> entries_;
};

}  // namespace actorgraph
