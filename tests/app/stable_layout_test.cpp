// The map does not jump: after an edit the actors drawn before keep their places (and their place on
// screen), new ones land next to their neighbours, and a full layout happens only when asked for.
// The explorer tests lay out the bundled graph with Graphviz for real.
#include "actorgraph/app/stable_layout.hpp"

#include <cmath>

#include "actorgraph/app/script.hpp"
#include "explorer_fixture.hpp"

namespace actorgraph::testing {
namespace {

namespace fs = std::filesystem;

float distance(Point a, Point b) { return std::hypot(a.x - b.x, a.y - b.y); }

// ---- stable_places on a hand-made graph ----

struct SmallMap {
    Graph graph;
    Scene scene;
    ActorPlaces remembered;
};

// a and b drawn 200 points apart; c linked to a, d linked to nothing, both new.
SmallMap small_map()
{
    SmallMap map;
    for (const char* id : {"a", "b", "c", "d"}) map.graph.add_actor({id, id, "state", {}, {}, {}});
    map.graph.add_relation({0, 1, "investment", {}, {}});
    map.graph.add_relation({2, 0, "pressure", {}, {}});
    map.scene.visible = Selection::everything(map.graph);
    map.remembered["a"] = {{0, 0}, {27, 18}};
    map.remembered["b"] = {{200, 0}, {27, 18}};
    return map;
}

Point centre_of(const std::vector<PlacedActor>& placed, ActorIndex actor)
{
    for (const auto& place : placed) {
        if (place.actor == actor) return place.centre;
    }
    ADD_FAILURE() << "actor " << actor << " was not placed";
    return {};
}

TEST(StablePlaces, RememberedActorsStayAndANewOneGoesBesideItsNeighbourClearOfIt)
{
    auto map = small_map();
    auto placed = stable_places(map.graph, map.scene, map.remembered);
    ASSERT_TRUE(placed);
    ASSERT_EQ(placed->size(), 4u);
    EXPECT_FLOAT_EQ(centre_of(*placed, 0).x, 0);
    EXPECT_FLOAT_EQ(centre_of(*placed, 1).x, 200);
    auto c = centre_of(*placed, 2);
    EXPECT_LT(distance(c, {0, 0}), 120) << "c is linked to a only";
    EXPECT_TRUE(std::abs(c.x) >= 54 || std::abs(c.y) >= 36) << "c overlaps a at " << c.x << "," << c.y;
    auto d = centre_of(*placed, 3);
    EXPECT_GT(d.x, 227) << "d, linked to nothing, goes beside the right edge of the map";
    EXPECT_TRUE(std::abs(d.x - c.x) >= 54 || std::abs(d.y - c.y) >= 36) << "d overlaps c";
}

TEST(StablePlaces, AnActorPlacedAloneMovesNextToItsFirstNeighbourAndOnlyThen)
{
    auto map = small_map();
    map.remembered["c"] = {{900, 0}, {27, 18}, true};  // put beside the map when it had no relation
    map.remembered["d"] = {{900, 200}, {27, 18}, true};
    auto placed = stable_places(map.graph, map.scene, map.remembered);
    ASSERT_TRUE(placed);
    EXPECT_LT(distance(centre_of(*placed, 2), {0, 0}), 120) << "c is linked to a now";
    EXPECT_FLOAT_EQ(centre_of(*placed, 3).x, 900) << "d still has no neighbour: it stays";
    map.remembered["c"].alone = false;
    placed = stable_places(map.graph, map.scene, map.remembered);
    EXPECT_FLOAT_EQ(centre_of(*placed, 2).x, 900) << "an actor the user or a layout placed stays";
}

TEST(StablePlaces, APinnedActorWithoutAPlaceStandsAtItsPin)
{
    auto map = small_map();
    auto& c = map.graph.actor_for_edit(2);
    c.properties = {{"x", "-300"}, {"y", "40.5"}, {"pinned", "true"}};
    auto placed = stable_places(map.graph, map.scene, map.remembered);
    ASSERT_TRUE(placed);
    EXPECT_FLOAT_EQ(centre_of(*placed, 2).x, -300);
    EXPECT_FLOAT_EQ(centre_of(*placed, 2).y, 40.5);
}

TEST(StablePlaces, AMapWithNothingRememberedOrMostlyNewIsLaidOutAfresh)
{
    auto map = small_map();
    EXPECT_FALSE(stable_places(map.graph, map.scene, {}));
    for (int i = 0; i < 201; ++i) map.graph.add_actor({"n" + std::to_string(i), "n", "state", {}, {}, {}});
    map.scene.visible = Selection::everything(map.graph);
    EXPECT_FALSE(stable_places(map.graph, map.scene, map.remembered)) << "201 new actors";
}

TEST(StablePlaces, TheDotFixesEveryActorForNop)
{
    auto dot = with_fixed_places("digraph x {\n  a0;\n}\n", {{0, {12.5f, -3}, true}});
    EXPECT_EQ(dot, "digraph x {\n  a0;\n  graph [notranslate=true, overlap=true];\n  a0 [pos=\"12.50,-3.00\"];\n}\n");
}

// ---- the explorer, laying out the bundled graph for real ----

class StableLayoutTest : public ExplorerTest {
protected:
    void SetUp() override
    {
        ExplorerTest::SetUp();
        file_ = config_ / "nato_mongolia.gv";
        fs::copy_file(nato_file(), file_, fs::copy_options::overwrite_existing);
        ASSERT_TRUE(explorer_->open(file_));
        settle();
        ASSERT_NE(explorer_->drawing(), nullptr) << explorer_->layout_status().error;
    }

    void run(const std::string& script)
    {
        ScriptRunner runner(parse_script(script, "session.txt"));
        runner.run_to_end(*explorer_, layout_timeout);
        settle();
    }

    /// Each drawn actor's centre on screen, by id.
    [[nodiscard]] std::map<std::string, Point> on_screen() const
    {
        std::map<std::string, Point> points;
        for (const auto& element : explorer_->drawing()->elements) {
            if (element.kind != ElementKind::actor) continue;
            points[explorer_->graph()->actor(element.index).id] = explorer_->camera().to_screen(element.centre);
        }
        return points;
    }

    void expect_kept(const ActorPlaces& before, const std::map<std::string, Point>& screen_before, std::string_view except = {})
    {
        auto after = screen_after();
        for (const auto& [id, place] : before) {
            if (id == except) continue;
            auto found = explorer_->actor_places().find(id);
            ASSERT_NE(found, explorer_->actor_places().end()) << id;
            EXPECT_LT(distance(found->second.centre, place.centre), 0.01f) << id << " moved in the layout";
            EXPECT_LT(distance(after.at(id), screen_before.at(id)), 0.5f) << id << " moved on screen";
        }
    }

    [[nodiscard]] std::map<std::string, Point> screen_after() const { return on_screen(); }

    fs::path file_;
};

TEST_F(StableLayoutTest, AnAddedActorAndRelationKeepEveryDrawnActorInPlaceAndTheNewOneLandsNearItsNeighbour)
{
    auto before = explorer_->actor_places();
    auto screen = on_screen();
    auto zoom = explorer_->camera().zoom();
    run("add-actor erdenes kind=company \"label=Erdenes Mongol\"\n"
        "add-relation erdenes mongolia type=investment \"source=annual report 2021\"\n");
    ASSERT_TRUE(explorer_->layout_status().kept_places) << explorer_->layout_status().error;
    EXPECT_EQ(explorer_->layout_status().engine, LayoutEngine::fdp) << "still the engine's map";
    EXPECT_EQ(explorer_->camera().zoom(), zoom) << "an edit does not refit the picture";
    expect_kept(before, screen);
    const auto& places = explorer_->actor_places();
    ASSERT_TRUE(places.contains("erdenes"));
    auto erdenes = places.at("erdenes");
    auto mongolia = places.at("mongolia");
    EXPECT_LT(distance(erdenes.centre, mongolia.centre), mongolia.half_size.x + erdenes.half_size.x + 200)
        << "placed far from its only neighbour";
    for (const auto& [id, place] : places) {
        if (id == "erdenes" || !before.contains(id)) continue;
        bool apart = std::abs(place.centre.x - erdenes.centre.x) >= place.half_size.x + erdenes.half_size.x - 1 ||
                     std::abs(place.centre.y - erdenes.centre.y) >= place.half_size.y + erdenes.half_size.y - 1;
        EXPECT_TRUE(apart) << "the new actor covers " << id;
    }
    auto relation = explorer_->graph()->relation_count() - 1;
    EXPECT_NE(explorer_->drawing()->find_relation(static_cast<RelationIndex>(relation)), nullptr) << "the new relation is routed";
}

TEST_F(StableLayoutTest, UndoingADeletionPutsTheActorBackWhereItWas)
{
    auto before = explorer_->actor_places();
    auto screen = on_screen();
    run("delete rio_tinto\n");
    EXPECT_TRUE(explorer_->layout_status().kept_places);
    EXPECT_FALSE(explorer_->graph()->find_by_id("rio_tinto"));
    run("undo\n");
    ASSERT_TRUE(explorer_->layout_status().kept_places);
    expect_kept(before, screen);
}

TEST_F(StableLayoutTest, APinMovesOnlyThePinnedActor)
{
    auto before = explorer_->actor_places();
    auto screen = on_screen();
    auto target = before.at("mongolia").centre;
    target.x += 150;
    target.y -= 90;
    run("pin mongolia " + std::to_string(target.x) + " " + std::to_string(target.y) + "\n");
    ASSERT_TRUE(explorer_->layout_status().kept_places);
    EXPECT_LT(distance(explorer_->actor_places().at("mongolia").centre, target), 0.05f);
    expect_kept(before, screen, "mongolia");
}

TEST_F(StableLayoutTest, ReLayoutAndAnotherEngineLayTheMapOutAfresh)
{
    run("add-actor erdenes kind=company\nadd-relation erdenes mongolia type=investment source=report\n");
    ASSERT_TRUE(explorer_->layout_status().kept_places);
    run("relayout\n");
    EXPECT_FALSE(explorer_->layout_status().kept_places);
    EXPECT_EQ(explorer_->layout_status().engine, LayoutEngine::fdp);
    run("add-relation erdenes china type=investment source=report\nlayout dot\n");
    EXPECT_FALSE(explorer_->layout_status().kept_places);
    EXPECT_EQ(explorer_->layout_status().engine, LayoutEngine::dot);
}

TEST_F(StableLayoutTest, AFilterChangeLaysOutAfresh)
{
    run("add-actor erdenes kind=company\n");
    ASSERT_TRUE(explorer_->layout_status().kept_places);
    run("filter types investment\n");
    EXPECT_FALSE(explorer_->layout_status().kept_places);
}

}  // namespace
}  // namespace actorgraph::testing
