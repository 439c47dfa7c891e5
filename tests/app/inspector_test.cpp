#include "actorgraph/app/inspector.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace actorgraph {
namespace {

Graph small_graph()
{
    Graph graph;
    graph.add_actor({"a", "Алтай", "state", {"Altai"}, {{"description", "A Cyrillic name"}}, {}});
    graph.add_actor({"b", "Bé", "company", {}, {}, {}});
    graph.add_relation({0, 1, "investment", {{"year", "2012"}, {"amount_usd", "1500000"}, {"source", "p. 3"}}, {}});
    graph.add_relation({1, 0, "pressure", {{"since", "2005"}, {"until", "2007"}}, {}});
    graph.add_relation({0, 1, "investment", {{"since", "2010"}}, {}});
    return graph;
}

TEST(Inspector, GroupsRelationsByTypeWithTheirSources)
{
    auto graph = small_graph();
    auto details = describe_actor(graph, 0);
    ASSERT_EQ(details.groups.size(), 2u);
    EXPECT_EQ(details.groups[0].type, "investment");
    ASSERT_EQ(details.groups[0].lines.size(), 2u);
    EXPECT_TRUE(details.groups[0].lines[0].outgoing);
    EXPECT_EQ(details.groups[0].lines[0].other, 1u);
    EXPECT_EQ(details.groups[0].lines[0].source, "p. 3");
    EXPECT_EQ(details.groups[0].lines[0].amount, "US$ 1,500,000");
    EXPECT_EQ(details.groups[0].lines[1].when, "since 2010");
    EXPECT_EQ(details.groups[1].type, "pressure");
    EXPECT_FALSE(details.groups[1].lines[0].outgoing);
    EXPECT_EQ(details.groups[1].lines[0].when, "2005\u20132007");
    EXPECT_EQ(details.properties[0], (std::pair<std::string, std::string>{"id", "a"}));
}

TEST(Inspector, AnUndirectedRelationIsMarkedAsSuchFromBothEnds)
{
    auto graph = small_graph();
    graph.add_relation({0, 1, "partnership", {}, {}}, Orientation::undirected);
    for (ActorIndex actor : {0u, 1u}) {
        auto details = describe_actor(graph, actor);
        auto partnership = std::find_if(details.groups.begin(), details.groups.end(),
                                        [](const RelationGroup& group) { return group.type == "partnership"; });
        ASSERT_NE(partnership, details.groups.end());
        ASSERT_EQ(partnership->lines.size(), 1u);
        EXPECT_TRUE(partnership->lines[0].undirected);
    }
    for (const auto& group : describe_actor(graph, 0).groups) {
        if (group.type == "investment") {
            EXPECT_FALSE(group.lines[0].undirected);
        }
    }
}

TEST(Inspector, TooltipsNameLabelKindTypeYearAmountAndSource)
{
    auto graph = small_graph();
    auto actor = actor_tooltip_lines(graph, 0);
    EXPECT_EQ(actor[0], "Алтай");
    EXPECT_EQ(actor[1], "kind: state");
    EXPECT_EQ(actor[2], "A Cyrillic name");
    auto relation = relation_tooltip_lines(graph, 0);
    EXPECT_EQ(relation[0], "Алтай \u2192 Bé");
    EXPECT_EQ(relation[1], "type: investment");
    EXPECT_EQ(relation[2], "year: 2012");
    EXPECT_EQ(relation[3], "amount: US$ 1,500,000");
    EXPECT_EQ(relation[4], "source: p. 3");
}

TEST(Inspector, ConfidenceIsShownInTheTooltipAndTheRelationLineByItsGrade)
{
    auto graph = small_graph();
    graph.add_relation({0, 1, "pressure", {{"confidence", " b2 "}, {"source", "p. 9"}}, {}});
    graph.add_relation({1, 0, "pressure", {{"confidence", "A3"}}, {}});
    graph.add_relation({1, 0, "pressure", {{"confidence", "probably"}}, {}});
    auto lines = relation_tooltip_lines(graph, 3);
    ASSERT_EQ(lines.size(), 4u);
    EXPECT_EQ(lines[2], "confidence: high") << "B2 is the grade 'high' names";
    EXPECT_EQ(lines[3], "source: p. 9");
    EXPECT_EQ(relation_tooltip_lines(graph, 4)[2], "confidence: A3");
    EXPECT_EQ(relation_tooltip_lines(graph, 5)[2], "confidence: probably (not a grade)");
    EXPECT_EQ(relation_tooltip_lines(graph, 0).size(), 5u) << "no confidence, no line";
    auto details = describe_actor(graph, 1);
    auto pressure = std::find_if(details.groups.begin(), details.groups.end(), [](const RelationGroup& g) { return g.type == "pressure"; });
    ASSERT_NE(pressure, details.groups.end());
    std::vector<std::string> grades;
    for (const auto& line : pressure->lines) grades.push_back(line.confidence);
    EXPECT_NE(std::find(grades.begin(), grades.end(), "confidence A3"), grades.end());
    EXPECT_NE(std::find(grades.begin(), grades.end(), "confidence high"), grades.end());
}

TEST(Inspector, AmountsThatAreNotNumbersStayAsWritten)
{
    EXPECT_EQ(amount_text("about a billion"), "about a billion");
    EXPECT_EQ(amount_text(""), "");
    EXPECT_EQ(amount_text("999"), "US$ 999");
    EXPECT_EQ(amount_text("1000"), "US$ 1,000");
}

}  // namespace
}  // namespace actorgraph
