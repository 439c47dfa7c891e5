#include "actorgraph/query/filter.hpp"

#include <gtest/gtest.h>

#include "query/query_fixture.hpp"

namespace actorgraph {
namespace {

TEST(Filter, YearRangeKeepsOverlappingAndUndatedRelations)
{
    auto graph = testing::influence_graph();
    GraphFilter filter;
    filter.year_from = 2010;
    filter.year_to = 2012;
    auto kept = apply_filter(graph, filter).relations;
    EXPECT_EQ(kept, (std::vector<RelationIndex>{0, 1, 2, 5, 6, 7, 8, 9}));
    filter.dated_only = true;
    kept = apply_filter(graph, filter).relations;
    EXPECT_EQ(kept, (std::vector<RelationIndex>{0, 1, 2, 5, 6, 7, 8}));
}

TEST(Filter, KindFilterDropsActorsAndTheirRelations)
{
    auto graph = testing::influence_graph();
    GraphFilter filter;
    filter.kinds = {"state", "organization"};
    auto selection = apply_filter(graph, filter);
    EXPECT_EQ(selection.actors.size(), 4u);
    EXPECT_EQ(selection.relations, (std::vector<RelationIndex>{0, 1, 5, 6, 7}));
}

TEST(Filter, HideIsolatedDropsActorsLeftAlone)
{
    auto graph = testing::influence_graph();
    GraphFilter filter;
    filter.types = {"affiliation"};
    EXPECT_EQ(apply_filter(graph, filter).actors.size(), 8u);
    EXPECT_EQ(apply_filter(graph, filter, true).actors.size(), 4u);
}

TEST(Filter, PropertyConditionsCompareNumbersAndText)
{
    auto graph = testing::influence_graph();
    GraphFilter filter;
    filter.relation_conditions = {PropertyCondition::parse("amount_usd>=100000000")};
    EXPECT_EQ(apply_filter(graph, filter).relations, (std::vector<RelationIndex>{1, 2}));
    filter.relation_conditions = {PropertyCondition::parse("source~FUEL")};
    EXPECT_EQ(apply_filter(graph, filter).relations, (std::vector<RelationIndex>{0}));
    filter.relation_conditions = {PropertyCondition::parse("note=membership")};
    EXPECT_EQ(apply_filter(graph, filter).relations, (std::vector<RelationIndex>{5}));
    filter.relation_conditions = {PropertyCondition::parse("amount_usd")};
    EXPECT_EQ(apply_filter(graph, filter).relations.size(), 3u);
}

TEST(Filter, ActorConditionsTestActorProperties)
{
    auto graph = testing::influence_graph();
    GraphFilter filter;
    filter.actor_conditions = {PropertyCondition::parse("role~minister")};
    auto selection = apply_filter(graph, filter);
    EXPECT_EQ(testing::ids_of(graph, selection.actors), (std::vector<std::string>{"minister"}));
}

TEST(Filter, BadConditionsExplainTheSyntax)
{
    EXPECT_THROW((void)PropertyCondition::parse("=x"), Error);
    EXPECT_THROW((void)PropertyCondition::parse("year>soon"), Error);
    try {
        (void)PropertyCondition::parse("year>soon");
    } catch (const Error& error) {
        EXPECT_NE(std::string(error.what()).find("not a number"), std::string::npos);
    }
}

}  // namespace
}  // namespace actorgraph
