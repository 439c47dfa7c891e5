// A scan `()-[r:T]->()` visits T's relationships from the type index (label_index.cpp, relations_of_type), and
// a relation property read for a quarter of the relations is read from then on from a number column parsed once
// per graph version (graph_access.cpp, relationship_number). Both must answer exactly as reading every
// relation's text does: after writes, for values that are not numbers, for absent ones and within a statement
// that writes.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "cypher/session_fixture.hpp"

namespace actorgraph::cypher {
namespace {

// What a relation's `score` text reads as, by the row's number: the kinds a column must keep apart (a free
// property, read by the untyped rule: `amount_usd` would read every number as a float).
std::string amount_text(std::size_t i)
{
    switch (i % 5) {
    case 0: return std::to_string(i);            // an integer
    case 1: return std::to_string(i) + ".5";     // a float
    case 2: return "about " + std::to_string(i);  // text: not a number
    case 3: return "";                           // absent (not stored)
    default: return std::to_string(i) + "e3";    // a float with an exponent
    }
}

class CypherRelationshipIndex : public CypherSessionTest {
protected:
    static constexpr std::size_t relations = 3000;  // more than the 1,024 reads a column waits for

    void SetUp() override
    {
        for (std::size_t i = 0; i <= relations; ++i) {
            Actor actor;
            actor.id = "a" + std::to_string(i);
            actor.kind = Term("company");
            graph.add_actor(std::move(actor));
        }
        for (std::size_t i = 0; i < relations; ++i) {
            Relation relation;
            relation.source = static_cast<ActorIndex>(i);
            relation.target = static_cast<ActorIndex>(i + 1);
            relation.type = Term(i % 3 == 0 ? "pressure" : "investment");
            if (auto text = amount_text(i); !text.empty()) relation.properties.insert_or_assign("score", text);
            graph.add_relation(std::move(relation));
        }
    }

    // Every investment's amount as text, in relation order, as the rows of a scan.
    std::vector<std::string> scanned_amounts(const std::string& statement)
    {
        std::vector<std::string> amounts;
        for (const auto& row : run(statement).rows) amounts.push_back(to_cypher_text(session, row[0]));
        return amounts;
    }
};

TEST_F(CypherRelationshipIndex, AScanOfATypeVisitsItsRelationshipsInOrderAndFollowsWrites)
{
    EXPECT_EQ(single("MATCH ()-[r:investment]->() RETURN count(*)").as_integer(), 2000);
    EXPECT_EQ(single("MATCH ()-[r:pressure|investment]->() RETURN count(*)").as_integer(), 3000);
    EXPECT_EQ(single("MATCH ()-[r:pressure|pressure]->() RETURN count(*)").as_integer(), 1000) << "a type named twice counts once";
    EXPECT_EQ(single("MATCH ()-[r:partnership]->() RETURN count(*)").as_integer(), 0);
    // In relation order, as the storage scan gave them.
    auto ids = run("MATCH (a)-[r:pressure]->() RETURN a.id LIMIT 3");
    ASSERT_EQ(ids.rows.size(), 3u);
    EXPECT_EQ(ids.rows[2][0].as_string(), "a6");
    run("MATCH (a {id: 'a1'}), (b {id: 'a5'}) CREATE (a)-[:partnership]->(b)");
    EXPECT_EQ(single("MATCH ()-[r:partnership]->() RETURN count(*)").as_integer(), 1) << "the index was rebuilt";
    run("MATCH ()-[r:pressure]->() WITH r LIMIT 10 DELETE r");
    EXPECT_EQ(single("MATCH ()-[r:pressure]->() RETURN count(*)").as_integer(), 990);
    // A scan does not meet what a later clause of its statement creates (it would never end).
    EXPECT_EQ(single("MATCH (a)-[r:partnership]->(b) CREATE (a)-[:partnership]->(b) RETURN count(*)").as_integer(), 1);
    EXPECT_EQ(single("MATCH ()-[r:partnership]->() RETURN count(*)").as_integer(), 2);
}

TEST_F(CypherRelationshipIndex, NumbersReadFromTheColumnEqualTheTextsTheyWereParsedFrom)
{
    const std::string scan = "MATCH ()-[r]->() RETURN r.score";
    // The first scan reads text until a quarter of the relations were read, then the column; the second reads
    // the column from the start. Both must give what each text says.
    for (int pass = 0; pass < 2; ++pass) {
        auto amounts = scanned_amounts(scan);
        ASSERT_EQ(amounts.size(), relations);
        for (std::size_t i = 0; i < relations; ++i) {
            auto text = amount_text(i);
            std::string expected = i % 5 == 0   ? text
                                   : i % 5 == 1 ? text
                                   : i % 5 == 2 ? "'" + text + "'"
                                   : i % 5 == 3 ? "null"
                                                : to_cypher_text(session, Value::floating(static_cast<double>(i) * 1e3));
            ASSERT_EQ(amounts[i], expected) << "relation " << i << " pass " << pass;
        }
    }
    EXPECT_TRUE(single("MATCH ()-[r]->() WHERE r.score = 15 RETURN count(*) = 1").as_boolean()) << "an integer stays one";
    EXPECT_EQ(single("MATCH ()-[r]->() WHERE r.score > 2990 AND r.score < 3000 RETURN count(*)").as_integer(), 3)
        << "2991.5, 2995 and 2996.5; texts and nulls compare to nothing";
}

TEST_F(CypherRelationshipIndex, AStatementThatWritesReadsWhatItWroteAndTheNextSeesTheNewValues)
{
    (void)run("MATCH ()-[r]->() RETURN count(r.score)");  // builds the column
    // Each row reads the value the row before it wrote: the column, parsed before the writes, must not answer.
    auto total = single("MATCH ()-[r:investment]->() SET r.score = 2 WITH r RETURN sum(r.score)");
    EXPECT_EQ(total.as_integer(), 4000);
    EXPECT_EQ(single("MATCH ()-[r:investment]->() RETURN sum(r.score)").as_integer(), 4000) << "a new version, a new column";
    run("MATCH ()-[r:investment]->() WITH r LIMIT 1 SET r.score = 'unknown'");
    EXPECT_EQ(single("MATCH ()-[r:investment]->() WHERE r.score = 'unknown' RETURN count(*)").as_integer(), 1);
    EXPECT_EQ(single("MATCH ()-[r:investment]->() RETURN sum(CASE WHEN r.score = 'unknown' THEN 0 ELSE r.score END)").as_integer(), 3998);
}

}  // namespace
}  // namespace actorgraph::cypher
