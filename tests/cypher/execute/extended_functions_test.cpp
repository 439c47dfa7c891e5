// Neo4j 5's functions beyond openCypher's (extended_functions.cpp, and the chars and mode arguments of the
// trims and round), answering as Neo4j documents them.
#include <gtest/gtest.h>

#include <string>

#include "cypher/session_fixture.hpp"

namespace actorgraph::cypher {
namespace {

class CypherExtendedFunctions : public CypherSessionTest {
protected:
    std::string text_of(const std::string& expression) { return to_cypher_text(session, single("RETURN " + expression)); }
};

TEST_F(CypherExtendedFunctions, ConversionsOrNullAnswerNullWhereTheConversionFails)
{
    EXPECT_EQ(text_of("toIntegerOrNull('42')"), "42");
    EXPECT_EQ(text_of("toIntegerOrNull('x')"), "null");
    EXPECT_EQ(text_of("toIntegerOrNull([1])"), "null");
    EXPECT_EQ(text_of("toFloatOrNull('1.5')"), "1.5");
    EXPECT_EQ(text_of("toBooleanOrNull(2.5)"), "null");
    EXPECT_EQ(text_of("toStringOrNull({a: 1})"), "null");
    EXPECT_EQ(text_of("toIntegerList(['1', 'x', 2.7, null, [1]])"), "[1, null, 2, null, null]");
    EXPECT_EQ(text_of("toStringList([1, true, null])"), "['1', 'true', null]");
    EXPECT_EQ(text_of("toFloatList(null)"), "null");
    EXPECT_EQ(error_of("RETURN toIntegerList('1')").error_class(), ErrorClass::TypeError);
}

TEST_F(CypherExtendedFunctions, StringAndEmptinessFunctions)
{
    EXPECT_EQ(single("RETURN char_length('\u00e9t\u00e9')").as_integer(), 3);
    EXPECT_EQ(single("RETURN character_length('abc')").as_integer(), 3);
    EXPECT_EQ(text_of("btrim('  a ')"), "'a'");
    EXPECT_EQ(text_of("btrim('xyaxy', 'yx')"), "'a'");
    EXPECT_EQ(text_of("lTrim('xxa', 'x') + rTrim('axx', 'x')"), "'aa'");
    EXPECT_EQ(text_of("btrim(null, 'x')"), "null");
    EXPECT_EQ(text_of("[isEmpty(''), isEmpty([1]), isEmpty({}), isEmpty(null)]"), "[true, false, true, null]");
    EXPECT_EQ(error_of("RETURN isEmpty(1)").error_class(), ErrorClass::TypeError);
}

TEST_F(CypherExtendedFunctions, NullIfIsNaNAndIdentities)
{
    EXPECT_EQ(text_of("[nullIf(1, 1), nullIf(1, 2), nullIf(null, 1)]"), "[null, 1, null]");
    EXPECT_EQ(text_of("[isNaN(0.0 / 0.0), isNaN(1), isNaN(null)]"), "[true, false, null]");
    EXPECT_EQ(to_cypher_text(session, single("CREATE (n) RETURN elementId(n) = elementId(n)")), "true");
    auto uuid = single("RETURN randomUUID()").as_string();
    ASSERT_EQ(uuid.size(), 36u);
    EXPECT_EQ(uuid[14], '4') << uuid;
    EXPECT_NE(uuid, single("RETURN randomUUID()").as_string());
    EXPECT_EQ(text_of("timestamp() = timestamp()"), "true") << "one clock per statement";
    EXPECT_GT(single("RETURN timestamp()").as_integer(), 1'700'000'000'000);
}

TEST_F(CypherExtendedFunctions, RoundTakesNeo4jsModes)
{
    EXPECT_EQ(text_of("[round(2.5, 0, 'HALF_EVEN'), round(3.5, 0, 'HALF_EVEN'), round(2.6, 0, 'half_even')]"),
              "[2.0, 4.0, 3.0]");
    EXPECT_EQ(text_of("[round(-2.5, 0, 'HALF_UP'), round(-2.5, 0, 'HALF_DOWN'), round(2.51, 0, 'HALF_DOWN')]"),
              "[-3.0, -2.0, 3.0]");
    EXPECT_EQ(text_of("[round(1.21, 1, 'UP'), round(-1.29, 1, 'DOWN'), round(1.2, 0, 'CEILING'), round(-1.2, 0, 'FLOOR')]"),
              "[1.3, -1.2, 2.0, -2.0]");
    EXPECT_EQ(error_of("RETURN round(1, 0, 'SIDEWAYS')").error_class(), ErrorClass::ArgumentError);
}

}  // namespace
}  // namespace actorgraph::cypher
