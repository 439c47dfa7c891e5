#pragma once
// Free properties of an actor or relation, sorted by name. A graph holds millions of small property sets,
// so a set is one pointer to one heap block holding its names and values back to back: a vector of string
// pairs cost 64 bytes an entry plus a heap block for every long value (~370 bytes for a typical relation).
#include <cstdint>
#include <initializer_list>
#include <iterator>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

namespace actorgraph {

/// Sorted, distinct property names that many sets can share (a reader's columns), so each set keeps only
/// its values: at 4M relations the repeated names were ~130 MB. Copies share one reference-counted list.
class PropertyNames {
public:
    /// The list of these names; throws std::invalid_argument unless they are sorted and distinct.
    explicit PropertyNames(std::span<const std::string_view> sorted_names);
    PropertyNames(const PropertyNames& other) noexcept;
    PropertyNames& operator=(const PropertyNames& other) noexcept;
    ~PropertyNames();

    /// How many names.
    [[nodiscard]] std::size_t size() const noexcept;
    /// The i-th name.
    [[nodiscard]] std::string_view operator[](std::size_t index) const noexcept;

private:
    friend class Properties;
    friend class PropertyArena;
    struct List;
    static void retain(const List* list) noexcept;
    static void release(const List* list) noexcept;
    const List* list_;
};

/// Memory for millions of property sets that live and die with one graph (a reader's relations): sets are
/// carved from 8 MiB chunks on huge pages without malloc's per-block cost, and freed all at once. It also
/// holds the names lists of its sets, so making or dropping a set there touches no reference count. Not
/// thread-safe: each reading thread has its own. It must outlive every set made in it.
class PropertyArena {
public:
    PropertyArena() = default;
    PropertyArena(const PropertyArena&) = delete;
    PropertyArena& operator=(const PropertyArena&) = delete;
    ~PropertyArena();

    /// `bytes` of memory aligned to 8, valid until the arena is destroyed; throws std::bad_alloc.
    [[nodiscard]] void* allocate(std::size_t bytes);
    /// Bytes taken from the system so far.
    [[nodiscard]] std::size_t reserved_bytes() const noexcept;

private:
    friend class Properties;
    struct Chunk {
        char* memory;
        std::size_t size;
    };
    // Keeps the list alive as long as the arena (once per list).
    void keep(const PropertyNames& names);

    std::vector<Chunk> chunks_;
    std::vector<PropertyNames> names_;
    std::unordered_set<const void*> kept_;  // the lists in names_
    const void* last_kept_ = nullptr;
    char* next_ = nullptr;
    char* end_ = nullptr;
};

/// Name -> value, sorted by name so every output is deterministic; a std::map-like interface whose entries
/// are read as string views (they stay valid until the set is next changed or destroyed).
class Properties {
public:
    /// One entry: the name and the value.
    using value_type = std::pair<std::string_view, std::string_view>;

    /// A read-only iterator yielding entries by value.
    class const_iterator {
    public:
        using iterator_category = std::random_access_iterator_tag;
        using value_type = Properties::value_type;
        using difference_type = std::ptrdiff_t;
        using reference = value_type;
        using pointer = const value_type*;

        const_iterator() = default;
        [[nodiscard]] value_type operator*() const noexcept { return owner_->entry(index_); }
        /// Points into this iterator, so `it->second` lives as long as `it` (copy the view to keep it longer).
        [[nodiscard]] pointer operator->() const noexcept
        {
            current_ = owner_->entry(index_);
            return &current_;
        }
        [[nodiscard]] value_type operator[](difference_type n) const noexcept { return *(*this + n); }
        const_iterator& operator++() noexcept { ++index_; return *this; }
        const_iterator operator++(int) noexcept { auto old = *this; ++index_; return old; }
        const_iterator& operator--() noexcept { --index_; return *this; }
        const_iterator operator--(int) noexcept { auto old = *this; --index_; return old; }
        const_iterator& operator+=(difference_type n) noexcept { index_ += static_cast<std::uint32_t>(n); return *this; }
        const_iterator& operator-=(difference_type n) noexcept { index_ -= static_cast<std::uint32_t>(n); return *this; }
        friend const_iterator operator+(const_iterator it, difference_type n) noexcept { return it += n; }
        friend const_iterator operator+(difference_type n, const_iterator it) noexcept { return it += n; }
        friend const_iterator operator-(const_iterator it, difference_type n) noexcept { return it -= n; }
        friend difference_type operator-(const const_iterator& a, const const_iterator& b) noexcept
        {
            return static_cast<difference_type>(a.index_) - static_cast<difference_type>(b.index_);
        }
        friend bool operator==(const const_iterator& a, const const_iterator& b) noexcept { return a.index_ == b.index_; }
        friend auto operator<=>(const const_iterator& a, const const_iterator& b) noexcept { return a.index_ <=> b.index_; }

    private:
        friend class Properties;
        const_iterator(const Properties* owner, std::uint32_t index) noexcept : owner_(owner), index_(index) {}
        const Properties* owner_ = nullptr;
        std::uint32_t index_ = 0;
        mutable value_type current_;
    };
    using iterator = const_iterator;

    Properties() noexcept = default;
    /// Properties from name/value pairs; a later duplicate name replaces an earlier one.
    Properties(std::initializer_list<value_type> entries);
    /// Properties from name/value pairs in any order, in one allocation; a later duplicate name replaces an earlier one.
    [[nodiscard]] static Properties from_entries(std::span<const value_type> entries);
    /// Properties names[i] = values[i] sharing the names' list; throws std::invalid_argument when the sizes differ.
    [[nodiscard]] static Properties from_values(const PropertyNames& names, std::span<const std::string_view> values);
    /// from_values with the set's memory in the arena, which must outlive the set and every move of it
    /// (copies are made on the heap as usual).
    [[nodiscard]] static Properties from_values(const PropertyNames& names, std::span<const std::string_view> values,
                                                PropertyArena& arena);
    Properties(const Properties& other);
    Properties(Properties&& other) noexcept : block_(std::exchange(other.block_, nullptr)) {}
    Properties& operator=(const Properties& other);
    Properties& operator=(Properties&& other) noexcept;
    ~Properties();

    [[nodiscard]] const_iterator begin() const noexcept { return {this, 0}; }
    [[nodiscard]] const_iterator end() const noexcept { return {this, static_cast<std::uint32_t>(size())}; }
    [[nodiscard]] std::size_t size() const noexcept;
    [[nodiscard]] bool empty() const noexcept { return size() == 0; }

    /// The entry with this name, or end().
    [[nodiscard]] const_iterator find(std::string_view name) const;
    /// True when a property has this name.
    [[nodiscard]] bool contains(std::string_view name) const { return find(name) != end(); }
    /// 1 when a property has this name, else 0.
    [[nodiscard]] std::size_t count(std::string_view name) const { return contains(name) ? 1 : 0; }
    /// The value of a present property; throws std::out_of_range otherwise, like std::map.
    [[nodiscard]] std::string_view at(std::string_view name) const;

    /// Inserts when absent; the bool says whether it did.
    std::pair<iterator, bool> try_emplace(std::string_view name, std::string_view value = {});
    /// Same as try_emplace: an existing value stays.
    std::pair<iterator, bool> emplace(std::string_view name, std::string_view value) { return try_emplace(name, value); }
    /// Sets the value, inserting when absent.
    std::pair<iterator, bool> insert_or_assign(std::string_view name, std::string_view value);
    /// Removes the property; returns how many were removed (0 or 1).
    std::size_t erase(std::string_view name);
    /// Frees the spare room that insertions keep (after loading, when no more properties arrive).
    void shrink_to_fit();

    /// Equal when both hold the same names with the same values.
    friend bool operator==(const Properties& a, const Properties& b) noexcept;

private:
    struct Header;
    [[nodiscard]] value_type entry(std::uint32_t index) const noexcept;
    [[nodiscard]] std::uint32_t lower_bound(std::string_view name) const noexcept;
    [[nodiscard]] bool shared() const noexcept;
    [[nodiscard]] char* unshare();
    static void free_block(char* block) noexcept;
    [[nodiscard]] static Properties shared_set(void* memory, const PropertyNames& names,
                                               std::span<const std::string_view> values);
    void rebuild(std::uint32_t index, std::uint32_t removed, const value_type* added);

    /// Header, then `capacity` end offsets, then the names and values; or (shared) the Header's first half,
    /// the names' list, the values' end offsets and the values. Null when empty.
    char* block_ = nullptr;
};

}  // namespace actorgraph
