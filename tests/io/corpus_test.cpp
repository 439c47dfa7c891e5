// Every real DOT file in ../shared/corpus either loads with the node and edge counts Graphviz's
// own gvpr reports, or is rejected with an Error naming the file; none crashes or hangs.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <memory>

#include "actorgraph/io/dot_reader.hpp"
#include "actorgraph/io/file_format.hpp"
#include "test_support.hpp"

namespace actorgraph {
namespace {

namespace fs = std::filesystem;

struct Counts {
    std::size_t nodes = 0;
    std::size_t edges = 0;
};

std::string run(const std::string& command)
{
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(::popen(command.c_str(), "r"), ::pclose);
    if (!pipe) return {};
    std::string output;
    std::array<char, 4096> buffer{};
    while (auto count = std::fread(buffer.data(), 1, buffer.size(), pipe.get())) output.append(buffer.data(), count);
    return output;
}

// The counts of the first graph in the file as gvpr (Graphviz's own parser) reports them.
std::optional<Counts> graphviz_counts(const fs::path& file)
{
    auto output = run("timeout 30 gvpr 'BEG_G{printf(\"%d %d\\n\",nNodes($G),nEdges($G))}' '" + file.string() + "' 2>/dev/null");
    Counts counts;
    if (std::sscanf(output.c_str(), "%zu %zu", &counts.nodes, &counts.edges) != 2) return std::nullopt;
    return counts;
}

std::vector<fs::path> corpus_files(const std::vector<std::string>& folders, const std::vector<std::string>& extensions)
{
    std::vector<fs::path> files;
    for (const auto& folder : folders) {
        auto dir = testing::corpus_dir() / folder;
        if (!fs::is_directory(dir)) continue;
        for (const auto& entry : fs::directory_iterator(dir)) {
            auto extension = entry.path().extension().string();
            if (std::find(extensions.begin(), extensions.end(), extension) != extensions.end()) files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

TEST(Corpus, EveryDotFileLoadsWithGraphvizCountsOrIsRejectedClearly)
{
    if (testing::corpus_dir().empty()) GTEST_SKIP() << "../shared/corpus is absent; nothing to check";
    if (run("command -v gvpr").empty()) GTEST_SKIP() << "gvpr (package graphviz) is not installed";
    auto files = corpus_files({"graphviz/rtest-graphs", "graphviz/directed", "graphviz/undirected"}, {".gv", ".dot"});
    ASSERT_GT(files.size(), 200u);
    std::size_t loaded = 0;
    for (const auto& file : files) {
        SCOPED_TRACE(file.string());
        auto expected = graphviz_counts(file);
        try {
            auto graph = load_graph(file);
            ASSERT_TRUE(expected) << "we load a file Graphviz rejects";
            EXPECT_EQ(graph.actor_count(), expected->nodes);
            EXPECT_EQ(graph.relation_count(), expected->edges);
            ++loaded;
        } catch (const Error& error) {
            EXPECT_FALSE(expected) << "Graphviz loads it but we said: " << error.what();
            EXPECT_NE(std::string(error.what()).find(file.filename().string()), std::string::npos);
        }
    }
    EXPECT_GT(loaded, 200u);
}

TEST(Corpus, EveryGraphmlFileLoadsOrIsRejectedClearly)
{
    if (testing::corpus_dir().empty()) GTEST_SKIP() << "../shared/corpus is absent; nothing to check";
    auto files = corpus_files({"graphml"}, {".graphml"});
    ASSERT_FALSE(files.empty());
    for (const auto& file : files) {
        SCOPED_TRACE(file.string());
        try {
            auto graph = load_graph(file);
            EXPECT_GT(graph.actor_count(), 0u);
        } catch (const Error& error) {
            EXPECT_NE(std::string(error.what()).find(file.filename().string()), std::string::npos);
        }
    }
}

}  // namespace
}  // namespace actorgraph
