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

}  // namespace
}  // namespace actorgraph
