#include "actorgraph/app/label_placement.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

namespace actorgraph::testing {
namespace {

constexpr float font_points = 11;

// An actor as Graphviz draws it: a box of `half` points around the centre with its name on one line.
Element named_actor(std::uint32_t index, Point centre, float half, std::string name)
{
    Shape box;
    box.kind = Shape::Kind::polygon;
    box.filled = true;
    box.points = {{centre.x - half, centre.y - half}, {centre.x + half, centre.y - half},
                  {centre.x + half, centre.y + half}, {centre.x - half, centre.y + half}};
    Shape text;
    text.kind = Shape::Kind::text;
    text.points = {{centre.x, centre.y + 4}};
    text.font_size = font_points;
    text.text_width = static_cast<float>(name.size()) * 6;
    text.text = std::move(name);
    return Element{ElementKind::actor, index, {box, text}, {{centre.x - half, centre.y - half}, {centre.x + half, centre.y + half}}};
}

// A hub (index 0, the largest) with a small actor 150 points beside it, one 70 below, one far to the right.
Drawing hub_and_neighbours()
{
    Drawing drawing;
    drawing.elements.push_back(named_actor(1, {250, 100}, 10, "Small neighbour"));
    drawing.elements.push_back(named_actor(0, {100, 100}, 30, "Hub"));
    drawing.elements.push_back(named_actor(2, {100, 170}, 10, "Another neighbour"));
    drawing.elements.push_back(named_actor(3, {5000, 100}, 10, "Far away"));
    drawing.bounds = {{0, 0}, {5100, 300}};
    return drawing;
}

Camera camera_at(float zoom)
{
    Camera camera;
    camera.set_viewport({{0, 0}, {1000, 800}});
    camera.zoom_by(zoom);
    camera.centre_on({100, 100});
    return camera;
}

struct Named {
    std::vector<std::string> names;
    std::vector<float> sizes;
    CanvasFrame frame;
};

Named named_in(const Drawing& drawing, const Camera& camera, std::vector<ActorIndex> pinned = {})
{
    Named result;
    DrawingIndex index(drawing);
    add_visible_picture(drawing, index, camera, result.frame);
    add_actor_labels(drawing, index, camera, pinned, result.frame);
    for (const auto& primitive : result.frame.primitives) {
        if (primitive.kind != ScreenPrimitive::Kind::text) continue;
        result.names.push_back(primitive.text->text);
        result.sizes.push_back(primitive.size);
    }
    return result;
}

bool has(const Named& named, std::string_view name)
{
    return std::find(named.names.begin(), named.names.end(), name) != named.names.end();
}

TEST(LabelPlacement, TheLabelOrderPutsTheLargestActorFirst)
{
    auto drawing = hub_and_neighbours();
    DrawingIndex index(drawing);
    ASSERT_EQ(index.label_order().size(), 4u);
    EXPECT_EQ(index.label_order()[0], 1u) << "the hub's element";
    // The three small actors keep their drawing order.
    EXPECT_EQ(index.label_order()[1], 0u);
    EXPECT_EQ(index.label_order()[2], 2u);
    EXPECT_EQ(index.label_order()[3], 3u);
}

TEST(LabelPlacement, FarAwayTheHubIsNamedAtAReadableSizeAndItsCrowdedNeighboursAreNot)
{
    auto drawing = hub_and_neighbours();
    // At 20% an 11 pt name is 2.2 px: nothing would be read at its own size.
    auto named = named_in(drawing, camera_at(0.2f));
    ASSERT_TRUE(has(named, "Hub"));
    EXPECT_FALSE(has(named, "Small neighbour")) << "its name would lie over the hub's";
    EXPECT_FALSE(has(named, "Another neighbour"));
    for (float size : named.sizes) EXPECT_FLOAT_EQ(size, far_label_pixels);
    EXPECT_EQ(named.frame.counts.far_labels, named.names.size());
    // The name sits on a plate of the background, drawn before it.
    auto plate = std::find_if(named.frame.primitives.begin(), named.frame.primitives.end(), [](const ScreenPrimitive& p) {
        return p.kind == ScreenPrimitive::Kind::convex_fill && p.colour == far_label_plate;
    });
    EXPECT_NE(plate, named.frame.primitives.end());
}

TEST(LabelPlacement, AHighlightedActorsNamePlateIsFramedInTheHighlightColourAndOthersAreNot)
{
    auto drawing = hub_and_neighbours();
    DrawingIndex index(drawing);
    CanvasFrame frame;
    const Rgba orange{232, 89, 12, 255};
    std::vector<ActorIndex> highlighted{0};  // the hub, whose plate covers its highlighted border
    add_actor_labels(drawing, index, camera_at(0.2f), {}, frame, LabelEmphasis{highlighted, orange});
    std::size_t frames = 0, plates = 0;
    for (const auto& primitive : frame.primitives) {
        if (primitive.kind == ScreenPrimitive::Kind::convex_fill && primitive.colour == far_label_plate) ++plates;
        if (primitive.kind != ScreenPrimitive::Kind::closed_stroke || !(primitive.colour == orange)) continue;
        ++frames;
        EXPECT_EQ(primitive.count, 4u) << "the plate's four corners";
    }
    EXPECT_GE(plates, 1u);
    EXPECT_EQ(frames, 1u) << "only the highlighted hub's plate is framed";

    CanvasFrame plain;
    add_actor_labels(drawing, index, camera_at(0.2f), {}, plain);
    EXPECT_TRUE(std::none_of(plain.primitives.begin(), plain.primitives.end(),
                             [](const ScreenPrimitive& p) { return p.kind == ScreenPrimitive::Kind::closed_stroke; }));
}

TEST(LabelPlacement, ZoomingInNamesTheNeighboursToo)
{
    auto drawing = hub_and_neighbours();
    auto far = named_in(drawing, camera_at(0.2f));
    auto closer = named_in(drawing, camera_at(0.7f));
    EXPECT_TRUE(has(closer, "Hub"));
    EXPECT_TRUE(has(closer, "Small neighbour"));
    EXPECT_TRUE(has(closer, "Another neighbour"));
    EXPECT_GT(closer.names.size(), far.names.size());
}

TEST(LabelPlacement, PlacedNamesNeverOverlap)
{
    Drawing drawing;
    for (std::uint32_t i = 0; i < 400; ++i) {
        Point at{static_cast<float>(i % 20) * 40, static_cast<float>(i / 20) * 30};
        drawing.elements.push_back(named_actor(i, at, 5 + static_cast<float>(i % 7), "actor number " + std::to_string(i)));
    }
    Camera camera;
    camera.set_viewport({{0, 0}, {600, 400}});
    camera.fit({{0, 0}, {800, 600}});
    DrawingIndex index(drawing);
    CanvasFrame frame;
    add_actor_labels(drawing, index, camera, {}, frame);
    std::vector<Rect> plates;
    for (const auto& primitive : frame.primitives) {
        if (primitive.kind != ScreenPrimitive::Kind::convex_fill) continue;
        plates.push_back({frame.points[primitive.first], frame.points[primitive.first + 2]});
    }
    ASSERT_GT(plates.size(), 5u);
    EXPECT_LT(plates.size(), 400u) << "not every name fits at this zoom";
    for (std::size_t i = 0; i < plates.size(); ++i) {
        for (std::size_t j = i + 1; j < plates.size(); ++j) {
            bool overlap = plates[i].max.x > plates[j].min.x && plates[i].min.x < plates[j].max.x &&
                           plates[i].max.y > plates[j].min.y && plates[i].min.y < plates[j].max.y;
            EXPECT_FALSE(overlap) << i << " and " << j;
        }
    }
}

TEST(LabelPlacement, NoNameIsLaidOverANamedActorsShape)
{
    Drawing drawing;
    drawing.elements.push_back(named_actor(0, {100, 100}, 100, "Hub"));
    drawing.elements.push_back(named_actor(1, {100, 160}, 5, "Below the hub's name"));
    Camera camera;
    camera.set_viewport({{0, 0}, {1000, 800}});
    camera.zoom_by(0.3f);
    camera.centre_on({100, 100});
    auto named = named_in(drawing, camera);
    EXPECT_TRUE(has(named, "Hub"));
    EXPECT_FALSE(has(named, "Below the hub's name")) << "its name would lie on the hub's shape, under the hub's own name";
    camera.zoom_by(3);
    EXPECT_TRUE(has(named_in(drawing, camera), "Below the hub's name")) << "closer it has room below the hub";
}

TEST(LabelPlacement, AnActorReachingFarOffScreenIsNamedWithoutOverflow)
{
    Drawing drawing;
    auto huge = named_actor(0, {1e30f, 1e30f}, 1e30f, "Everywhere");
    huge.bounds = {{-1e30f, -1e30f}, {3e30f, 3e30f}};
    drawing.elements.push_back(std::move(huge));
    drawing.elements.push_back(named_actor(1, {100, 100}, 10, "Here"));
    // At 100% both names are read at their own size and reserve their boxes, one of them 1e30 px away.
    auto named = named_in(drawing, camera_at(1.0f));
    EXPECT_TRUE(has(named, "Here"));
    EXPECT_TRUE(has(named_in(drawing, camera_at(0.2f)), "Here"));
}

TEST(LabelPlacement, APinnedActorIsNamedBeforeTheHub)
{
    auto drawing = hub_and_neighbours();
    auto named = named_in(drawing, camera_at(0.2f), {1});
    EXPECT_TRUE(has(named, "Small neighbour")) << "the selection or a path's actor comes first";
    EXPECT_FALSE(has(named, "Hub")) << "the hub's name would now overlap it";
}

TEST(LabelPlacement, NamesReadableAtTheirOwnSizeAreDrawnOnceAndNotAgain)
{
    auto drawing = hub_and_neighbours();
    auto named = named_in(drawing, camera_at(1.0f));
    EXPECT_EQ(named.frame.counts.far_labels, 0u);
    EXPECT_EQ(std::count(named.names.begin(), named.names.end(), "Hub"), 1);
    for (float size : named.sizes) EXPECT_FLOAT_EQ(size, font_points);
}

TEST(LabelPlacement, ActorsOffScreenAreNotNamed)
{
    auto drawing = hub_and_neighbours();
    auto named = named_in(drawing, camera_at(0.2f));
    EXPECT_FALSE(has(named, "Far away")) << "at x = 5000 it is outside the window at 20% around x = 100";
    auto camera = camera_at(0.2f);
    camera.centre_on({5000, 100});
    EXPECT_TRUE(has(named_in(drawing, camera), "Far away"));
}

}  // namespace
}  // namespace actorgraph::testing
