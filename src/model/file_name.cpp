#include "actorgraph/model/file_name.hpp"

#include <array>
#include <atomic>
#include <mutex>
#include <stdexcept>
#include <string_view>
#include <unordered_map>

namespace actorgraph {

namespace {

// Names are never freed: a session reads few distinct files, and elements may outlive any one graph. A
// name is found by its number without a lock: numbers index pages of names that never move once made.
class InternTable {
public:
    static constexpr std::uint32_t page_bits = 12;
    static constexpr std::uint32_t page_size = 1u << page_bits;
    static constexpr std::uint32_t page_count = 1u << 12;  // 16M names in all

    InternTable() { number_of(std::string_view()); }  // the empty name is number 0

    std::uint32_t number_of(std::string_view name)
    {
        std::lock_guard guard(lock_);
        if (auto found = numbers_.find(name); found != numbers_.end()) return found->second;
        auto number = static_cast<std::uint32_t>(numbers_.size());
        if (number >= page_size * page_count) throw std::length_error("too many distinct file names");
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

const std::string& FileName::str() const noexcept
{
    return intern_table().name(number_);
}

}  // namespace actorgraph
