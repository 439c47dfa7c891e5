#include "actorgraph/model/name_index.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "actorgraph/model/graph.hpp"

namespace actorgraph {
namespace {

std::vector<std::uint32_t> actors_under(const NameIndex& index, std::uint64_t hash)
{
    std::vector<std::uint32_t> actors;
    index.for_each(hash, [&](std::uint32_t actor) { actors.push_back(actor); });
    return actors;
}

TEST(NameIndex, KeepsEveryActorUnderACollidingHashAndEachOnlyOnce)
{
    NameIndex index;
    index.insert(42, 1);
    index.insert(42, 2);
    index.insert(42, 1);
    index.insert(7, 3);
    auto under42 = actors_under(index, 42);
    std::sort(under42.begin(), under42.end());
    EXPECT_EQ(under42, (std::vector<std::uint32_t>{1, 2}));
    EXPECT_EQ(actors_under(index, 7), (std::vector<std::uint32_t>{3}));
    EXPECT_TRUE(actors_under(index, 8).empty());
    EXPECT_EQ(index.size(), 3u);
}

TEST(NameIndex, FindsEveryEntryAfterGrowingManyTimes)
{
    NameIndex index;
    for (std::uint32_t i = 0; i < 100000; ++i) index.insert(NameIndex::hash_of("actor " + std::to_string(i)), i);
    for (std::uint32_t i = 0; i < 100000; i += 997) {
        EXPECT_EQ(actors_under(index, NameIndex::hash_of("actor " + std::to_string(i))), (std::vector<std::uint32_t>{i}));
    }
}

TEST(NameIndex, GraphLookupsStayExactWhenManyActorsShareNames)
{
    Graph graph;
    for (int i = 0; i < 5000; ++i) {
        Actor actor;
        actor.id = "a" + std::to_string(i);
        actor.label = "Ministry " + std::to_string(i % 50);  // 100 actors per label
        actor.kind = "organization";
        graph.add_actor(actor);
    }
    EXPECT_EQ(graph.find_by_name("MINISTRY 7").size(), 100u);
    EXPECT_EQ(graph.find_by_id("a4999"), 4999u);
    EXPECT_FALSE(graph.find_by_id("A4999"));  // ids are exact
    EXPECT_EQ(graph.find_by_name("A4999"), (std::vector<ActorIndex>{4999}));  // names ignore case
    EXPECT_THROW((void)graph.add_actor(Actor{"a17", "", "state", {}, {}, {}}), Error);
}

}  // namespace
}  // namespace actorgraph
