#include "actorgraph/model/validation.hpp"

#include <gtest/gtest.h>

#include "actorgraph/io/dot_reader.hpp"
#include "test_support.hpp"

namespace actorgraph {
namespace {

bool mentions(const Diagnostics& findings, const std::string& text, int line = -1)
{
    for (const auto& finding : findings) {
        if (finding.message.find(text) != std::string::npos && (line < 0 || finding.where.line == line)) return true;
    }
    return false;
}

TEST(Validation, ReportsUnknownKindsAndTypesWithFileAndLine)
{
    auto graph = read_dot_file(testing::test_data("dot/unknown_kind.gv"));
    auto findings = validate(graph, {});
    EXPECT_TRUE(mentions(findings, "unknown kind 'militia'", 3));
    EXPECT_TRUE(mentions(findings, "unknown type 'bribery'", 5));
    for (const auto& finding : findings) EXPECT_NE(finding.where.file.str().find("unknown_kind.gv"), std::string::npos);
}

TEST(Validation, StrictModeRequiresSourcesKindsAndConnections)
{
    Graph graph;
    graph.add_actor({"a", "A", "state", {}, {}, {}});
    graph.add_actor({"b", "B", "", {}, {}, {}});
    graph.add_actor({"c", "C", "state", {"a"}, {}, {}});
    graph.add_relation({0, 1, "pressure", {}, {}});
    EXPECT_TRUE(validate(graph, {}).empty());
    auto strict = validate(graph, {true});
    EXPECT_TRUE(mentions(strict, "'b' has no kind"));
    EXPECT_TRUE(mentions(strict, "has no source"));
    EXPECT_TRUE(mentions(strict, "'c' takes part in no relation"));
    EXPECT_TRUE(mentions(strict, "used by several actors"));
}

TEST(Validation, FlagsYearsAndAmountsThatAreNotNumbers)
{
    Graph graph;
    graph.add_actor({"a", "A", "state", {}, {}, {}});
    graph.add_actor({"b", "B", "state", {}, {}, {}});
    graph.add_relation({0, 1, "investment", {{"year", "20x1"}, {"amount_usd", "lots"}, {"source", "s"}}, {}});
    graph.add_relation({0, 1, "investment", {{"since", "2015"}, {"until", "2010"}, {"source", "s"}}, {}});
    auto findings = validate(graph, {});
    EXPECT_TRUE(mentions(findings, "year '20x1' is not a year"));
    EXPECT_TRUE(mentions(findings, "amount_usd 'lots' is not a number"));
    EXPECT_TRUE(mentions(findings, "since 2015 is after until 2010"));
}

}  // namespace
}  // namespace actorgraph
