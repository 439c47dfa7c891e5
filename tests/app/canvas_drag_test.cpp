// Drags on the canvas, on a real layout of the bundled graph: Shift from one actor to another asks for
// a relation between them, Alt moves an actor and pins it (undoably), anything else pans.
#include "actorgraph/app/canvas_drag.hpp"
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
    auto expected = layout_point(*explorer_->drawing(), to);
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

TEST_F(CanvasDragTest, TheLayoutPointFlipsThePictureBackToGraphvizCoordinates)
{
    Drawing drawing;
    drawing.bounds = {{0, 0}, {300, 200}};
    auto point = layout_point(drawing, {10, 50});
    EXPECT_FLOAT_EQ(point.x, 10);
    EXPECT_FLOAT_EQ(point.y, 150);
}

}  // namespace
}  // namespace actorgraph::testing
