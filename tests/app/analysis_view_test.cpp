// The explorer's analyses on the bundled graph, driven without a window: each runs in the background
// compose, answers what the query layer answers for the same options, is highlighted on the view,
// logs a summary, and refuses requests it cannot run with a message.
#include "actorgraph/app/analysis_view.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "actorgraph/app/script.hpp"
#include "actorgraph/io/file_io.hpp"
#include "explorer_fixture.hpp"

namespace actorgraph::testing {
namespace {

namespace fs = std::filesystem;

class AnalysisViewTest : public QuickExplorerTest {
protected:
    [[nodiscard]] bool logged(std::string_view text) const
    {
        const auto& messages = explorer_->messages();
        return std::any_of(messages.begin(), messages.end(), [&](const auto& m) { return m.text.find(text) != std::string::npos; });
    }
};

// Whether `to` can be reached from `from` along relations in their direction, without the removed
// actors and without relations leading straight from `from` to `to`: a brute-force walk, independent
// of the query layer's flow network.
bool reaches_without(const Graph& graph, ActorIndex from, ActorIndex to, const std::vector<ActorIndex>& removed)
{
    std::vector<char> seen(graph.actor_count(), 0);
    for (auto actor : removed) seen[actor] = 1;
    std::vector<ActorIndex> stack{from};
    seen[from] = 1;
    while (!stack.empty()) {
        auto actor = stack.back();
        stack.pop_back();
        for (RelationIndex r = 0; r < graph.relation_count(); ++r) {
            const auto& relation = graph.relation(r);
            if (relation.source != actor || seen[relation.target]) continue;
            if (actor == from && relation.target == to) continue;
            if (relation.target == to) return true;
            seen[relation.target] = 1;
            stack.push_back(relation.target);
        }
    }
    return false;
}

TEST_F(AnalysisViewTest, DependenceOfMongoliaIsHighlightedAndAlertsOnRussiaAndTheSovietUnion)
{
    open_nato();
    auto mongolia = actor("mongolia");
    ASSERT_TRUE(explorer_->run_analysis(dependence_of(mongolia)));
    settle();
    const auto* outcome = explorer_->analysis();
    ASSERT_NE(outcome, nullptr);
    ASSERT_TRUE(outcome->error.empty()) << outcome->error;
    const auto* result = outcome->dependence();
    ASSERT_NE(result, nullptr);
    auto expected = investment_dependence(*explorer_->graph(), mongolia, DependenceOptions{});
    EXPECT_EQ(result->counted, expected.counted);
    EXPECT_DOUBLE_EQ(result->hhi, expected.hhi);

    auto bars = dependence_bars(*explorer_->graph(), *result);
    ASSERT_GE(bars.size(), 3u);
    EXPECT_EQ(bars[0].label, "Russia");
    EXPECT_NEAR(bars[0].share, 12.2 / 24.073, 1e-9) << "12.2 of 24.073 billion USD with known amounts";
    EXPECT_TRUE(bars[0].over_cap);
    EXPECT_EQ(bars[0].without_amount, 4u);
    EXPECT_FALSE(bars[2].over_cap);
    auto alerts = dependence_alerts(*explorer_->graph(), *result);
    ASSERT_EQ(alerts.size(), 2u);
    EXPECT_EQ(alerts[0], "Russia holds 50.7% of the known foreign investment into Mongolia, above the cap of 33.3%");
    EXPECT_NE(dependence_overview(*result).find("13 of 20 relations without amount_usd"), std::string::npos)
        << dependence_overview(*result);

    const auto& highlighted = explorer_->composed().scene.highlighted;
    EXPECT_TRUE(highlighted.contains_actor(mongolia));
    EXPECT_TRUE(highlighted.contains_actor(actor("russia")));
    for (auto relation : result->counted) EXPECT_TRUE(highlighted.contains_relation(relation));
    EXPECT_TRUE(logged("dependence of Mongolia: 9 sources")) << explorer_->messages().back().text;
}

TEST_F(AnalysisViewTest, DependenceYearsCapAndGroupingReachTheQuery)
{
    open_nato();
    run("dependence mongolia from=2010 to=2020 cap=60% group-by=actor\n");
    const auto* result = explorer_->analysis()->dependence();
    ASSERT_NE(result, nullptr);
    DependenceOptions options;
    options.filter.year_from = 2010;
    options.filter.year_to = 2020;
    options.cap = 0.6;
    options.group_by = DependenceGrouping::actor;
    auto expected = investment_dependence(*explorer_->graph(), actor("mongolia"), options);
    EXPECT_EQ(result->counted, expected.counted);
    EXPECT_LT(result->counted.size(), investment_dependence(*explorer_->graph(), actor("mongolia"), {}).counted.size())
        << "the years leave some relations out";
    EXPECT_DOUBLE_EQ(result->cap, 0.6);
    EXPECT_TRUE(std::none_of(result->sources.begin(), result->sources.end(), [](const auto& s) { return s.is_state; }));
}

TEST_F(AnalysisViewTest, WhatIfChinaWereRemovedBreaksItsRelationsAndCutsOffInnerMongolia)
{
    open_nato();
    auto china = actor("china");
    ASSERT_TRUE(explorer_->run_analysis(WhatIfRequest{{china}}));
    settle();
    const auto* result = explorer_->analysis()->what_if();
    ASSERT_NE(result, nullptr);
    const auto& graph = *explorer_->graph();
    std::size_t touching = 0;
    for (RelationIndex r = 0; r < graph.relation_count(); ++r) touching += graph.relation(r).source == china || graph.relation(r).target == china;
    EXPECT_EQ(result->broken_relations.size(), touching);
    auto cut_off = result->cut_off_actors();
    ASSERT_EQ(cut_off, (std::vector<ActorIndex>{actor("inner_mongolia")}));
    const auto& highlighted = explorer_->composed().scene.highlighted;
    EXPECT_TRUE(highlighted.contains_actor(china));
    EXPECT_TRUE(highlighted.contains_actor(cut_off[0]));
    EXPECT_EQ(cut_off_groups(graph, *result), (std::vector<std::string>{"Inner Mongolia (1 actor)"}));
    EXPECT_TRUE(logged("what if China were removed: " + std::to_string(touching) + " relations break, 1 actor is cut off"));
}

// Along the relations' direction, avoiding `removed` (none when past the last actor; the direct relation counts).
bool reaches(const Graph& graph, ActorIndex from, ActorIndex to, ActorIndex removed)
{
    std::vector<char> seen(graph.actor_count(), 0);
    if (removed < graph.actor_count()) seen[removed] = 1;
    seen[from] = 1;
    std::vector<ActorIndex> stack{from};
    while (!stack.empty()) {
        auto actor = stack.back();
        stack.pop_back();
        for (auto r : graph.out_relations(actor)) {
            auto next = graph.relation(r).target;
            if (seen[next]) continue;
            seen[next] = 1;
            stack.push_back(next);
        }
    }
    return seen[to] && to != removed;
}

TEST_F(AnalysisViewTest, WhatIfNamesTheHeaviestPairsThatLoseARouteAndWhichWay)
{
    open_nato();
    auto china = actor("china");
    ASSERT_TRUE(explorer_->run_analysis(WhatIfRequest{{china}}));
    settle();
    const auto* result = explorer_->analysis()->what_if();
    ASSERT_NE(result, nullptr);
    const auto& graph = *explorer_->graph();
    ASSERT_EQ(result->important_pairs.size(), 10u) << "the default: ten pairs";
    EXPECT_TRUE(result->pairs_directed);
    EXPECT_TRUE(result->pairs_complete);
    for (std::size_t i = 0; i < result->important_pairs.size(); ++i) {
        const auto& pair = result->important_pairs[i];
        if (i > 0) {
            EXPECT_LE(pair.weight, result->important_pairs[i - 1].weight);
        }
        // Each direction flagged was a route before and is none after; each not flagged was kept (or never was).
        auto a = pair.first, b = pair.second;
        EXPECT_EQ(pair.first_to_second, reaches(graph, a, b, graph.actor_count()) && !reaches(graph, a, b, china)) << graph.actor(a).id;
        EXPECT_EQ(pair.second_to_first, reaches(graph, b, a, graph.actor_count()) && !reaches(graph, b, a, china)) << graph.actor(b).id;
    }
    auto lines = important_pair_lines(graph, *result);
    ASSERT_EQ(lines.size(), 10u);
    const auto& top = result->important_pairs[0];
    EXPECT_EQ(lines[0].first, top.first);
    EXPECT_NE(lines[0].text.find(graph.actor(top.first).display_name()), std::string::npos) << lines[0].text;
    EXPECT_NE(lines[0].text.find(graph.actor(top.second).display_name()), std::string::npos) << lines[0].text;
    EXPECT_NE(important_pairs_heading(*result).find("product of their degrees"), std::string::npos);
}

TEST_F(AnalysisViewTest, CutFromRussiaToNatoIsAMinimumThatABruteForceWalkConfirms)
{
    open_nato();
    auto russia = actor("russia");
    auto nato = actor("nato");
    run("cut russia nato\n");
    const auto* result = explorer_->analysis()->cut();
    ASSERT_NE(result, nullptr);
    ASSERT_TRUE(result->connected);
    EXPECT_EQ(result->size, result->actors.size());
    const auto& graph = *explorer_->graph();
    EXPECT_TRUE(reaches_without(graph, russia, nato, {}));
    EXPECT_FALSE(reaches_without(graph, russia, nato, result->actors)) << "the cut disconnects";
    // Minimal: putting back any one of its actors opens a route again.
    for (std::size_t i = 0; i < result->actors.size(); ++i) {
        auto fewer = result->actors;
        fewer.erase(fewer.begin() + static_cast<long>(i));
        EXPECT_TRUE(reaches_without(graph, russia, nato, fewer)) << graph.actor(result->actors[i]).id;
    }
    for (auto cut : result->actors) EXPECT_TRUE(explorer_->composed().scene.highlighted.contains_actor(cut));
    EXPECT_TRUE(logged("cut Russia \u2192 NATO: " + std::to_string(result->size) + " actors (" + std::to_string(result->size) +
                       " independent routes)"));
}

TEST_F(AnalysisViewTest, ScriptVerbsRunAndClearAnalysesAndNameTheLineOfABadOne)
{
    open_nato();
    run("cut russia nato relations direction=any\n");
    ASSERT_NE(explorer_->analysis(), nullptr);
    const auto* cut = explorer_->analysis()->cut();
    ASSERT_NE(cut, nullptr);
    EXPECT_FALSE(cut->relations.empty());
    EXPECT_TRUE(cut->actors.empty());
    run("what-if china,russia ukraine\n");
    ASSERT_NE(explorer_->analysis()->what_if(), nullptr);
    EXPECT_EQ(explorer_->analysis()->what_if()->removed.size(), 3u);
    run("clear-analysis\n");
    EXPECT_EQ(explorer_->analysis(), nullptr);
    EXPECT_TRUE(explorer_->composed().scene.highlighted.empty());

    auto misspelt = script_error("select mongolia\ncut russia nato relatons\n");
    EXPECT_EQ(misspelt.rfind("session.txt:2: unknown cut option 'relatons'. Did you mean 'relations'?", 0), 0u) << misspelt;
    auto same = script_error("cut russia russia\n");
    EXPECT_NE(same.find("session.txt:1: the cut needs two different actors (both are Russia)"), std::string::npos) << same;
    auto cap = script_error("dependence mongolia cap=2\n");
    EXPECT_NE(cap.find("bad share '2'"), std::string::npos) << cap;
    auto unknown = script_error("what-if chian\n");
    EXPECT_NE(unknown.find("session.txt:1:"), std::string::npos) << unknown;
    EXPECT_EQ(explorer_->analysis(), nullptr) << "a refused request leaves the view as it was";
}

TEST_F(AnalysisViewTest, RefusesWhatCannotRunWithAMessage)
{
    EXPECT_FALSE(explorer_->run_analysis(WhatIfRequest{{0}}));
    EXPECT_EQ(explorer_->last_error(), "open a graph before running an analysis");
    open_nato();
    EXPECT_FALSE(explorer_->run_analysis(WhatIfRequest{}));
    EXPECT_EQ(explorer_->last_error(), "what if removed: select the actors to remove first");
    EXPECT_FALSE(explorer_->run_analysis(cut_between(0, 100000)));
    auto backwards = dependence_of(actor("mongolia"));
    backwards.from_year = 2020;
    backwards.to_year = 2000;
    EXPECT_FALSE(explorer_->run_analysis(backwards));
    EXPECT_EQ(explorer_->last_error(), "the dependence's first year 2020 is after its last year 2000");
    EXPECT_FALSE(explorer_->view().analysis.has_value());
}

TEST_F(AnalysisViewTest, CancelStopsTheAnalysisAndKeepsTheViewShown)
{
    open_nato();
    ASSERT_TRUE(explorer_->run_analysis(cut_between(actor("russia"), actor("nato"))));
    EXPECT_EQ(explorer_->work_status().text, "composing the view: minimum cut");
    explorer_->cancel_work();
    settle();
    EXPECT_FALSE(explorer_->view().analysis.has_value());
    EXPECT_EQ(explorer_->analysis(), nullptr);
}

TEST_F(AnalysisViewTest, AnEditKeepsTheAnalysisByIdAndDropsItWhenItsActorIsDeleted)
{
    auto file = config_ / "nato_mongolia.gv";
    fs::copy_file(nato_file(), file);
    run("open " + file.string() + "\ncut russia nato\n");
    run("add-actor newcomer kind=state\n");
    ASSERT_NE(explorer_->analysis(), nullptr);
    ASSERT_NE(explorer_->analysis()->cut(), nullptr);
    EXPECT_TRUE(explorer_->analysis()->summary.starts_with("cut Russia \u2192 NATO")) << explorer_->analysis()->summary;
    run("delete russia\n");
    EXPECT_EQ(explorer_->analysis(), nullptr);
}

TEST_F(AnalysisViewTest, AnExportCarriesTheAnalysisHighlight)
{
    ExplorerOptions options{config_};
    explorer_ = std::make_unique<Explorer>(options);  // real Graphviz: the export renders what is composed
    open_nato();
    run("cut russia nato\n");
    auto output = config_ / "cut.gv";
    ASSERT_TRUE(explorer_->export_view(output, OutputFormat::dot)) << explorer_->last_error();
    auto text = read_file(output);
    const auto* cut = explorer_->analysis()->cut();
    ASSERT_NE(cut, nullptr);
    auto mongolia = std::to_string(actor("mongolia"));
    auto at = text.find("\ta" + mongolia + "\t");
    if (at == std::string::npos) at = text.find("\ta" + mongolia + " ");
    ASSERT_NE(at, std::string::npos);
    auto statement = text.substr(at, text.find("];", at) - at);
    EXPECT_NE(statement.find("penwidth=3"), std::string::npos) << statement;
}

}  // namespace
}  // namespace actorgraph::testing
