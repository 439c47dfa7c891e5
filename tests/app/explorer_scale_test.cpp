// The explorer on a graph too big to lay out whole: loading and composing in the background,
// the overview, capped focus, paths only, and search pulling actors into view.
#include <algorithm>
#include <thread>

#include "actorgraph/app/explorer.hpp"
#include "actorgraph/generate/synthetic_graph.hpp"
#include "actorgraph/io/file_format.hpp"
#include "explorer_fixture.hpp"

namespace actorgraph::testing {
namespace {

// A folder of Neo4j CSV with 20,000 actors and about 80,000 relations, written once per run.
const std::filesystem::path& big_file()
{
    static const auto folder = [] {
        auto path = scratch_dir("explorer-scale-graph") / "big20k";
        save_graph(generate_synthetic_graph({20000, 4.0, 11}), path, FileFormat::csv);
        return path;
    }();
    return folder;
}

class ExplorerScaleTest : public ExplorerTest {
protected:
    void open_big()
    {
        ASSERT_TRUE(explorer_->open(big_file())) << explorer_->last_error();
        settle();
        ASSERT_EQ(explorer_->file(), big_file()) << explorer_->last_error();
    }

    [[nodiscard]] ActorIndex biggest_hub() const
    {
        const auto& graph = *explorer_->graph();
        ActorIndex best = 0;
        for (ActorIndex actor = 0; actor < graph.actor_count(); ++actor) {
            auto degree = [&](ActorIndex a) { return graph.out_relations(a).size() + graph.in_relations(a).size(); };
            if (degree(actor) > degree(best)) best = actor;
        }
        return best;
    }
};

TEST_F(ExplorerScaleTest, OpeningReturnsAtOnceAndTheOldGraphStaysUntilTheNewOneIsLoaded)
{
    open_nato();
    const auto* nato = explorer_->graph();
    ASSERT_TRUE(explorer_->open(big_file()));
    // Nothing is swapped in before poll() collects the finished load, however fast it is.
    EXPECT_EQ(explorer_->graph(), nato);
    EXPECT_EQ(explorer_->file(), nato_file());
    EXPECT_NE(explorer_->drawing(), nullptr) << "the old picture stays while the file loads";
    auto status = explorer_->work_status();
    EXPECT_EQ(status.stage, WorkStatus::Stage::loading);
    EXPECT_EQ(status.text, "loading big20k");
    settle();
    EXPECT_EQ(explorer_->graph()->actor_count(), 20000u);
}

TEST_F(ExplorerScaleTest, CancellingALoadKeepsTheOpenGraph)
{
    open_nato();
    const auto* nato = explorer_->graph();
    auto generation = explorer_->drawing_generation();
    ASSERT_TRUE(explorer_->open(big_file()));
    explorer_->cancel_work();
    EXPECT_FALSE(explorer_->busy());
    settle();
    EXPECT_EQ(explorer_->graph(), nato);
    EXPECT_EQ(explorer_->file(), nato_file());
    EXPECT_EQ(explorer_->drawing_generation(), generation);
    EXPECT_TRUE(explorer_->last_error().empty()) << explorer_->last_error();
    EXPECT_NE(explorer_->messages().back().text.find("cancelled"), std::string::npos);
}

TEST_F(ExplorerScaleTest, AViewIsComposedInTheBackgroundAndCancellingItKeepsTheViewShown)
{
    open_nato();
    auto shown = explorer_->composed().scene.visible.actors;
    explorer_->set_focus({actor("mongolia")}, 1);
    EXPECT_EQ(explorer_->work_status().stage, WorkStatus::Stage::composing);
    EXPECT_EQ(explorer_->composed().scene.visible.actors, shown) << "nothing changes before poll()";
    explorer_->cancel_work();
    EXPECT_TRUE(explorer_->view().focus.empty()) << "the view returns to the one shown";
    settle();
    EXPECT_EQ(explorer_->composed().scene.visible.actors, shown);
}

TEST_F(ExplorerScaleTest, ABigFileOpensAsAnOverviewThatSaysWhatItShows)
{
    open_big();
    const auto& composed = explorer_->composed();
    EXPECT_EQ(composed.reduction.kind, ViewReduction::Kind::overview);
    EXPECT_EQ(composed.scene.visible.actors.size(), 200u);
    EXPECT_EQ(composed.reduction.text,
              "overview: top 200 of 20,000 actors by degree \u2014 search, paths or focus pull more into view");
    ASSERT_NE(explorer_->drawing(), nullptr) << explorer_->layout_status().error;
    EXPECT_NE(explorer_->layout_status().engine, LayoutEngine::dot) << "200 hubs are too dense for dot";
    auto logged = std::any_of(explorer_->messages().begin(), explorer_->messages().end(),
                              [&](const ExplorerMessage& m) { return m.text == composed.reduction.text; });
    EXPECT_TRUE(logged);
}

TEST_F(ExplorerScaleTest, FocusOnAHubShowsACappedNeighbourhood)
{
    open_big();
    auto hub = biggest_hub();
    explorer_->set_focus({hub}, 1);
    settle();
    const auto& composed = explorer_->composed();
    EXPECT_EQ(composed.reduction.kind, ViewReduction::Kind::capped_focus);
    EXPECT_EQ(composed.scene.visible.actors.size(), ViewLimits{}.max_neighbours + 1);
    EXPECT_TRUE(composed.scene.visible.contains_actor(hub));
    EXPECT_NE(composed.reduction.text.find("left out"), std::string::npos);
    EXPECT_NE(find_actor(*explorer_->drawing(), *explorer_->drawing_index(), hub), nullptr);
}

TEST_F(ExplorerScaleTest, MoreNeighboursAddsTheNextPageToACappedFocus)
{
    open_big();
    auto hub = biggest_hub();
    explorer_->set_focus({hub}, 1);
    settle();
    auto first = explorer_->composed().scene.visible.actors;
    auto found = explorer_->composed().reduction.of;
    ASSERT_GT(found, ViewLimits{}.max_neighbours) << "the hub has more neighbours than one page";
    ASSERT_TRUE(explorer_->can_show_more_neighbours());
    EXPECT_NE(explorer_->composed().reduction.text.find("More neighbours adds"), std::string::npos);
    explorer_->show_more_neighbours();
    settle();
    const auto& composed = explorer_->composed();
    auto shown = std::min(found, 2 * ViewLimits{}.max_neighbours);
    EXPECT_EQ(composed.scene.visible.actors.size(), shown + 1);
    EXPECT_TRUE(std::includes(composed.scene.visible.actors.begin(), composed.scene.visible.actors.end(), first.begin(),
                              first.end()))
        << "the first page stays in view";
    explorer_->set_focus({hub}, 1);
    settle();
    EXPECT_EQ(explorer_->composed().scene.visible.actors, first) << "a new focus starts at the first page again";
}

TEST_F(ExplorerScaleTest, BetweennessOfABigGraphIsSampledAndTheRankingSaysSo)
{
    open_big();
    explorer_->request_ranking(Metric::betweenness);
    for (int i = 0; i < 6000 && explorer_->ranking().running; ++i) {
        explorer_->poll();
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    const auto& ranking = explorer_->ranking();
    ASSERT_FALSE(ranking.running);
    EXPECT_TRUE(ranking.sampled);
    EXPECT_EQ(ranking.samples, MetricOptions{}.betweenness_samples);
    EXPECT_GT(ranking.rows.front().score, 0);
}

TEST_F(ExplorerScaleTest, APathQueryOnABigGraphShowsJustItsPaths)
{
    open_big();
    PathOptions options;
    options.direction = Direction::any;
    options.k = 2;
    ASSERT_TRUE(explorer_->run_path_query(3, 19000, options));
    settle();
    ASSERT_FALSE(explorer_->paths().empty());
    const auto& composed = explorer_->composed();
    EXPECT_EQ(composed.reduction.kind, ViewReduction::Kind::paths_only);
    EXPECT_EQ(composed.scene.visible.actors, selection_of(explorer_->paths()).actors);
    EXPECT_NE(explorer_->messages().back().text.find("path(s)"), std::string::npos) << explorer_->messages().back().text;
}

TEST_F(ExplorerScaleTest, GoingToAnActorOutsideTheOverviewPullsItIntoViewAndCentresIt)
{
    open_big();
    ActorIndex outside = 0;
    while (explorer_->composed().scene.visible.contains_actor(outside)) ++outside;
    explorer_->go_to_actor(outside);
    settle();
    EXPECT_EQ(explorer_->view().focus, (std::vector<ActorIndex>{outside}));
    EXPECT_EQ(explorer_->selection(), (std::vector<ActorIndex>{outside}));
    const auto* element = find_actor(*explorer_->drawing(), *explorer_->drawing_index(), outside);
    ASSERT_NE(element, nullptr);
    auto centre = explorer_->camera().to_screen({(element->bounds.min.x + element->bounds.max.x) / 2,
                                                 (element->bounds.min.y + element->bounds.max.y) / 2});
    const auto& viewport = explorer_->camera().viewport();
    EXPECT_NEAR(centre.x, (viewport.min.x + viewport.max.x) / 2, 1.0f);
    EXPECT_NEAR(centre.y, (viewport.min.y + viewport.max.y) / 2, 1.0f);
}

TEST_F(ExplorerScaleTest, RankingRunsInTheBackgroundAndKeepsTheTopRows)
{
    open_big();
    explorer_->request_ranking(Metric::degree);
    EXPECT_TRUE(explorer_->ranking().running);
    for (int i = 0; i < 6000 && explorer_->ranking().running; ++i) {
        explorer_->poll();
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    const auto& ranking = explorer_->ranking();
    ASSERT_FALSE(ranking.running);
    EXPECT_EQ(ranking.rows.size(), Explorer::ranking_rows);
    EXPECT_EQ(ranking.of, 20000u);
    EXPECT_GE(ranking.rows.front().score, ranking.rows.back().score);
}

TEST_F(ExplorerScaleTest, SearchingRunsInTheBackgroundAndTheLatestTextWins)
{
    open_big();
    explorer_->request_search("company 1234", 5);
    explorer_->request_search("official 77", 5);
    EXPECT_TRUE(explorer_->search_matches().running);
    EXPECT_EQ(explorer_->search_matches().text, "official 77");
    for (int i = 0; i < 6000 && explorer_->search_matches().running; ++i) {
        explorer_->poll();
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    const auto& found = explorer_->search_matches();
    ASSERT_FALSE(found.running);
    EXPECT_EQ(found.text, "official 77");
    EXPECT_EQ(found.actors, explorer_->search("official 77", 5));
    EXPECT_EQ(found.generation, 1u) << "the replaced search never reports";
}

}  // namespace
}  // namespace actorgraph::testing
