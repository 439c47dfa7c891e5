#pragma once
// An allocator for the arrays a big graph keeps (actors, relations, relation lists, name slots). Lookups
// jump around them at random, and with 4 KiB pages nearly every jump also missed the TLB, which on a
// virtual machine costs a second walk through the host's tables: loading 4M relations spent a third
// of its time there. Blocks of 2 MiB and more are aligned to 2 MiB and offered to the kernel for
// transparent huge pages (where the system allows it); small blocks come from operator new as usual.
#include <cstddef>
#include <new>

namespace actorgraph {

namespace huge_pages {
/// The size from which blocks are aligned and marked for huge pages.
inline constexpr std::size_t threshold = std::size_t{2} << 20;
/// Allocates `bytes` (>= threshold) aligned to 2 MiB and asks for huge pages; throws std::bad_alloc.
[[nodiscard]] void* allocate(std::size_t bytes);
/// Frees a block that allocate(bytes) returned.
void deallocate(void* block, std::size_t bytes) noexcept;
}  // namespace huge_pages

/// A std::allocator that puts big arrays on transparent huge pages.
template <typename T>
struct HugePageAllocator {
    using value_type = T;

    HugePageAllocator() noexcept = default;
    template <typename U>
    HugePageAllocator(const HugePageAllocator<U>&) noexcept {}  // NOLINT: rebinding is implicit by design

    /// Room for n elements.
    [[nodiscard]] T* allocate(std::size_t n)
    {
        if (n > static_cast<std::size_t>(-1) / sizeof(T)) throw std::bad_array_new_length();
        auto bytes = n * sizeof(T);
        if (bytes >= huge_pages::threshold) return static_cast<T*>(huge_pages::allocate(bytes));
        return static_cast<T*>(::operator new(bytes, std::align_val_t{alignof(T)}));
    }
    /// Frees what allocate(n) returned.
    void deallocate(T* block, std::size_t n) noexcept
    {
        if (n * sizeof(T) >= huge_pages::threshold) {
            huge_pages::deallocate(block, n * sizeof(T));
            return;
        }
        ::operator delete(block, std::align_val_t{alignof(T)});
    }

    template <typename U>
    friend bool operator==(const HugePageAllocator&, const HugePageAllocator<U>&) noexcept { return true; }
};

}  // namespace actorgraph
