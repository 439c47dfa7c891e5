#include "graph_fixtures.hpp"

#include <gtest/gtest.h>

namespace actorgraph::testing {

Graph sample_graph()
{
    Graph graph;
    graph.name = "energy";
    graph.add_actor({"NO", "Kingdom of Norway", "state", {"Norway", "NO"},
                     {{"description", "Sovereign state"}, {"year", "1905"}}, {}});
    graph.add_actor({"EQNR", "Equinor ASA", "company", {"Statoil"},
                     {{"source", "https://example.org"}, {"confidence", "high"}}, {}});
    graph.add_actor({"IEA", "", "think tank", {}, {{"note", "custom kind"}}, {}});
    graph.add_actor({"JD", "Jane Doe", "official", {}, {}, {}});
    graph.add_relation({0, 1, "investment", {{"year", "2001"}, {"amount_usd", "1.5e9"}, {"source", "annual report"}}, {}});
    graph.add_relation({3, 0, "affiliation", {{"since", "2015"}, {"until", "2020"}, {"confidence", "0.8"}}, {}});
    graph.add_relation({2, 0, "advises", {{"note", "custom type"}}, {}});
    graph.add_relation({0, 1, "pressure", {}, {}});
    graph.add_relation({1, 1, "", {{"amount_usd", "unknown"}}, {}});
    return graph;
}

void expect_same_graph(const Graph& expected, const Graph& actual, bool compare_names)
{
    if (compare_names) {
        EXPECT_EQ(expected.name, actual.name);
    }
    ASSERT_EQ(expected.actor_count(), actual.actor_count());
    for (ActorIndex i = 0; i < expected.actor_count(); ++i) {
        const auto& a = expected.actor(i);
        const auto& b = actual.actor(i);
        EXPECT_EQ(a.id, b.id);
        EXPECT_EQ(a.label, b.label) << a.id;
        EXPECT_EQ(a.kind, b.kind) << a.id;
        EXPECT_EQ(a.aliases, b.aliases) << a.id;
        EXPECT_EQ(a.properties, b.properties) << a.id;
    }
    ASSERT_EQ(expected.relation_count(), actual.relation_count());
    for (RelationIndex i = 0; i < expected.relation_count(); ++i) {
        const auto& a = expected.relation(i);
        const auto& b = actual.relation(i);
        EXPECT_EQ(expected.actor(a.source).id, actual.actor(b.source).id);
        EXPECT_EQ(expected.actor(a.target).id, actual.actor(b.target).id);
        EXPECT_EQ(a.type, b.type);
        EXPECT_EQ(a.properties, b.properties);
        EXPECT_EQ(expected.orientation(i), actual.orientation(i)) << "relation " << i;
    }
}

}  // namespace actorgraph::testing
