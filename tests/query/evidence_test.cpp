// Confidence grades: one scale for words and Admiralty codes, the --min-confidence filter, and
// paths ranked by their weakest evidence checked against every simple path of small graphs.
#include "actorgraph/query/evidence.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <random>

#include "actorgraph/query/paths.hpp"
#include "query/query_fixture.hpp"
#include "query/small_graphs.hpp"

namespace actorgraph {
namespace {

ConfidenceGrade grade(std::string_view text) { return parse_confidence_or_throw(text); }

TEST(Evidence, WordsSitOnTheAdmiraltyScale)
{
    EXPECT_EQ(grade("high"), grade("B2"));
    EXPECT_EQ(grade("medium"), grade("C3"));
    EXPECT_EQ(grade("low"), grade("D4"));
    EXPECT_EQ(grade(" High "), grade("b2"));
    EXPECT_GT(grade("A1"), grade("A2"));
    EXPECT_EQ(grade("A2"), grade("B1"));
    EXPECT_GT(grade("A2"), grade("high"));
    EXPECT_LT(grade("A3"), grade("high"));  // the weaker half decides first
    EXPECT_GT(grade("A3"), grade("B3"));
    EXPECT_GT(grade("low"), grade("E5"));
    EXPECT_GT(grade("E5"), grade("F6"));
    EXPECT_EQ(confidence_name(grade("B2")), "high");
    EXPECT_EQ(confidence_name(grade("C1")), "A3");
}

TEST(Evidence, ACredibilityThatCannotBeJudgedRanksLikeASourceThatCannotBe)
{
    // 6 is not "between 3 and 4": nothing could be judged, so it sits with F at the bottom of the
    // scale, below "improbable" (5), yet above a relation with no grade at all.
    EXPECT_EQ(grade("A6"), grade("F1"));
    EXPECT_LT(grade("A6"), grade("E5"));
    EXPECT_LT(grade("A6"), grade("low"));
    EXPECT_GT(grade("B6"), grade("F6"));
    EXPECT_TRUE(parse_confidence("F6").has_value()) << "a grade, so it still ranks above an ungraded relation";
}

TEST(Evidence, EveryAdmiraltyCodeOrdersByItsWeakerHalfThenItsStronger)
{
    auto score = [](char letter, char digit) {
        int reliability = 'F' - letter, credibility = '6' - digit;
        return std::min(reliability, credibility) * 10 + std::max(reliability, credibility);
    };
    for (char l1 = 'A'; l1 <= 'F'; ++l1) {
        for (char d1 = '1'; d1 <= '6'; ++d1) {
            for (char l2 = 'A'; l2 <= 'F'; ++l2) {
                for (char d2 = '1'; d2 <= '6'; ++d2) {
                    auto a = grade(std::string{l1, d1}), b = grade(std::string{l2, d2});
                    EXPECT_EQ(a < b, score(l1, d1) < score(l2, d2)) << l1 << d1 << " " << l2 << d2;
                }
            }
        }
    }
}

TEST(Evidence, MisspeltGradesAreErrorsWithASuggestion)
{
    for (auto bad : {"G1", "A7", "A", "B22", "", "certain"}) EXPECT_FALSE(parse_confidence(bad)) << bad;
    try {
        (void)parse_confidence_or_throw("hgih");
        FAIL();
    } catch (const Error& error) {
        EXPECT_NE(std::string(error.what()).find("did you mean 'high'"), std::string::npos) << error.what();
    }
    Relation relation{0, 0, "pressure", {{"confidence", "meduim"}}, {}};
    relation.where.line = 12;
    try {
        (void)relation_confidence(relation);
        FAIL();
    } catch (const Error& error) {
        EXPECT_EQ(error.where().line, 12);
    }
}

TEST(Evidence, TheMinimumConfidenceFilterDropsWeakerAndUngradedRelations)
{
    GraphFilter filter;
    filter.min_confidence = grade("medium");
    EXPECT_TRUE(filter.keeps_relation({0, 1, "pressure", {{"confidence", "B2"}}, {}}));
    EXPECT_TRUE(filter.keeps_relation({0, 1, "pressure", {{"confidence", "medium"}}, {}}));
    EXPECT_FALSE(filter.keeps_relation({0, 1, "pressure", {{"confidence", "low"}}, {}}));
    EXPECT_FALSE(filter.keeps_relation({0, 1, "pressure", {}, {}}));
    EXPECT_FALSE(filter.keeps_every_relation());
}

TEST(Evidence, PathsRankedByEvidenceHaveTheStrongestWeakestLinkThenFewestHops)
{
    std::mt19937 random(17);
    const std::vector<std::string> grades{"low", "medium", "high", "A1", "E5", ""};
    for (int round = 0; round < 60; ++round) {
        Graph graph;
        for (int i = 0; i < 7; ++i) graph.add_actor({"a" + std::to_string(i), "", "state", {}, {}, {}});
        std::uniform_int_distribution<ActorIndex> pick(0, 6);
        std::uniform_int_distribution<std::size_t> pick_grade(0, grades.size() - 1);
        for (int i = 0; i < 16; ++i) {
            const auto& text = grades[pick_grade(random)];
            Properties properties;
            if (!text.empty()) properties = Properties{{"confidence", text}};
            graph.add_relation({pick(random), pick(random), "partnership", std::move(properties), {}});
        }
        auto all = testing::simple_paths(graph, 0, 6);
        PathOptions options;
        options.rank_by_evidence = true;
        options.parallel = true;
        auto found = find_paths(graph, 0, 6, options);
        ASSERT_EQ(found.empty(), all.empty());
        if (all.empty()) continue;
        // The best key over all simple paths: weakest grade (ungraded lowest), then fewest hops.
        auto key = [&](const std::vector<RelationIndex>& path) {
            Path as_path{{}, path, 0, {}};
            auto weakest = weakest_evidence(graph, as_path);
            int weak = weakest ? weakest->weaker * 10 + weakest->stronger : -1;
            return std::make_pair(weak, -static_cast<int>(path.size()));
        };
        auto best = key(all.front());
        for (const auto& path : all) best = std::max(best, key(path));
        EXPECT_EQ(key(found.front().relations), best) << "round " << round;
    }
}

}  // namespace
}  // namespace actorgraph
