// Colour by community: the partition, its palette, its key and the explorer's use of it (a view option
// computed with the view, shown on the canvas, in the inspector and in exports; scripts drive it).
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <string>

#include "actorgraph/app/community_view.hpp"
#include "actorgraph/io/dot_reader.hpp"
#include "explorer_fixture.hpp"

namespace actorgraph::testing {
namespace {

// Two groups of four actors, each group related all to all, joined by one relation; `hub` adds a
// fifth member to the second group related only to its hub (b1 then has the most relations there).
Graph two_cliques()
{
    std::string text = "digraph {\n";
    for (const char* group : {"a", "b"}) {
        for (int i = 1; i <= 4; ++i) {
            for (int j = i + 1; j <= 4; ++j) {
                text += "  " + std::string(group) + std::to_string(i) + " -> " + group + std::to_string(j) + " [type=partnership];\n";
            }
        }
    }
    text += "  a4 -> b1 [type=investment];\n  b1 -> b5 [type=investment];\n}\n";
    return read_dot(text, "two_cliques.gv");
}

// `pairs` separate pairs of related actors: `pairs` communities of two.
Graph pairs(int count)
{
    std::string text = "digraph {\n";
    for (int i = 0; i < count; ++i) text += "  p" + std::to_string(i) + "x -> p" + std::to_string(i) + "y;\n";
    return read_dot(text + "}\n", "pairs.gv");
}

TEST(CommunityView, TwoCliquesGetTwoPaletteColoursAndTheirHubsAsRepresentatives)
{
    auto graph = two_cliques();
    auto colouring = colour_by_community(graph, nullptr, {}, {});
    ASSERT_TRUE(colouring.error.empty()) << colouring.error;
    ASSERT_EQ(colouring.rows.size(), 2u);
    EXPECT_EQ(colouring.rows[0].size, 5u) << "largest first: the b group with b5";
    EXPECT_EQ(graph.actor(colouring.rows[0].representative).id, "b1");
    EXPECT_EQ(colouring.rows[1].size, 4u);
    EXPECT_EQ(graph.actor(colouring.rows[1].representative).id, "a4") << "a4 has the relation to b1 on top of its group's";
    EXPECT_EQ(colouring.rows[0].colour, community_palette()[0]);
    EXPECT_EQ(colouring.rows[1].colour, community_palette()[1]);
    EXPECT_GT(colouring.communities.modularity, 0.3);
    EXPECT_EQ(colouring.community_of(*graph.find_by_id("a2")), std::optional<std::size_t>(1));
    EXPECT_EQ(colouring.community_of(*graph.find_by_id("b5")), std::optional<std::size_t>(0));

    auto scene = actor_colouring(graph, colouring);
    ASSERT_EQ(scene.swatches.size(), 2u);
    EXPECT_EQ(scene.swatches[0].text, "5 actors, e.g. b1");
    EXPECT_EQ(*scene.fill_of(*graph.find_by_id("a1")), community_palette()[1]);
    EXPECT_EQ(*scene.fill_of(*graph.find_by_id("b3")), community_palette()[0]);
    EXPECT_EQ(community_text(graph, colouring, *graph.find_by_id("a3")), "2 of 2: 4 actors, e.g. a4");
    EXPECT_EQ(community_summary(colouring).rfind("2 communities (louvain, resolution 1), modularity 0.", 0), 0u)
        << community_summary(colouring);
}

TEST(CommunityView, CommunitiesBeyondThePaletteShareTheNeutralColourAndOneKeyLine)
{
    auto graph = pairs(14);
    auto colouring = colour_by_community(graph, nullptr, {}, {CommunityMethod::leiden, 1.0, 1});
    ASSERT_EQ(colouring.rows.size(), 14u);
    auto palette = community_palette();
    ASSERT_EQ(colouring.coloured(), palette.size());
    auto scene = actor_colouring(graph, colouring);
    ASSERT_EQ(scene.swatches.size(), palette.size() + 1);
    EXPECT_EQ(scene.swatches.back().colour, community_neutral_colour);
    EXPECT_EQ(scene.swatches.back().text, "3 smaller communities, 6 actors (one colour)");
    auto last = colouring.communities.groups.back().front();
    EXPECT_EQ(*scene.fill_of(last), community_neutral_colour);
    EXPECT_NE(community_text(graph, colouring, last).find("(neutral colour)"), std::string::npos);
    for (auto colour : palette) EXPECT_NE(std::string(colour), community_neutral_colour);
}

TEST(CommunityView, ActorsTheFilterDropsKeepTheirKindFill)
{
    auto graph = two_cliques();
    GraphFilter filter;
    filter.types = {"partnership"};
    auto colouring = colour_by_community(graph, nullptr, filter, {});
    auto b5 = *graph.find_by_id("b5");
    // b5 has only an investment: the filter keeps it as an isolated actor, or drops it; either way no kind fill is lost.
    auto scene = actor_colouring(graph, colouring);
    if (!colouring.community_of(b5)) {
        EXPECT_EQ(scene.fill_of(b5), nullptr);
        EXPECT_EQ(community_text(graph, colouring, b5), "(not in the view's graph)");
    }
    EXPECT_EQ(colouring.community_of(*graph.find_by_id("a1")), colouring.community_of(*graph.find_by_id("a4")));
    EXPECT_NE(colouring.community_of(*graph.find_by_id("a1")), colouring.community_of(*graph.find_by_id("b1")));
}

TEST(CommunityView, AFailureIsAnErrorNotAnException)
{
    auto graph = two_cliques();
    auto colouring = colour_by_community(graph, nullptr, {}, {CommunityMethod::louvain, -1.0, 1});
    EXPECT_FALSE(colouring.error.empty());
    EXPECT_TRUE(colouring.rows.empty());
    EXPECT_NE(community_summary(colouring).find("resolution must be positive"), std::string::npos) << community_summary(colouring);
}

TEST(CommunityView, StyledDotFillsEachActorByItsCommunityAndKeysTheColoursInTheLegend)
{
    auto graph = two_cliques();
    Scene scene;
    scene.visible = apply_filter(graph, {}, false);
    scene.colouring = actor_colouring(graph, colour_by_community(graph, nullptr, {}, {}));
    scene.legend = true;
    auto dot = styled_dot(graph, scene, Stylesheet::builtin());
    auto b1 = "a" + std::to_string(*graph.find_by_id("b1"));
    auto line = dot.substr(dot.find("  " + b1 + " ["), 400);
    EXPECT_NE(line.find("fillcolor=\"" + std::string(community_palette()[0]) + "\""), std::string::npos) << line;
    EXPECT_NE(dot.find("5 actors, e.g. b1"), std::string::npos);
    EXPECT_NE(dot.find("modularity 0."), std::string::npos);
    EXPECT_NE(dot.find("bgcolor=\"" + std::string(community_palette()[1]) + "\""), std::string::npos) << "the key's swatch";
}

TEST_F(QuickExplorerTest, ColourByCommunityFillsTheViewNamesItAndClearsBackToKinds)
{
    ASSERT_TRUE(explorer_->open(nato_file()));
    settle();
    EXPECT_EQ(explorer_->communities(), nullptr);
    run("communities louvain\n");
    settle();
    const auto* colouring = explorer_->communities();
    ASSERT_NE(colouring, nullptr) << explorer_->last_error();
    EXPECT_GE(colouring->rows.size(), 3u);
    EXPECT_TRUE(explorer_->composed().scene.colouring.has_value());
    EXPECT_NE(explorer_->messages().back().text.find("coloured by community: "), std::string::npos) << explorer_->messages().back().text;
    auto mongolia = actor("mongolia");
    EXPECT_EQ(community_text(*explorer_->graph(), *colouring, mongolia).find("of"), 2u);
    auto coarse = colouring->rows.size();

    run("communities leiden 3\n");
    settle();
    ASSERT_NE(explorer_->communities(), nullptr);
    EXPECT_EQ(explorer_->communities()->request.method, CommunityMethod::leiden);
    EXPECT_GT(explorer_->communities()->rows.size(), coarse) << "a higher resolution splits into more communities";

    run("communities off\n");
    settle();
    EXPECT_EQ(explorer_->communities(), nullptr);
    EXPECT_FALSE(explorer_->composed().scene.colouring.has_value());
}

TEST_F(QuickExplorerTest, CommunityScriptMistakesAreErrorsWithTheLine)
{
    ASSERT_TRUE(explorer_->open(nato_file()));
    settle();
    auto method = script_error("communities lovain\n");
    EXPECT_NE(method.find("session.txt:1: unknown community method 'lovain'. Did you mean 'louvain'?"), std::string::npos) << method;
    auto resolution = script_error("communities leiden -2\n");
    EXPECT_NE(resolution.find("session.txt:1:"), std::string::npos) << resolution;
    EXPECT_NE(resolution.find("resolution"), std::string::npos) << resolution;
    EXPECT_NE(script_error("communities leiden lots\n").find("expected a resolution"), std::string::npos);
    EXPECT_FALSE(explorer_->view().communities.has_value());
}

TEST_F(ExplorerTest, ExportOfAViewColouredByCommunityKeepsTheColoursAndItsKey)
{
    open_nato();
    ASSERT_TRUE(explorer_->set_communities(CommunityRequest{}));
    settle();
    ASSERT_NE(explorer_->communities(), nullptr);
    auto svg_file = config_ / "view.svg";
    ASSERT_TRUE(explorer_->export_view(svg_file)) << explorer_->last_error();
    std::ifstream in(svg_file);
    std::string svg((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_NE(svg.find("fill=\"" + std::string(community_palette()[0]) + "\""), std::string::npos);
    EXPECT_NE(svg.find("modularity"), std::string::npos) << "the legend keys the colours";
}

// On a copy of the bundled file (edits write a journal beside it), with the canned empty layout.
class CommunityCacheTest : public ExplorerOnACopyTest {
protected:
    void run(const std::string& script)
    {
        ScriptRunner runner(parse_script(script, "session.txt"));
        runner.run_to_end(*explorer_, layout_timeout);
    }
};

TEST_F(CommunityCacheTest, AViewChangeThatKeepsGraphFilterAndRequestReusesTheCommunities)
{
    EXPECT_EQ(explorer_->communities_computed(), 0u);
    ASSERT_TRUE(explorer_->set_communities(CommunityRequest{}));
    settle();
    ASSERT_NE(explorer_->communities(), nullptr) << explorer_->last_error();
    EXPECT_EQ(explorer_->communities_computed(), 1u);
    auto partition = explorer_->communities()->communities.of;

    // Focus, engine, sizing: new pictures, the same communities.
    explorer_->set_focus({actor("mongolia")}, 1);
    settle();
    run("layout neato\nsize-by betweenness\nunfocus\n");
    ASSERT_NE(explorer_->communities(), nullptr);
    EXPECT_EQ(explorer_->communities_computed(), 1u) << "not found again for a view that keeps the key";
    EXPECT_EQ(explorer_->communities()->communities.of, partition);
    EXPECT_TRUE(explorer_->composed().scene.colouring.has_value()) << "the reused colouring still fills the picture";

    // Another method, then back: the first is still held.
    run("communities leiden\n");
    EXPECT_EQ(explorer_->communities_computed(), 2u);
    run("communities louvain\n");
    EXPECT_EQ(explorer_->communities_computed(), 2u);
    EXPECT_EQ(explorer_->communities()->communities.of, partition);

    // Another filter is another graph to partition.
    GraphFilter investments;
    investments.types = {"investment"};
    explorer_->set_filter(investments);
    settle();
    EXPECT_EQ(explorer_->communities_computed(), 3u);
    explorer_->reset_filters();
    settle();
    EXPECT_EQ(explorer_->communities_computed(), 3u) << "the unfiltered graph's communities are still held";
}

TEST_F(CommunityCacheTest, AnEditFindsTheCommunitiesAgain)
{
    ASSERT_TRUE(explorer_->set_communities(CommunityRequest{}));
    settle();
    ASSERT_EQ(explorer_->communities_computed(), 1u);
    auto actors = explorer_->communities()->communities.of.size();
    run("add-actor erdenes kind=company\nadd-relation erdenes mongolia type=investment \"source=annual report\"\n");
    ASSERT_NE(explorer_->communities(), nullptr) << explorer_->last_error();
    EXPECT_GE(explorer_->communities_computed(), 2u);
    auto erdenes = actor("erdenes");
    EXPECT_EQ(explorer_->communities()->communities.of.size(), actors + 1);
    EXPECT_EQ(explorer_->communities()->community_of(erdenes), explorer_->communities()->community_of(actor("mongolia")))
        << "the new actor, related only to Mongolia, joins Mongolia's community";
}

TEST_F(QuickExplorerTest, TheCommunityFieldsShowWhatAScriptAskedFor)
{
    ASSERT_TRUE(explorer_->open(nato_file()));
    settle();
    EXPECT_EQ(explorer_->community_choice(), CommunityRequest{}) << "louvain at resolution 1 before anything is asked";
    run("communities leiden 2.5\n");
    EXPECT_EQ(explorer_->community_choice().method, CommunityMethod::leiden);
    EXPECT_DOUBLE_EQ(explorer_->community_choice().resolution, 2.5);
    run("communities off\n");
    EXPECT_EQ(explorer_->community_choice().method, CommunityMethod::leiden) << "off keeps the fields for the next Detect";
    EXPECT_DOUBLE_EQ(explorer_->community_choice().resolution, 2.5);

    // What the panel does: edits the choice, then Detect asks for it.
    explorer_->community_choice().resolution = 0.5;
    ASSERT_TRUE(explorer_->set_communities(explorer_->community_choice()));
    settle();
    ASSERT_TRUE(explorer_->view().communities.has_value());
    EXPECT_DOUBLE_EQ(explorer_->view().communities->resolution, 0.5);
    EXPECT_EQ(explorer_->view().communities->method, CommunityMethod::leiden);
    // A refused request leaves the fields as they were asked last.
    EXPECT_FALSE(explorer_->set_communities(CommunityRequest{CommunityMethod::louvain, -1, 1}));
    EXPECT_DOUBLE_EQ(explorer_->community_choice().resolution, 0.5);
}

}  // namespace
}  // namespace actorgraph::testing
