#include "actorgraph/app/drawing_index.hpp"

#include <gtest/gtest.h>

namespace actorgraph::testing {
namespace {

Element element_at(ElementKind kind, std::uint32_t index, Rect bounds)
{
    Element element;
    element.kind = kind;
    element.index = index;
    Shape shape;
    shape.kind = Shape::Kind::polygon;
    shape.points = {bounds.min, {bounds.max.x, bounds.min.y}, bounds.max, {bounds.min.x, bounds.max.y}};
    element.shapes.push_back(shape);
    element.bounds = bounds;
    return element;
}

// A decoration without shapes, two relations and three actors, in the order drawing_from_xdot writes them.
Drawing sample_drawing()
{
    Drawing drawing;
    drawing.bounds = {{0, 0}, {300, 100}};
    drawing.elements.push_back(Element{ElementKind::graph, 0, {}, {{0, 0}, {300, 100}}});
    drawing.elements.push_back(element_at(ElementKind::relation, 7, {{10, 10}, {150, 20}}));
    drawing.elements.push_back(element_at(ElementKind::relation, 3, {{150, 10}, {290, 20}}));
    drawing.elements.push_back(element_at(ElementKind::actor, 42, {{0, 0}, {20, 20}}));
    drawing.elements.push_back(element_at(ElementKind::actor, 5, {{140, 0}, {160, 20}}));
    drawing.elements.push_back(element_at(ElementKind::actor, 9, {{280, 0}, {300, 20}}));
    return drawing;
}

TEST(DrawingIndex, FindsTheElementOfAnActorOrARelation)
{
    auto drawing = sample_drawing();
    DrawingIndex index(drawing);
    EXPECT_EQ(index.actor_element(42), 3u);
    EXPECT_EQ(index.actor_element(9), 5u);
    EXPECT_EQ(index.relation_element(3), 2u);
    EXPECT_FALSE(index.actor_element(7)) << "7 is a relation, not an actor";
    EXPECT_FALSE(index.relation_element(42));
    EXPECT_EQ(find_actor(drawing, index, 5), &drawing.elements[4]);
    EXPECT_EQ(find_relation(drawing, index, 1000), nullptr);
}

TEST(DrawingIndex, ListsTheElementsMeetingARectangleInDrawingOrder)
{
    auto drawing = sample_drawing();
    DrawingIndex index(drawing);
    std::vector<std::uint32_t> hits;
    index.elements_meeting({{145, 5}, {155, 15}}, hits);
    EXPECT_EQ(hits, (std::vector<std::uint32_t>{1, 2, 4}));
    hits.clear();
    index.elements_meeting({{-50, -50}, {-10, -10}}, hits);
    EXPECT_TRUE(hits.empty());
}

TEST(DrawingIndex, ElementsWithoutShapesNeverMeetAnything)
{
    auto drawing = sample_drawing();
    DrawingIndex index(drawing);
    std::vector<std::uint32_t> hits;
    index.elements_meeting({{-1000, -1000}, {1000, 1000}}, hits);
    EXPECT_EQ(hits.size(), 5u);
    EXPECT_EQ(index.drawable_count(), 5u);
    EXPECT_EQ(index.size(), 6u);
}

}  // namespace
}  // namespace actorgraph::testing
