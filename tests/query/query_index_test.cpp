#include "actorgraph/query/query_index.hpp"

#include <gtest/gtest.h>

#include "actorgraph/query/query_cache.hpp"
#include "query/query_fixture.hpp"

namespace actorgraph {
namespace {

std::vector<RelationIndex> as_vector(std::span<const RelationIndex> relations)
{
    return {relations.begin(), relations.end()};
}

std::vector<RelationIndex> relations_of(std::span<const QueryStep> steps)
{
    std::vector<RelationIndex> relations;
    for (auto step : steps) relations.push_back(step.relation);
    return relations;
}

TEST(QueryIndex, FollowingStepsAreTheModelsOwnRelationListsInOrder)
{
    auto graph = testing::influence_graph();
    QueryIndex index(graph, {}, Direction::follow);
    ASSERT_EQ(index.actor_count(), graph.actor_count());
    EXPECT_EQ(index.relation_count(), graph.relation_count());
    for (ActorIndex actor = 0; actor < graph.actor_count(); ++actor) {
        EXPECT_EQ(relations_of(index.forward(actor)), as_vector(graph.out_relations(actor)));
        EXPECT_EQ(relations_of(index.backward(actor)), as_vector(graph.in_relations(actor)));
        for (auto step : index.forward(actor)) EXPECT_EQ(graph.relation(step.relation).target, step.actor);
        for (auto step : index.backward(actor)) EXPECT_EQ(graph.relation(step.relation).source, step.actor);
    }
}

TEST(QueryIndex, ReversingSwapsLeavingAndArrivingSteps)
{
    auto graph = testing::influence_graph();
    QueryIndex index(graph, {}, Direction::reverse);
    for (ActorIndex actor = 0; actor < graph.actor_count(); ++actor) {
        EXPECT_EQ(relations_of(index.forward(actor)), as_vector(graph.in_relations(actor)));
        EXPECT_EQ(relations_of(index.backward(actor)), as_vector(graph.out_relations(actor)));
    }
}

TEST(QueryIndex, AnyDirectionWalksEachRelationFromBothEnds)
{
    auto graph = testing::influence_graph();
    QueryIndex index(graph, {}, Direction::any);
    for (ActorIndex actor = 0; actor < graph.actor_count(); ++actor) {
        auto expected = as_vector(graph.out_relations(actor));
        expected.insert(expected.end(), graph.in_relations(actor).begin(), graph.in_relations(actor).end());
        std::sort(expected.begin(), expected.end());
        EXPECT_EQ(relations_of(index.forward(actor)), expected);
        EXPECT_EQ(relations_of(index.backward(actor)), expected);
        EXPECT_EQ(index.degree(actor), expected.size());
    }
}

TEST(QueryIndex, KeepsWhatTheFilterKeepsAndNothingElse)
{
    auto graph = testing::influence_graph();
    GraphFilter filter;
    filter.kinds = {"state", "organization"};
    filter.year_to = 2013;
    QueryIndex index(graph, filter, Direction::follow);
    auto selection = apply_filter(graph, filter);
    EXPECT_EQ(index.kept_actors(), selection.actors);
    EXPECT_EQ(index.relation_count(), selection.relations.size());
    std::vector<RelationIndex> indexed;
    for (ActorIndex actor = 0; actor < graph.actor_count(); ++actor) {
        EXPECT_EQ(index.keeps(actor), selection.contains_actor(actor));
        for (auto step : index.forward(actor)) indexed.push_back(step.relation);
    }
    std::sort(indexed.begin(), indexed.end());
    EXPECT_EQ(indexed, selection.relations);
    EXPECT_THROW((void)index.keeps(static_cast<ActorIndex>(graph.actor_count())), std::out_of_range);
}

TEST(QueryIndex, StepCostsAreEachStepsRelationCostInStepOrder)
{
    auto graph = testing::influence_graph();
    auto costs = relation_costs(graph, "amount_usd", WeightTransform::inverse);
    for (auto direction : {Direction::follow, Direction::reverse, Direction::any}) {
        QueryIndex index(graph, {}, direction);
        StepCosts steps(index, costs);
        for (ActorIndex actor = 0; actor < graph.actor_count(); ++actor) {
            ASSERT_EQ(steps.forward(actor).size(), index.forward(actor).size());
            ASSERT_EQ(steps.backward(actor).size(), index.backward(actor).size());
            for (std::size_t i = 0; i < index.forward(actor).size(); ++i) {
                EXPECT_EQ(steps.forward(actor)[i], costs[index.forward(actor)[i].relation]);
            }
            for (std::size_t i = 0; i < index.backward(actor).size(); ++i) {
                EXPECT_EQ(steps.backward(actor)[i], costs[index.backward(actor)[i].relation]);
            }
        }
    }
    EXPECT_THROW(StepCosts(QueryIndex(graph, {}, Direction::any), {1.0}), Error);
}

TEST(GraphFilter, FiltersWithTheSameTestsAreEqual)
{
    GraphFilter a;
    GraphFilter b;
    EXPECT_EQ(a, b);
    a.relation_conditions = {PropertyCondition::parse("amount_usd>=5")};
    EXPECT_NE(a, b);
    b.relation_conditions = {PropertyCondition::parse("amount_usd>=5")};
    EXPECT_EQ(a, b);
    b.dated_only = true;
    EXPECT_NE(a, b);
}

}  // namespace
}  // namespace actorgraph
