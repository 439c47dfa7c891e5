// Investment dependence on a hand-made graph whose shares are worked out by hand below.
#include "actorgraph/query/dependence.hpp"

#include <gtest/gtest.h>

namespace actorgraph {
namespace {

// T is the target; mine is T's company; A and B invest; X is a company of both A and B; O has no
// state; S owns 60% of Y, which invests in T.
Graph dependence_graph()
{
    Graph graph;
    for (auto [id, kind] : {std::pair{"t", "state"}, {"a", "state"}, {"b", "state"}, {"s", "state"}, {"mine", "company"},
                            {"x", "company"}, {"y", "company"}, {"o", "organization"}}) {
        graph.add_actor({id, "", kind, {}, {}, {}});
    }
    auto at = [&](const char* id) { return graph.resolve(id); };
    graph.add_relation({at("mine"), at("t"), "affiliation", {}, {}});
    graph.add_relation({at("x"), at("a"), "affiliation", {}, {}});
    graph.add_relation({at("x"), at("b"), "affiliation", {}, {}});
    graph.add_relation({at("s"), at("y"), "investment", {{"stake", "60"}}, {}});
    graph.add_relation({at("a"), at("t"), "investment", {{"amount_usd", "100"}, {"year", "1999"}}, {}});
    graph.add_relation({at("b"), at("t"), "investment", {{"amount_usd", "50"}, {"year", "1998"}}, {}});
    graph.add_relation({at("x"), at("mine"), "investment", {{"amount_usd", "60"}}, {}});
    graph.add_relation({at("o"), at("t"), "investment", {}, {}});
    graph.add_relation({at("t"), at("mine"), "investment", {{"amount_usd", "10"}}, {}});
    graph.add_relation({at("a"), at("t"), "pressure", {{"amount_usd", "999"}}, {}});
    graph.add_relation({at("b"), at("t"), "investment", {{"amount_usd", "40"}, {"year", "2001"}}, {}});
    graph.add_relation({at("y"), at("t"), "investment", {{"amount_usd", "20"}, {"year", "1999"}}, {}});
    return graph;
}

const InvestmentSource& source(const Graph& graph, const DependenceResult& result, const char* id)
{
    for (const auto& found : result.sources) {
        if (graph.actor(found.actor).id == id) return found;
    }
    throw std::runtime_error(std::string("no source ") + id);
}

TEST(Dependence, SharesCountCompaniesForTheirHomeStatesAndOwners)
{
    auto graph = dependence_graph();
    DependenceOptions options;
    options.filter.year_to = 2000;  // drops B's 2001 investment; undated ones stay
    auto result = investment_dependence(graph, graph.resolve("t"), options);
    // A: 100 + 60/2 = 130; B: 50 + 30 = 80; S (owner of Y): 20; O: no amount. Total 230.
    EXPECT_DOUBLE_EQ(result.total_usd, 230);
    EXPECT_DOUBLE_EQ(source(graph, result, "a").amount_usd, 130);
    EXPECT_DOUBLE_EQ(source(graph, result, "b").amount_usd, 80);
    EXPECT_DOUBLE_EQ(source(graph, result, "s").amount_usd, 20);
    EXPECT_EQ(source(graph, result, "o").without_amount, 1u);
    EXPECT_FALSE(source(graph, result, "o").is_state);
    EXPECT_EQ(result.relations, 5u);  // a, b, x (to the mine), o, y
    EXPECT_EQ(result.without_amount, 1u);
    EXPECT_EQ(result.undated, 2u);  // x's and o's
    double a = 130.0 / 230, b = 80.0 / 230, s = 20.0 / 230;
    EXPECT_NEAR(result.hhi, a * a + b * b + s * s, 1e-12);
    EXPECT_NEAR(source(graph, result, "a").share, a, 1e-12);
    ASSERT_EQ(result.alerts().size(), 2u);  // a (56.5%) and b (34.8%) exceed one third
    EXPECT_EQ(graph.actor(result.sources.front().actor).id, "a");
    EXPECT_EQ(result.domestic.relations, 1u);  // t's own stake in its mine
    EXPECT_EQ(result.recipients, (std::vector<ActorIndex>{graph.resolve("t"), graph.resolve("mine")}));
}

TEST(Dependence, GroupingByActorKeepsEachInvestorApart)
{
    auto graph = dependence_graph();
    DependenceOptions options;
    options.group_by = DependenceGrouping::actor;
    options.cap = 0.5;
    auto result = investment_dependence(graph, graph.resolve("t"), options);
    EXPECT_DOUBLE_EQ(source(graph, result, "x").amount_usd, 60);
    EXPECT_DOUBLE_EQ(source(graph, result, "b").amount_usd, 90);  // the 2001 investment counts without a year filter
    EXPECT_DOUBLE_EQ(result.total_usd, 100 + 90 + 60 + 20);
    EXPECT_TRUE(result.alerts().empty());  // a holds 37%
}

TEST(Dependence, CapsAreParsedAsFractions)
{
    EXPECT_DOUBLE_EQ(parse_share("1/3"), 1.0 / 3);
    EXPECT_DOUBLE_EQ(parse_share("40%"), 0.4);
    EXPECT_DOUBLE_EQ(parse_share(" 0.25 "), 0.25);
    for (auto bad : {"0", "2", "1/0", "third", "", "-10%"}) EXPECT_THROW((void)parse_share(bad), Error) << bad;
    EXPECT_THROW((void)parse_dependence_grouping("country"), Error);
}

}  // namespace
}  // namespace actorgraph
