#include "actorgraph/model/huge_page_allocator.hpp"

#include <cstdint>
#include <cstdlib>
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

// Straight from mmap, so a freed array goes back to the system at once instead of staying in malloc's heap.
void* allocate(std::size_t bytes)
{
    auto size = rounded(bytes);
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
    ::munmap(block, rounded(bytes));
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

#endif

}  // namespace actorgraph::huge_pages
