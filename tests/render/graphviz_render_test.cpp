#include "actorgraph/render/graphviz_render.hpp"

#include <gtest/gtest.h>
#include <pugixml.hpp>

#include <chrono>
#include <cstdlib>
#include <thread>

#include "query/query_fixture.hpp"
#include "render/scene_fixture.hpp"

namespace actorgraph {
namespace {

Scene whole(const Graph& graph, LayoutEngine engine = LayoutEngine::dot)
{
    return testing::whole_scene(graph, engine);
}

TEST(GraphvizRender, SvgIsWellFormedAndCarriesSourcesAsTooltipsAndLinks)
{
    auto graph = testing::influence_graph();
    auto svg = render_scene(graph, whole(graph), OutputFormat::svg);
    pugi::xml_document document;
    ASSERT_TRUE(document.load_string(svg.c_str())) << "SVG is not well-formed XML";
    EXPECT_NE(svg.find("xlink:title=\"Borduria → Atlantis: pressure 2011&#10;Source: Report p. 4: &quot;Borduria cut fuel supplies&quot;\""),
              std::string::npos);
    EXPECT_NE(svg.find("xlink:href=\"https://example.org/loan\""), std::string::npos);
    EXPECT_NE(svg.find("Ана Петрова"), std::string::npos);
    EXPECT_NE(svg.find("<g id=\"a0\" class=\"node\">"), std::string::npos);
}

TEST(GraphvizRender, HostileLabelsStayInertInSvg)
{
    Graph graph;
    graph.add_actor({"x", "<script>alert(1)</script>", "state", {}, {}, {}});
    graph.add_actor({"y", "]]> & \" ' \\N", "state", {}, {}, {}});
    graph.add_relation({0, 1, "pressure", {{"source", "<img src=x onerror=alert(1)>"}}, {}});
    auto svg = render_scene(graph, whole(graph), OutputFormat::svg);
    pugi::xml_document document;
    ASSERT_TRUE(document.load_string(svg.c_str()));
    EXPECT_EQ(svg.find("<script"), std::string::npos);
    EXPECT_EQ(svg.find("<img"), std::string::npos);
    EXPECT_NE(svg.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
}

TEST(GraphvizRender, SameInputGivesByteIdenticalOutput)
{
    auto graph = testing::influence_graph();
    for (auto engine : {LayoutEngine::dot, LayoutEngine::neato, LayoutEngine::sfdp}) {
        auto scene = whole(graph, engine);
        EXPECT_EQ(render_scene(graph, scene, OutputFormat::svg), render_scene(graph, scene, OutputFormat::svg))
            << layout_engine_name(engine);
        EXPECT_EQ(render_scene(graph, scene, OutputFormat::dot), render_scene(graph, scene, OutputFormat::dot));
    }
}

TEST(GraphvizRender, EveryEngineAndFormatProducesOutput)
{
    auto graph = testing::influence_graph();
    for (auto engine : all_layout_engines) {
        auto dot = render_scene(graph, whole(graph, engine), OutputFormat::dot);
        EXPECT_NE(dot.find("pos="), std::string::npos) << layout_engine_name(engine);
    }
    auto png = render_scene(graph, whole(graph), OutputFormat::png);
    ASSERT_GT(png.size(), 8u);
    EXPECT_EQ(png.substr(1, 3), "PNG");
    auto pdf = render_scene(graph, whole(graph), OutputFormat::pdf);
    EXPECT_EQ(pdf.substr(0, 5), "%PDF-");
}

TEST(GraphvizRender, IsolatedRenderMatchesInProcessRender)
{
    auto graph = testing::influence_graph();
    auto text = styled_dot(graph, whole(graph), Stylesheet::builtin());
    EXPECT_EQ(render_dot_text_isolated(text, LayoutEngine::dot, OutputFormat::svg, {}),
              render_dot_text(text, LayoutEngine::dot, OutputFormat::svg));
}

// Cairo stamps each PDF with the time it was made; the stamp must not make two exports of one view differ.
TEST(GraphvizRender, PdfExportsAreTheSameBytesEveryTimeAndCarrySourceDateEpoch)
{
    auto graph = testing::influence_graph();
    auto text = styled_dot(graph, whole(graph), Stylesheet::builtin());
    ::unsetenv("SOURCE_DATE_EPOCH");
    auto in_process = render_dot_text(text, LayoutEngine::dot, OutputFormat::pdf);
    EXPECT_NE(in_process.find("/CreationDate (D:19700101000000Z)"), std::string::npos);
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));  // past a change of the clock's second
    EXPECT_EQ(render_dot_text_isolated(text, LayoutEngine::dot, OutputFormat::pdf, {}), in_process)
        << "the CLI's and the window's exports are the same bytes";
    ::setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
    auto dated = render_dot_text(text, LayoutEngine::dot, OutputFormat::pdf);
    ::unsetenv("SOURCE_DATE_EPOCH");
    EXPECT_NE(dated.find("/CreationDate (D:20231114221320Z)"), std::string::npos);
    EXPECT_EQ(dated.size(), in_process.size()) << "the stamp keeps its length, so the PDF's offsets hold";
}

TEST(GraphvizRender, GraphvizErrorsBecomeErrorsNotStderr)
{
    EXPECT_THROW((void)render_dot_text("digraph { a -> }", LayoutEngine::dot, OutputFormat::svg), Error);
    EXPECT_THROW((void)render_dot_text_isolated("digraph { a -> }", LayoutEngine::dot, OutputFormat::svg, {}), Error);
}

// A graph big enough that dot's default settings need far more than the budget.
std::string slow_dot_text()
{
    std::string text = "digraph { ";
    for (int i = 0; i < 1500; ++i) {
        text += "n" + std::to_string(i) + " -> n" + std::to_string((i * 7919 + 13) % 1500) + "; ";
        text += "n" + std::to_string(i) + " -> n" + std::to_string((i * 104729 + 7) % 1500) + "; ";
    }
    return text + "}";
}

TEST(GraphvizRender, LayoutOverBudgetIsStopped)
{
    RenderControl control;
    control.budget = std::chrono::milliseconds(300);
    auto started = std::chrono::steady_clock::now();
    try {
        (void)render_dot_text_isolated(slow_dot_text(), LayoutEngine::dot, OutputFormat::xdot, control);
        FAIL() << "expected the budget to stop the layout";
    } catch (const Error& error) {
        EXPECT_NE(std::string(error.what()).find("budget"), std::string::npos);
    }
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(10));
}

TEST(GraphvizRender, CancelStopsALayoutAtOnce)
{
    std::atomic<bool> cancelled{false};
    RenderControl control;
    control.cancelled = &cancelled;
    std::thread canceller([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        cancelled = true;
    });
    auto started = std::chrono::steady_clock::now();
    EXPECT_THROW((void)render_dot_text_isolated(slow_dot_text(), LayoutEngine::dot, OutputFormat::xdot, control), Error);
    canceller.join();
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(10));
}

}  // namespace
}  // namespace actorgraph
