// End-to-end: `actorgraph export --colour-by community` fills each actor of the SVG by its community,
// with the key in the legend; the options are checked.
#include <gtest/gtest.h>

#include <map>
#include <pugixml.hpp>

#include "cli/cli_runner.hpp"

namespace actorgraph {
namespace {

namespace fs = std::filesystem;

// Two groups of four actors related all to all (g1..g4 and h1..h4), joined by one relation.
fs::path write_two_groups(const fs::path& dir)
{
    std::string text = "digraph {\n";
    for (const char* group : {"g", "h"}) {
        for (int i = 1; i <= 4; ++i) {
            for (int j = i + 1; j <= 4; ++j) text += "  " + std::string(group) + std::to_string(i) + " -> " + group + std::to_string(j) + ";\n";
        }
    }
    text += "  g1 -> h1;\n}\n";
    auto file = dir / "groups.gv";
    write_file_atomically(file, text);
    return file;
}

// The fill of each drawn actor, by its label: the first filled shape of each node group.
std::map<std::string, std::string> fills_by_label(const std::string& svg)
{
    pugi::xml_document document;
    EXPECT_TRUE(document.load_string(svg.c_str()));
    std::map<std::string, std::string> fills;
    for (auto node : document.select_nodes("//*[local-name()='g'][@class='node']")) {
        auto shape = node.node().select_node(".//*[local-name()='ellipse' or local-name()='polygon' or local-name()='path'][@fill]");
        auto label = node.node().select_node(".//*[local-name()='text']");
        if (shape && label) fills[label.node().child_value()] = shape.node().attribute("fill").value();
    }
    return fills;
}

TEST(ExportCommunities, EachActorIsFilledByItsCommunityAndTheLegendKeysThem)
{
    auto dir = testing::scratch_dir("cli-export-communities");
    auto input = write_two_groups(dir);
    auto svg_file = dir / "groups.svg";
    auto run = testing::run_cli_in(dir, {"export", input.string(), "-o", svg_file.string(), "--colour-by", "community", "--layout", "dot"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    auto svg = read_file(svg_file);
    auto fills = fills_by_label(svg);
    ASSERT_EQ(fills.size(), 8u) << svg.substr(0, 2000);
    // Both groups have four actors: the one with the first actor (g1) is community 1, the palette's first colour.
    for (const char* id : {"g1", "g2", "g3", "g4"}) EXPECT_EQ(fills[id], "#8dd3c7") << id;
    for (const char* id : {"h1", "h2", "h3", "h4"}) EXPECT_EQ(fills[id], "#ffffb3") << id;
    EXPECT_NE(svg.find("2 communities (louvain, resolution 1), modularity 0."), std::string::npos);
    EXPECT_NE(svg.find("4 actors, e.g. g1"), std::string::npos) << "g1 has the most relations of its group";
    EXPECT_NE(svg.find("4 actors, e.g. h1"), std::string::npos);

    auto plain = testing::run_cli_in(dir, {"export", input.string(), "-o", svg_file.string(), "--layout", "dot"});
    ASSERT_EQ(plain.exit_code, 0) << plain.err;
    auto kind_fills = fills_by_label(read_file(svg_file));
    EXPECT_EQ(kind_fills["g1"], kind_fills["h1"]) << "kind colours by default";
    EXPECT_NE(kind_fills["g1"], "#8dd3c7");
}

TEST(ExportCommunities, MethodAndResolutionNeedColourByCommunity)
{
    auto dir = testing::scratch_dir("cli-export-communities-options");
    auto input = write_two_groups(dir);
    auto out = (dir / "x.svg").string();
    auto lone = testing::run_cli_in(dir, {"export", input.string(), "-o", out, "--method", "leiden"});
    EXPECT_NE(lone.exit_code, 0);
    EXPECT_NE(lone.err.find("--colour-by community"), std::string::npos) << lone.err;
    auto misspelt = testing::run_cli_in(dir, {"export", input.string(), "-o", out, "--colour-by", "comunity"});
    EXPECT_NE(misspelt.exit_code, 0);
    auto leiden = testing::run_cli_in(dir, {"export", input.string(), "-o", out, "--colour-by", "community", "--method", "leiden",
                                            "--resolution", "0.5", "--layout", "dot"});
    ASSERT_EQ(leiden.exit_code, 0) << leiden.err;
    EXPECT_NE(read_file(out).find("(leiden, resolution 0.5)"), std::string::npos);
}

}  // namespace
}  // namespace actorgraph
