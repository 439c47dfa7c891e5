// MERGE's refusal of a null property, which it could never match again.
#include <gtest/gtest.h>

#include "cypher/session_fixture.hpp"

namespace actorgraph::cypher {
namespace {

class CypherWrites : public CypherSessionTest {};

TEST_F(CypherWrites, MergeRefusesToCreateANullProperty)
{
    auto error = error_of("MERGE ({num: null})");
    EXPECT_EQ(error.error_class(), ErrorClass::SemanticError);
    EXPECT_EQ(error.detail(), "MergeReadOwnWrites");
    EXPECT_EQ(error.phase(), Phase::runtime);
    auto relationship = error_of("CREATE (a), (b)\nMERGE (a)-[r:X {num: null}]->(b)");
    EXPECT_EQ(relationship.detail(), "MergeReadOwnWrites");
    EXPECT_EQ(relationship.position().line, 2);
    // The failed statement created nothing; a MERGE with values still works.
    EXPECT_EQ(single("MATCH (n) RETURN count(n) AS c").as_integer(), 0);
    run("MERGE (:N {num: 1})");
    run("MERGE (:N {num: 1})");
    EXPECT_EQ(single("MATCH (n:N) RETURN count(n) AS c").as_integer(), 1);
}

}  // namespace
}  // namespace actorgraph::cypher
