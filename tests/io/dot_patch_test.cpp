#include "actorgraph/io/dot_patch.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "actorgraph/io/dot_reader.hpp"
#include "actorgraph/io/dot_writer.hpp"
#include "actorgraph/io/file_io.hpp"
#include "test_support.hpp"

namespace actorgraph {
namespace {

std::string bundled_text() { return read_file(testing::source_dir() / "graphs/nato_mongolia.gv"); }

Graph bundled_graph() { return read_dot(bundled_text(), "nato_mongolia.gv"); }

std::vector<std::string> lines_of(const std::string& text)
{
    std::vector<std::string> lines;
    std::size_t at = 0;
    while (at < text.size()) {
        auto end = text.find('\n', at);
        lines.push_back(text.substr(at, end - at));
        at = end == std::string::npos ? text.size() : end + 1;
    }
    return lines;
}

// The lines of `after` that are not in `before` and the other way round, counted as a diff would.
std::pair<std::size_t, std::size_t> added_and_removed(const std::string& before, const std::string& after)
{
    auto a = lines_of(before), b = lines_of(after);
    std::size_t prefix = 0;
    while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
    std::size_t suffix = 0;
    while (suffix < a.size() - prefix && suffix < b.size() - prefix && a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix]) ++suffix;
    return {b.size() - prefix - suffix, a.size() - prefix - suffix};
}

TEST(DotPatch, AnUnchangedGraphIsTheSameBytes)
{
    auto patched = patch_dot(bundled_text(), "nato_mongolia.gv", bundled_graph());
    ASSERT_TRUE(patched);
    EXPECT_EQ(*patched, bundled_text());
}

TEST(DotPatch, OneAddedRelationIsAOneLineDiff)
{
    auto graph = bundled_graph();
    graph.add_relation({graph.resolve("china"), graph.resolve("oyu_tolgoi"), "investment", {{"source", "a report"}, {"year", "2016"}}, {}});
    auto patched = patch_dot(bundled_text(), "nato_mongolia.gv", graph);
    ASSERT_TRUE(patched);
    EXPECT_EQ(added_and_removed(bundled_text(), *patched), std::make_pair(std::size_t{1}, std::size_t{0}));
    EXPECT_NE(patched->find("  china -> oyu_tolgoi [type=\"investment\", source=\"a report\", year=\"2016\"];\n"), std::string::npos);
    EXPECT_EQ(write_dot(read_dot(*patched, "x.gv")), write_dot(graph));
}

TEST(DotPatch, AChangedPropertyRewritesOnlyItsLine)
{
    auto graph = bundled_graph();
    graph.actor_for_edit(graph.resolve("japan")).properties.insert_or_assign("note", "edited");
    auto patched = patch_dot(bundled_text(), "nato_mongolia.gv", graph);
    ASSERT_TRUE(patched);
    EXPECT_EQ(added_and_removed(bundled_text(), *patched), std::make_pair(std::size_t{1}, std::size_t{1}));
}

TEST(DotPatch, RemovedActorsTakeTheirLinesAndTheirRelationsLinesWithThem)
{
    auto graph = bundled_graph();
    auto removed = graph.remove_actor(graph.resolve("japan"));
    auto patched = patch_dot(bundled_text(), "nato_mongolia.gv", graph);
    ASSERT_TRUE(patched);
    EXPECT_EQ(lines_of(*patched).size(), lines_of(bundled_text()).size() - 1 - removed.relations.size());
    EXPECT_EQ(write_dot(read_dot(*patched, "x.gv")), write_dot(graph));
}

TEST(DotPatch, NewActorsFollowTheLastActor)
{
    auto graph = bundled_graph();
    graph.add_actor({"erdenes", "Erdenes", "company", {}, {}, {}});
    auto patched = patch_dot(bundled_text(), "nato_mongolia.gv", graph);
    ASSERT_TRUE(patched);
    EXPECT_EQ(added_and_removed(bundled_text(), *patched), std::make_pair(std::size_t{1}, std::size_t{0}));
    EXPECT_EQ(write_dot(read_dot(*patched, "x.gv")), write_dot(graph));
}

TEST(DotPatch, StatementsSharingALineAreLeftToTheWholeFileWriter)
{
    std::string text = "digraph { a [kind=state]; b [kind=state]\n a -> b [type=pressure, source=s]\n}\n";
    auto graph = read_dot(text, "shared.gv");
    graph.actor_for_edit(0).properties.insert_or_assign("note", "x");
    EXPECT_FALSE(patch_dot(text, "shared.gv", graph));
}

// Whatever a corpus file looks like, a patch is either the same bytes or nothing (never a wrong file).
TEST(DotPatch, CorpusFilesUnchangedAreTheSameBytesOrLeftToTheWriter)
{
    std::vector<std::filesystem::path> files;
    for (const auto* folder : {"graphviz/directed", "graphviz/undirected", "graphviz/rtest-graphs"}) {
        auto more = testing::corpus_graph_files(folder);
        files.insert(files.end(), more.begin(), more.end());
    }
    if (files.empty()) {
        if (testing::corpus_missing_is_failure()) FAIL() << "no DOT corpus in ../shared/corpus/graphviz";
        GTEST_SKIP() << "no DOT corpus in ../shared/corpus/graphviz";
    }
    std::size_t same = 0, tried = 0;
    for (const auto& file : files) {
        if (file.extension() != ".gv" && file.extension() != ".dot") continue;
        std::string text;
        Graph graph;
        try {
            text = read_file(file);
            graph = read_dot(text, file.string());
        } catch (const Error&) {
            continue;
        }
        ++tried;
        auto patched = patch_dot(text, file.string(), graph);
        if (!patched) continue;
        EXPECT_EQ(*patched, text) << file;
        ++same;
    }
    std::cout << same << " of " << tried << " corpus DOT files patched byte for byte\n";
}

}  // namespace
}  // namespace actorgraph
