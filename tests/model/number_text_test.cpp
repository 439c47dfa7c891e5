#include "actorgraph/model/number_text.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <random>

#include "actorgraph/model/schema.hpp"

namespace actorgraph {
namespace {

TEST(ExactNumberText, WritesTheShortestTextThatReadsBackAsTheSameNumber)
{
    EXPECT_EQ(exact_number_text(1234567.8), "1234567.8");
    EXPECT_EQ(exact_number_text(-0.1), "-0.1");
    EXPECT_EQ(exact_number_text(10), "10");
    EXPECT_EQ(exact_number_text(0), "0");
    EXPECT_EQ(exact_number_text(1e21), "1e+21");
}

TEST(ExactNumberText, EveryFiniteDoubleReadsBackBitForBit)
{
    std::mt19937_64 random(15);
    std::uniform_int_distribution<std::uint64_t> bits;
    int checked = 0;
    while (checked < 20000) {
        auto pattern = bits(random);
        double value = 0;
        std::memcpy(&value, &pattern, sizeof value);
        if (!std::isfinite(value)) continue;
        ++checked;
        auto text = exact_number_text(value);
        ASSERT_EQ(parse_number(text), value) << text;
    }
    EXPECT_EQ(parse_number(exact_number_text(std::numeric_limits<double>::max())), std::numeric_limits<double>::max());
    EXPECT_EQ(parse_number(exact_number_text(std::numeric_limits<double>::denorm_min())), std::numeric_limits<double>::denorm_min());
}

}  // namespace
}  // namespace actorgraph
