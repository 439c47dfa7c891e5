#include "actorgraph/app/explorer.hpp"

#include <algorithm>
#include <fstream>
#include <thread>

#include "actorgraph/app/inspector.hpp"
#include "actorgraph/io/file_io.hpp"
#include "actorgraph/query/metrics.hpp"
#include "actorgraph/query/query_cache.hpp"
#include "actorgraph/render/stylesheet.hpp"
#include "explorer_fixture.hpp"

namespace actorgraph::testing {
namespace {

// Polls until the explorer works on the stage (true), or is idle without having reached it.
bool reached_stage(Explorer& explorer, WorkStatus::Stage stage)
{
    for (;;) {
        explorer.poll();
        auto now = explorer.work_status().stage;
        if (now == stage) return true;
        if (now == WorkStatus::Stage::idle) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
}

std::size_t drawn(const Drawing& drawing, ElementKind kind)
{
    return static_cast<std::size_t>(std::count_if(drawing.elements.begin(), drawing.elements.end(),
                                                  [&](const Element& element) { return element.kind == kind; }));
}

TEST_F(ExplorerTest, OpensTheNatoGraphAndLaysItOut)
{
    open_nato();
    EXPECT_EQ(explorer_->graph()->actor_count(), 91u);
    EXPECT_EQ(explorer_->graph()->relation_count(), 219u);
    const auto& drawing = *explorer_->drawing();
    EXPECT_EQ(drawn(drawing, ElementKind::actor), 91u);
    EXPECT_GT(drawn(drawing, ElementKind::relation), 200u);
    auto status = explorer_->layout_status();
    EXPECT_FALSE(status.running);
    EXPECT_EQ(status.engine, LayoutEngine::fdp) << "the automatic engine for 91 actors";
    EXPECT_GT(status.seconds, 0.0);
    EXPECT_TRUE(status.error.empty());
}

// The explorer ranks what `actorgraph rank` ranks under the same filter: actors a type filter left
// without relations included (Cli.PageRankUnderATypeFilterRanksEveryActorTheFilterKeeps).
TEST_F(ExplorerTest, RankingUnderATypeFilterListsWhatTheCliLists)
{
    open_nato();
    GraphFilter filter;
    filter.types = {"pressure"};
    explorer_->set_filter(filter);
    auto shown = explorer_->rank(Metric::pagerank);
    QueryCache cache(*explorer_->graph());
    auto cli = rank_actors_result(cache, Metric::pagerank, MetricOptions{filter}, 0).actors;
    ASSERT_EQ(shown.size(), 91u);
    ASSERT_EQ(cli.size(), shown.size());
    for (std::size_t i = 0; i < shown.size(); ++i) {
        EXPECT_EQ(shown[i].actor, cli[i].actor);
        EXPECT_DOUBLE_EQ(shown[i].score, cli[i].score);
    }
}

TEST_F(ExplorerTest, FitsThePictureIntoTheViewport)
{
    explorer_->camera().set_viewport({{100, 50}, {1100, 850}});
    open_nato();
    const auto& bounds = explorer_->drawing()->bounds;
    auto top_left = explorer_->camera().to_screen(bounds.min);
    auto bottom_right = explorer_->camera().to_screen(bounds.max);
    EXPECT_GE(top_left.x, 99.0f);
    EXPECT_GE(top_left.y, 49.0f);
    EXPECT_LE(bottom_right.x, 1101.0f);
    EXPECT_LE(bottom_right.y, 851.0f);
    // One of the two directions fills the viewport up to the margins.
    bool fills_width = bottom_right.x - top_left.x > 900;
    bool fills_height = bottom_right.y - top_left.y > 700;
    EXPECT_TRUE(fills_width || fills_height);
}

TEST_F(ExplorerTest, SelectingMongoliaShowsInvestmentsAndPressureWithSources)
{
    open_nato();
    auto mongolia = explorer_->search("mongol", 5);
    ASSERT_FALSE(mongolia.empty());
    EXPECT_EQ(explorer_->graph()->actor(mongolia.front()).id, "mongolia");
    explorer_->go_to_actor(mongolia.front());
    ASSERT_EQ(explorer_->selection().size(), 1u);

    auto details = describe_actor(*explorer_->graph(), explorer_->selection().front());
    auto group = [&](std::string_view type) {
        auto it = std::find_if(details.groups.begin(), details.groups.end(), [&](const auto& g) { return g.type == type; });
        return it == details.groups.end() ? nullptr : &*it;
    };
    ASSERT_NE(group("investment"), nullptr);
    ASSERT_NE(group("pressure"), nullptr);
    bool russia_invests = false;
    for (const auto& line : group("investment")->lines) {
        EXPECT_FALSE(line.source.empty()) << "every relation in the NATO file carries its source";
        if (!line.outgoing && line.other == actor("russia") && line.amount == "US$ 250,000,000") russia_invests = true;
    }
    EXPECT_TRUE(russia_invests);
    bool russia_pressures = std::any_of(group("pressure")->lines.begin(), group("pressure")->lines.end(),
                                        [&](const auto& line) { return !line.outgoing && line.other == actor("russia"); });
    EXPECT_TRUE(russia_pressures);
}

TEST_F(ExplorerTest, ClickAndHoverHitActorsAndShiftClickAdds)
{
    open_nato();
    const auto* mongolia = explorer_->drawing()->find_actor(actor("mongolia"));
    const auto* china = explorer_->drawing()->find_actor(actor("china"));
    ASSERT_NE(mongolia, nullptr);
    ASSERT_NE(china, nullptr);
    auto centre = [](const Element& e) { return Point{(e.bounds.min.x + e.bounds.max.x) / 2, (e.bounds.min.y + e.bounds.max.y) / 2}; };

    explorer_->hover(centre(*mongolia));
    ASSERT_TRUE(explorer_->hovered());
    EXPECT_EQ(*explorer_->hovered(), (HoverTarget{ElementKind::actor, actor("mongolia")}));
    explorer_->click(centre(*mongolia), false);
    explorer_->click(centre(*china), true);
    EXPECT_EQ(explorer_->selection(), (std::vector<ActorIndex>{actor("mongolia"), actor("china")}));
    explorer_->click(centre(*china), true);
    EXPECT_EQ(explorer_->selection(), (std::vector<ActorIndex>{actor("mongolia")}));
    explorer_->click({-1000, -1000}, false);
    EXPECT_TRUE(explorer_->selection().empty());
}

TEST_F(ExplorerTest, YearFilterShowsOnlyRelationsOf2010To2015)
{
    open_nato();
    auto years = explorer_->years_present();
    ASSERT_TRUE(years);
    EXPECT_LE(years->first, 2010);
    EXPECT_GE(years->second, 2015);
    GraphFilter filter;
    filter.year_from = 2010;
    filter.year_to = 2015;
    explorer_->set_filter(filter);
    settle();
    const auto& visible = explorer_->composed().scene.visible;
    EXPECT_LT(visible.relations.size(), 219u);
    EXPECT_GT(visible.relations.size(), 0u);
    for (auto relation : visible.relations) {
        auto span = year_span(explorer_->graph()->relation(relation).properties);
        if (span) {
            EXPECT_TRUE(span->overlaps(2010, 2015));
        }
    }
    EXPECT_EQ(drawn(*explorer_->drawing(), ElementKind::relation), visible.relations.size());
}

TEST_F(ExplorerTest, PropertyFilterRejectsBadSyntaxAndKeepsTheView)
{
    open_nato();
    EXPECT_TRUE(explorer_->set_property_filter("amount_usd>=1000000"));
    settle();
    EXPECT_EQ(explorer_->view().filter.relation_conditions.size(), 1u);
    for (auto relation : explorer_->composed().scene.visible.relations) {
        auto amount = parse_number(property_or_empty(explorer_->graph()->relation(relation).properties, "amount_usd"));
        ASSERT_TRUE(amount);
        EXPECT_GE(*amount, 1000000.0);
    }
    auto errors = explorer_->error_count();
    EXPECT_FALSE(explorer_->set_property_filter("amount_usd>="));
    EXPECT_EQ(explorer_->error_count(), errors + 1);
    EXPECT_EQ(explorer_->view().filter.relation_conditions.size(), 1u);
}

TEST_F(ExplorerTest, PathQueryRussiaToNatoHighlightsThePaths)
{
    open_nato();
    PathOptions options;
    options.k = 3;
    options.direction = Direction::any;
    ASSERT_TRUE(explorer_->run_path_query(actor("russia"), actor("nato"), options));
    settle();
    ASSERT_FALSE(explorer_->paths().empty());
    const auto& scene = explorer_->composed().scene;
    for (const auto& path : explorer_->paths()) {
        EXPECT_EQ(path.actors.front(), actor("russia"));
        EXPECT_EQ(path.actors.back(), actor("nato"));
        for (auto relation : path.relations) EXPECT_TRUE(scene.highlighted.contains_relation(relation));
    }
    explorer_->set_highlighted_path(0);
    settle();
    const auto& first = explorer_->paths().front();
    EXPECT_EQ(explorer_->composed().scene.highlighted.relations.size(),
              std::set<RelationIndex>(first.relations.begin(), first.relations.end()).size());

    // The highlight reaches the picture: the path's relations are drawn in the highlight colour.
    auto highlight = parse_color(Stylesheet::builtin().highlight_color);
    const auto* element = explorer_->drawing()->find_relation(first.relations.front());
    ASSERT_NE(element, nullptr);
    bool coloured = std::any_of(element->shapes.begin(), element->shapes.end(),
                                [&](const Shape& shape) { return shape.pen == highlight; });
    EXPECT_TRUE(coloured);
}

TEST_F(ExplorerTest, SwitchingToNeatoDeliversANewDrawing)
{
    open_nato();
    auto before = explorer_->drawing_generation();
    explorer_->set_engine(LayoutEngine::neato);
    EXPECT_TRUE(explorer_->busy());
    EXPECT_NE(explorer_->drawing(), nullptr) << "the previous picture stays while the view is prepared and laid out";
    settle();
    EXPECT_GT(explorer_->drawing_generation(), before);
    EXPECT_EQ(explorer_->layout_status().engine, LayoutEngine::neato);
    EXPECT_EQ(drawn(*explorer_->drawing(), ElementKind::actor), 91u);
}

TEST_F(ExplorerTest, CancellingALayoutKeepsThePreviousPicture)
{
    open_nato();
    auto before = explorer_->drawing_generation();
    explorer_->set_engine(LayoutEngine::fdp);
    ASSERT_TRUE(reached_stage(*explorer_, WorkStatus::Stage::laying_out));
    explorer_->cancel_work();
    EXPECT_FALSE(explorer_->layout_status().running);
    ASSERT_TRUE(explorer_->wait_until_idle(std::chrono::seconds(5)));
    EXPECT_EQ(explorer_->drawing_generation(), before);
    EXPECT_NE(explorer_->drawing(), nullptr);
    EXPECT_TRUE(explorer_->last_error().empty());
}

TEST_F(ExplorerTest, ABrokenFileKeepsTheOpenGraphAndNamesFileAndLine)
{
    open_nato();
    const auto* before = explorer_->graph();
    auto broken = test_data("dot/syntax_error.gv");
    EXPECT_TRUE(explorer_->open(broken)) << "the load starts; its failure arrives later";
    settle();
    EXPECT_EQ(explorer_->graph(), before);
    EXPECT_EQ(explorer_->file(), nato_file());
    EXPECT_NE(explorer_->drawing(), nullptr);
    auto message = explorer_->last_error();
    EXPECT_NE(message.find("syntax_error.gv:"), std::string::npos) << message;
    EXPECT_TRUE(std::any_of(message.begin(), message.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
        << message;
}

// The same bytes as the CLI means: Graphviz gets the same scene, engine and format from both. The
// stand-in "Graphviz" writes back its arguments and input, because the real fdp is not byte-for-byte
// repeatable (2.43 places small components differently in about 3 of 100 runs of the same text).
TEST_F(ExplorerTest, ExportHandsGraphvizWhatTheCliPathHandsIt)
{
    open_nato();
    explorer_->set_filter([] {
        GraphFilter filter;
        filter.year_from = 2010;
        filter.year_to = 2015;
        return filter;
    }());
    PathOptions options;
    options.direction = Direction::any;
    ASSERT_TRUE(explorer_->run_path_query(actor("russia"), actor("nato"), options));
    settle();  // the view's own layout ran with the real Graphviz
    testing::StandInDot echoing("echo_dot", "echo \"$@\"; cat");
    auto output = config_ / "view.svg";
    ASSERT_TRUE(explorer_->export_view(output)) << explorer_->last_error();

    // What `actorgraph export FILE --from-year 2010 --to-year 2015 --path russia nato --direction any
    // --size-by degree` does (the explorer sizes actors by degree unless told otherwise).
    ViewSpec spec;
    spec.size_by = Metric::degree;
    spec.filter.year_from = 2010;
    spec.filter.year_to = 2015;
    spec.path = PathRequest{actor("russia"), actor("nato"), options};
    spec.highlighted_path = SIZE_MAX;
    auto view = compose_view(*explorer_->graph(), spec);
    view.scene.engine = LayoutEngine::fdp;  // --layout auto for 91 actors
    auto expected = render_dot_text_isolated(styled_dot(*explorer_->graph(), view.scene, Stylesheet::builtin()),
                                             LayoutEngine::fdp, OutputFormat::svg, RenderControl{});
    EXPECT_TRUE(expected.starts_with("-Kfdp -Tsvg\n")) << expected.substr(0, 100);
    EXPECT_NE(expected.find("#e8590c"), std::string::npos) << "the path is drawn in its colour";
    EXPECT_EQ(read_file(output), expected);
}

TEST_F(ExplorerTest, BackgroundExportReportsWhenDone)
{
    open_nato();
    auto output = config_ / "view.dot";
    explorer_->start_export(output);
    EXPECT_TRUE(explorer_->export_status().running);
    for (int i = 0; i < 9000 && explorer_->export_status().running; ++i) {
        explorer_->poll();
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    EXPECT_FALSE(explorer_->export_status().running);
    EXPECT_EQ(explorer_->export_status().outcome, ExportOutcome::written) << explorer_->export_status().result;
    EXPECT_TRUE(explorer_->export_status().result.starts_with("wrote ")) << explorer_->export_status().result;
    EXPECT_NE(read_file(output).find("digraph"), std::string::npos);
}

TEST_F(ExplorerTest, AnExportCanAddALegendAndATitleToThePictureOnScreen)
{
    open_nato();
    auto output = config_ / "legend.svg";
    explorer_->start_export(output, std::nullopt, ExportExtras{true, "NATO & Mongolia"});
    for (int i = 0; i < 9000 && explorer_->export_status().running; ++i) {
        explorer_->poll();
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    ASSERT_EQ(explorer_->export_status().outcome, ExportOutcome::written) << explorer_->export_status().result;
    auto svg = read_file(output);
    EXPECT_NE(svg.find("NATO &amp; Mongolia"), std::string::npos);
    EXPECT_NE(svg.find("state (ellipse)"), std::string::npos);
    EXPECT_NE(svg.find("partnership (dashed, diamond)"), std::string::npos);
    EXPECT_FALSE(explorer_->composed().scene.legend) << "the canvas itself stays without a legend";
}

TEST_F(ExplorerTest, AnExportThatCannotStartReportsAFailureWithTheReason)
{
    open_nato();
    explorer_->start_export(config_ / "view.xyz");
    auto status = explorer_->export_status();
    EXPECT_FALSE(status.running);
    EXPECT_EQ(status.outcome, ExportOutcome::failed);
    EXPECT_NE(status.result.find("xyz"), std::string::npos) << status.result;
}

TEST_F(ExplorerTest, FocusShowsTheNeighbourhoodOnly)
{
    open_nato();
    explorer_->set_focus({actor("mongolia")}, 1);
    settle();
    const auto& visible = explorer_->composed().scene.visible;
    EXPECT_TRUE(visible.contains_actor(actor("mongolia")));
    EXPECT_TRUE(visible.contains_actor(actor("russia")));
    EXPECT_LT(visible.actors.size(), 91u);
}

TEST_F(ExplorerTest, RankAndSizeByMetric)
{
    open_nato();
    auto ranked = explorer_->rank(Metric::degree);
    ASSERT_EQ(ranked.size(), 91u);
    EXPECT_GE(ranked.front().score, ranked.back().score);
    explorer_->set_size_by(Metric::pagerank);
    settle();
    EXPECT_EQ(explorer_->composed().scene.actor_scale.size(), 91u);
}

TEST_F(ExplorerTest, RecentFilesArePersisted)
{
    open_nato();
    EXPECT_TRUE(explorer_->open(test_data("dot/syntax_error.gv")));
    settle();
    Explorer again(ExplorerOptions{config_});
    ASSERT_EQ(again.recent_files().files().size(), 1u);
    EXPECT_EQ(again.recent_files().files().front(), nato_file().lexically_normal());
}

}  // namespace
}  // namespace actorgraph::testing
