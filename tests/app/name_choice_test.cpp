#include "actorgraph/app/name_choice.hpp"

#include <gtest/gtest.h>

namespace actorgraph::testing {
namespace {

const std::vector<std::string> kinds{"company", "official", "organization", "state"};

TEST(NameChoice, AnEmptySetHasEveryNameOn)
{
    EXPECT_TRUE(name_on({}, "state"));
    EXPECT_TRUE(name_on({"state"}, "state"));
    EXPECT_FALSE(name_on({"state"}, "company"));
}

TEST(NameChoice, SwitchingOneOffKeepsTheOthers)
{
    auto next = toggle_name({}, kinds, "official", false);
    ASSERT_TRUE(next);
    EXPECT_EQ(*next, (std::set<std::string>{"company", "organization", "state"}));
}

TEST(NameChoice, SwitchingTheLastOneBackOnMeansAllAgain)
{
    auto next = toggle_name({"company", "organization", "state"}, kinds, "official", true);
    ASSERT_TRUE(next);
    EXPECT_TRUE(next->empty());
}

TEST(NameChoice, TheLastNameOnCannotBeSwitchedOff)
{
    EXPECT_TRUE(only_name_on({"state"}, kinds, "state"));
    EXPECT_FALSE(only_name_on({"state", "company"}, kinds, "state"));
    EXPECT_FALSE(toggle_name({"state"}, kinds, "state", false)) << "a view of no kind shows nothing";
    EXPECT_TRUE(only_name_on({}, {"state"}, "state")) << "a graph with one kind";
    EXPECT_FALSE(toggle_name({}, {"state"}, "state", false));
}

TEST(NameChoice, NothingChangesWhenTheNameIsAlreadyThatWay)
{
    EXPECT_FALSE(toggle_name({}, kinds, "state", true));
    EXPECT_FALSE(toggle_name({"state"}, kinds, "company", false));
}

TEST(NameChoice, NamesNoLongerPresentAreDropped)
{
    auto next = toggle_name({"state", "vanished"}, kinds, "company", true);
    ASSERT_TRUE(next);
    EXPECT_EQ(*next, (std::set<std::string>{"company", "state"}));
}

}  // namespace
}  // namespace actorgraph::testing
