#include "actorgraph/render/drawing.hpp"

#include <gtest/gtest.h>

#include "actorgraph/render/graphviz_render.hpp"
#include "query/query_fixture.hpp"
#include "render/scene_fixture.hpp"

namespace actorgraph {
namespace {

Drawing draw(const Graph& graph, LayoutEngine engine = LayoutEngine::dot)
{
    return drawing_from_xdot(render_scene(graph, testing::whole_scene(graph, engine), OutputFormat::xdot));
}

Point centre(const Rect& rect) { return {(rect.min.x + rect.max.x) / 2, (rect.min.y + rect.max.y) / 2}; }

TEST(Drawing, HasOneElementPerActorAndRelation)
{
    auto graph = testing::influence_graph();
    auto drawing = draw(graph);
    for (ActorIndex actor = 0; actor < graph.actor_count(); ++actor) ASSERT_NE(drawing.find_actor(actor), nullptr);
    for (RelationIndex relation = 0; relation < graph.relation_count(); ++relation) {
        ASSERT_NE(drawing.find_relation(relation), nullptr);
    }
    EXPECT_GT(drawing.bounds.width(), 100);
    EXPECT_GT(drawing.bounds.height(), 50);
}

TEST(Drawing, ActorsCarryTheirShapeColourAndLabel)
{
    auto graph = testing::influence_graph();
    auto drawing = draw(graph);
    const auto* mine = drawing.find_actor(graph.resolve("mine"));
    ASSERT_NE(mine, nullptr);
    bool filled_with_company_colour = false;
    bool labelled = false;
    for (const auto& shape : mine->shapes) {
        if (shape.filled && shape.fill == parse_color(Stylesheet::builtin().kind("company").fill)) filled_with_company_colour = true;
        if (shape.kind == Shape::Kind::text && shape.text == "Klow Copper Mine") labelled = true;
    }
    EXPECT_TRUE(filled_with_company_colour);
    EXPECT_TRUE(labelled);
}

TEST(Drawing, RelationsHaveSplinesArrowheadsAndLineStyles)
{
    auto graph = testing::influence_graph();
    auto drawing = draw(graph);
    const auto* membership = drawing.find_relation(5);  // partnership: dashed, diamond head
    ASSERT_NE(membership, nullptr);
    bool dashed_bezier = false;
    bool head_polygon = false;
    for (const auto& shape : membership->shapes) {
        if (shape.kind == Shape::Kind::bezier && shape.line == LineStyle::dashed) dashed_bezier = true;
        if (shape.kind == Shape::Kind::polygon) head_polygon = true;
    }
    EXPECT_TRUE(dashed_bezier);
    EXPECT_TRUE(head_polygon);
}

TEST(Drawing, HitTestFindsActorsAndRelations)
{
    auto graph = testing::influence_graph();
    auto drawing = draw(graph, LayoutEngine::neato);
    for (ActorIndex actor = 0; actor < graph.actor_count(); ++actor) {
        const auto* element = drawing.find_actor(actor);
        const auto* hit = drawing.hit_test(centre(element->bounds), 3);
        ASSERT_NE(hit, nullptr) << graph.actor(actor).id;
        EXPECT_EQ(hit->kind, ElementKind::actor);
        EXPECT_EQ(hit->index, actor);
    }
    const auto* relation = drawing.find_relation(3);
    Point on_spline{};
    for (const auto& shape : relation->shapes) {
        if (shape.kind != Shape::Kind::bezier) continue;
        const auto* c = shape.points.data();  // the middle of the first cubic segment lies on the curve
        on_spline = {(c[0].x + 3 * c[1].x + 3 * c[2].x + c[3].x) / 8, (c[0].y + 3 * c[1].y + 3 * c[2].y + c[3].y) / 8};
    }
    const auto* hit = drawing.hit_test(on_spline, 2);
    ASSERT_NE(hit, nullptr);
    EXPECT_EQ(hit->kind, ElementKind::relation);
    EXPECT_EQ(drawing.hit_test({drawing.bounds.max.x + 500, drawing.bounds.max.y + 500}, 2), nullptr);
}

TEST(Drawing, ColoursParseFromHexAndNames)
{
    EXPECT_EQ(parse_color("#ff8000"), (Rgba{255, 128, 0, 255}));
    EXPECT_EQ(parse_color("#ff800080"), (Rgba{255, 128, 0, 128}));
    EXPECT_EQ(parse_color("White"), (Rgba{255, 255, 255, 255}));
    EXPECT_EQ(parse_color("transparent").a, 0);
}

TEST(Drawing, GarbageIsAnError)
{
    EXPECT_THROW((void)drawing_from_xdot("not xdot {"), Error);
}

}  // namespace
}  // namespace actorgraph
