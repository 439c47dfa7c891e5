// The real window on files nobody here wrote: every folder of ../shared/corpus, and a file of hostile
// names, opened under Xvfb with every panel open, clicked through by a script (select, path, hover).
// A file that ImGui cannot show aborted the explorer at its first frame; none may now.
#include <gtest/gtest.h>

#include <algorithm>

#include <cstdlib>
#include <sstream>

#include "actorgraph/io/file_format.hpp"
#include "gui/gui_runner.hpp"
#include "hardening/hostile_strings.hpp"
#include "test_support.hpp"

namespace actorgraph::testing {
namespace {

namespace fs = std::filesystem;

// An id the script can name: it resolves to exactly one actor and fits in a quoted word.
bool scriptable(const Graph& graph, const std::string& id)
{
    if (id.empty() || id.find_first_of("\"\n\r") != std::string::npos) return false;
    return graph.find_by_name(id).size() == 1;
}

// Opens each file, lets the window draw a few frames, then selects an actor and asks for paths.
// `sleep` waits for the layout and keeps drawing frames, and unlike wait-layout does not stop the
// script when Graphviz cannot lay a file out (that is a message in the window, as for a user).
std::string click_through_script(const std::vector<fs::path>& files, std::size_t& loadable)
{
    std::ostringstream script;
    loadable = 0;
    for (const auto& file : files) {
        Graph graph;
        try {
            graph = load_graph(file);
        } catch (const Error&) {
            continue;  // refused by the core; the app-model corpus test checks the window's message
        }
        ++loadable;
        script << "open \"" << file.string() << "\"\nsleep 0.05\n";
        if (graph.actor_count() == 0) continue;
        const auto& first = graph.actor(0).id;
        const auto& last = graph.actor(static_cast<ActorIndex>(graph.actor_count() - 1)).id;
        if (!scriptable(graph, first) || !scriptable(graph, last)) continue;
        script << "select \"" << first << "\"\npath \"" << first << "\" \"" << last << "\" k=2 direction=any\nsleep 0.05\n";
    }
    return script.str();
}

// A folder of more than 60 files in CI: one file in four; ACTORGRAPH_FULL_CORPUS=1 takes all of it.
std::vector<fs::path> sample(std::vector<fs::path> files)
{
    const char* full = std::getenv("ACTORGRAPH_FULL_CORPUS");
    if ((full && std::string(full) == "1") || files.size() <= 60) return files;
    std::vector<fs::path> kept;
    for (std::size_t i = 0; i < files.size(); i += 4) kept.push_back(files[i]);
    return kept;
}

class ExplorerWindowCorpus : public ::testing::TestWithParam<std::string> {
protected:
    void SetUp() override
    {
        if (!have_xvfb()) GTEST_SKIP() << "xvfb-run is not installed";
        folder_ = scratch_dir("gui-corpus-" + identifier_of(GetParam()));
    }
    fs::path folder_;
};

TEST_P(ExplorerWindowCorpus, EveryFileOpensWithEveryPanelOpenWithoutAborting)
{
    auto files = sample(corpus_graph_files(GetParam()));
    if (files.empty()) {
        if (corpus_missing_is_failure()) FAIL() << "../shared/corpus/" << GetParam() << " is missing (CI needs it)";
        GTEST_SKIP() << "../shared/corpus/" << GetParam() << " is absent";
    }
    std::size_t loadable = 0;
    auto text = click_through_script(files, loadable);
    auto script = write_script(folder_, text);
    ASSERT_GT(loadable, 0u) << "no file of " << GetParam() << " loads";
    auto run = run_gui(folder_ / "last.png", "--script '" + script.string() + "' --timeout 1200", true);
    // 0: the last file drawn; 1: it could not be laid out (said in the window). Never a signal or an abort.
    EXPECT_TRUE(run.exit_code == 0 || run.exit_code == 1) << "exit " << run.exit_code << "\n" << run.output;
    EXPECT_EQ(run.output.find("Assertion"), std::string::npos) << run.output;
    // A failing line ends the run with exit 2; each line done is printed as FILE:LINE: what it did.
    auto lines = std::count(text.begin(), text.end(), '\n');
    EXPECT_NE(run.output.find(script.string() + ":" + std::to_string(lines) + ":"), std::string::npos)
        << "the last of " << lines << " script lines was not done:\n" << run.output;
}

INSTANTIATE_TEST_SUITE_P(Folders, ExplorerWindowCorpus,
                         ::testing::Values("graphviz/directed", "graphviz/undirected", "graphviz/rtest-graphs", "graphml", "gexf"),
                         [](const auto& info) { return identifier_of(info.param); });

// Kinds, types, ids and labels that are empty, huge, hold `##`, `%`, control characters or invalid
// UTF-8, in a graph whose every actor is joined to the next.
Graph hostile_graph()
{
    std::vector<std::string> texts{"", "##", "###", "a##b", "%s%n%d", "C#", "(none)"};
    for (const auto& text : HostileStrings::printable()) texts.push_back(text);
    for (const auto& text : HostileStrings::binary()) texts.push_back(text);
    Graph graph;
    for (std::size_t i = 0; i < texts.size(); ++i) {
        Actor actor;
        actor.id = "a" + std::to_string(i);
        actor.label = texts[i];
        actor.kind = texts[(i + 1) % texts.size()];
        actor.properties.try_emplace(texts[(i + 2) % texts.size()].empty() ? "p" : texts[(i + 2) % texts.size()], texts[i]);
        graph.add_actor(std::move(actor));
    }
    for (std::size_t i = 0; i + 1 < texts.size(); ++i) {
        Relation relation;
        relation.source = static_cast<ActorIndex>(i);
        relation.target = static_cast<ActorIndex>(i + 1);
        relation.type = texts[i];
        relation.properties.try_emplace("source", texts[(i + 3) % texts.size()]);
        graph.add_relation(std::move(relation));
    }
    return graph;
}

TEST(ExplorerWindowHostileNames, AGraphOfHostileNamesIsShownWithEveryPanelOpen)
{
    if (!have_xvfb()) GTEST_SKIP() << "xvfb-run is not installed";
    auto folder = scratch_dir("gui-hostile-names");
    auto graph = hostile_graph();
    // DOT, the one format that carries every byte (CSV and GraphML refuse invalid UTF-8 on save).
    auto file = folder / "hostile.gv";
    save_graph(graph, file, FileFormat::dot);
    auto last = "a" + std::to_string(graph.actor_count() - 1);
    auto script = write_script(folder, "sleep 0.2\nselect a0 a1 a4\npath a0 " + last + " k=3 direction=any\nsleep 0.2\n"
                                       "filter kinds plain,digraph\nsleep 0.1\nfilter types plain\nsleep 0.1\nfilter clear\nfocus a5 2\nsleep 0.2\n");
    auto run = run_gui(folder / "hostile.png", "'" + file.string() + "' --script '" + script.string() + "' --timeout 300", true);
    EXPECT_TRUE(run.exit_code == 0 || run.exit_code == 1) << "exit " << run.exit_code << "\n" << run.output;
    EXPECT_EQ(run.output.find("Assertion"), std::string::npos) << run.output;
}

}  // namespace
}  // namespace actorgraph::testing
