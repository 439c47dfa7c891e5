#include "actorgraph/model/census.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "actorgraph/generate/synthetic_graph.hpp"
#include "actorgraph/io/file_format.hpp"
#include "test_support.hpp"

namespace actorgraph {
namespace {

// What the census must match: a plain count in ordered maps.
std::map<std::string, std::size_t> counted_kinds(const Graph& graph)
{
    std::map<std::string, std::size_t> counts;
    for (const auto& actor : graph.actors()) ++counts[actor.kind];
    return counts;
}

std::map<std::string, std::size_t> counted_types(const Graph& graph)
{
    std::map<std::string, std::size_t> counts;
    for (const auto& relation : graph.relations()) ++counts[relation.type.str()];
    return counts;
}

std::map<std::string, std::size_t> as_map(const Tally& tally)
{
    return {tally.begin(), tally.end()};
}

TEST(Census, CountsTheBundledGraphsKindsAndTypesSortedByName)
{
    auto graph = load_graph(testing::source_dir() / "graphs/nato_mongolia.gv");
    auto census = census_of(graph);
    EXPECT_EQ(as_map(census.kinds), counted_kinds(graph));
    EXPECT_EQ(as_map(census.types), counted_types(graph));
    EXPECT_TRUE(std::is_sorted(census.kinds.begin(), census.kinds.end()));
    EXPECT_TRUE(std::is_sorted(census.types.begin(), census.types.end()));
    EXPECT_GE(census.kinds.size(), 3u);
    EXPECT_GE(census.types.size(), 3u);
}

TEST(Census, CountsManyCustomKindsAndTypesAndElementsWithoutAKind)
{
    Graph graph;
    // Twelve kinds and types: more than the few compared directly, so the rest are counted apart.
    for (int i = 0; i < 300; ++i) {
        Actor actor;
        actor.id = "a" + std::to_string(i);
        actor.kind = i % 13 == 12 ? "" : "kind" + std::to_string(i % 13);
        graph.add_actor(std::move(actor));
    }
    for (int i = 0; i < 900; ++i) {
        Relation relation;
        relation.source = static_cast<ActorIndex>(i % 300);
        relation.target = static_cast<ActorIndex>((i * 7) % 300);
        relation.type = i % 3 == 0 ? std::string("investment") : "type" + std::to_string(i % 11);
        graph.add_relation(std::move(relation));
    }
    auto census = census_of(graph);
    EXPECT_EQ(as_map(census.kinds), counted_kinds(graph));
    EXPECT_EQ(as_map(census.types), counted_types(graph));
    EXPECT_EQ(census.kinds.front().first, "");
    EXPECT_EQ(census.kinds.front().second, 23u);
}

TEST(Census, CountsABigGraphOnTwoThreadsLikeOneCount)
{
    auto graph = generate_synthetic_graph({.actors = 30'000, .relations_per_actor = 4.0, .seed = 7});
    ASSERT_GT(graph.relation_count(), 100'000u);  // over the size where the types are counted on a second thread
    auto census = census_of(graph);
    EXPECT_EQ(as_map(census.kinds), counted_kinds(graph));
    EXPECT_EQ(as_map(census.types), counted_types(graph));
}

}  // namespace
}  // namespace actorgraph
