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
    // The index keeps the high half of a hash, so these differ where it looks.
    const std::uint64_t h42 = 42ull << 32, h7 = 7ull << 32, h8 = 8ull << 32;
    NameIndex index;
    index.insert(h42, 1);
    index.insert(h42, 2);
    index.insert(h42, 1);
    index.insert(h7, 3);
    auto under42 = actors_under(index, h42);
    std::sort(under42.begin(), under42.end());
    EXPECT_EQ(under42, (std::vector<std::uint32_t>{1, 2}));
    EXPECT_EQ(actors_under(index, h7), (std::vector<std::uint32_t>{3}));
    EXPECT_TRUE(actors_under(index, h8).empty());
    EXPECT_EQ(index.size(), 3u);
}

// Hashes equal in their high half are one name to the index; the graph confirms against real names.
TEST(NameIndex, ReportsHashesThatShareTheHighHalfAsCandidates)
{
    NameIndex index;
    index.insert((5ull << 32) | 1, 10);
    index.insert((5ull << 32) | 2, 11);
    auto candidates = actors_under(index, (5ull << 32) | 3);
    std::sort(candidates.begin(), candidates.end());
    EXPECT_EQ(candidates, (std::vector<std::uint32_t>{10, 11}));
}

TEST(NameIndex, FindsEveryEntryAfterGrowingManyTimes)
{
    NameIndex index;
    for (std::uint32_t i = 0; i < 100000; ++i) index.insert(NameIndex::hash_of("actor " + std::to_string(i)), i);
    EXPECT_EQ(index.size(), 100000u);
    for (std::uint32_t i = 0; i < 100000; i += 997) {
        auto found = actors_under(index, NameIndex::hash_of("actor " + std::to_string(i)));
        EXPECT_NE(std::find(found.begin(), found.end(), i), found.end()) << i;
        EXPECT_LE(found.size(), 2u) << "a 32-bit tag rarely matches another name";
    }
}

TEST(NameIndex, FindsEveryEntryInsertedAfterReservingAndAfterOutgrowingTheReservation)
{
    NameIndex index;
    index.reserve(1000);
    for (std::uint32_t i = 0; i < 3000; ++i) index.insert(NameIndex::hash_of("n" + std::to_string(i)), i);
    for (std::uint32_t i = 0; i < 3000; ++i) {
        auto found = actors_under(index, NameIndex::hash_of("n" + std::to_string(i)));
        ASSERT_NE(std::find(found.begin(), found.end(), i), found.end()) << i;
    }
    index.reserve(10);  // never shrinks
    EXPECT_EQ(actors_under(index, NameIndex::hash_of("n7")).front(), 7u);
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
