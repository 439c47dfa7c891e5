// Every graph of ../shared/corpus through the explorer's own model, as a user would click through it:
// open, filter by a type, focus, find a path, rank, inspect and hover. Nothing a file holds may abort,
// hang or leave the explorer without a message. Graphviz is replaced by a canned empty picture, so
// this runs the whole corpus in seconds; tests/gui/explorer_corpus_test.cpp lays the files out for real.
#include <gtest/gtest.h>

#include "actorgraph/app/display_text.hpp"
#include "actorgraph/app/inspector.hpp"
#include "app/explorer_fixture.hpp"

namespace actorgraph::testing {
namespace {

namespace fs = std::filesystem;

class ExplorerCorpus : public ExplorerTest, public ::testing::WithParamInterface<std::string> {
protected:
    void SetUp() override
    {
        ExplorerTest::SetUp();
        ExplorerOptions options{config_};
        options.layout_runner = empty_picture;
        explorer_ = std::make_unique<Explorer>(options);
    }
};

// Each step as a user would take it in the panels; every step must finish and leave a picture or a message.
void click_through(Explorer& explorer, const fs::path& file)
{
    const auto& graph = *explorer.graph();
    SCOPED_TRACE(file.string() + ": " + std::to_string(graph.actor_count()) + " actors");
    ASSERT_FALSE(explorer.kinds_present().empty() && graph.actor_count() > 0) << "no kind listed, not even the empty one";
    for (const auto& type : explorer.types_present()) EXPECT_FALSE(display_text_or(type, "(untyped)").empty());
    if (graph.actor_count() == 0) return;

    auto first = ActorIndex{0};
    auto last = static_cast<ActorIndex>(graph.actor_count() - 1);
    auto details = describe_actor(graph, first);
    EXPECT_EQ(details.actor, first);
    EXPECT_FALSE(actor_tooltip_lines(graph, first).empty());
    if (graph.relation_count() > 0) {
        EXPECT_FALSE(relation_tooltip_lines(graph, 0).empty());
    }

    if (!explorer.types_present().empty()) {
        GraphFilter filter;
        filter.types = {explorer.types_present().front()};
        explorer.set_filter(filter);
        ASSERT_TRUE(explorer.wait_until_idle(layout_timeout));
    }
    explorer.set_filter({});
    explorer.set_focus({first}, 1);
    ASSERT_TRUE(explorer.wait_until_idle(layout_timeout));
    explorer.set_focus({}, 1);
    PathOptions options;
    options.direction = Direction::any;
    options.k = 2;
    ASSERT_TRUE(explorer.run_path_query(first, last, options));
    ASSERT_TRUE(explorer.wait_until_idle(layout_timeout));
    explorer.request_ranking(Metric::pagerank);
    explorer.select_actor(last);
    ASSERT_TRUE(explorer.wait_until_idle(layout_timeout));
    EXPECT_NE(explorer.drawing(), nullptr) << "the canned layout always draws: " << explorer.layout_status().error;
}

TEST_P(ExplorerCorpus, EveryFileOpensOrSaysWhyAndSurvivesTheUsualClicks)
{
    auto files = corpus_graph_files(GetParam());
    if (files.empty()) {
        if (corpus_missing_is_failure()) FAIL() << "../shared/corpus/" << GetParam() << " is missing (CI needs it)";
        GTEST_SKIP() << "../shared/corpus/" << GetParam() << " is absent";
    }
    std::size_t opened = 0;
    for (const auto& file : files) {
        auto errors = explorer_->error_count();
        ASSERT_TRUE(explorer_->open(file)) << file;
        ASSERT_TRUE(explorer_->wait_until_idle(layout_timeout)) << file << " did not finish loading and laying out";
        if (explorer_->file() != file) {
            // Refused: the explorer says why, naming the file, and keeps running.
            EXPECT_GT(explorer_->error_count(), errors) << file << " was neither opened nor refused with a message";
            EXPECT_NE(explorer_->last_error().find(file.filename().string()), std::string::npos) << explorer_->last_error();
            continue;
        }
        ++opened;
        click_through(*explorer_, file);
    }
    // Most of each folder is valid input: a reader that refuses them all is broken, not careful.
    EXPECT_GT(opened * 2, files.size()) << opened << " of " << files.size() << " opened";
}

INSTANTIATE_TEST_SUITE_P(Folders, ExplorerCorpus,
                         ::testing::Values("graphviz/directed", "graphviz/undirected", "graphviz/rtest-graphs", "graphml", "gexf"),
                         [](const auto& info) { return identifier_of(info.param); });

}  // namespace
}  // namespace actorgraph::testing
