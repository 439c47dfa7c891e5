#include "actorgraph/model/properties.hpp"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <limits>
#include <memory>
#include <new>
#include <stdexcept>
#include <vector>

#include "actorgraph/model/huge_page_allocator.hpp"

namespace actorgraph {

// The block: a Header, then 2 * `slots` end offsets (entry i's name ends at ends[2i] and its value at
// ends[2i+1], counted from the start of the text), then `text_capacity` bytes of names and values.
// Entries i < count are in use; spare slots and bytes let a reader that adds in name order append in O(1).
// A shared block (slots == shared_slots or arena_slots) holds only `count` and `slots` of the Header, then a
// PropertyNames::List pointer in place of the other two fields, `count` value end offsets and the values
// (8 bytes less for each of millions of relations); it is never changed in place: a change first copies
// it into the layout above.
struct Properties::Header {
    static constexpr std::uint32_t shared_slots = 0xFFFFFFFFu;
    /// The slots of a shared block in a PropertyArena, which frees it with the others and holds its names.
    static constexpr std::uint32_t arena_slots = 0xFFFFFFFEu;

    std::uint32_t count = 0;
    std::uint32_t slots = 0;
    std::uint32_t text_size = 0;
    std::uint32_t text_capacity = 0;

    [[nodiscard]] std::uint32_t* ends() noexcept { return reinterpret_cast<std::uint32_t*>(this + 1); }
    [[nodiscard]] const std::uint32_t* ends() const noexcept { return reinterpret_cast<const std::uint32_t*>(this + 1); }
    [[nodiscard]] char* text() noexcept { return reinterpret_cast<char*>(ends() + 2 * std::size_t{slots}); }
    [[nodiscard]] const char* text() const noexcept
    {
        return reinterpret_cast<const char*>(ends() + 2 * std::size_t{slots});
    }
    [[nodiscard]] std::uint32_t start_of(std::uint32_t index) const noexcept { return index == 0 ? 0 : ends()[2 * index - 1]; }

    // A shared block's parts.
    [[nodiscard]] bool is_shared() const noexcept { return slots >= arena_slots; }
    [[nodiscard]] bool in_arena() const noexcept { return slots == arena_slots; }
    // Where the names pointer sits: after count and slots, over text_size and text_capacity.
    static constexpr std::size_t names_offset = 2 * sizeof(std::uint32_t);
    [[nodiscard]] static std::size_t shared_bytes(std::uint32_t count, std::uint32_t text) noexcept
    {
        return names_offset + sizeof(const void*) + sizeof(std::uint32_t) * std::size_t{count} + text;
    }
    [[nodiscard]] const void* const& names() const noexcept
    {
        return *reinterpret_cast<const void* const*>(reinterpret_cast<const char*>(this) + names_offset);
    }
    [[nodiscard]] const void*& names() noexcept
    {
        return *reinterpret_cast<const void**>(reinterpret_cast<char*>(this) + names_offset);
    }
    [[nodiscard]] std::uint32_t* value_ends() noexcept
    {
        return reinterpret_cast<std::uint32_t*>(reinterpret_cast<char*>(this) + names_offset + sizeof(const void*));
    }
    [[nodiscard]] const std::uint32_t* value_ends() const noexcept
    {
        return reinterpret_cast<const std::uint32_t*>(reinterpret_cast<const char*>(this) + names_offset +
                                                      sizeof(const void*));
    }
    /// The values' bytes of a shared block.
    [[nodiscard]] std::uint32_t values_size() const noexcept { return count == 0 ? 0 : value_ends()[count - 1]; }
    [[nodiscard]] const char* values() const noexcept { return reinterpret_cast<const char*>(value_ends() + count); }
    [[nodiscard]] char* values() noexcept { return reinterpret_cast<char*>(value_ends() + count); }
    [[nodiscard]] std::uint32_t size_of(std::uint32_t index) const noexcept { return ends()[2 * index + 1] - start_of(index); }

    /// Writes an entry after the last one; the caller made sure there is room.
    void append(std::string_view name, std::string_view value) noexcept
    {
        // An empty view may have a null data(), which memcpy must not be given even for 0 bytes.
        if (!name.empty()) std::memcpy(text() + text_size, name.data(), name.size());
        if (!value.empty()) std::memcpy(text() + text_size + name.size(), value.data(), value.size());
        ends()[2 * count] = text_size + static_cast<std::uint32_t>(name.size());
        text_size += static_cast<std::uint32_t>(name.size() + value.size());
        ends()[2 * count + 1] = text_size;
        ++count;
    }
};

namespace {

// Offsets are 32-bit; no reader accepts a file anywhere near this.
constexpr std::size_t max_text = std::numeric_limits<std::uint32_t>::max() / 2;

char* allocate_block(std::size_t slots, std::size_t text_capacity)
{
    return static_cast<char*>(::operator new(sizeof(std::uint32_t) * (4 + 2 * slots) + text_capacity));
}

}  // namespace

// ---------------------------------------------------------------------------------------------- names

struct PropertyNames::List {
    mutable std::atomic<std::uint32_t> references{1};
    std::uint32_t count = 0;
    // Then `count` end offsets and the names back to back.
    [[nodiscard]] const std::uint32_t* ends() const noexcept { return reinterpret_cast<const std::uint32_t*>(this + 1); }
    [[nodiscard]] const char* text() const noexcept { return reinterpret_cast<const char*>(ends() + count); }
    [[nodiscard]] std::string_view name(std::size_t i) const noexcept
    {
        auto start = i == 0 ? 0 : ends()[i - 1];
        return {text() + start, ends()[i] - start};
    }
};

PropertyNames::PropertyNames(std::span<const std::string_view> sorted_names)
{
    std::size_t text = 0;
    for (std::size_t i = 0; i < sorted_names.size(); ++i) {
        if (i > 0 && !(sorted_names[i - 1] < sorted_names[i])) {
            throw std::invalid_argument("property names must be sorted and distinct");
        }
        text += sorted_names[i].size();
    }
    if (text > max_text || sorted_names.size() > max_text) throw std::length_error("property names too long");
    auto* memory = static_cast<char*>(::operator new(sizeof(List) + sizeof(std::uint32_t) * sorted_names.size() + text));
    auto* list = new (memory) List;
    list->count = static_cast<std::uint32_t>(sorted_names.size());
    auto* ends = reinterpret_cast<std::uint32_t*>(list + 1);
    auto* out = reinterpret_cast<char*>(ends + list->count);
    std::uint32_t end = 0;
    for (std::size_t i = 0; i < sorted_names.size(); ++i) {
        if (!sorted_names[i].empty()) std::memcpy(out + end, sorted_names[i].data(), sorted_names[i].size());
        end += static_cast<std::uint32_t>(sorted_names[i].size());
        ends[i] = end;
    }
    list_ = list;
}

PropertyNames::PropertyNames(const PropertyNames& other) noexcept : list_(other.list_)
{
    retain(list_);
}

PropertyNames& PropertyNames::operator=(const PropertyNames& other) noexcept
{
    retain(other.list_);
    release(list_);
    list_ = other.list_;
    return *this;
}

PropertyNames::~PropertyNames()
{
    release(list_);
}

std::size_t PropertyNames::size() const noexcept
{
    return list_->count;
}

std::string_view PropertyNames::operator[](std::size_t index) const noexcept
{
    return list_->name(index);
}

void PropertyNames::retain(const List* list) noexcept
{
    list->references.fetch_add(1, std::memory_order_relaxed);
}

void PropertyNames::release(const List* list) noexcept
{
    if (list->references.fetch_sub(1, std::memory_order_acq_rel) != 1) return;
    list->~List();
    ::operator delete(const_cast<List*>(list));
}

// ---------------------------------------------------------------------------------------------- sets

Properties::Properties(std::initializer_list<value_type> entries)
{
    for (const auto& [name, value] : entries) insert_or_assign(name, value);
    shrink_to_fit();
}

Properties Properties::from_entries(std::span<const value_type> entries)
{
    Properties properties;
    if (entries.empty()) return properties;
    std::vector<std::uint32_t> order(entries.size());
    for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
    // Stable by name, so among equal names the last given comes last and is the one kept.
    std::stable_sort(order.begin(), order.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return entries[a].first < entries[b].first; });
    std::size_t kept = 0, text = 0;
    for (std::size_t i = 0; i < order.size(); ++i) {
        if (i + 1 < order.size() && entries[order[i + 1]].first == entries[order[i]].first) continue;
        order[kept++] = order[i];
        text += entries[order[i]].first.size() + entries[order[i]].second.size();
    }
    if (text > max_text) throw std::length_error("property set too large");
    properties.block_ = allocate_block(kept, text);
    auto* header = new (properties.block_) Header{0, static_cast<std::uint32_t>(kept), 0, static_cast<std::uint32_t>(text)};
    for (std::size_t i = 0; i < kept; ++i) header->append(entries[order[i]].first, entries[order[i]].second);
    return properties;
}

namespace {

// The values' bytes in all, after checking there is one value per name and the offsets fit 32 bits.
std::uint32_t shared_text_size(std::size_t names, std::span<const std::string_view> values)
{
    if (values.size() != names) throw std::invalid_argument("one value per property name expected");
    std::size_t text = 0;
    for (auto value : values) text += value.size();
    if (text > max_text) throw std::length_error("property set too large");
    return static_cast<std::uint32_t>(text);
}

}  // namespace

Properties Properties::from_values(const PropertyNames& names, std::span<const std::string_view> values)
{
    auto text = shared_text_size(names.size(), values);
    if (values.empty()) return {};
    auto bytes = Header::shared_bytes(static_cast<std::uint32_t>(values.size()), text);
    auto properties = shared_set(::operator new(bytes), names, values);
    PropertyNames::retain(names.list_);
    return properties;
}

Properties Properties::from_values(const PropertyNames& names, std::span<const std::string_view> values,
                                   PropertyArena& arena)
{
    auto text = shared_text_size(names.size(), values);
    if (values.empty()) return {};
    auto bytes = Header::shared_bytes(static_cast<std::uint32_t>(values.size()), text);
    arena.keep(names);
    auto properties = shared_set(arena.allocate(bytes), names, values);
    reinterpret_cast<Header*>(properties.block_)->slots = Header::arena_slots;
    return properties;
}

// Writes a shared set into `memory` (big enough for it), which the set then owns.
Properties Properties::shared_set(void* memory, const PropertyNames& names, std::span<const std::string_view> values)
{
    Properties properties;
    properties.block_ = static_cast<char*>(memory);
    auto count = static_cast<std::uint32_t>(values.size());
    static_assert(sizeof(Header) == Header::names_offset + sizeof(const void*));
    auto* header = new (properties.block_) Header{count, Header::shared_slots, 0, 0};
    header->names() = names.list_;  // over text_size and text_capacity, which a shared block does without
    std::uint32_t end = 0;
    for (std::uint32_t i = 0; i < count; ++i) {
        if (!values[i].empty()) std::memcpy(header->values() + end, values[i].data(), values[i].size());
        end += static_cast<std::uint32_t>(values[i].size());
        header->value_ends()[i] = end;
    }
    return properties;
}

bool Properties::shared() const noexcept
{
    return block_ && reinterpret_cast<const Header*>(block_)->is_shared();
}

void Properties::free_block(char* block) noexcept
{
    if (!block) return;
    const auto* header = reinterpret_cast<const Header*>(block);
    if (header->is_shared()) {
        if (header->in_arena()) return;  // the arena frees the memory and the names
        PropertyNames::release(static_cast<const PropertyNames::List*>(header->names()));
    }
    ::operator delete(block);
}

// Copies a shared set into a block of its own, which can then change in place; returns the shared block
// for the caller to free once nothing views it.
char* Properties::unshare()
{
    const auto* header = reinterpret_cast<const Header*>(block_);
    std::size_t text = header->values_size();
    for (std::uint32_t i = 0; i < header->count; ++i) text += entry(i).first.size();
    if (text > max_text) throw std::length_error("property set too large");
    char* block = allocate_block(header->count, text);
    auto* own = new (block) Header{0, header->count, 0, static_cast<std::uint32_t>(text)};
    for (std::uint32_t i = 0; i < header->count; ++i) own->append(entry(i).first, entry(i).second);
    return std::exchange(block_, block);
}

Properties::Properties(const Properties& other)
{
    if (!other.block_) return;
    const auto* from = reinterpret_cast<const Header*>(other.block_);
    if (from->is_shared()) {
        auto bytes = Header::shared_bytes(from->count, from->values_size());
        block_ = static_cast<char*>(::operator new(bytes));
        std::memcpy(block_, other.block_, bytes);
        reinterpret_cast<Header*>(block_)->slots = Header::shared_slots;  // on the heap, not in an arena
        PropertyNames::retain(static_cast<const PropertyNames::List*>(from->names()));
        return;
    }
    // Copies are made to measure, without spare room.
    block_ = allocate_block(from->count, from->text_size);
    auto* to = new (block_) Header{from->count, from->count, from->text_size, from->text_size};
    std::copy_n(from->ends(), 2 * std::size_t{from->count}, to->ends());
    if (from->text_size > 0) std::memcpy(to->text(), from->text(), from->text_size);
}

Properties& Properties::operator=(const Properties& other)
{
    if (this != &other) *this = Properties(other);
    return *this;
}

Properties& Properties::operator=(Properties&& other) noexcept
{
    if (this != &other) {
        free_block(block_);
        block_ = std::exchange(other.block_, nullptr);
    }
    return *this;
}

Properties::~Properties()
{
    free_block(block_);
}

std::size_t Properties::size() const noexcept
{
    return block_ ? reinterpret_cast<const Header*>(block_)->count : 0;
}

Properties::value_type Properties::entry(std::uint32_t index) const noexcept
{
    const auto* header = reinterpret_cast<const Header*>(block_);
    if (header->is_shared()) {
        const auto* names = static_cast<const PropertyNames::List*>(header->names());
        auto start = index == 0 ? 0 : header->value_ends()[index - 1];
        return {names->name(index), std::string_view(header->values() + start, header->value_ends()[index] - start)};
    }
    auto start = header->start_of(index);
    auto name_end = header->ends()[2 * index];
    auto value_end = header->ends()[2 * index + 1];
    const char* text = header->text();
    return {std::string_view(text + start, name_end - start), std::string_view(text + name_end, value_end - name_end)};
}

std::uint32_t Properties::lower_bound(std::string_view name) const noexcept
{
    std::uint32_t low = 0, high = static_cast<std::uint32_t>(size());
    while (low < high) {
        auto middle = low + (high - low) / 2;
        if (entry(middle).first < name) {
            low = middle + 1;
        } else {
            high = middle;
        }
    }
    return low;
}

Properties::const_iterator Properties::find(std::string_view name) const
{
    auto index = lower_bound(name);
    return index < size() && entry(index).first == name ? const_iterator(this, index) : end();
}

std::string_view Properties::at(std::string_view name) const
{
    auto it = find(name);
    if (it == end()) throw std::out_of_range("no property '" + std::string(name) + "'");
    return it->second;
}

std::pair<Properties::iterator, bool> Properties::try_emplace(std::string_view name, std::string_view value)
{
    auto index = lower_bound(name);
    if (index < size() && entry(index).first == name) return {const_iterator(this, index), false};
    value_type added{name, value};
    rebuild(index, 0, &added);
    return {const_iterator(this, index), true};
}

std::pair<Properties::iterator, bool> Properties::insert_or_assign(std::string_view name, std::string_view value)
{
    auto index = lower_bound(name);
    bool present = index < size() && entry(index).first == name;
    value_type added{name, value};
    rebuild(index, present ? 1 : 0, &added);
    return {const_iterator(this, index), !present};
}

std::size_t Properties::erase(std::string_view name)
{
    auto index = lower_bound(name);
    if (index >= size() || entry(index).first != name) return 0;
    rebuild(index, 1, nullptr);
    if (empty()) free_block(std::exchange(block_, nullptr));
    return 1;
}

void Properties::shrink_to_fit()
{
    if (!block_ || shared()) return;  // a shared block is made to measure
    const auto* header = reinterpret_cast<const Header*>(block_);
    if (header->count == 0) {
        free_block(std::exchange(block_, nullptr));
    } else if (header->slots != header->count || header->text_capacity != header->text_size) {
        *this = Properties(*this);
    }
}

// Removes `removed` (0 or 1) entries at `index` and inserts `added` (when given) there. An append with room to
// spare writes in place; anything else builds a new block, copying before the old one goes, so `added` may
// view this very set.
void Properties::rebuild(std::uint32_t index, std::uint32_t removed, const value_type* added)
{
    // `added` may view this set's own text, so the shared block lives until the change is made.
    if (shared()) {
        std::unique_ptr<char, decltype(&free_block)> previous(unshare(), &free_block);
        rebuild(index, removed, added);
        return;
    }
    auto* header = reinterpret_cast<Header*>(block_);
    std::uint32_t count = header ? header->count : 0;
    std::size_t text_size = header ? header->text_size : 0;
    std::size_t new_text = text_size - (removed ? header->size_of(index) : 0) +
                           (added ? added->first.size() + added->second.size() : 0);
    if (new_text > max_text) throw std::length_error("property set too large");
    std::size_t new_count = count - removed + (added ? 1 : 0);
    bool growing = added && removed == 0 && header;
    if (growing && index == count && count < header->slots && new_text <= header->text_capacity) {
        header->append(added->first, added->second);
        return;
    }
    // Growth doubles, so a reader adding entries one by one copies each byte O(1) times on average.
    std::size_t slots = new_count, capacity = new_text;
    if (growing) {
        slots = new_count <= header->slots ? header->slots : std::max<std::size_t>(new_count, 2 * std::size_t{header->slots});
        capacity = new_text <= header->text_capacity
                       ? header->text_capacity
                       : std::clamp<std::size_t>(2 * std::size_t{header->text_capacity}, new_text, max_text);
    }
    char* block = allocate_block(slots, capacity);
    auto* fresh = new (block) Header{0, static_cast<std::uint32_t>(slots), 0, static_cast<std::uint32_t>(capacity)};
    for (std::uint32_t i = 0; i < index; ++i) fresh->append(entry(i).first, entry(i).second);
    if (added) fresh->append(added->first, added->second);
    for (std::uint32_t i = index + removed; i < count; ++i) fresh->append(entry(i).first, entry(i).second);
    free_block(std::exchange(block_, block));
}

bool operator==(const Properties& a, const Properties& b) noexcept
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin());
}

// ---------------------------------------------------------------------------------------------- arena

namespace {

constexpr std::size_t arena_chunk = std::size_t{8} << 20;

}  // namespace

PropertyArena::~PropertyArena()
{
    for (auto chunk : chunks_) huge_pages::deallocate(chunk.memory, chunk.size);
}

void* PropertyArena::allocate(std::size_t bytes)
{
    bytes = (bytes + 7) / 8 * 8;
    if (bytes > static_cast<std::size_t>(end_ - next_)) {
        // A set bigger than a quarter chunk gets a chunk of its own, so the current one is not wasted.
        auto size = bytes > arena_chunk / 4 ? bytes : arena_chunk;
        chunks_.reserve(chunks_.size() + 1);  // before allocating, so a failure cannot leak the chunk
        Chunk chunk{static_cast<char*>(huge_pages::allocate(size)), size};
        chunks_.push_back(chunk);
        if (size != arena_chunk) return chunk.memory;
        next_ = chunk.memory;
        end_ = chunk.memory + chunk.size;
    }
    auto* block = next_;
    next_ += bytes;
    return block;
}

void PropertyArena::keep(const PropertyNames& names)
{
    // Most sets of a reader share the list of the one before.
    if (names.list_ == last_kept_) return;
    if (!kept_.contains(names.list_)) {
        names_.push_back(names);  // first, so a failure in between can only keep a list twice, never lose it
        kept_.insert(names.list_);
    }
    last_kept_ = names.list_;
}

std::size_t PropertyArena::reserved_bytes() const noexcept
{
    std::size_t total = 0;
    for (auto chunk : chunks_) total += chunk.size;
    return total;
}

}  // namespace actorgraph
