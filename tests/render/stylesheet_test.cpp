#include "actorgraph/render/stylesheet.hpp"

#include <gtest/gtest.h>

#include "actorgraph/io/file_io.hpp"
#include "actorgraph/model/error.hpp"
#include "actorgraph/model/schema.hpp"
#include "test_support.hpp"

namespace actorgraph {
namespace {

TEST(Stylesheet, BuiltinIsTheAssetsFile)
{
    auto from_file = Stylesheet::parse(read_file(testing::source_dir() / "assets/stylesheet.json"), "stylesheet.json");
    const auto& builtin = Stylesheet::builtin();
    EXPECT_EQ(builtin.kind("state").fill, from_file.kind("state").fill);
    EXPECT_EQ(builtin.type("pressure").arrowhead, from_file.type("pressure").arrowhead);
    for (auto kind : schema::kinds) EXPECT_TRUE(builtin.kinds.contains(kind)) << kind;
    for (auto type : schema::relation_types) EXPECT_TRUE(builtin.types.contains(type)) << type;
}

TEST(Stylesheet, UnknownKindsAndTypesUseTheFallback)
{
    const auto& style = Stylesheet::builtin();
    EXPECT_EQ(style.kind("militia").shape, style.kinds.at("*").shape);
    EXPECT_EQ(style.type("bribery").color, style.types.at("*").color);
}

TEST(Stylesheet, MalformedJsonNamesFileAndLine)
{
    try {
        (void)Stylesheet::parse("{\n  \"kinds\": {\n    \"state\": {\"shape\": }\n  }\n}", "mine.json");
        FAIL() << "expected an error";
    } catch (const Error& error) {
        EXPECT_EQ(error.where().file, "mine.json");
        EXPECT_EQ(error.where().line, 3);
    }
    EXPECT_THROW((void)Stylesheet::parse("{\"kinds\": {\"state\": {\"shape\": 3}}}", "typed.json"), Error);
    EXPECT_THROW((void)Stylesheet::parse("[]", "array.json"), Error);
}

TEST(Stylesheet, AnOverrideChangesOnlyWhatItGivesFieldByField)
{
    const auto& builtin = Stylesheet::builtin();
    auto mine = builtin.with_overrides(R"({"graph": {"background": "#fafafa"},
        "kinds": {"state": {"fill": "#ffffff"}, "militia": {"shape": "octagon"}},
        "types": {"pressure": {"color": "#000000", "penwidth": 3}}})", "mine.json");
    EXPECT_EQ(mine.background, "#fafafa");
    EXPECT_EQ(mine.rankdir, builtin.rankdir);
    EXPECT_EQ(mine.kind("state").fill, "#ffffff");
    EXPECT_EQ(mine.kind("state").shape, builtin.kind("state").shape) << "a kind giving only fill keeps its shape";
    EXPECT_EQ(mine.kind("state").border, builtin.kind("state").border);
    EXPECT_EQ(mine.kind("militia").shape, "octagon");
    EXPECT_EQ(mine.kind("militia").fill, builtin.kind("*").fill) << "a new kind starts from the fallback";
    EXPECT_EQ(mine.type("pressure").color, "#000000");
    EXPECT_EQ(mine.type("pressure").arrowhead, "tee");
    EXPECT_EQ(mine.type("pressure").penwidth, 3.0);
    EXPECT_EQ(mine.type("investment").color, builtin.type("investment").color);
}

std::string error_of(std::string_view json_text)
{
    try {
        (void)Stylesheet::builtin().with_overrides(json_text, "mine.json");
    } catch (const Error& error) {
        return error.what();
    }
    return "no error";
}

TEST(Stylesheet, MisspeltKeysAndValuesAreErrorsWithTheLineTheKeyAndASuggestion)
{
    EXPECT_EQ(error_of("{\n \"kinds\": {\n  \"state\": {\"fil\": \"#ffffff\"}}}"),
              "mine.json:3: 'kinds.state.fil': unknown kind style key 'fil'. Did you mean 'fill'? Known: comment, shape, fill, border, font, style");
    EXPECT_NE(error_of(R"({"types": {"pressure": {"style": "dashd"}}})").find("Did you mean 'dashed'?"), std::string::npos);
    EXPECT_NE(error_of(R"({"kinds": {"state": {"shape": "hexgon"}}})").find("'kinds.state.shape': unknown shape 'hexgon'. Did you mean 'hexagon'?"),
              std::string::npos);
    EXPECT_NE(error_of(R"({"kinds": {"state": {"fill": "#12345"}}})").find("'#12345' is not a colour the explorer draws"), std::string::npos);
    EXPECT_NE(error_of(R"({"kinds": {"state": {"border": "gren"}}})").find("did you mean 'green'?"), std::string::npos);
    EXPECT_NE(error_of(R"({"kinds": {"state": {"style": "filled,roundd"}}})").find("Did you mean 'rounded'?"), std::string::npos);
    EXPECT_NE(error_of(R"({"grph": {}})").find("unknown section 'grph'. Did you mean 'graph'?"), std::string::npos);
    EXPECT_NE(error_of(R"({"graph": {"rankdir": "lr"}})").find("unknown rank direction 'lr'"), std::string::npos);
    EXPECT_NE(error_of(R"({"types": {"pressure": {"penwidth": 0}}})").find("expected a number from 0.1 to 20"), std::string::npos);
    EXPECT_NE(error_of(R"({"types": {"pressure": {"arrowhead": "triangle"}}})").find("unknown arrowhead 'triangle'"), std::string::npos);
    EXPECT_NE(error_of(R"({"kinds": []})").find("'kinds': expected an object"), std::string::npos);
}

TEST(Stylesheet, GraphvizArrowNamesWithModifiersAndOverlapModesAreAccepted)
{
    for (auto arrow : {"onormal", "lteeoldiamond", "invempty", "ediamond", "obox", "rvee"}) {
        EXPECT_EQ(error_of(std::string(R"({"types": {"x": {"arrowhead": ")") + arrow + "\"}}}"), "no error") << arrow;
    }
    for (auto overlap : {"prism", "prism1000", "false", "scalexy", "vpsc"}) {
        EXPECT_EQ(error_of(std::string(R"({"graph": {"overlap": ")") + overlap + "\"}}"), "no error") << overlap;
    }
    EXPECT_NE(error_of(R"({"types": {"x": {"arrowhead": "onormalx"}}})"), "no error");
    EXPECT_NE(error_of(R"({"graph": {"overlap": "prism1x"}})"), "no error");
}

}  // namespace
}  // namespace actorgraph
