// Playing through the years on the frames' clock: the year player alone, then through the explorer
// (as of each year in turn, undated relations kept or dropped as chosen).
#include "actorgraph/app/year_player.hpp"

#include "actorgraph/app/script.hpp"
#include "actorgraph/query/time_filter.hpp"
#include "explorer_fixture.hpp"

namespace actorgraph::testing {
namespace {

TEST(YearPlayer, StepsOneYearPerIntervalOnlyWhenTheLastIsDrawnAndStopsAfterTheLast)
{
    YearPlayer player;
    player.seconds_per_year = 0.5;
    player.start(2000, 2002, 1990);
    ASSERT_TRUE(player.playing());
    EXPECT_EQ(player.advance(0.01, true), 2000) << "the first year at once, clamped into the range";
    EXPECT_EQ(player.advance(0.3, true), std::nullopt);
    EXPECT_EQ(player.advance(5.0, false), std::nullopt) << "waits while the view is prepared";
    EXPECT_EQ(player.advance(0.3, true), 2001);
    EXPECT_EQ(player.advance(0.6, true), 2002);
    EXPECT_EQ(player.advance(0.6, true), std::nullopt);
    EXPECT_FALSE(player.playing());
    player.start(2005, 2001, 2003);
    EXPECT_FALSE(player.playing()) << "an empty range plays nothing";
}

using ExplorerTimeTest = QuickExplorerTest;

TEST_F(ExplorerTimeTest, AsOfAYearShowsWhatHeldThenWithTheUndatedAsChosen)
{
    open_nato();
    run("filter as-of 2005 undated=drop\n");
    const auto& graph = *explorer_->graph();
    const auto& shown = explorer_->composed().scene.visible.relations;
    for (RelationIndex r = 0; r < graph.relation_count(); ++r) {
        auto held = held_in(graph.relation(r).properties, 2005);
        bool kept = held && *held;
        EXPECT_EQ(std::binary_search(shown.begin(), shown.end(), r), kept) << r;
    }
    explorer_->set_as_of(2005, true);
    settle();
    std::size_t undated = 0;
    for (auto r : explorer_->composed().scene.visible.relations) undated += !held_in(graph.relation(r).properties, 2005);
    EXPECT_GT(undated, 0u) << "kept: the bundled graph has undated relations";
    explorer_->set_as_of(std::nullopt, true);
    settle();
    EXPECT_EQ(explorer_->composed().scene.visible.relations.size(), graph.relation_count());
}

TEST_F(ExplorerTimeTest, PlayStepsTheAsOfYearThroughTheGraphsYearsOnTheFramesClock)
{
    open_nato();
    auto years = *explorer_->years_present();
    explorer_->play_years(0.25);
    std::vector<int> shown;
    for (int frame = 0; frame < 10000 && explorer_->playing_years(); ++frame) {
        explorer_->tick(0.1);
        settle();
        if (auto year = explorer_->view().filter.as_of; year && (shown.empty() || shown.back() != *year)) shown.push_back(*year);
    }
    EXPECT_FALSE(explorer_->playing_years());
    ASSERT_EQ(shown.size(), static_cast<std::size_t>(years.second - years.first + 1));
    EXPECT_EQ(shown.front(), years.first);
    EXPECT_EQ(shown.back(), years.second);
}

}  // namespace
}  // namespace actorgraph::testing
