// The pattern matcher's paths: a variable-length segment of zero hops adds no node twice.
#include <gtest/gtest.h>

#include "cypher/session_fixture.hpp"

namespace actorgraph::cypher {
namespace {

class CypherMatcher : public CypherSessionTest {
protected:
    void SetUp() override { run("CREATE (:S {name: 's'})-[:R]->(:A {name: 'a'})-[:R]->(:B {name: 'b'})"); }
};

TEST_F(CypherMatcher, AZeroHopPathHoldsItsNodeOnce)
{
    auto result = run("MATCH p = (:S)-[*0..2]->(x) RETURN x.name, [n IN nodes(p) | n.name] AS names, length(p) AS hops "
                      "ORDER BY hops");
    ASSERT_EQ(result.rows.size(), 3u);
    const auto& zero = result.rows[0][1].as_list();
    ASSERT_EQ(zero.size(), 1u);
    EXPECT_EQ(zero[0].as_string(), "s");
    EXPECT_EQ(result.rows[1][1].as_list().size(), 2u);
    EXPECT_EQ(result.rows[2][1].as_list().size(), 3u);
    // In the middle of a pattern and matched from its far end too.
    auto middle = run("MATCH p = (:S)-[:R]->(a)-[*0]->(b)-[:R]->(c) RETURN size(nodes(p)) AS n, length(p) AS l");
    ASSERT_EQ(middle.rows.size(), 1u);
    EXPECT_EQ(middle.rows[0][0].as_integer(), 3);
    EXPECT_EQ(middle.rows[0][1].as_integer(), 2);
    auto reversed = run("MATCH p = (x)-[*0..1]->(:B) RETURN [n IN nodes(p) | n.name] AS names ORDER BY size(names)");
    ASSERT_EQ(reversed.rows.size(), 2u);
    EXPECT_EQ(reversed.rows[0][0].as_list().size(), 1u);
    EXPECT_EQ(reversed.rows[1][0].as_list().size(), 2u);
}

}  // namespace
}  // namespace actorgraph::cypher
