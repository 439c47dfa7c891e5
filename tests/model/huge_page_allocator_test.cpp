#include "actorgraph/model/huge_page_allocator.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <numeric>
#include <vector>

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

}  // namespace
}  // namespace actorgraph
