#include "actorgraph/app/path_description.hpp"

#include <gtest/gtest.h>

namespace actorgraph::testing {
namespace {

// Borduria invests in the mine (2012, sourced), Syldavia presses the mine, Syldavia and Borduria are partners (undirected).
Graph small_graph()
{
    Graph graph;
    graph.add_actor({"borduria", "Borduria", "state", {}, {}, {}});
    graph.add_actor({"mine", "The Mine", "company", {}, {}, {}});
    graph.add_actor({"syldavia", "Syldavia", "", {}, {}, {}});
    graph.add_relation({0, 1, "investment", {{"year", "2012"}, {"amount_usd", "1e9"}, {"source", "annual report"}}, {}});
    graph.add_relation({2, 1, "pressure", {}, {}});
    graph.add_relation({2, 0, "partnership", {{"since", "2009"}, {"until", "2015"}}, {}}, Orientation::undirected);
    graph.add_relation({0, 1, "investment", {{"year", "2014"}}, {}});
    return graph;
}

TEST(PathDescription, EachStepNamesItsEndsItsRelationAndItsDirection)
{
    auto graph = small_graph();
    Path path;
    path.actors = {0, 1, 2};
    path.relations = {0, 1};
    auto steps = describe_path(graph, path);
    ASSERT_EQ(steps.size(), 2u);
    EXPECT_EQ(steps[0].from, "Borduria");
    EXPECT_EQ(steps[0].from_kind, "state");
    EXPECT_EQ(steps[0].to, "The Mine");
    EXPECT_EQ(steps[0].type, "investment");
    EXPECT_EQ(steps[0].summary, "investment year=2012 amount_usd=1e9");
    EXPECT_EQ(steps[0].years, "2012");
    EXPECT_EQ(steps[0].source, "annual report");
    EXPECT_FALSE(steps[0].against);
    EXPECT_TRUE(steps[1].against) << "Syldavia presses the mine: walked from the mine, against the arrow";
    EXPECT_EQ(steps[1].to, "Syldavia");
    EXPECT_EQ(steps[1].to_kind, "?");
}

TEST(PathDescription, AnUndirectedRelationIsNeverWalkedAgainstItsDirection)
{
    auto graph = small_graph();
    Path path;
    path.actors = {0, 2};
    path.relations = {2};
    auto steps = describe_path(graph, path);
    ASSERT_EQ(steps.size(), 1u);
    EXPECT_TRUE(steps[0].undirected);
    EXPECT_FALSE(steps[0].against);
    EXPECT_EQ(steps[0].summary, "partnership since=2009 until=2015");
}

TEST(PathDescription, ParallelRelationsAreListedBesideTheOneTaken)
{
    auto graph = small_graph();
    Path path;
    path.actors = {0, 1};
    path.relations = {0};
    path.parallel = {{0, 3}};
    auto steps = describe_path(graph, path);
    ASSERT_EQ(steps.size(), 1u);
    EXPECT_EQ(steps[0].parallel, (std::vector<std::string>{"investment year=2014"}));
}

TEST(PathDescription, TheHeadingNamesThePathsWeakestEvidenceOrThatSomeIsUngraded)
{
    auto graph = small_graph();
    Path path;
    path.actors = {0, 1, 2};
    path.relations = {0, 1};
    path.cost = 2;
    EXPECT_EQ(path_heading(graph, path, 1), "Path 1: 2 steps, cost 2, not all graded");
    Graph graded;
    for (const char* id : {"a", "b", "c"}) graded.add_actor({id, "", "state", {}, {}, {}});
    graded.add_relation({0, 1, "investment", {{"confidence", "B3"}}, {}});
    graded.add_relation({1, 2, "pressure", {{"confidence", "medium"}}, {}});
    EXPECT_EQ(path_heading(graded, path, 3), "Path 3: 2 steps, cost 2, weakest evidence medium") << "C3 is weaker than B3";
    path.relations = {0};
    path.actors = {0, 1};
    path.cost = 1;
    EXPECT_EQ(path_heading(graded, path, 2), "Path 2: 1 step, cost 1, weakest evidence B3");
}

}  // namespace
}  // namespace actorgraph::testing
