// Drags on the canvas, on a real layout of the bundled graph: Shift from one actor to another asks for
// a relation between them, Alt moves an actor and pins it (undoably), anything else pans.
#include "actorgraph/app/canvas_drag.hpp"
#include "actorgraph/app/edit_forms.hpp"
#include "explorer_fixture.hpp"

namespace actorgraph::testing {
namespace {

namespace fs = std::filesystem;

class CanvasDragTest : public ExplorerTest {
protected:
    void SetUp() override
    {
        ExplorerTest::SetUp();
        auto file = config_ / "nato_mongolia.gv";
        fs::copy_file(nato_file(), file);
        ASSERT_TRUE(explorer_->open(file));
        settle();
        ASSERT_NE(explorer_->drawing(), nullptr);
    }

    [[nodiscard]] Point centre_of(std::string_view id) const
    {
        const auto* element = find_actor(*explorer_->drawing(), *explorer_->drawing_index(), actor(id));
        EXPECT_NE(element, nullptr) << id;
        if (!element) return {};
        return {(element->bounds.min.x + element->bounds.max.x) / 2, (element->bounds.min.y + element->bounds.max.y) / 2};
    }
};

TEST_F(CanvasDragTest, ShiftDragFromOneActorToAnotherAsksForARelationBetweenThem)
{
    CanvasDrag drag;
    drag.begin(*explorer_, centre_of("rio_tinto"), true, false);
    EXPECT_EQ(drag.kind(), CanvasDrag::Kind::link);
    auto outcome = drag.end(*explorer_, centre_of("mongolia"));
    ASSERT_TRUE(outcome.link);
    EXPECT_EQ(outcome.link->first, actor("rio_tinto"));
    EXPECT_EQ(outcome.link->second, actor("mongolia"));
    EXPECT_EQ(drag.kind(), CanvasDrag::Kind::none);
    EXPECT_FALSE(explorer_->dirty());  // the form adds the relation, not the drag
}

TEST_F(CanvasDragTest, ShiftDragEndingOnEmptySpaceOrTheSameActorAsksForNothing)
{
    CanvasDrag drag;
    drag.begin(*explorer_, centre_of("rio_tinto"), true, false);
    EXPECT_FALSE(drag.end(*explorer_, centre_of("rio_tinto")).link);
    drag.begin(*explorer_, centre_of("rio_tinto"), true, false);
    EXPECT_FALSE(drag.end(*explorer_, {-5000, -5000}).link);
}

TEST_F(CanvasDragTest, AltDragMovesAndPinsTheActorAndUndoPutsItBack)
{
    CanvasDrag drag;
    auto from = centre_of("rio_tinto");
    drag.begin(*explorer_, from, false, true);
    EXPECT_EQ(drag.kind(), CanvasDrag::Kind::move);
    Point to{from.x + 40, from.y + 30};
    auto centre = explorer_->drawing()->find_actor(actor("rio_tinto"))->centre;
    auto expected = layout_point(*explorer_->drawing(), {centre.x + 40, centre.y + 30});
    EXPECT_TRUE(drag.end(*explorer_, to).moved);
    const auto& rio = explorer_->graph()->actor(actor("rio_tinto"));
    EXPECT_EQ(property_or_empty(rio.properties, "pinned"), "true");
    EXPECT_NEAR(*parse_number(property_or_empty(rio.properties, "x")), expected.x, 0.01);
    EXPECT_NEAR(*parse_number(property_or_empty(rio.properties, "y")), expected.y, 0.01);
    EXPECT_EQ(explorer_->undo_name(), "Undo pin of Rio Tinto");
    ASSERT_TRUE(explorer_->undo());
    EXPECT_TRUE(property_or_empty(explorer_->graph()->actor(actor("rio_tinto")).properties, "pinned").empty());
}

TEST_F(CanvasDragTest, ADragWithoutModifiersOrFromEmptySpacePans)
{
    CanvasDrag drag;
    drag.begin(*explorer_, centre_of("rio_tinto"), false, false);
    EXPECT_EQ(drag.kind(), CanvasDrag::Kind::pan);
    drag.begin(*explorer_, {-5000, -5000}, true, false);
    EXPECT_EQ(drag.kind(), CanvasDrag::Kind::pan);
    auto outcome = drag.end(*explorer_, centre_of("mongolia"));
    EXPECT_FALSE(outcome.link);
    EXPECT_FALSE(outcome.moved);
}

TEST_F(CanvasDragTest, AnActorGrabbedOffCentreLandsWithTheSameOffsetUnderThePointer)
{
    auto rio = actor("rio_tinto");
    auto centre = explorer_->drawing()->find_actor(rio)->centre;
    Point grab{centre.x + 12, centre.y - 6};
    Point drop{grab.x + 150, grab.y + 80};
    auto screen_drop = explorer_->camera().to_screen(drop);
    CanvasDrag drag;
    drag.begin(*explorer_, grab, false, true);
    ASSERT_EQ(drag.kind(), CanvasDrag::Kind::move);
    EXPECT_FLOAT_EQ(drag.grab_offset().x, -12);
    EXPECT_FLOAT_EQ(drag.grab_offset().y, 6);
    ASSERT_TRUE(drag.end(*explorer_, drop).moved) << explorer_->last_error();
    settle();
    ASSERT_NE(explorer_->drawing(), nullptr);
    ASSERT_TRUE(explorer_->layout_status().kept_places) << explorer_->layout_status().error;
    // On screen the actor's centre is where the pointer let go, less the offset it was grabbed at.
    auto landed = explorer_->camera().to_screen(explorer_->drawing()->find_actor(rio)->centre);
    auto zoom = explorer_->camera().zoom();
    EXPECT_NEAR(landed.x, screen_drop.x - 12 * zoom, 0.5);
    EXPECT_NEAR(landed.y, screen_drop.y + 6 * zoom, 0.5);
}

TEST_F(CanvasDragTest, ANewActorIsAskedForOnEmptyCanvasOnlyAndIsCreatedPinnedThere)
{
    EXPECT_FALSE(new_actor_place(*explorer_, centre_of("mongolia"))) << "on an actor";
    const auto& bounds = explorer_->drawing()->bounds;
    Point empty{bounds.max.x + 200, bounds.max.y + 100};  // beyond the picture's edge nothing is drawn
    auto place = new_actor_place(*explorer_, empty);
    ASSERT_TRUE(place);
    auto expected = layout_point(*explorer_->drawing(), empty);
    EXPECT_FLOAT_EQ(place->x, expected.x);
    EXPECT_FLOAT_EQ(place->y, expected.y);
    auto screen = explorer_->camera().to_screen(empty);
    NewActorForm form;
    form.place_at(*place);
    form.id = "erdenes";
    form.kind = "company";
    form.label = "Erdenes";
    ASSERT_TRUE(form.submit(*explorer_)) << (form.problems.empty() ? "" : form.problems.all().front().to_string());
    EXPECT_FALSE(form.place) << "the form starts afresh";
    EXPECT_EQ(explorer_->undo_name(), "Undo new actor Erdenes") << "one step";
    const auto& erdenes = explorer_->graph()->actor(actor("erdenes"));
    EXPECT_EQ(property_or_empty(erdenes.properties, "pinned"), "true");
    EXPECT_NEAR(*parse_number(property_or_empty(erdenes.properties, "x")), place->x, 0.01);
    settle();
    const auto* drawn = explorer_->drawing()->find_actor(actor("erdenes"));
    ASSERT_NE(drawn, nullptr);
    auto landed = explorer_->camera().to_screen(drawn->centre);
    EXPECT_NEAR(landed.x, screen.x, 0.5) << "drawn where the canvas was clicked";
    EXPECT_NEAR(landed.y, screen.y, 0.5);
}

TEST_F(CanvasDragTest, TheLayoutPointFlipsThePictureBackToGraphvizCoordinates)
{
    Drawing drawing;
    drawing.bounds = {{0, 0}, {300, 200}};
    drawing.layout_top = 200;
    auto point = layout_point(drawing, {10, 50});
    EXPECT_FLOAT_EQ(point.x, 10);
    EXPECT_FLOAT_EQ(point.y, 150);
}

TEST_F(CanvasDragTest, TheLayoutPointOfAPictureWithFixedPlacesKeepsGraphvizCoordinatesBelowZero)
{
    // nop with notranslate keeps the places it was given: the bounding box may start below 0. Laid out in
    // a child `dot`, as the explorer does: Graphviz 2.42's nop leaks 24 bytes in-process (LSan).
    auto drawing = drawing_from_xdot(render_dot_text_isolated(
        "digraph { graph [notranslate=true]; a1 [id=a1, pos=\"-40,-30\"]; a2 [id=a2, pos=\"100,60\"]; a1 -> a2; }",
        LayoutEngine::nop, OutputFormat::xdot, {}));
    const auto* actor = drawing.find_actor(1);
    ASSERT_NE(actor, nullptr);
    auto point = layout_point(drawing, actor->centre);
    EXPECT_NEAR(point.x, -40, 0.01);
    EXPECT_NEAR(point.y, -30, 0.01);
}

}  // namespace
}  // namespace actorgraph::testing
