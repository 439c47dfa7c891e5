#include "actorgraph/model/file_name.hpp"

#include <array>
#include <atomic>
#include <mutex>
#include <string_view>
#include <unordered_map>

namespace actorgraph {

namespace {

// Names are never freed: elements, errors and messages hold a name's number and may outlive any one
// graph (freeing would need a count on every copy of every element's location, and a name read through
// a temporary would dangle). The table is bounded instead: past FileName::capacity distinct names (a
// long session opens and saves a few thousand files; a batch job may read millions), a new name reads
// as overflow_text instead of failing the read or save that made it (it threw at 16M names). Memory stays
// under about 150 MB (a million paths of 40 bytes with their index).
// A name is found by its number without a lock: numbers index pages of names that never move once made.
class InternTable {
public:
    static constexpr std::uint32_t page_bits = 12;
    static constexpr std::uint32_t page_size = 1u << page_bits;
    static constexpr std::uint32_t page_count = FileName::capacity / page_size;
    static_assert(page_count * page_size == FileName::capacity);
    static constexpr std::uint32_t overflow_number = 1;

    InternTable()
    {
        (void)number_of(std::string_view());  // the empty name is number 0
        (void)number_of(FileName::overflow_text);
    }

    std::uint32_t number_of(std::string_view name)
    {
        std::lock_guard guard(lock_);
        if (auto found = numbers_.find(name); found != numbers_.end()) return found->second;
        auto number = static_cast<std::uint32_t>(numbers_.size());
        if (number >= page_size * page_count) return overflow_number;
        auto& page = pages_[number >> page_bits];
        if (!page.load(std::memory_order_relaxed)) {
            page.store(new const std::string*[page_size], std::memory_order_release);
        }
        const auto* text = new std::string(name);
        page.load(std::memory_order_relaxed)[number & (page_size - 1)] = text;
        numbers_.emplace(*text, number);
        // A FileName carries its number to other threads only through synchronisation of its own (a
        // thread's start, a queue), which also makes the entry written here visible there.
        return number;
    }

    std::size_t size()
    {
        std::lock_guard guard(lock_);
        return numbers_.size();
    }

    [[nodiscard]] const std::string& name(std::uint32_t number) const noexcept
    {
        return *pages_[number >> page_bits].load(std::memory_order_acquire)[number & (page_size - 1)];
    }

private:
    std::mutex lock_;
    std::unordered_map<std::string_view, std::uint32_t> numbers_;  // views into the names in the pages
    std::array<std::atomic<const std::string**>, page_count> pages_{};
};

InternTable& intern_table()
{
    static auto* table = new InternTable;  // leaked on purpose: FileNames may be used during static destruction
    return *table;
}

}  // namespace

FileName::FileName() noexcept : number_(0) {}

FileName::FileName(std::string_view name) : number_(name.empty() ? 0 : intern_table().number_of(name)) {}

std::size_t FileName::names_interned()
{
    return intern_table().size();
}

const std::string& FileName::str() const noexcept
{
    return intern_table().name(number_);
}

}  // namespace actorgraph
