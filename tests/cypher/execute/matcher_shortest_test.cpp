// shortestPath and allShortestPaths: breadth-first over what the pattern allows, checked against the
// query layer's path search on the bundled graph.
#include <gtest/gtest.h>

#include <atomic>

#include "actorgraph/io/dot_reader.hpp"
#include "actorgraph/query/paths.hpp"
#include "cypher/session_fixture.hpp"

namespace actorgraph::cypher {
namespace {

// a -> b -> c -> d, a -> x -> d (two shortest ways to d), a -[:other]-> d, and e alone.
class CypherShortestPath : public CypherSessionTest {
protected:
    void SetUp() override
    {
        run("CREATE (a {id: 'a'}), (b {id: 'b'}), (c {id: 'c'}), (d:End {id: 'd'}), (x {id: 'x'}), ({id: 'e'}), "
            "(a)-[:T]->(b), (b)-[:T]->(c), (c)-[:T]->(d), (a)-[:T]->(x), (x)-[:T {w: 1}]->(d), (a)-[:other]->(d)");
    }
    std::vector<std::string> ids_of_paths(const std::string& statement)
    {
        std::vector<std::string> result;
        for (const auto& row : run(statement).rows) {
            std::string text;
            for (auto node : row.at(0).as_path().nodes) text += graph.actor(node).id;
            result.push_back(text);
        }
        std::sort(result.begin(), result.end());
        return result;
    }
};

TEST_F(CypherShortestPath, FindsTheFewestHopsOverTheAllowedTypes)
{
    EXPECT_EQ(ids_of_paths("MATCH p = shortestPath(({id: 'a'})-[*]->({id: 'd'})) RETURN p"), std::vector<std::string>{"ad"});
    auto typed = ids_of_paths("MATCH p = shortestPath(({id: 'a'})-[:T*]->({id: 'd'})) RETURN p");
    ASSERT_EQ(typed.size(), 1u);
    EXPECT_EQ(typed[0], "axd");
    EXPECT_EQ(ids_of_paths("MATCH p = allShortestPaths(({id: 'a'})-[:T*]->({id: 'd'})) RETURN p"),
              std::vector<std::string>{"axd"});
    EXPECT_EQ(ids_of_paths("MATCH p = allShortestPaths(({id: 'a'})-[:T*]-(:End)) RETURN p"), std::vector<std::string>{"axd"});
}

TEST_F(CypherShortestPath, AnEndGivenByIdIsFoundAsAnEndBoundBeforeIs)
{
    // The id is looked up in the index; the answers are those of the same end bound by an earlier MATCH.
    for (const auto* from : {"a", "b", "d", "x", "e"}) {
        for (const auto* to : {"a", "c", "d", "x", "e"}) {
            std::string start = std::string("({id: '") + from + "'})";
            std::string end = std::string("{id: '") + to + "'}";
            for (const auto* arrow : {"-[*]->", "-[:T*]-", "<-[*0..]-"}) {
                auto by_id = ids_of_paths("MATCH p = shortestPath(" + start + arrow + "(" + end + ")) RETURN p");
                auto bound = ids_of_paths("MATCH (t " + end + ") MATCH p = shortestPath(" + start + arrow + "(t)) RETURN p");
                EXPECT_EQ(by_id, bound) << from << arrow << to;
            }
        }
    }
    // The rest of the end's pattern still has to fit; an unknown id finds nothing.
    EXPECT_TRUE(run("MATCH p = shortestPath(({id: 'a'})-[*]->(:Other {id: 'd'})) RETURN p").rows.empty());
    EXPECT_TRUE(run("MATCH p = shortestPath(({id: 'a'})-[*]->({id: 'd', name: 'no'})) RETURN p").rows.empty());
    EXPECT_EQ(single("MATCH p = shortestPath(({id: 'a'})-[*]->(:End {id: 'd'})) RETURN length(p)").as_integer(), 1);
    EXPECT_TRUE(run("MATCH p = shortestPath(({id: 'a'})-[*]->({id: 'nobody'})) RETURN p").rows.empty());
}

TEST_F(CypherShortestPath, AllShortestPathsReturnsEveryPathOfTheLowestLength)
{
    run("MATCH (b {id: 'b'}), (d {id: 'd'}) CREATE (b)-[:T]->(d)");
    EXPECT_EQ(ids_of_paths("MATCH p = allShortestPaths(({id: 'a'})-[:T*]->({id: 'd'})) RETURN p"),
              (std::vector<std::string>{"abd", "axd"}));
    EXPECT_EQ(ids_of_paths("MATCH p = shortestPath(({id: 'a'})-[:T*]->({id: 'd'})) RETURN p").size(), 1u);
}

TEST_F(CypherShortestPath, RespectsDirectionLengthBoundsAndRelationshipProperties)
{
    EXPECT_TRUE(run("MATCH p = shortestPath(({id: 'd'})-[:T*]->({id: 'a'})) RETURN p").rows.empty());
    EXPECT_EQ(single("MATCH p = shortestPath(({id: 'd'})<-[:T*]-({id: 'a'})) RETURN length(p)").as_integer(), 2);
    EXPECT_TRUE(run("MATCH p = shortestPath(({id: 'a'})-[:T*..1]->({id: 'd'})) RETURN p").rows.empty());
    EXPECT_TRUE(run("MATCH p = shortestPath(({id: 'x'})-[:T* {w: 2}]->({id: 'd'})) RETURN p").rows.empty());
    EXPECT_EQ(single("MATCH p = shortestPath(({id: 'x'})-[:T* {w: 1}]->({id: 'd'})) RETURN length(p)").as_integer(), 1);
    EXPECT_EQ(single("MATCH p = shortestPath(({id: 'a'})-[*0..]->({id: 'a'})) RETURN length(p)").as_integer(), 0);
    EXPECT_TRUE(run("MATCH p = shortestPath(({id: 'a'})-[*]->({id: 'e'})) RETURN p").rows.empty());
    EXPECT_TRUE(single("OPTIONAL MATCH p = shortestPath(({id: 'a'})-[*]->({id: 'e'})) RETURN p").is_null());
}

TEST_F(CypherShortestPath, BindsTheRelationshipsAsAListAndAnswersPerPairOfEndpoints)
{
    auto types = single("MATCH shortestPath(({id: 'a'})-[rs:T*]->({id: 'd'})) RETURN [r IN rs | type(r)]").as_list();
    EXPECT_EQ(types.size(), 2u);
    // Bound only at its end (searched from there) and unbound at the start: one path per start node.
    auto rows = run("MATCH (d {id: 'd'}) MATCH p = shortestPath((s)-[:T*]->(d)) RETURN s.id, length(p) ORDER BY s.id");
    ASSERT_EQ(rows.rows.size(), 4u);
    EXPECT_EQ(rows.rows[0][0].as_string(), "a");
    EXPECT_EQ(rows.rows[0][1].as_integer(), 2);
    EXPECT_EQ(rows.rows[3][0].as_string(), "x");
    EXPECT_EQ(rows.rows[3][1].as_integer(), 1);
    auto single_hop = single("MATCH shortestPath(({id: 'x'})-[r]->({id: 'd'})) RETURN r.w");
    EXPECT_EQ(single_hop.as_integer(), 1);
}

TEST_F(CypherShortestPath, WhereFiltersTheShortestPathsFound)
{
    auto rows = run("MATCH p = allShortestPaths(({id: 'a'})-[:T*]->(n)) WHERE length(p) = 2 RETURN n.id ORDER BY n.id");
    ASSERT_EQ(rows.rows.size(), 2u);
    EXPECT_EQ(rows.rows[0][0].as_string(), "c");
    EXPECT_EQ(rows.rows[1][0].as_string(), "d");
}

TEST_F(CypherShortestPath, PatternsItCannotSearchAreCompileTimeErrors)
{
    auto two = error_of("MATCH p = shortestPath((a)-->()-->(b)) RETURN p");
    EXPECT_EQ(two.detail(), "InvalidShortestPath");
    EXPECT_EQ(two.phase(), Phase::compile);
    EXPECT_EQ(error_of("MATCH p = shortestPath((a)-[*2..3]->(b)) RETURN p").detail(), "InvalidShortestPath");
    EXPECT_EQ(error_of("CREATE p = shortestPath((a)-[:T]->(b))").detail(), "InvalidShortestPath");
}

TEST_F(CypherShortestPath, AnUnboundedSearchIsCancellable)
{
    run("UNWIND range(1, 2000) AS i CREATE ({id: 'n' + i})");
    run("MATCH (a), (b) WHERE a.id = 'n' + 1 AND b.id STARTS WITH 'n' CREATE (a)-[:T]->(b)");
    std::atomic<bool> cancel{true};
    Limits limits;
    limits.cancel = &cancel;
    try {
        session.run("MATCH p = allShortestPaths((a)-[*]-(b)) RETURN count(p)", {}, limits);
        FAIL() << "expected cancellation";
    } catch (const Error& error) {
        EXPECT_EQ(error.detail(), "Cancelled");
    }
}

TEST(CypherShortestPathBundledGraph, LengthsAgreeWithThePathCommandsSearchForEveryPairFromRussia)
{
    auto graph = read_dot_file(ACTORGRAPH_SOURCE_DIR "/graphs/nato_mongolia.gv");
    ASSERT_EQ(graph.undirected_count(), 0u) << "the comparison assumes directed relations";
    Session session(graph);
    auto russia = *graph.find_by_id("russia");
    auto rows = session.run("MATCH p = shortestPath(({id: 'russia'})-[*]->(b)) RETURN b.id, length(p)");
    std::size_t compared = 0;
    for (const auto& row : rows.rows) {
        auto to = *graph.find_by_id(row[0].as_string());
        auto paths = find_paths(graph, russia, to, PathOptions{});
        ASSERT_FALSE(paths.empty()) << row[0].as_string();
        EXPECT_EQ(static_cast<std::int64_t>(paths[0].relations.size()), row[1].as_integer()) << row[0].as_string();
        ++compared;
    }
    EXPECT_GT(compared, 10u);
    // Every actor the path command reaches is answered.
    std::size_t reachable = 0;
    for (ActorIndex to = 0; to < graph.actor_count(); ++to) {
        if (to != russia && !find_paths(graph, russia, to, PathOptions{}).empty()) ++reachable;
    }
    EXPECT_EQ(reachable, compared);
}

TEST_F(CypherShortestPath, TheGrammarsPathSearchPrefixesFindWhatTheFunctionsFind)
{
    EXPECT_EQ(ids_of_paths("MATCH p = ANY SHORTEST ({id: 'a'})-[:T]->+({id: 'd'}) RETURN p"),
              ids_of_paths("MATCH p = shortestPath(({id: 'a'})-[:T*]->({id: 'd'})) RETURN p"));
    EXPECT_EQ(ids_of_paths("MATCH p = ALL SHORTEST ({id: 'a'})-[*]-({id: 'c'}) RETURN p"),
              ids_of_paths("MATCH p = allShortestPaths(({id: 'a'})-[*]-({id: 'c'})) RETURN p"));
    EXPECT_EQ(ids_of_paths("MATCH p = ALL SHORTEST ({id: 'a'})-[*]-({id: 'c'}) RETURN p").size(), 2u);
    EXPECT_EQ(ids_of_paths("MATCH p = SHORTEST 1 ({id: 'a'})-[:T]->{1,5}({id: 'd'}) RETURN p"),
              std::vector<std::string>{"axd"});
}

}  // namespace
}  // namespace actorgraph::cypher
