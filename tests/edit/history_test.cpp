#include "actorgraph/edit/history.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "actorgraph/io/dot_writer.hpp"
#include "actorgraph/io/file_format.hpp"
#include "graph_fixtures.hpp"
#include "test_support.hpp"

namespace actorgraph {
namespace {

Graph bundled_graph() { return load_graph(testing::source_dir() / "graphs/nato_mongolia.gv"); }

// One change of every kind, on real actors of the bundled graph.
std::vector<Change> every_kind_of_change()
{
    return {
        AddActor{"erdenes", "company", "Erdenes Oyu Tolgoi", {"EOT"}, {{"description", "state holder of 34%"}, {"year", "2009"}}},
        AddRelation{"rio_tinto", "mongolia", "investment", false, {{"source", "annual report"}, {"year", "2015"}, {"amount_usd", "5.3e9"}}},
        AddRelation{"china", "russia", "partnership", true, {{"source", "news"}}},
        SetProperty{{"oyu_tolgoi", std::nullopt}, "description", "a mine"},
        SetProperty{{"oyu_tolgoi", std::nullopt}, "founded", "2001"},
        SetProperty{{"oyu_tolgoi", std::nullopt}, "description", std::nullopt},
        SetProperty{{"oyu_tolgoi", std::nullopt}, "label", "Oyu Tolgoi mine"},
        SetProperty{{"oyu_tolgoi", std::nullopt}, "aliases", "OT;the mine"},
        SetProperty{{"oyu_tolgoi", std::nullopt}, "id", "ot_mine"},
        SetProperty{{"china", std::nullopt}, "kind", "organization"},
        SetProperty{{{}, RelationIndex{3}}, "year", "2014"},
        SetProperty{{{}, RelationIndex{3}}, "type", "pressure"},
        SetProperty{{{}, RelationIndex{5}}, "role", std::nullopt},
        DeleteRelation{7},
        DeleteActor{"russia"},
        MergeActors{"mongolia", "china"},
        MergeActors{"rio_tinto", "oyu_tolgoi"},
        PinActor{"japan", 120.5, -33},
    };
}

TEST(EditHistory, UndoOfEveryKindOfChangeRestoresTheFileExactlyAndRedoRepeatsIt)
{
    for (const auto& change : every_kind_of_change()) {
        auto graph = bundled_graph();
        auto before = write_dot(graph);
        EditHistory history;
        auto problems = history.apply(graph, change);
        ASSERT_TRUE(problems.empty()) << change_to_json(change) << ": " << problems.front().to_string();
        auto after = write_dot(graph);
        EXPECT_TRUE(after != before) << change_to_json(change);
        ASSERT_TRUE(history.undo(graph));
        EXPECT_EQ(write_dot(graph), before) << change_to_json(change);
        testing::expect_same_graph(bundled_graph(), graph, true);
        ASSERT_TRUE(history.redo(graph));
        EXPECT_EQ(write_dot(graph), after) << change_to_json(change);
    }
}

TEST(EditHistory, UndoingAWholeSessionStepByStepWalksBackThroughEveryState)
{
    auto graph = bundled_graph();
    EditHistory history;
    std::vector<std::string> states{write_dot(graph)};
    for (const auto& change : every_kind_of_change()) {
        auto problems = history.apply(graph, change);
        if (!problems.empty()) continue;  // a later change may name what an earlier one removed
        states.push_back(write_dot(graph));
    }
    ASSERT_GT(states.size(), 12u);
    for (auto state = states.rbegin() + 1; state != states.rend(); ++state) {
        ASSERT_TRUE(history.undo(graph));
        EXPECT_EQ(write_dot(graph), *state);
    }
    EXPECT_FALSE(history.undo(graph));
    while (history.redo(graph)) {}
    EXPECT_EQ(write_dot(graph), states.back());
}

TEST(EditHistory, StepsAreNamedForTheMenu)
{
    Graph graph;
    EditHistory history;
    EXPECT_EQ(history.undo_name(), "Undo");
    ASSERT_TRUE(history.apply(graph, AddActor{"ot", "company", "Oyu Tolgoi", {}, {}}).empty());
    ASSERT_TRUE(history.apply(graph, AddActor{"ot_llc", "company", "Oyu Tolgoi LLC", {}, {}}).empty());
    ASSERT_TRUE(history.apply(graph, MergeActors{"ot", "ot_llc"}).empty());
    EXPECT_EQ(history.undo_name(), "Undo merge of Oyu Tolgoi LLC into Oyu Tolgoi");
    history.undo(graph);
    EXPECT_EQ(history.redo_name(), "Redo merge of Oyu Tolgoi LLC into Oyu Tolgoi");
    EXPECT_EQ(history.undo_name(), "Undo new actor Oyu Tolgoi LLC");
}

TEST(EditHistory, ANewChangeAfterUndoDropsTheRedoSteps)
{
    Graph graph;
    EditHistory history;
    ASSERT_TRUE(history.apply(graph, AddActor{"a", "state", "", {}, {}}).empty());
    history.undo(graph);
    ASSERT_TRUE(history.apply(graph, AddActor{"b", "state", "", {}, {}}).empty());
    EXPECT_FALSE(history.can_redo());
    EXPECT_EQ(graph.actor_count(), 1u);
    EXPECT_EQ(graph.actor(0).id, "b");
}

TEST(EditHistory, RefusedChangesLeaveGraphAndHistoryAsTheyWere)
{
    auto graph = bundled_graph();
    auto before = write_dot(graph);
    EditHistory history;
    EXPECT_FALSE(history.apply(graph, AddActor{"mongolia", "state", "", {}, {}}).empty());
    EXPECT_FALSE(history.apply(graph, AddRelation{"rio_tinto", "mongolia", "investment", false, {{"year", "2015"}}}).empty());
    EXPECT_EQ(write_dot(graph), before);
    EXPECT_FALSE(history.can_undo());
}

// Random sessions of every kind of change: after each step every actor is found by each of its names,
// and undoing the whole session gives back the file it started from.
TEST(EditHistory, RandomSessionsUndoToTheStartAndKeepTheNameIndexesRight)
{
    std::mt19937 random(20261202);
    for (int session = 0; session < 20; ++session) {
        auto graph = bundled_graph();
        auto start = write_dot(graph);
        EditHistory history;
        for (int step = 0; step < 60; ++step) {
            auto pick_actor = [&] { return graph.actor(static_cast<ActorIndex>(random() % graph.actor_count())).id; };
            auto pick_relation = [&] { return static_cast<RelationIndex>(random() % std::max<std::size_t>(1, graph.relation_count())); };
            auto name = "n" + std::to_string(session) + "_" + std::to_string(step);
            Change change;
            switch (random() % 8) {
            case 0: change = AddActor{name, "company", "Name " + name, {"alias " + name}, {}}; break;
            case 1: change = AddRelation{pick_actor(), pick_actor(), "lobbying", false, {{"source", "s"}}}; break;
            case 2: change = SetProperty{{pick_actor(), std::nullopt}, "label", "Label " + name}; break;
            case 3: change = SetProperty{{pick_actor(), std::nullopt}, "id", name}; break;
            case 4: change = DeleteRelation{pick_relation()}; break;
            case 5: change = DeleteActor{pick_actor()}; break;
            case 6: change = MergeActors{pick_actor(), pick_actor()}; break;
            default: change = SetProperty{{pick_actor(), std::nullopt}, "aliases", "a " + name + ";b " + name}; break;
            }
            (void)history.apply(graph, change);
            if (random() % 5 == 0) history.undo(graph);
            for (ActorIndex index = 0; index < graph.actor_count(); ++index) {
                ASSERT_EQ(graph.find_by_id(graph.actor(index).id), index);
                for (const auto& alias : graph.actor(index).aliases) {
                    auto found = graph.find_by_name(alias);
                    ASSERT_NE(std::find(found.begin(), found.end(), index), found.end()) << alias;
                }
            }
        }
        while (history.undo(graph)) {}
        EXPECT_EQ(write_dot(graph), start) << "session " << session;
    }
}

TEST(EditHistory, AGroupOfEveryKindOfChangeIsOneStepThatUndoesAndRedoesExactly)
{
    auto graph = bundled_graph();
    auto before = write_dot(graph);
    EditHistory history;
    ASSERT_TRUE(history.apply(graph, SetProperty{{"china", std::nullopt}, "note", "first"}).empty());
    auto after_first = write_dot(graph);
    // Every kind of change but the renaming of an id, which later ones would then miss.
    auto changes = every_kind_of_change();
    std::erase_if(changes, [](const Change& change) {
        const auto* set = std::get_if<SetProperty>(&change);
        return set && set->key == "id";
    });
    auto problems = history.apply_group(graph, {"Cypher: MATCH ... everything", changes});
    ASSERT_TRUE(problems.empty()) << problems.front().to_string();
    auto after = write_dot(graph);
    EXPECT_EQ(history.undo_count(), 2u);
    EXPECT_EQ(history.undo_name(), "Undo Cypher: MATCH ... everything");
    EXPECT_EQ(history.undo(graph), "Cypher: MATCH ... everything");
    EXPECT_EQ(write_dot(graph), after_first);
    ASSERT_TRUE(history.redo(graph));
    EXPECT_EQ(write_dot(graph), after);
    ASSERT_TRUE(history.undo(graph));
    ASSERT_TRUE(history.undo(graph));
    EXPECT_EQ(write_dot(graph), before);
    testing::expect_same_graph(bundled_graph(), graph, true);
}

TEST(EditHistory, AGroupWithABadChangeChangesNothingAndNamesWhichChange)
{
    auto graph = bundled_graph();
    auto before = write_dot(graph);
    EditHistory history;
    ChangeGroup group{"Cypher: CREATE", {AddActor{"erdenes", "company", "Erdenes", {}, {}},
                                         AddRelation{"erdenes", "mongolia", "investment", false, {}}}};
    auto problems = history.apply_group(graph, group);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems.front().field, "source");
    EXPECT_EQ(problems.front().message.rfind("change 2 of 2: ", 0), 0u) << problems.front().message;
    EXPECT_EQ(write_dot(graph), before);
    EXPECT_FALSE(graph.find_by_id("erdenes"));
    EXPECT_FALSE(history.can_undo());
    EXPECT_FALSE(history.apply_group(graph, {"Cypher: nothing", {}}).empty()) << "an empty group is no step";
    EXPECT_FALSE(history.can_undo());
}

}  // namespace
}  // namespace actorgraph
