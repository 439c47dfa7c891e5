#include "actorgraph/model/spelling.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace actorgraph {
namespace {

TEST(Spelling, EditDistanceCountsSingleByteEdits)
{
    EXPECT_EQ(edit_distance("investmnet", "investment"), 2u);
    EXPECT_EQ(edit_distance("", "path"), 4u);
    EXPECT_EQ(edit_distance("path", "path"), 0u);
}

TEST(Spelling, ClosestWordIgnoresCaseAndRefusesFarFetchedGuesses)
{
    std::vector<std::string> words{"info", "path", "neighbors", "rank"};
    EXPECT_EQ(closest_word("pathh", words), "path");
    EXPECT_EQ(closest_word("NEIGHBOURS", words), "neighbors");
    EXPECT_EQ(closest_word("zzzzzz", words), std::nullopt);
    EXPECT_EQ(closest_word("x", std::vector<std::string>{}), std::nullopt);
}

TEST(Spelling, UnknownWordMessageSuggestsAndListsTheKnownWords)
{
    std::vector<std::string> types{"investment", "pressure"};
    EXPECT_EQ(unknown_word_message("relation type", "investmnet", types),
              "unknown relation type 'investmnet'. Did you mean 'investment'? Known: investment, pressure");
    EXPECT_EQ(unknown_word_message("relation type", "zzz", types), "unknown relation type 'zzz'; known: investment, pressure");
}

}  // namespace
}  // namespace actorgraph
