#include "actorgraph/model/huge_page_allocator.hpp"

#include <gtest/gtest.h>

#include <cerrno>
#include <cstdint>
#include <numeric>
#include <vector>
#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace actorgraph {
namespace {

TEST(HugePageAllocator, AlignsBigBlocksToHugePagesAndKeepsTheirContents)
{
    std::vector<std::uint32_t, HugePageAllocator<std::uint32_t>> big(3'000'000);
    EXPECT_EQ(reinterpret_cast<std::uintptr_t>(big.data()) % huge_pages::threshold, 0u);
    std::iota(big.begin(), big.end(), 0u);
    big.resize(6'000'001, 7);  // grows into a new block: the old one is copied, then unmapped
    EXPECT_EQ(big[2'999'999], 2'999'999u);
    EXPECT_EQ(big.back(), 7u);
    EXPECT_EQ(std::accumulate(big.begin(), big.begin() + 1000, std::uint64_t{0}), 499500u);
}

TEST(HugePageAllocator, GivesSmallBlocksTheElementsAlignment)
{
    struct alignas(64) Wide {
        char bytes[64];
    };
    std::vector<Wide, HugePageAllocator<Wide>> small(3);
    EXPECT_EQ(reinterpret_cast<std::uintptr_t>(small.data()) % 64, 0u);
    std::vector<char, HugePageAllocator<char>> text(100, 'x');
    text.push_back('y');
    EXPECT_EQ(text.back(), 'y');
}

#if defined(__linux__)
// Whether the page at the address is mapped (mincore fails with ENOMEM for an unmapped range).
bool mapped(void* address)
{
    unsigned char resident = 0;
    return ::mincore(address, 4096, &resident) == 0 || errno != ENOMEM;
}

TEST(HugePageAllocator, ReusesBlocksFreedInAScopeAndGivesThemBackWhenItEnds)
{
    constexpr std::size_t block = std::size_t{4} << 20;
    void* kept = nullptr;
    void* after_stop = nullptr;
    {
        huge_pages::ReuseScope reuse;
        kept = huge_pages::allocate(block);
        static_cast<char*>(kept)[0] = 'k';
        huge_pages::deallocate(kept, block);
        EXPECT_TRUE(mapped(kept));  // kept, not unmapped
        auto* again = huge_pages::allocate(block);
        EXPECT_EQ(again, kept);  // the same size gets the kept block
        auto* other = huge_pages::allocate(block * 2);
        EXPECT_NE(other, kept);
        huge_pages::deallocate(again, block);
        reuse.stop_keeping();
        huge_pages::deallocate(other, block * 2);
        after_stop = other;
        EXPECT_FALSE(mapped(after_stop));  // freed after stop_keeping: back to the system at once
        EXPECT_TRUE(mapped(kept));         // kept before: still there for reuse until the scope ends
    }
    EXPECT_FALSE(mapped(kept));
    // Without a scope nothing is kept.
    auto* plain = huge_pages::allocate(block);
    huge_pages::deallocate(plain, block);
    EXPECT_FALSE(mapped(plain));
}
#endif

}  // namespace
}  // namespace actorgraph
