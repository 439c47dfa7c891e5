#include "actorgraph/app/hover_emphasis.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace actorgraph::testing {
namespace {

// a -> b, b -> c, c -> a drawn; a -> c not drawn (filtered out of the picture).
struct Triangle {
    Graph graph;
    Drawing drawing;
};

Element element(ElementKind kind, std::uint32_t index, float x)
{
    Shape mark;
    mark.kind = Shape::Kind::polygon;
    mark.points = {{x, 0}, {x + 10, 0}, {x + 10, 10}};
    return Element{kind, index, {mark}, {{x, 0}, {x + 10, 10}}};
}

Triangle triangle()
{
    Triangle t;
    for (const char* id : {"a", "b", "c"}) t.graph.add_actor({id, id, "state", {}, {}, {}});
    t.graph.add_relation({0, 1, "investment", {}, {}});
    t.graph.add_relation({1, 2, "pressure", {}, {}});
    t.graph.add_relation({2, 0, "partnership", {}, {}});
    t.graph.add_relation({0, 2, "affiliation", {}, {}});
    for (std::uint32_t r = 0; r < 3; ++r) t.drawing.elements.push_back(element(ElementKind::relation, r, 100.0f * static_cast<float>(r)));
    for (std::uint32_t a = 0; a < 3; ++a) t.drawing.elements.push_back(element(ElementKind::actor, a, 1000.0f + 100.0f * static_cast<float>(a)));
    return t;
}

std::vector<std::uint32_t> relation_indices(const HoverEmphasis& emphasis)
{
    std::vector<std::uint32_t> indices;
    for (const auto* element : emphasis.relations) indices.push_back(element->index);
    std::sort(indices.begin(), indices.end());
    return indices;
}

TEST(HoverEmphasis, AnActorLightsUpWithItsDrawnRelationsBothWays)
{
    auto t = triangle();
    DrawingIndex index(t.drawing);
    auto emphasis = hover_emphasis(t.graph, t.drawing, index, ElementKind::actor, 0);
    ASSERT_NE(emphasis.element, nullptr);
    EXPECT_EQ(emphasis.element->kind, ElementKind::actor);
    EXPECT_EQ(emphasis.element->index, 0u);
    EXPECT_EQ(relation_indices(emphasis), (std::vector<std::uint32_t>{0, 2})) << "out to b, in from c; a -> c is not drawn";
}

TEST(HoverEmphasis, ARelationLightsUpAlone)
{
    auto t = triangle();
    DrawingIndex index(t.drawing);
    auto emphasis = hover_emphasis(t.graph, t.drawing, index, ElementKind::relation, 1);
    ASSERT_NE(emphasis.element, nullptr);
    EXPECT_EQ(emphasis.element->index, 1u);
    EXPECT_TRUE(emphasis.relations.empty());
}

TEST(HoverEmphasis, AHubWithMoreRelationsThanThePictureIsFoundThroughThePicture)
{
    auto t = triangle();
    for (int i = 0; i < 20; ++i) t.graph.add_relation({0, 1, "investment", {}, {}});  // not drawn
    DrawingIndex index(t.drawing);
    EXPECT_EQ(relation_indices(hover_emphasis(t.graph, t.drawing, index, ElementKind::actor, 0)), (std::vector<std::uint32_t>{0, 2}));
}

TEST(HoverEmphasis, AnElementNotDrawnOrOutOfRangeLightsNothing)
{
    auto t = triangle();
    DrawingIndex index(t.drawing);
    EXPECT_EQ(hover_emphasis(t.graph, t.drawing, index, ElementKind::relation, 3).element, nullptr);
    auto outside = hover_emphasis(t.graph, t.drawing, index, ElementKind::actor, 99);
    EXPECT_EQ(outside.element, nullptr);
    EXPECT_TRUE(outside.relations.empty());
}

}  // namespace
}  // namespace actorgraph::testing
