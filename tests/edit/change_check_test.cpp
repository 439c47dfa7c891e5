#include <gtest/gtest.h>

#include "actorgraph/edit/change.hpp"

namespace actorgraph {
namespace {

Graph two_actors()
{
    Graph graph;
    graph.add_actor({"rt", "Rio Tinto", "company", {}, {}, {}});
    graph.add_actor({"mn", "Mongolia", "state", {}, {}, {}});
    graph.add_actor({"lobby", "A lobby", "lobby group", {}, {}, {}});
    graph.add_relation({0, 1, "investment", {{"source", "report"}, {"since", "2010"}}, {}});
    return graph;
}

// The one problem the change has, as "field: message".
std::string problem(const Change& change)
{
    auto problems = check_change(two_actors(), change);
    if (problems.size() != 1) return std::to_string(problems.size()) + " problems";
    return problems.front().to_string();
}

TEST(ChangeCheck, ARelationWithoutASourceIsRefused)
{
    EXPECT_EQ(problem(AddRelation{"rt", "mn", "investment", false, {{"year", "2015"}}}),
              "source: a relation needs a source (where the fact comes from)");
    EXPECT_EQ(problem(AddRelation{"rt", "mn", "investment", false, {{"source", "  "}}}),
              "source: a relation needs a source (where the fact comes from)");
    EXPECT_EQ(problem(SetProperty{{{}, RelationIndex{0}}, "source", std::nullopt}),
              "source: a relation needs a source (where the fact comes from)");
}

TEST(ChangeCheck, AYearThatIsNotAYearIsRefused)
{
    EXPECT_EQ(problem(AddRelation{"rt", "mn", "investment", false, {{"source", "s"}, {"year", "20l5"}}}),
              "year: '20l5' is not a year");
    EXPECT_EQ(problem(SetProperty{{"rt", std::nullopt}, "year", "last year"}), "year: 'last year' is not a year");
    EXPECT_EQ(problem(SetProperty{{{}, RelationIndex{0}}, "until", "2005"}), "until: until 2005 is before since 2010");
}

TEST(ChangeCheck, ADuplicateIdIsRefused)
{
    EXPECT_EQ(problem(AddActor{"mn", "state", "", {}, {}}), "id: an actor with the id 'mn' already exists");
    EXPECT_EQ(problem(SetProperty{{"rt", std::nullopt}, "id", "mn"}), "id: an actor with the id 'mn' already exists");
}

TEST(ChangeCheck, AMisspeltKindOrTypeIsRefusedWithASuggestion)
{
    auto kind = problem(AddActor{"x", "compnay", "", {}, {}});
    EXPECT_NE(kind.find("kind: unknown kind 'compnay'. Did you mean 'company'?"), std::string::npos) << kind;
    auto type = problem(AddRelation{"rt", "mn", "investmnet", false, {{"source", "s"}}});
    EXPECT_NE(type.find("Did you mean 'investment'?"), std::string::npos) << type;
    auto custom = problem(AddActor{"x", "lobby grup", "", {}, {}});
    EXPECT_NE(custom.find("Did you mean 'lobby group'?"), std::string::npos) << custom;
}

TEST(ChangeCheck, BuiltInWordsInAnyCaseAndNewCustomWordsAreAccepted)
{
    auto graph = two_actors();
    EXPECT_TRUE(check_change(graph, AddActor{"x", "Company", "", {}, {}}).empty());
    EXPECT_TRUE(check_change(graph, AddActor{"x", "think tank", "", {}, {}}).empty());
    EXPECT_TRUE(check_change(graph, AddRelation{"rt", "mn", "lobbying", false, {{"source", "s"}}}).empty());
}

TEST(ChangeCheck, UnknownActorsAreNamedWithTheClosestOnes)
{
    auto message = problem(AddRelation{"rt", "mongolai", "investment", false, {{"source", "s"}}});
    EXPECT_NE(message.find("to: unknown actor 'mongolai'"), std::string::npos) << message;
    EXPECT_NE(message.find("Mongolia"), std::string::npos) << message;
    EXPECT_EQ(problem(MergeActors{"rt", "rt"}), "other: an actor cannot be merged into itself");
    EXPECT_EQ(problem(DeleteRelation{4}), "relation: there is no relation r4 (the graph has 1)");
}

TEST(ChangeCheck, ABuiltInRelationToItselfIsRefused)
{
    EXPECT_EQ(problem(AddRelation{"rt", "rt", "investment", false, {{"source", "s"}}}),
              "to: a relation of type investment cannot join an actor to itself");
}

TEST(ChangeCheck, ChangesRoundTripThroughTheirJson)
{
    std::vector<Change> changes{
        AddActor{"x", "company", "X \"quoted\"", {"a", "b"}, {{"year", "2001"}}},
        AddRelation{"rt", "mn", "investment", true, {{"source", "s"}}},
        SetProperty{{{}, RelationIndex{0}}, "note", std::nullopt},
        SetProperty{{"rt", std::nullopt}, "label", "Rio"},
        DeleteRelation{0}, DeleteActor{"mn"}, MergeActors{"rt", "mn"}, PinActor{"rt", 1.5, -2},
    };
    for (const auto& change : changes) {
        auto json = change_to_json(change);
        EXPECT_EQ(change_to_json(change_from_json(json)), json);
    }
    EXPECT_THROW((void)change_from_json("{\"op\":\"explode\"}"), Error);
    EXPECT_THROW((void)change_from_json("{\"op\":\"add-actor\""), Error);
    EXPECT_THROW((void)change_from_json("{\"op\":\"delete-relation\",\"relation\":1e20}"), Error);
    EXPECT_THROW((void)change_from_json("{\"op\":\"delete-relation\",\"relation\":-1}"), Error);
}

}  // namespace
}  // namespace actorgraph
