#include "actorgraph/app/canvas_frame.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

namespace actorgraph::testing {
namespace {

constexpr Rgba ink{10, 20, 30, 255};
constexpr Rgba paper{200, 220, 240, 255};

Shape ellipse(Point centre, Point radii, bool filled = true)
{
    Shape shape;
    shape.kind = Shape::Kind::ellipse;
    shape.filled = filled;
    shape.points = {centre, radii};
    shape.pen = ink;
    shape.fill = paper;
    return shape;
}

Shape label(Point anchor, std::string text, float size = 14)
{
    Shape shape;
    shape.kind = Shape::Kind::text;
    shape.points = {anchor};
    shape.text = std::move(text);
    shape.font_size = size;
    shape.text_width = 40;
    shape.pen = ink;
    return shape;
}

Shape curve(std::vector<Point> points, LineStyle line = LineStyle::solid)
{
    Shape shape;
    shape.kind = Shape::Kind::bezier;
    shape.points = std::move(points);
    shape.pen = ink;
    shape.line = line;
    return shape;
}

Element element_of(ElementKind kind, std::uint32_t index, std::vector<Shape> shapes, Rect bounds)
{
    return Element{kind, index, std::move(shapes), bounds};
}

Element actor_at(std::uint32_t index, Point centre)
{
    return element_of(ElementKind::actor, index, {ellipse(centre, {27, 18}), label(centre, "actor")},
                      {{centre.x - 27, centre.y - 18}, {centre.x + 27, centre.y + 18}});
}

// Actors at x = 50, 1050 and 2050 with a straight relation between the first two.
Drawing row_of_actors()
{
    Drawing drawing;
    drawing.bounds = {{0, 0}, {2100, 100}};
    drawing.elements.push_back(element_of(ElementKind::relation, 0, {curve({{77, 50}, {400, 50}, {700, 50}, {1023, 50}})},
                                          {{77, 50}, {1023, 50}}));
    for (std::uint32_t i = 0; i < 3; ++i) drawing.elements.push_back(actor_at(i, {50.0f + 1000.0f * static_cast<float>(i), 50}));
    return drawing;
}

Camera camera_at(float zoom, Rect viewport = {{0, 0}, {800, 600}})
{
    Camera camera;
    camera.set_viewport(viewport);
    camera.zoom_at(viewport.min, zoom);
    return camera;
}

std::size_t count_of(const CanvasFrame& frame, ScreenPrimitive::Kind kind)
{
    return static_cast<std::size_t>(std::count_if(frame.primitives.begin(), frame.primitives.end(),
                                                  [&](const ScreenPrimitive& p) { return p.kind == kind; }));
}

CanvasFrame frame_of(const Drawing& drawing, const Camera& camera)
{
    CanvasFrame frame;
    add_visible_picture(drawing, DrawingIndex(drawing), camera, frame);
    return frame;
}

TEST(CanvasFrame, ElementsOffScreenAreCulled)
{
    auto drawing = row_of_actors();
    auto frame = frame_of(drawing, camera_at(1));
    EXPECT_EQ(frame.counts.drawn, 2u) << "the first actor and the relation reaching out of the window";
    EXPECT_EQ(frame.counts.culled, 2u);
    EXPECT_EQ(count_of(frame, ScreenPrimitive::Kind::text), 1u);
    // Every filled point lies near the window: nothing of the far actors was produced.
    for (const auto& primitive : frame.primitives) {
        if (primitive.kind != ScreenPrimitive::Kind::convex_fill) continue;
        for (std::uint32_t i = 0; i < primitive.count; ++i) EXPECT_LT(frame.points[primitive.first + i].x, 800.0f);
    }
}

TEST(CanvasFrame, AWholePictureInViewIsDrawnInFull)
{
    auto drawing = row_of_actors();
    auto frame = frame_of(drawing, camera_at(0.35f));
    EXPECT_EQ(frame.counts.drawn, 4u);
    EXPECT_EQ(frame.counts.culled, 0u);
    EXPECT_EQ(count_of(frame, ScreenPrimitive::Kind::convex_fill), 3u);
    EXPECT_EQ(count_of(frame, ScreenPrimitive::Kind::text), 0u) << "14 pt labels are 4.9 px at 35%: hidden";
}

TEST(CanvasFrame, ActorNamesAreDrawnAtTheirOwnSizeFromTheReadableSizeOn)
{
    auto drawing = row_of_actors();
    Rect wide{{0, 0}, {2000, 600}};
    // Smaller names are left to add_actor_labels (label_placement_test), which names the largest at a readable size.
    auto small = frame_of(drawing, camera_at(readable_label_pixels / 14 * 0.99f, wide));
    auto legible = frame_of(drawing, camera_at(readable_label_pixels / 14 * 1.01f, wide));
    EXPECT_EQ(count_of(small, ScreenPrimitive::Kind::text), 0u);
    ASSERT_EQ(count_of(legible, ScreenPrimitive::Kind::text), 3u);
    const auto& text = *std::find_if(legible.primitives.begin(), legible.primitives.end(),
                                     [](const ScreenPrimitive& p) { return p.kind == ScreenPrimitive::Kind::text; });
    EXPECT_EQ(text.text->text, "actor");
    float zoom = readable_label_pixels / 14 * 1.01f;
    EXPECT_NEAR(text.size, 14 * zoom, 1e-3f);
    // Centred on its anchor by the width Graphviz measured: the point is the left end of the baseline.
    EXPECT_NEAR(legible.points[text.first].x, (50 - 20) * zoom, 1e-3f);
    EXPECT_NEAR(legible.points[text.first].y, 50 * zoom, 1e-3f);
}

TEST(CanvasFrame, RelationCaptionsAreShownFromTheLegibleSizeOn)
{
    Drawing drawing;
    drawing.bounds = {{0, 0}, {200, 100}};
    drawing.elements.push_back(element_of(ElementKind::relation, 0, {curve({{10, 50}, {60, 50}, {120, 50}, {190, 50}}), label({100, 40}, "investment")},
                                          {{10, 30}, {190, 50}}));
    EXPECT_EQ(count_of(frame_of(drawing, camera_at(min_label_pixels / 14 * 0.99f)), ScreenPrimitive::Kind::text), 0u);
    EXPECT_EQ(count_of(frame_of(drawing, camera_at(min_label_pixels / 14 * 1.01f)), ScreenPrimitive::Kind::text), 1u);
}

TEST(CanvasFrame, ASmallActorBecomesAMarkInItsBorderColourAndATinyRelationIsLeftOut)
{
    auto drawing = row_of_actors();
    // At 10% an actor is 5.4 px wide; the relation is 95 px long, so it stays.
    auto frame = frame_of(drawing, camera_at(0.1f));
    EXPECT_EQ(frame.counts.simplified, 3u);
    EXPECT_EQ(frame.counts.drawn, 1u);
    ASSERT_EQ(count_of(frame, ScreenPrimitive::Kind::convex_fill), 3u);
    for (const auto& primitive : frame.primitives) {
        if (primitive.kind != ScreenPrimitive::Kind::convex_fill) continue;
        ASSERT_EQ(primitive.count, 4u) << "a mark is the actor's box";
        EXPECT_EQ(primitive.colour, ink) << "in the actor's border colour";
        const auto* corner = &frame.points[primitive.first];
        EXPECT_NEAR(corner[2].x - corner[0].x, 5.4f, 1e-3f);
        EXPECT_NEAR(corner[2].y - corner[0].y, 3.6f, 1e-3f);
    }
    // At 2% the mark keeps a visible size.
    auto far = frame_of(drawing, camera_at(0.02f));
    const auto& dot = *std::find_if(far.primitives.begin(), far.primitives.end(),
                                    [](const ScreenPrimitive& p) { return p.kind == ScreenPrimitive::Kind::convex_fill; });
    EXPECT_NEAR(far.points[dot.first + 2].x - far.points[dot.first].x, tiny_element_pixels, 1e-3f);

    Drawing short_relation;
    short_relation.elements.push_back(element_of(ElementKind::relation, 0, {curve({{0, 0}, {10, 10}, {20, 20}, {30, 30}})},
                                                 {{0, 0}, {30, 30}}));
    auto tiny = frame_of(short_relation, camera_at(0.05f));
    EXPECT_EQ(tiny.counts.simplified, 1u);
    EXPECT_TRUE(tiny.primitives.empty());
}

TEST(CanvasFrame, AnActorFromTheSmallSizeOnIsDrawnInFull)
{
    auto drawing = row_of_actors();
    auto frame = frame_of(drawing, camera_at(small_actor_pixels / 54 * 1.01f));
    EXPECT_EQ(frame.counts.simplified, 0u);
    EXPECT_EQ(frame.counts.drawn, 4u);
    EXPECT_EQ(count_of(frame, ScreenPrimitive::Kind::closed_stroke), 3u) << "the ellipses' outlines";
}

TEST(CanvasFrame, AStraightCurveIsOneSegmentAndABentOneIsFlattened)
{
    auto drawing = row_of_actors();
    auto frame = frame_of(drawing, camera_at(0.35f));
    auto stroke = std::find_if(frame.primitives.begin(), frame.primitives.end(),
                               [](const ScreenPrimitive& p) { return p.kind == ScreenPrimitive::Kind::stroke; });
    ASSERT_NE(stroke, frame.primitives.end());
    EXPECT_EQ(stroke->count, 2u);

    Drawing bent;
    bent.elements.push_back(element_of(ElementKind::relation, 0, {curve({{0, 0}, {0, 300}, {300, 300}, {300, 0}})},
                                       {{0, 0}, {300, 300}}));
    auto curved = frame_of(bent, camera_at(1));
    ASSERT_EQ(curved.primitives.size(), 1u);
    EXPECT_GT(curved.primitives[0].count, 8u);
}

TEST(CanvasFrame, ADashedLineBecomesSeparateDashes)
{
    Drawing drawing;
    drawing.elements.push_back(element_of(ElementKind::relation, 0, {curve({{0, 50}, {100, 50}, {200, 50}, {300, 50}}, LineStyle::dashed)},
                                          {{0, 50}, {300, 50}}));
    auto frame = frame_of(drawing, camera_at(1));
    // 5 px dashes with 2.5 px gaps along 300 px.
    EXPECT_EQ(count_of(frame, ScreenPrimitive::Kind::stroke), 40u);
    for (const auto& primitive : frame.primitives) EXPECT_EQ(primitive.count, 2u);
}

TEST(CanvasFrame, DashesAreMadeOnlyWhereTheLineCrossesTheWindow)
{
    // 30,000 px long at this zoom, of which 800 px cross the window.
    Drawing drawing;
    drawing.elements.push_back(element_of(ElementKind::relation, 0,
                                          {curve({{-10000, 50}, {0, 50}, {10000, 50}, {20000, 50}}, LineStyle::dashed)},
                                          {{-10000, 50}, {20000, 50}}));
    auto frame = frame_of(drawing, camera_at(1));
    auto dashes = count_of(frame, ScreenPrimitive::Kind::stroke);
    EXPECT_GE(dashes, 106u);
    EXPECT_LE(dashes, 109u) << "about (800 + margins) / 7.5 px";
    for (std::size_t i = 0; i < frame.primitives.size(); ++i) {
        const auto& dash = frame.primitives[i];
        for (std::uint32_t k = 0; k < dash.count; ++k) {
            EXPECT_GE(frame.points[dash.first + k].x, -4.0f);
            EXPECT_LE(frame.points[dash.first + k].x, 804.0f);
        }
    }
    // The pattern is anchored to the line, not to the window: dashes start every 7.5 px from its start.
    const auto& first_full = frame.primitives[1];
    float phase = std::fmod(frame.points[first_full.first].x + 10000.0f, 7.5f);
    EXPECT_NEAR(std::min(phase, 7.5f - phase), 0.0f, 1e-2f);
}

TEST(CanvasFrame, InABusyFrameOnlyClearlyLegibleLabelsAreDrawn)
{
    Drawing drawing;
    for (std::uint32_t i = 0; i <= busy_frame_elements; ++i) {
        Point at{static_cast<float>(i % 50) * 15, static_cast<float>(i / 50) * 9};
        float size = i % 2 == 0 ? 6.0f : 7.5f;
        drawing.elements.push_back(element_of(ElementKind::relation, i, {label(at, "a", size)}, {{at.x, at.y - 6}, {at.x + 7, at.y + 2}}));
    }
    auto frame = frame_of(drawing, camera_at(1));
    auto labels = count_of(frame, ScreenPrimitive::Kind::text);
    EXPECT_EQ(labels, (busy_frame_elements + 1) / 2) << "the 7.5 px labels only";
    drawing.elements.resize(100);
    EXPECT_EQ(count_of(frame_of(drawing, camera_at(1)), ScreenPrimitive::Kind::text), 100u) << "all of them in a calm frame";
}

TEST(CanvasFrame, InABusyFramePatternedLinesAreDrawnSolidAndLighter)
{
    Drawing drawing;
    Rgba blue{25, 80, 200, 255};
    for (std::uint32_t i = 0; i <= busy_frame_elements; ++i) {
        auto y = static_cast<float>(i % 500);
        auto line = curve({{0, y}, {100, y}, {200, y}, {300, y}}, LineStyle::dashed);
        line.pen = blue;
        drawing.elements.push_back(element_of(ElementKind::relation, i, {line}, {{0, y}, {300, y}}));
    }
    auto frame = frame_of(drawing, camera_at(1));
    EXPECT_EQ(frame.primitives.size(), busy_frame_elements + 1) << "one solid stroke per relation";
    EXPECT_EQ(frame.primitives.front().colour.a, 153);
    drawing.elements.pop_back();
    auto calm = frame_of(drawing, camera_at(1));
    EXPECT_EQ(calm.primitives.size(), 40 * busy_frame_elements) << "dashed again when fewer are on screen";
}

TEST(CanvasFrame, AConcaveFillIsCutIntoTriangles)
{
    Shape arrow;
    arrow.kind = Shape::Kind::polygon;
    arrow.filled = true;
    arrow.fill = paper;
    arrow.pen = ink;
    arrow.points = {{0, 0}, {100, 50}, {0, 100}, {30, 50}};
    Drawing drawing;
    drawing.elements.push_back(element_of(ElementKind::actor, 0, {arrow}, {{0, 0}, {100, 100}}));
    auto frame = frame_of(drawing, camera_at(1));
    ASSERT_EQ(count_of(frame, ScreenPrimitive::Kind::triangles), 1u);
    EXPECT_EQ(frame.primitives[0].kind, ScreenPrimitive::Kind::triangles) << "the fill comes before the outline";
    EXPECT_EQ(frame.primitives[0].count, 6u);
    EXPECT_EQ(frame.primitives[1].kind, ScreenPrimitive::Kind::closed_stroke);
}

TEST(CanvasFrame, AnOutlineUsesTheGivenColourAndIsCulledOffScreen)
{
    auto drawing = row_of_actors();
    auto camera = camera_at(1);
    CanvasFrame frame;
    OutlineStyle style{{25, 113, 194, 255}, 2};
    add_element_outline(drawing.elements[1], camera, style, frame);
    ASSERT_EQ(frame.primitives.size(), 1u) << "the ellipse; the label has no outline";
    EXPECT_EQ(frame.primitives[0].kind, ScreenPrimitive::Kind::closed_stroke);
    EXPECT_EQ(frame.primitives[0].colour, style.colour);
    EXPECT_FLOAT_EQ(frame.primitives[0].size, 3.0f);
    add_element_outline(drawing.elements[3], camera, style, frame);
    EXPECT_EQ(frame.primitives.size(), 1u);
}

}  // namespace
}  // namespace actorgraph::testing
