#include "actorgraph/model/huge_page_allocator.hpp"

#include <cstdint>
#include <cstdlib>
#include <iterator>
#include <mutex>
#include <new>
#include <utility>
#include <vector>
#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace actorgraph::huge_pages {

namespace {

constexpr std::size_t huge_page = std::size_t{2} << 20;

std::size_t rounded(std::size_t bytes)
{
    return (bytes + huge_page - 1) / huge_page * huge_page;
}

}  // namespace

#if defined(__linux__) && defined(MADV_HUGEPAGE)

namespace {

// Blocks freed while a reader still allocates (a second half's blocks, handed over and freed) are kept for
// the next allocation of the same size: pages the process already touched cost no fault and no zeroing,
// and on a virtual machine a fresh page can cost as much again in the host.
struct FreedBlocks {
    static constexpr std::size_t max_bytes = std::size_t{256} << 20;

    std::mutex lock;
    int scopes = 0;   // ReuseScopes alive: kept blocks are given back when the last ends
    int keeping = 0;  // those of them still keeping freed blocks
    std::vector<std::pair<void*, std::size_t>> blocks;  // block and its rounded size
    std::size_t bytes = 0;
};

FreedBlocks& freed_blocks()
{
    static FreedBlocks freed;
    return freed;
}

void* reuse(std::size_t size)
{
    auto& freed = freed_blocks();
    std::lock_guard guard(freed.lock);
    for (auto it = freed.blocks.rbegin(); it != freed.blocks.rend(); ++it) {
        if (it->second != size) continue;
        auto* block = it->first;
        freed.blocks.erase(std::next(it).base());
        freed.bytes -= size;
        return block;
    }
    return nullptr;
}

bool keep(void* block, std::size_t size)
{
    auto& freed = freed_blocks();
    std::lock_guard guard(freed.lock);
    if (freed.keeping == 0 || freed.bytes + size > FreedBlocks::max_bytes) return false;
    try {
        freed.blocks.emplace_back(block, size);
    } catch (const std::bad_alloc&) {
        return false;
    }
    freed.bytes += size;
    return true;
}

}  // namespace

// Straight from mmap, so a freed array goes back to the system (at the latest when the last ReuseScope
// ends) instead of staying in malloc's heap.
void* allocate(std::size_t bytes)
{
    auto size = rounded(bytes);
    if (auto* block = reuse(size)) return block;
    auto* mapped = static_cast<char*>(::mmap(nullptr, size + huge_page, PROT_READ | PROT_WRITE,
                                             MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
    if (mapped == MAP_FAILED) throw std::bad_alloc();
    auto address = reinterpret_cast<std::uintptr_t>(mapped);
    auto* block = reinterpret_cast<char*>((address + huge_page - 1) / huge_page * huge_page);
    if (block > mapped) ::munmap(mapped, static_cast<std::size_t>(block - mapped));
    if (auto tail = mapped + size + huge_page - (block + size); tail > 0) ::munmap(block + size, static_cast<std::size_t>(tail));
    // Only advice: where huge pages are off or run out, the block keeps small pages.
    ::madvise(block, size, MADV_HUGEPAGE);
    return block;
}

void deallocate(void* block, std::size_t bytes) noexcept
{
    auto size = rounded(bytes);
    if (size <= reused_size && keep(block, size)) return;
    ::munmap(block, size);
}

ReuseScope::ReuseScope() noexcept
{
    auto& freed = freed_blocks();
    std::lock_guard guard(freed.lock);
    ++freed.scopes;
    ++freed.keeping;
}

void ReuseScope::stop_keeping() noexcept
{
    if (!keeping_) return;
    keeping_ = false;
    auto& freed = freed_blocks();
    std::lock_guard guard(freed.lock);
    --freed.keeping;
}

ReuseScope::~ReuseScope()
{
    stop_keeping();
    auto& freed = freed_blocks();
    std::lock_guard guard(freed.lock);
    if (--freed.scopes > 0) return;
    for (auto [block, size] : freed.blocks) ::munmap(block, size);
    freed.blocks.clear();
    freed.bytes = 0;
}

#else

void* allocate(std::size_t bytes)
{
    void* block = std::aligned_alloc(huge_page, rounded(bytes));
    if (!block) throw std::bad_alloc();
    return block;
}

void deallocate(void* block, std::size_t) noexcept
{
    std::free(block);
}

ReuseScope::ReuseScope() noexcept = default;
void ReuseScope::stop_keeping() noexcept {}
ReuseScope::~ReuseScope() = default;

#endif

}  // namespace actorgraph::huge_pages
