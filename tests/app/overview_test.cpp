#include "actorgraph/app/overview.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "actorgraph/app/view_spec.hpp"
#include "actorgraph/generate/synthetic_graph.hpp"

namespace actorgraph::testing {
namespace {

// 20,000 actors and about 80,000 relations: ten times the limits, small enough to build in a second.
const Graph& big_graph()
{
    static const Graph graph = generate_synthetic_graph({20000, 4.0, 7});
    return graph;
}

std::vector<std::size_t> degrees(const Graph& graph)
{
    std::vector<std::size_t> degree(graph.actor_count());
    for (ActorIndex actor = 0; actor < graph.actor_count(); ++actor) {
        degree[actor] = graph.out_relations(actor).size() + graph.in_relations(actor).size();
    }
    return degree;
}

ActorIndex biggest_hub(const Graph& graph)
{
    auto degree = degrees(graph);
    return static_cast<ActorIndex>(std::max_element(degree.begin(), degree.end()) - degree.begin());
}

// As the explorer starts: limits on, the engine chosen by size.
ViewSpec limited_view()
{
    ViewSpec spec;
    spec.limits = ViewLimits{};
    spec.choose_engine = true;
    return spec;
}

TEST(Overview, ABigGraphBecomesAnOverviewOfTheMostConnectedActors)
{
    const auto& graph = big_graph();
    auto view = compose_view(graph, limited_view());
    const auto& visible = view.scene.visible;
    ASSERT_EQ(view.reduction.kind, ViewReduction::Kind::overview);
    EXPECT_EQ(visible.actors.size(), 200u);
    EXPECT_EQ(view.reduction.shown, 200u);
    EXPECT_EQ(view.reduction.of, 20000u);
    EXPECT_EQ(view.reduction.text,
              "overview: top 200 of 20,000 actors by degree \u2014 search, paths or focus pull more into view");

    auto degree = degrees(graph);
    std::size_t weakest_shown = SIZE_MAX, strongest_left_out = 0;
    for (ActorIndex actor = 0; actor < graph.actor_count(); ++actor) {
        if (visible.contains_actor(actor)) weakest_shown = std::min(weakest_shown, degree[actor]);
        else strongest_left_out = std::max(strongest_left_out, degree[actor]);
    }
    EXPECT_GE(weakest_shown, strongest_left_out);
}

TEST(Overview, AnOverviewKeepsExactlyTheRelationsAmongItsActors)
{
    const auto& graph = big_graph();
    auto view = compose_view(graph, limited_view());
    const auto& visible = view.scene.visible;
    std::size_t among = 0;
    for (RelationIndex index = 0; index < graph.relation_count(); ++index) {
        const auto& relation = graph.relation(index);
        bool inside = visible.contains_actor(relation.source) && visible.contains_actor(relation.target);
        among += inside ? 1 : 0;
        EXPECT_EQ(visible.contains_relation(index), inside) << "relation " << index;
    }
    EXPECT_GT(among, 200u) << "the hubs of a power-law graph are tied to each other";
}

TEST(Overview, AViewWithinTheLimitsIsLeftWhole)
{
    auto graph = generate_synthetic_graph({500, 4.0, 3});
    auto limited = compose_view(graph, limited_view());
    auto unlimited = compose_view(graph, ViewSpec{});
    EXPECT_EQ(limited.reduction.kind, ViewReduction::Kind::none);
    EXPECT_TRUE(limited.reduction.text.empty());
    EXPECT_EQ(limited.scene.visible.actors, unlimited.scene.visible.actors);
    EXPECT_EQ(limited.scene.visible.relations, unlimited.scene.visible.relations);
}

TEST(Overview, AFilterThatBringsTheViewWithinTheLimitsShowsItWhole)
{
    const auto& graph = big_graph();
    auto spec = limited_view();
    spec.filter.kinds = {"state"};
    auto view = compose_view(graph, spec);
    ASSERT_LE(view.scene.visible.actors.size(), 2000u);
    EXPECT_EQ(view.reduction.kind, ViewReduction::Kind::none);
    EXPECT_EQ(view.scene.visible.actors, apply_filter(graph, spec.filter).actors);
}

TEST(Overview, TooManyRelationsMakeAViewTooBigEvenWithFewActors)
{
    ViewLimits limits;
    Selection selection;
    selection.actors = {0, 1};
    selection.relations.resize(limits.max_relations + 1);
    EXPECT_TRUE(exceeds(limits, selection));
    selection.relations.resize(limits.max_relations);
    EXPECT_FALSE(exceeds(limits, selection));
}

TEST(Overview, FocusOnAHubShowsItsNearestMostConnectedNeighboursAndSaysHowManyWereLeftOut)
{
    const auto& graph = big_graph();
    auto hub = biggest_hub(graph);
    auto spec = limited_view();
    spec.focus = {hub};
    auto view = compose_view(graph, spec);
    auto whole = neighbourhood(graph, {hub}, NeighbourhoodOptions{});
    ASSERT_GT(whole.actors.size(), 151u) << "the biggest hub needs more than 150 neighbours for this test";

    ASSERT_EQ(view.reduction.kind, ViewReduction::Kind::capped_focus);
    const auto& visible = view.scene.visible;
    EXPECT_EQ(visible.actors.size(), 151u);
    EXPECT_TRUE(visible.contains_actor(hub));
    for (auto actor : visible.actors) EXPECT_TRUE(whole.contains_actor(actor));
    auto left_out = whole.actors.size() - 1 - 150;
    EXPECT_NE(view.reduction.text.find(with_thousands(left_out) + " left out"), std::string::npos) << view.reduction.text;
}

TEST(Overview, ATwoHopFocusKeepsTheDirectNeighboursFirst)
{
    const auto& graph = big_graph();
    // An actor with a few direct neighbours but a big second ring: the hub's least connected neighbour.
    auto hub = biggest_hub(graph);
    auto degree = degrees(graph);
    auto hub_neighbours = neighbourhood(graph, {hub}, NeighbourhoodOptions{}).actors;
    std::erase(hub_neighbours, hub);
    auto seed = *std::min_element(hub_neighbours.begin(), hub_neighbours.end(),
                                  [&](ActorIndex a, ActorIndex b) { return degree[a] < degree[b]; });
    auto direct = neighbourhood(graph, {seed}, NeighbourhoodOptions{});
    ASSERT_LT(direct.actors.size(), 151u) << "pick a seed with fewer than 150 direct neighbours";
    std::size_t found = 0;
    auto capped = capped_neighbourhood(graph, nullptr, {seed}, NeighbourhoodOptions{{}, Direction::any, 2}, 150, found);
    ASSERT_GT(found, 150u);
    for (auto actor : direct.actors) EXPECT_TRUE(capped.contains_actor(actor)) << "direct neighbour " << actor;
}

TEST(Overview, OnABigGraphAPathQueryShowsJustThePaths)
{
    const auto& graph = big_graph();
    auto spec = limited_view();
    spec.path = PathRequest{1, 15000, {}};
    spec.path->options.direction = Direction::any;
    spec.path->options.k = 2;
    spec.highlighted_path = SIZE_MAX;
    auto view = compose_view(graph, spec);
    ASSERT_FALSE(view.paths.empty());
    EXPECT_EQ(view.reduction.kind, ViewReduction::Kind::paths_only);
    auto on_paths = selection_of(view.paths);
    EXPECT_EQ(view.scene.visible.actors, on_paths.actors);
    EXPECT_EQ(view.scene.visible.relations, on_paths.relations);
}

TEST(Overview, AnOverviewIsNeverLaidOutWithDot)
{
    auto spec = limited_view();
    spec.choose_engine = true;
    spec.engine = LayoutEngine::circo;
    auto view = compose_view(big_graph(), spec);
    EXPECT_EQ(view.reduction.kind, ViewReduction::Kind::overview);
    EXPECT_NE(view.scene.engine, LayoutEngine::dot) << "dot takes minutes for 200 dense hubs";
    EXPECT_EQ(view.scene.engine, choose_layout_engine(view.scene.visible.actors.size(), view.scene.visible.relations.size()));
}

TEST(Overview, ASmallViewGetsTheEngineItsSizeCallsFor)
{
    auto spec = limited_view();
    spec.choose_engine = true;
    auto graph = generate_synthetic_graph({1500, 4.0, 3});
    auto view = compose_view(graph, spec);
    EXPECT_EQ(view.reduction.kind, ViewReduction::Kind::none);
    EXPECT_EQ(view.scene.engine, choose_layout_engine(1500, view.scene.visible.relations.size()));
    spec.choose_engine = false;
    spec.engine = LayoutEngine::circo;
    EXPECT_EQ(compose_view(graph, spec).scene.engine, LayoutEngine::circo) << "a chosen engine is kept";
}

// dot picked by the user on 1,990 actors / 5,771 relations (under the base limits) ran past 100 s
// and 2 GB: a chosen engine gets the limits it finishes within (limits_for_engine, measured).
TEST(Overview, AViewForAChosenEngineIsCutToWhatThatEngineLaysOut)
{
    auto graph = generate_synthetic_graph({1990, 2.9, 5});
    auto spec = limited_view();
    EXPECT_EQ(compose_view(graph, spec).reduction.kind, ViewReduction::Kind::none) << "within the base limits";
    spec.choose_engine = false;
    for (auto engine : all_layout_engines) {
        spec.engine = engine;
        auto view = compose_view(graph, spec);
        auto limits = limits_for_engine(ViewLimits{}, engine);
        EXPECT_FALSE(exceeds(limits, view.scene.visible)) << layout_engine_name(engine);
        EXPECT_EQ(view.scene.engine, engine);
        bool cut = limits.max_actors < 1990 || limits.max_relations < graph.relation_count();
        EXPECT_EQ(view.reduction.kind, cut ? ViewReduction::Kind::overview : ViewReduction::Kind::none)
            << layout_engine_name(engine);
    }
    auto dot = limits_for_engine(ViewLimits{}, LayoutEngine::dot);
    EXPECT_LE(dot.max_actors, 200u);
    EXPECT_LE(dot.overview_actors, dot.max_actors);
    EXPECT_EQ(limits_for_engine(ViewLimits{}, LayoutEngine::sfdp).max_actors, ViewLimits{}.max_actors);
}

TEST(Overview, CountsAreWrittenWithThousandsSeparators)
{
    EXPECT_EQ(with_thousands(0), "0");
    EXPECT_EQ(with_thousands(999), "999");
    EXPECT_EQ(with_thousands(1000), "1,000");
    EXPECT_EQ(with_thousands(1000000), "1,000,000");
    EXPECT_EQ(with_thousands(12345678), "12,345,678");
}

}  // namespace
}  // namespace actorgraph::testing
