// What a new user sees on opening the bundled graph, after a path query and after a focus:
// the main actors drawn big and named at a readable size without touching anything (issue #17).
#include <algorithm>
#include <set>

#include "actorgraph/app/explorer.hpp"
#include "actorgraph/app/label_placement.hpp"
#include "explorer_fixture.hpp"

namespace actorgraph::testing {
namespace {

// The canvas of the default 1600x1000 window, between the side panels.
constexpr Rect default_canvas{{388, 44}, {1192, 964}};

class ExplorerFirstView : public ExplorerTest {
protected:
    void SetUp() override
    {
        ExplorerTest::SetUp();
        explorer_->camera().set_viewport(default_canvas);
    }

    // The actors whose names the canvas shows at a readable size now, as the GUI draws them.
    [[nodiscard]] std::set<ActorIndex> named_actors() const
    {
        const auto& drawing = *explorer_->drawing();
        const auto& index = *explorer_->drawing_index();
        CanvasFrame frame;
        add_visible_picture(drawing, index, explorer_->camera(), frame);
        add_actor_labels(drawing, index, explorer_->camera(), explorer_->named_first(), frame);
        std::set<const Shape*> texts;
        for (const auto& primitive : frame.primitives) {
            if (primitive.kind == ScreenPrimitive::Kind::text && primitive.size >= readable_label_pixels) texts.insert(primitive.text);
        }
        std::set<ActorIndex> named;
        for (const auto& element : drawing.elements) {
            if (element.kind != ElementKind::actor) continue;
            for (const auto& shape : element.shapes) {
                if (texts.contains(&shape)) named.insert(element.index);
            }
        }
        return named;
    }

    // The actors with the most relations, best first.
    [[nodiscard]] std::vector<ActorIndex> best_connected(std::size_t count) const
    {
        auto ranked = explorer_->rank(Metric::degree);
        std::vector<ActorIndex> actors;
        for (std::size_t i = 0; i < count && i < ranked.size(); ++i) actors.push_back(ranked[i].actor);
        return actors;
    }

    [[nodiscard]] bool on_screen(ActorIndex actor) const
    {
        const auto* element = find_actor(*explorer_->drawing(), *explorer_->drawing_index(), actor);
        if (!element) return false;
        auto min = explorer_->camera().to_screen(element->bounds.min);
        auto max = explorer_->camera().to_screen(element->bounds.max);
        return default_canvas.contains(min) && default_canvas.contains(max);
    }
};

TEST_F(ExplorerFirstView, ActorsAreSizedByDegreeFromTheStart)
{
    open_nato();
    EXPECT_EQ(explorer_->view().size_by, std::optional(Metric::degree));
    // A long name widens an actor's shape, so compare heights and name sizes.
    auto hub = best_connected(1).front();
    const auto& drawing = *explorer_->drawing();
    auto name_size = [](const Element& e) {
        auto text = std::find_if(e.shapes.begin(), e.shapes.end(), [](const Shape& s) { return s.kind == Shape::Kind::text; });
        return text == e.shapes.end() ? 0.0f : text->font_size;
    };
    const auto* hub_element = find_actor(drawing, *explorer_->drawing_index(), hub);
    ASSERT_NE(hub_element, nullptr);
    std::size_t smaller = 0;
    for (const auto& element : drawing.elements) {
        if (element.kind != ElementKind::actor || &element == hub_element) continue;
        EXPECT_LT(name_size(element), name_size(*hub_element)) << element.index;
        EXPECT_LE(element.bounds.height(), hub_element->bounds.height() + 1) << element.index;
        smaller += element.bounds.height() < hub_element->bounds.height() * 0.6f ? 1 : 0;
    }
    EXPECT_GT(smaller, 60u) << "most of the 91 actors have a few relations and are drawn much smaller than the hub";
    EXPECT_EQ(explorer_->drawing_index()->label_order().front(), explorer_->drawing_index()->actor_element(hub));
}

TEST_F(ExplorerFirstView, TheOpeningViewNamesTheBestConnectedActorsReadably)
{
    open_nato();
    auto named = named_actors();
    for (auto actor : best_connected(5)) {
        EXPECT_TRUE(named.contains(actor)) << explorer_->graph()->actor(actor).display_name() << " is not named at the first view";
    }
    EXPECT_GE(named.size(), 15u) << "a first view names a good part of its 91 actors";
    EXPECT_LT(named.size(), 91u) << "at Fit not every name fits without overlapping";
}

TEST_F(ExplorerFirstView, APathQueryZoomsToItsActorsAndNamesThem)
{
    open_nato();
    auto fitted = explorer_->camera().zoom();
    PathOptions options;
    options.direction = Direction::any;
    options.k = 1;
    ASSERT_TRUE(explorer_->run_path_query(actor("russia"), actor("mongolia"), options));
    settle();
    ASSERT_FALSE(explorer_->paths().empty());
    EXPECT_GT(explorer_->camera().zoom(), fitted) << "the camera came closer to the path";
    auto named = named_actors();
    for (auto on_path : explorer_->paths().front().actors) {
        EXPECT_TRUE(on_screen(on_path)) << explorer_->graph()->actor(on_path).display_name();
        EXPECT_TRUE(named.contains(on_path)) << explorer_->graph()->actor(on_path).display_name();
    }
}

TEST_F(ExplorerFirstView, AFocusAndASearchNameTheirActors)
{
    open_nato();
    explorer_->set_focus({actor("mongolia")}, 1);
    settle();
    EXPECT_TRUE(named_actors().contains(actor("mongolia")));
    explorer_->set_focus({}, 1);
    settle();
    auto found = explorer_->search("kazakh", 1);
    ASSERT_FALSE(found.empty());
    explorer_->go_to_actor(found.front());
    EXPECT_TRUE(on_screen(found.front()));
    EXPECT_TRUE(named_actors().contains(found.front()));
}

}  // namespace
}  // namespace actorgraph::testing
