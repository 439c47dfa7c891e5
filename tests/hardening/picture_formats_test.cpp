// Every picture format comes out readable whatever the labels, titles, kinds, types and sources
// hold: SVG parses as XML (links included), the laid-out DOT and xdot read back through Graphviz
// and through us, and the explorer builds its drawing from the xdot with every actor's text.
#include <gtest/gtest.h>
#include <pugixml.hpp>

#include "actorgraph/io/dot_reader.hpp"
#include "actorgraph/render/drawing.hpp"
#include "actorgraph/render/graphviz_render.hpp"
#include "actorgraph/render/scene.hpp"
#include "hardening/hostile_strings.hpp"

namespace actorgraph {
namespace {

using testing::HostileStrings;

// Backslash runs before a quote, a newline and the end, in every parity: Graphviz writes these
// back without escaping the backslashes, which its own reader then misreads.
std::vector<std::string> backslash_texts()
{
    return {"C:\\\"Program Files", "\\\"", "a\\\\\\\"b", "ends \\", "ends \\\\\\", "\\", "q\"\\", "x\\\ny",
            "\\\\\"", "\\\"\\\"\\\"", "&\\\"&amp;\\"};
}

std::vector<std::string> texts_under_test()
{
    auto texts = backslash_texts();
    for (const auto& text : HostileStrings::printable()) {
        if (text.size() < 10'000) texts.push_back(text);
    }
    return texts;
}

const std::string url = "https://example.org/a?id=1&lang=en&x=%22";

// Rendered as the product renders: by the dot program in a child process. (The scenes carry a title, an
// HTML-like label, and Graphviz 2.42 leaks every HTML label it parses, which LeakSanitizer would report
// against the test if it ran in this process.)
std::string rendered(const Graph& graph, const Scene& scene, OutputFormat format)
{
    return render_dot_text_isolated(styled_dot(graph, scene, Stylesheet::builtin()), scene.engine, format, {});
}

// One actor per text as label, kind and description; relations carry it as type and source (with a URL).
Graph hostile_graph(const std::vector<std::string>& texts)
{
    Graph graph;
    for (std::size_t i = 0; i < texts.size(); ++i) {
        graph.add_actor({"n" + std::to_string(i), texts[i], texts[i], {}, {{"description", texts[i]}}, {}});
    }
    for (ActorIndex i = 1; i < graph.actor_count(); ++i) {
        graph.add_relation({i - 1, i, texts[i], {{"source", url + " " + texts[i]}, {"note", texts[i]}}, {}});
    }
    return graph;
}

Scene scene_of(const Graph& graph, const std::string& title)
{
    Scene scene;
    scene.visible = Selection::everything(graph);
    scene.legend = true;
    scene.title = title;
    scene.engine = LayoutEngine::neato;  // dot would rank 40 labels slowly; the writer is the same
    return scene;
}

class PictureFormats : public ::testing::TestWithParam<std::size_t> {
protected:
    // Small graphs of a few texts each, so a failure names the texts that broke it.
    std::vector<std::string> texts() const
    {
        auto all = texts_under_test();
        std::vector<std::string> part;
        for (std::size_t i = GetParam(); i < all.size(); i += 4) part.push_back(all[i]);
        return part;
    }
};

TEST_P(PictureFormats, SvgIsWellFormedXmlWithEveryLinkIntact)
{
    auto texts = this->texts();
    auto graph = hostile_graph(texts);
    auto svg = rendered(graph, scene_of(graph, texts.front()), OutputFormat::svg);
    pugi::xml_document document;
    auto parsed = document.load_buffer(svg.data(), svg.size());
    ASSERT_TRUE(parsed) << parsed.description() << " at byte " << parsed.offset << ": "
                        << svg.substr(parsed.offset > 200 ? parsed.offset - 200 : 0, 400);
    std::size_t links = 0;
    for (auto link : document.select_nodes("//*[@*[local-name()='href']]")) {
        EXPECT_EQ(std::string(link.node().attribute("xlink:href").value()), url);
        ++links;
    }
    EXPECT_GE(links, graph.relation_count());  // an anchor for the edge, and one for its label
}

TEST_P(PictureFormats, LaidOutDotAndXdotReadBackThroughGraphvizAndUs)
{
    auto texts = this->texts();
    auto graph = hostile_graph(texts);
    for (auto format : {OutputFormat::dot, OutputFormat::xdot}) {
        auto text = rendered(graph, scene_of(graph, texts.front()), format);
        Graph reread;
        ASSERT_NO_THROW(reread = read_dot(text, "laid-out.gv")) << output_format_name(format) << ":\n" << text;
        EXPECT_EQ(reread.actor_count(), graph.actor_count());
        EXPECT_EQ(reread.relation_count(), graph.relation_count());
        for (ActorIndex i = 0; i < graph.actor_count(); ++i) {
            EXPECT_EQ(reread.actor(i).properties.at("description"), texts[i]) << output_format_name(format);
        }
        // Graphviz reading its own output again (what `dot -Txdot export.xdot` does).
        EXPECT_NO_THROW((void)render_dot_text_isolated(text, LayoutEngine::neato, OutputFormat::xdot, {}));
    }
}

// The text the explorer draws for an actor: its text shapes joined by line breaks.
std::string drawn_text(const Element& element)
{
    std::string text;
    for (const auto& shape : element.shapes) {
        if (shape.kind != Shape::Kind::text) continue;
        if (!text.empty()) text += '\n';
        text += shape.text;
    }
    return text;
}

TEST(PictureFormatsExplorer, DrawsEveryActorWithItsLabelWhateverBackslashesItHolds)
{
    auto texts = backslash_texts();
    auto graph = hostile_graph(texts);
    auto xdot = rendered(graph, scene_of(graph, "title \\\" with a backslash"), OutputFormat::xdot);
    Drawing drawing;
    ASSERT_NO_THROW(drawing = drawing_from_xdot(xdot)) << xdot;
    for (ActorIndex i = 0; i < graph.actor_count(); ++i) {
        const auto* element = drawing.find_actor(i);
        ASSERT_NE(element, nullptr) << texts[i];
        auto expected = texts[i];
        // A label's line break starts a new text line; a trailing space is trimmed by Graphviz.
        EXPECT_EQ(drawn_text(*element), expected) << i;
    }
}

// Graphviz's `dot` program refuses strings over 16,384 bytes; the picture shows long texts shortened
// (the model keeps them whole), so every picture format can be made through the program.
TEST(PictureFormatsExplorer, LongLabelsAndPropertiesAreDrawnShortenedThroughTheDotProgram)
{
    std::string long_text(70'000, 'x');
    std::string long_escapes;
    for (int i = 0; i < 10'000; ++i) long_escapes += "&\\\"'<>";
    Graph graph;
    graph.add_actor({"a", long_text, "state", {}, {{"description", long_escapes}, {"note", long_text}}, {}});
    graph.add_actor({"b", long_escapes, long_text, {}, {}, {}});
    graph.add_relation({0, 1, long_text, {{"source", "https://example.org/" + long_text}}, {}});
    auto dot = styled_dot(graph, scene_of(graph, long_escapes), Stylesheet::builtin());
    for (auto format : {OutputFormat::svg, OutputFormat::xdot, OutputFormat::dot, OutputFormat::png}) {
        std::string picture;
        ASSERT_NO_THROW(picture = render_dot_text_isolated(dot, LayoutEngine::dot, format, {})) << output_format_name(format);
        EXPECT_FALSE(picture.empty());
        if (format == OutputFormat::xdot) {
            auto drawing = drawing_from_xdot(picture);
            ASSERT_NE(drawing.find_actor(0), nullptr);
            auto text = drawn_text(*drawing.find_actor(0));
            EXPECT_TRUE(text.starts_with("xxxx")) << text.substr(0, 20);
            EXPECT_TRUE(text.ends_with("\u2026")) << "shortened with an ellipsis";
            EXPECT_LT(text.size(), 16'384u);
        }
    }
    EXPECT_EQ(graph.actor(0).label.size(), 70'000u) << "the data keeps the whole text";
}

// A CSV or GraphML label may hold a NUL byte, which no Graphviz string can: the picture shows U+FFFD.
TEST(PictureFormatsExplorer, ANulByteInATextIsDrawnAsAReplacementCharacter)
{
    Graph graph;
    std::string with_nul("before\0after", 12);
    graph.add_actor({"a", with_nul, "state", {}, {{"description", with_nul}}, {}});
    graph.add_actor({"b", "b", with_nul, {}, {}, {}});
    graph.add_relation({0, 1, with_nul, {{"source", with_nul}}, {}});
    auto dot = styled_dot(graph, scene_of(graph, with_nul), Stylesheet::builtin());
    auto svg = render_dot_text_isolated(dot, LayoutEngine::dot, OutputFormat::svg, {});
    pugi::xml_document document;
    ASSERT_TRUE(document.load_buffer(svg.data(), svg.size()));
    EXPECT_NE(svg.find("before\uFFFDafter"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Texts, PictureFormats, ::testing::Values(0u, 1u, 2u, 3u));

}  // namespace
}  // namespace actorgraph
