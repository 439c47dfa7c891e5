#include "actorgraph/generate/synthetic_graph.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "actorgraph/model/validation.hpp"
#include "graph_fixtures.hpp"

namespace actorgraph {
namespace {

TEST(SyntheticGraph, IsDeterministicForASeed)
{
    SyntheticGraphOptions options{500, 4.0, 42};
    testing::expect_same_graph(generate_synthetic_graph(options), generate_synthetic_graph(options));
    options.seed = 43;
    auto other = generate_synthetic_graph(options);
    auto first = generate_synthetic_graph({500, 4.0, 42});
    bool differs = false;
    for (RelationIndex i = 0; i < first.relation_count() && !differs; ++i) {
        differs = first.relation(i).source != other.relation(i).source || first.relation(i).target != other.relation(i).target;
    }
    EXPECT_TRUE(differs);
}

TEST(SyntheticGraph, HasTheRequestedSizeAndPassesValidation)
{
    auto graph = generate_synthetic_graph({2000, 4.0, 7});
    EXPECT_EQ(graph.actor_count(), 2000u);
    EXPECT_EQ(graph.relation_count(), 8000u);
    auto findings = validate(graph, {});
    EXPECT_TRUE(findings.empty()) << (findings.empty() ? "" : findings.front().to_string());
}

TEST(SyntheticGraph, KindsComeInRealisticSharesAndDegreesAreHeavyTailed)
{
    auto graph = generate_synthetic_graph({20000, 4.0, 1});
    std::map<std::string, std::size_t> kinds;
    for (const auto& actor : graph.actors()) ++kinds[actor.kind];
    EXPECT_GT(kinds["company"], kinds["official"]);
    EXPECT_GT(kinds["official"], kinds["organization"]);
    EXPECT_GT(kinds["organization"], kinds["state"]);
    EXPECT_GT(kinds["state"], 0u);
    std::vector<std::size_t> degrees;
    for (ActorIndex i = 0; i < graph.actor_count(); ++i) degrees.push_back(graph.out_relations(i).size() + graph.in_relations(i).size());
    auto largest = *std::max_element(degrees.begin(), degrees.end());
    EXPECT_GT(largest, 20u * 8u);  // hubs far above the mean degree of 8
}

TEST(SyntheticGraph, RelationTypesFitTheirEndpoints)
{
    auto graph = generate_synthetic_graph({3000, 4.0, 3});
    for (const auto& relation : graph.relations()) {
        if (graph.actor(relation.source).kind == "official") {
            EXPECT_EQ(relation.type, "affiliation");
        }
        if (relation.type == "investment") {
            EXPECT_FALSE(property_or_empty(relation.properties, schema::amount_usd).empty());
        }
        EXPECT_TRUE(year_span(relation.properties).has_value());
    }
}

}  // namespace
}  // namespace actorgraph
