// End-to-end tests: run the built `actorgraph` binary on real files and check output and exit codes.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <memory>
#include <set>
#include <sstream>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "actorgraph/io/file_format.hpp"
#include "actorgraph/io/file_io.hpp"
#include "graph_fixtures.hpp"
#include "cli/cli_runner.hpp"
#include "test_support.hpp"

namespace actorgraph {
namespace {

namespace fs = std::filesystem;

using Run = testing::CliRun;

// The CLI in the test's own working folder.
Run actorgraph(const std::vector<std::string>& arguments) { return testing::run_cli_in(fs::current_path(), arguments); }

std::string influence() { return testing::test_data("dot/influence.gv").string(); }
std::string nato() { return (testing::source_dir() / "graphs/nato_mongolia.gv").string(); }

TEST(Cli, EveryCommandsHelpShowsDefaultsAndAnExampleOfItself)
{
    for (const char* command : {"info", "validate", "path", "neighbors", "rank", "export", "convert", "generate", "cut",
                                "what-if", "dependence", "communities", "import", "edit", "query"}) {
        auto run = actorgraph({command, "--help"});
        EXPECT_EQ(run.exit_code, 0) << command << run.err;
        EXPECT_NE(run.out.find(std::string("Example:\n  actorgraph ") + command + " "), std::string::npos) << run.out;
    }
    auto path = actorgraph({"path", "--help"}).out;
    EXPECT_NE(path.find("=follow"), std::string::npos) << "the default direction is shown: " << path;
    EXPECT_NE(actorgraph({"export", "--help"}).out.find("=120"), std::string::npos) << "the default timeout is shown";
}

TEST(Cli, InfoCountsKindsAndTypes)
{
    auto run = actorgraph({"info", influence()});
    EXPECT_EQ(run.exit_code, 0) << run.err;
    EXPECT_NE(run.out.find("8 actors, 11 relations"), std::string::npos);
    EXPECT_NE(run.out.find("pressure     3"), std::string::npos) << run.out;
}

TEST(Cli, InfoJsonHasCountsAndWarningsWithLines)
{
    auto run = actorgraph({"info", testing::test_data("dot/unknown_kind.gv").string(), "--json"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    auto json = nlohmann::json::parse(run.out);
    EXPECT_EQ(json["actors"], 2);
    EXPECT_EQ(json["kinds"]["militia"], 1);
    ASSERT_EQ(json["warnings"].size(), 2u);
    EXPECT_EQ(json["warnings"][0]["line"], 3);
}

TEST(Cli, ValidateStrictFailsWithExitOneAndPassesOnTheBundledGraph)
{
    auto bad = actorgraph({"validate", "--strict", testing::test_data("dot/unknown_kind.gv").string()});
    EXPECT_EQ(bad.exit_code, 1);
    EXPECT_NE(bad.out.find("unknown_kind.gv:3: warning: actor 'b' has unknown kind 'militia'"), std::string::npos) << bad.out;
    auto good = actorgraph({"validate", "--strict", nato()});
    EXPECT_EQ(good.exit_code, 0) << good.out;
}

TEST(Cli, PathPrintsActorsRelationsAndSources)
{
    auto run = actorgraph({"path", influence(), "Ана Петрова", "League of Nations"});
    EXPECT_EQ(run.exit_code, 0) << run.err;
    EXPECT_NE(run.out.find("Path 1: 2 hops"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("Atlantis [state]"), std::string::npos);
    EXPECT_NE(run.out.find("source: Report p. 3"), std::string::npos);
}

TEST(Cli, PathJsonListsKPathsWithKinds)
{
    auto run = actorgraph({"path", influence(), "borduria", "mine", "--k", "3", "--json"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    auto json = nlohmann::json::parse(run.out);
    ASSERT_EQ(json["paths"].size(), 2u);  // two distinct routes: via Atlantis (two parallel relations) and via OceanCo
    EXPECT_EQ(json["paths"][0]["parallel"][0].size(), 2u);
    EXPECT_EQ(json["paths"][0]["actors"][0]["kind"], "state");
    EXPECT_EQ(json["paths"][0]["relations"].size(), 2u);
    EXPECT_TRUE(json["paths"][0]["relations"][0]["properties"].contains("source"));
}

TEST(Cli, PathOptionsRestrictTypesWeightAndDirection)
{
    auto typed = nlohmann::json::parse(actorgraph({"path", influence(), "borduria", "mine", "--types", "investment", "--json"}).out);
    EXPECT_EQ(typed["paths"][0]["actors"][1]["id"], "oceanco");
    auto weighted = nlohmann::json::parse(actorgraph({"path", influence(), "borduria", "mine", "--weight", "amount_usd", "--json"}).out);
    EXPECT_EQ(weighted["paths"][0]["actors"][1]["id"], "atlantis");
    EXPECT_EQ(actorgraph({"path", influence(), "mine", "borduria"}).exit_code, 1);
    EXPECT_EQ(actorgraph({"path", influence(), "mine", "borduria", "--direction", "reverse"}).exit_code, 0);
    EXPECT_EQ(actorgraph({"path", influence(), "borduria", "mine", "--max-hops", "1"}).exit_code, 1);
    auto all = nlohmann::json::parse(actorgraph({"path", influence(), "borduria", "mine", "--all", "--json"}).out);
    EXPECT_EQ(all["paths"].size(), 3u);
}

TEST(Cli, UnknownActorIsAnInputErrorWithSuggestions)
{
    auto run = actorgraph({"path", influence(), "Atlantys", "mine"});
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_NE(run.err.find("unknown actor 'Atlantys'"), std::string::npos);
    EXPECT_NE(run.err.find("'Atlantis' (atlantis)"), std::string::npos) << run.err;
}

TEST(Cli, NeighborsListsActorsWithHops)
{
    auto run = actorgraph({"neighbors", influence(), "minister", "--depth", "2", "--direction", "follow"});
    EXPECT_EQ(run.exit_code, 0) << run.err;
    EXPECT_NE(run.out.find("2     league"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("4 actors"), std::string::npos) << run.out;
    auto json = nlohmann::json::parse(actorgraph({"neighbors", influence(), "atlantis", "--json", "--types", "pressure"}).out);
    EXPECT_EQ(json["actors"].size(), 4u);
}

// A state with `leaves` companies investing in it: the hub a neighbourhood must not flood.
std::string hub_file(std::size_t leaves)
{
    auto path = testing::scratch_dir("cli-hub") / "hub.gv";
    std::string dot = "digraph hub {\n  hub [kind=state];\n";
    for (std::size_t i = 0; i < leaves; ++i) {
        auto leaf = "c" + std::to_string(i);
        dot += "  " + leaf + " [kind=company];\n  " + leaf + " -> hub [type=investment];\n";
    }
    write_file_atomically(path, dot + "}\n");
    return path.string();
}

TEST(Cli, NeighboursOfAHubComeInPagesThatSayHowManyAreLeft)
{
    auto hub = hub_file(250);
    auto first = actorgraph({"neighbors", hub, "hub"});
    EXPECT_EQ(first.exit_code, 0) << first.err;
    EXPECT_NE(first.out.find("101 actors, 100 relations"), std::string::npos) << first.out;
    EXPECT_NE(first.out.find("hub: 150 more neighbours (--offset 100 shows the next page)"), std::string::npos) << first.out;
    auto last = nlohmann::json::parse(actorgraph({"neighbors", hub, "hub", "--offset", "200", "--json"}).out);
    EXPECT_EQ(last["actors"].size(), 51u);
    EXPECT_TRUE(last["more"].empty()) << last["more"];
    auto all = nlohmann::json::parse(actorgraph({"neighbors", hub, "hub", "--limit", "0", "--json"}).out);
    EXPECT_EQ(all["actors"].size(), 251u);
    std::set<std::string> seen;
    for (std::size_t offset = 0; offset < 250; offset += 100) {
        auto page = nlohmann::json::parse(
            actorgraph({"neighbors", hub, "hub", "--offset", std::to_string(offset), "--json"}).out);
        for (const auto& actor : page["actors"]) seen.insert(actor["id"].get<std::string>());
    }
    EXPECT_EQ(seen.size(), 251u) << "three pages show every neighbour once, with the hub";
}

TEST(Cli, BetweennessOnABigGraphIsSampledAndSaysSo)
{
    auto folder = testing::scratch_dir("cli-big-rank");
    ASSERT_EQ(actorgraph({"generate", "--actors", "6000", "--seed", "3", "--formats", "csv", "-o", folder.string()}).exit_code, 0);
    auto text = actorgraph({"rank", folder.string(), "--metric", "betweenness", "--top", "3", "--samples", "8"});
    EXPECT_EQ(text.exit_code, 0) << text.err;
    EXPECT_NE(text.out.find("betweenness estimated from 8 sampled source actors of 6000"), std::string::npos) << text.out;
    auto json = nlohmann::json::parse(actorgraph({"rank", folder.string(), "--metric", "betweenness", "--top", "3", "--json"}).out);
    EXPECT_EQ(json["sampled_sources"], 32);
    EXPECT_EQ(json["actors"].size(), 3u);
    auto small = actorgraph({"rank", influence(), "--metric", "betweenness"});
    EXPECT_EQ(small.out.find("estimated"), std::string::npos) << "small graphs are exact: " << small.out;
}

TEST(Cli, RankByEveryMetric)
{
    auto degree = actorgraph({"rank", influence(), "--top", "1"});
    EXPECT_NE(degree.out.find("atlantis"), std::string::npos) << degree.out;
    auto json = nlohmann::json::parse(actorgraph({"rank", influence(), "--metric", "betweenness", "--json"}).out);
    EXPECT_EQ(json["actors"][0]["id"], "atlantis");
    EXPECT_EQ(json["actors"][0]["score"], 7.0);
    auto pagerank = nlohmann::json::parse(actorgraph({"rank", influence(), "--metric", "pagerank", "--top", "0", "--json"}).out);
    double total = 0;
    for (const auto& entry : pagerank["actors"]) total += entry["score"].get<double>();
    EXPECT_NEAR(total, 1.0, 1e-6);
}

// A type filter keeps every actor (see Metrics.PageRankUnderATypeFilterRanksActorsLeftWithoutRelationsAtTheFloor);
// the explorer's ranking lists the same (ExplorerTest.RankingUnderATypeFilterListsWhatTheCliLists).
TEST(Cli, PageRankUnderATypeFilterRanksEveryActorTheFilterKeeps)
{
    auto json = nlohmann::json::parse(
        actorgraph({"rank", nato(), "--metric", "pagerank", "--types", "pressure", "--top", "0", "--json"}).out);
    EXPECT_EQ(json["actors"].size(), 91u);
    auto last = json["actors"].back()["score"].get<double>();
    EXPECT_GT(last, 0.0);
}

TEST(Cli, ExportDrawsWithTheUsersStylesheetAsTheExplorerDoes)
{
    auto dir = testing::scratch_dir("cli-export-style");
    auto config_home = dir / "config";
    std::filesystem::create_directories(config_home / "actorgraph");
    write_file_atomically(config_home / "actorgraph" / "stylesheet.json", R"({"kinds": {"state": {"fill": "#102030"}}})");
    auto graph_file = nato();
    auto svg_file = (dir / "out.svg").string();
    auto fill_of_states = [&](std::vector<std::string> extra) {
        std::vector<std::string> arguments{"export", graph_file, "-o", svg_file, "--focus", "mongolia", "--layout", "dot"};
        arguments.insert(arguments.end(), extra.begin(), extra.end());
        auto run = testing::run_cli_in(std::filesystem::current_path(), arguments, config_home);
        EXPECT_EQ(run.exit_code, 0) << run.err;
        return read_file(svg_file).find("fill=\"#102030\"") != std::string::npos;
    };
    EXPECT_TRUE(fill_of_states({}));
    EXPECT_FALSE(fill_of_states({"--stylesheet", "builtin"}));
    write_file_atomically(dir / "other.json", R"({"kinds": {"state": {"border": "#102030", "fill": "#102030"}}})");
    EXPECT_TRUE(fill_of_states({"--stylesheet", (dir / "other.json").string()}));

    write_file_atomically(config_home / "actorgraph" / "stylesheet.json", "{\n \"types\": {\"pressure\": {\"style\": \"dashd\"}}}");
    auto broken = testing::run_cli_in(std::filesystem::current_path(), {"export", graph_file, "-o", svg_file}, config_home);
    EXPECT_NE(broken.exit_code, 0);
    EXPECT_NE(broken.err.find("stylesheet.json:2: 'types.pressure.style': unknown line style 'dashd'. Did you mean 'dashed'?"), std::string::npos)
        << broken.err;
    auto missing = actorgraph({"export", graph_file, "-o", svg_file, "--stylesheet", "nowhere.json"});
    EXPECT_NE(missing.err.find("--stylesheet nowhere.json: no such file"), std::string::npos) << missing.err;
}

TEST(Cli, ExportWritesSvgWithEscapedLabelsAndSourceTooltips)
{
    auto dir = testing::scratch_dir("cli-export");
    auto graph_file = dir / "hostile.gv";
    write_file_atomically(graph_file,
        "digraph { x [kind=state, label=\"<script>alert(1)</script>\"]; y [kind=company, label=\"A & B\"];"
        " x -> y [type=investment, source=\"https://example.org/deal p. 3\"]; }");
    auto svg_file = dir / "out.svg";
    auto run = actorgraph({"export", graph_file.string(), "-o", svg_file.string(), "--legend"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    auto svg = read_file(svg_file);
    pugi::xml_document document;
    ASSERT_TRUE(document.load_string(svg.c_str()));
    EXPECT_EQ(svg.find("<script"), std::string::npos);
    EXPECT_NE(svg.find("&lt;script&gt;"), std::string::npos);
    EXPECT_NE(svg.find("xlink:href=\"https://example.org/deal\""), std::string::npos);
    EXPECT_NE(svg.find("Source: https://example.org/deal p. 3"), std::string::npos);
}

TEST(Cli, ExportFocusAndPathGiveSmallerHighlightedViews)
{
    auto dir = testing::scratch_dir("cli-export-focus");
    auto focus = dir / "focus.gv";
    ASSERT_EQ(actorgraph({"export", influence(), "-o", focus.string(), "--focus", "oceanco", "--depth", "1"}).exit_code, 0);
    auto focused = load_graph(focus);
    EXPECT_EQ(focused.actor_count(), 3u);
    auto path_file = dir / "path.dot";
    auto run = actorgraph({"export", influence(), "-o", path_file.string(), "--path", "minister", "league", "--path-only", "--layout", "neato"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    auto text = read_file(path_file);
    EXPECT_NE(text.find("#e8590c"), std::string::npos);
    EXPECT_EQ(load_graph(path_file).actor_count(), 3u);
    for (const char* format : {"png", "pdf"}) {
        auto file = dir / (std::string("view.") + format);
        EXPECT_EQ(actorgraph({"export", influence(), "-o", file.string(), "--from-year", "2010", "--to-year", "2012"}).exit_code, 0);
        EXPECT_GT(fs::file_size(file), 1000u);
    }
}

TEST(Cli, ConvertRoundTripsThroughEveryFormat)
{
    auto dir = testing::scratch_dir("cli-convert");
    ASSERT_EQ(actorgraph({"convert", influence(), (dir / "g.graphml").string()}).exit_code, 0);
    ASSERT_EQ(actorgraph({"convert", (dir / "g.graphml").string(), (dir / "csv").string()}).exit_code, 0);
    ASSERT_TRUE(fs::exists(dir / "csv/nodes.csv"));
    ASSERT_EQ(actorgraph({"convert", (dir / "csv").string(), (dir / "back.gv").string()}).exit_code, 0);
    testing::expect_same_graph(load_graph(influence()), load_graph(dir / "back.gv"));
}

// Export and convert never replace their input without --force, whatever name the output uses.
TEST(Cli, ExportAndConvertOverTheInputAreRefusedUnlessForced)
{
    auto dir = testing::scratch_dir("cli-overwrite");
    auto input = dir / "in.gv";
    fs::copy_file(influence(), input);
    auto before = read_file(input);
    for (const auto& arguments : std::vector<std::vector<std::string>>{
             {"export", input.string(), "-o", input.string()},
             {"export", input.string(), "-o", (dir / "." / "in.gv").string(), "--format", "svg"},
             {"convert", input.string(), input.string(), "--to", "graphml"},
             {"convert", input.string(), input.string()}}) {
        auto run = actorgraph(arguments);
        EXPECT_EQ(run.exit_code, 2) << arguments[0] << " " << arguments.back();
        EXPECT_NE(run.err.find("--force"), std::string::npos) << run.err;
        EXPECT_EQ(read_file(input), before) << arguments[0] << " " << arguments.back();
    }
    auto forced = actorgraph({"convert", input.string(), input.string(), "--to", "graphml", "--force"});
    EXPECT_EQ(forced.exit_code, 0) << forced.err;
    EXPECT_NE(read_file(input).find("<graphml"), std::string::npos);
}

// What a path is decides how it is written: a folder named x.graphml gets no CSV files, and a
// target without extension is said to become a CSV folder.
TEST(Cli, ConvertDecidesByWhatThePathIsAndSaysWhatItAssumed)
{
    auto dir = testing::scratch_dir("cli-guessing");
    fs::create_directories(dir / "x.graphml");
    auto run = actorgraph({"convert", influence(), (dir / "x.graphml").string()});
    EXPECT_EQ(run.exit_code, 2) << run.out;
    EXPECT_FALSE(fs::exists(dir / "x.graphml" / "nodes.csv"));
    auto folder = actorgraph({"convert", influence(), (dir / "plain").string()});
    EXPECT_EQ(folder.exit_code, 0) << folder.err;
    EXPECT_NE(folder.out.find("a Neo4j CSV folder"), std::string::npos) << folder.out;
    fs::copy_file(influence(), dir / "noextension");
    auto sniffed = actorgraph({"convert", (dir / "noextension").string(), (dir / "out.graphml").string()});
    EXPECT_EQ(sniffed.exit_code, 0) << sniffed.err;
    EXPECT_NE(sniffed.err.find("read as DOT by its content"), std::string::npos) << sniffed.err;
}

TEST(Cli, BadInputsExitTwoWithFileAndLine)
{
    auto syntax = actorgraph({"info", testing::test_data("dot/syntax_error.gv").string()});
    EXPECT_EQ(syntax.exit_code, 2);
    EXPECT_NE(syntax.err.find("syntax_error.gv:3:"), std::string::npos) << syntax.err;
    EXPECT_EQ(actorgraph({"info", "/no/such/file.gv"}).exit_code, 2);
    EXPECT_EQ(actorgraph({"info", testing::test_data("dot/influence.gv").string() + ".txt"}).exit_code, 2);
    EXPECT_EQ(actorgraph({"path", influence()}).exit_code, 2);
    EXPECT_EQ(actorgraph({"rank", influence(), "--metric", "closeness"}).exit_code, 2);
    EXPECT_EQ(actorgraph({"path", influence(), "a", "b", "--where", "year>soon"}).exit_code, 2);
}

// The issue's bar: path, neighbours, rank and export answer on every corpus DOT file Graphviz loads.
TEST(Cli, AnswersEveryQueryOnEveryCorpusDotFile)
{
    if (testing::corpus_dir().empty()) GTEST_SKIP() << "../shared/corpus is absent; nothing to check";
    auto out = testing::scratch_dir("cli-corpus") / "view.svg";
    std::size_t files = 0;
    for (const auto& folder : {"graphviz/rtest-graphs", "graphviz/directed", "graphviz/undirected"}) {
        for (const auto& entry : fs::directory_iterator(testing::corpus_dir() / folder)) {
            auto file = entry.path().string();
            if (!file.ends_with(".gv") && !file.ends_with(".dot")) continue;
            SCOPED_TRACE(file);
            ++files;
            auto exported = actorgraph({"export", file, "-o", out.string(), "--timeout", "60"});
            EXPECT_EQ(exported.exit_code, 0) << exported.err;
            auto rank = actorgraph({"rank", file, "--metric", "pagerank", "--top", "0", "--json"});
            ASSERT_EQ(rank.exit_code, 0) << rank.err;
            auto actors = nlohmann::json::parse(rank.out)["actors"];
            if (actors.empty()) continue;
            std::string first = actors.front()["id"], last = actors.back()["id"];
            EXPECT_LE(actorgraph({"neighbors", file, first, "--depth", "2"}).exit_code, 1);
            EXPECT_LE(actorgraph({"path", file, first, last, "--direction", "any", "--k", "2"}).exit_code, 1);
        }
    }
    EXPECT_GT(files, 200u);
}

TEST(Cli, EveryCommandHasHelp)
{
    for (const char* command : {"info", "validate", "path", "neighbors", "rank", "export", "convert"}) {
        auto run = actorgraph({command, "--help"});
        EXPECT_EQ(run.exit_code, 0) << command;
        EXPECT_NE(run.out.find("Usage"), std::string::npos) << command;
    }
}

// ---- issue 13: mistakes get an error, GEXF and undirected relations through the commands

TEST(Cli, AMisspeltCommandKindTypeOrOperatorIsAnErrorWithASuggestion)
{
    auto command = actorgraph({"pathh", nato(), "mongolia", "nato"});
    EXPECT_EQ(command.exit_code, 2);
    EXPECT_NE(command.err.find("unknown command 'pathh'. Did you mean 'path'?"), std::string::npos) << command.err;
    auto type = actorgraph({"neighbors", nato(), "mongolia", "--types", "investmnet"});
    EXPECT_EQ(type.exit_code, 2);
    EXPECT_NE(type.err.find("Did you mean 'investment'?"), std::string::npos) << type.err;
    auto kind = actorgraph({"neighbors", nato(), "mongolia", "--kinds", "State"});
    EXPECT_EQ(kind.exit_code, 0) << kind.err;
    auto where = actorgraph({"neighbors", nato(), "mongolia", "--where", "amount_usd=>1e8"});
    EXPECT_EQ(where.exit_code, 2);
    EXPECT_NE(where.err.find("operator '=>' at column 11; did you mean '>='?"), std::string::npos) << where.err;
    auto weight = actorgraph({"path", nato(), "mongolia", "nato", "--weight", "source"});
    EXPECT_EQ(weight.exit_code, 2);
    EXPECT_NE(weight.err.find("has no numeric value"), std::string::npos) << weight.err;
}

TEST(Cli, ConvertsToGexfAndBackKeepingUndirectedRelations)
{
    auto folder = testing::scratch_dir("cli-gexf");
    write_file_atomically(folder / "u.gv", "graph g { a -- b [type=investment]; b -- c; }\n");
    auto to_gexf = actorgraph({"convert", (folder / "u.gv").string(), (folder / "u.gexf").string()});
    ASSERT_EQ(to_gexf.exit_code, 0) << to_gexf.err;
    auto info = actorgraph({"info", (folder / "u.gexf").string()});
    EXPECT_NE(info.out.find("3 actors, 2 relations"), std::string::npos) << info.out;
    auto path = actorgraph({"path", (folder / "u.gexf").string(), "c", "a", "--direction", "follow"});
    EXPECT_EQ(path.exit_code, 0) << path.out << path.err;
    auto back = actorgraph({"convert", (folder / "u.gexf").string(), (folder / "back.gv").string()});
    ASSERT_EQ(back.exit_code, 0) << back.err;
    EXPECT_NE(read_file(folder / "back.gv").find("a -- b"), std::string::npos) << read_file(folder / "back.gv");
}

// `actorgraph query`: openCypher statements, tables, JSON Lines, parameters, errors and --save.

std::vector<std::string> output_lines(const std::string& text)
{
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

TEST(CliQuery, RunsStatementsInOrderOnAnEmptyGraphAndPrintsTablesAndCounters)
{
    auto run = actorgraph({"query", "-e", "CREATE (:Company {name: 'Acme'}), (:State {name: 'Mongolia'})", "-e",
                           "MATCH (n) RETURN n.name AS name ORDER BY name"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_NE(run.out.find("2 nodes created, 2 labels added, 2 properties set"), std::string::npos) << run.out;
    auto acme = run.out.find("'Acme'");
    auto mongolia = run.out.find("'Mongolia'");
    ASSERT_NE(acme, std::string::npos) << run.out;
    EXPECT_LT(acme, mongolia);
    EXPECT_NE(run.out.find("2 rows"), std::string::npos);
}

TEST(CliQuery, JsonLinesEncodeValuesAsTheIssueDefines)
{
    auto run = actorgraph({"query", "--json", "--param", "m={\"map\": {\"k\": 1.0}}", "-e",
                           "CREATE p = (:A {x: 1})-[:T {w: 2.5}]->(:B) RETURN 1, 1.0, $m, [null, true], p"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    auto line = nlohmann::json::parse(run.out);
    EXPECT_EQ(line["columns"].size(), 5u);
    const auto& row = line["rows"][0];
    EXPECT_TRUE(row[0].is_number_integer());
    EXPECT_TRUE(row[1].is_number_float());
    EXPECT_NE(run.out.find("1.0"), std::string::npos);
    EXPECT_EQ(row[2]["map"]["k"], 1.0);
    EXPECT_TRUE(row[3][0].is_null());
    const auto& path = row[4]["path"];
    EXPECT_EQ(path["nodes"][0]["node"]["labels"][0], "A");
    EXPECT_EQ(path["nodes"][0]["node"]["properties"]["x"], 1);
    EXPECT_EQ(path["relationships"][0]["relationship"]["type"], "T");
    EXPECT_EQ(path["relationships"][0]["relationship"]["forward"], true);
    EXPECT_EQ(line["stats"]["nodes_created"], 2);
    EXPECT_EQ(line["stats"]["relationships_created"], 1);
}

TEST(CliQuery, JsonLinesCarryTemporalValuesAsTheirKindAndText)
{
    auto run = actorgraph({"query", "--json", "--param", "since={\"date\": \"2015-07-21\"}", "-e",
                           "RETURN $since + duration('P1M') AS d, datetime('2015-07-21T21:40[Europe/London]') AS dt, "
                           "duration.between($since, date('2016-01-01')) AS took, localtime('09:30') AS t"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const auto row = nlohmann::json::parse(run.out)["rows"][0];
    EXPECT_EQ(row[0], nlohmann::json({{"date", "2015-08-21"}}));
    EXPECT_EQ(row[1], nlohmann::json({{"datetime", "2015-07-21T21:40+01:00[Europe/London]"}}));
    EXPECT_EQ(row[2], nlohmann::json({{"duration", "P5M11D"}}));
    EXPECT_EQ(row[3], nlohmann::json({{"localtime", "09:30"}}));
    auto table = actorgraph({"query", "-e", "RETURN date('2015-07-21').week AS w, time('12:00+01:00') AS t"});
    ASSERT_EQ(table.exit_code, 0) << table.err;
    EXPECT_NE(table.out.find("12:00+01:00"), std::string::npos) << table.out;
    auto bad = actorgraph({"query", "--json", "-e", "RETURN date('2015-02-30')"});
    EXPECT_EQ(bad.exit_code, 2);
    EXPECT_EQ(nlohmann::json::parse(bad.out)["error"]["class"], "ArgumentError") << bad.out;
}

TEST(CliQuery, AFailingStatementPrintsItsErrorAndStopsWithExitCode2)
{
    auto json = actorgraph({"query", "--json", "-e", "RETURN 1", "-e", "MATCH (a) RETURN b", "-e", "RETURN 2"});
    EXPECT_EQ(json.exit_code, 2);
    auto lines = output_lines(json.out);
    ASSERT_EQ(lines.size(), 2u) << json.out;
    auto error = nlohmann::json::parse(lines[1])["error"];
    EXPECT_EQ(error["class"], "SyntaxError");  // the TCK files compile-time checks under SyntaxError
    EXPECT_EQ(error["detail"], "UndefinedVariable");
    EXPECT_EQ(error["phase"], "compile");
    EXPECT_EQ(error["line"], 1);
    EXPECT_EQ(error["column"], 18);

    auto text = actorgraph({"query", "-e", "MATCH (a RETURN a"});
    EXPECT_EQ(text.exit_code, 2);
    EXPECT_NE(text.err.find("SyntaxError"), std::string::npos) << text.err;
    EXPECT_NE(text.err.find("  MATCH (a RETURN a\n           ^"), std::string::npos) << text.err;
}

TEST(CliQuery, AnErrorInAScriptFileNamesTheFileAndItsLine)
{
    auto script = testing::scratch_dir("cli-query-script") / "steps.cypher";
    std::ofstream(script) << "RETURN 1;\nRETURN 2;\n\nRETURN\n  x;\n";
    auto text = actorgraph({"query", "-f", script.string()});
    EXPECT_EQ(text.exit_code, 2);
    EXPECT_NE(text.err.find(script.string() + ": SyntaxError (UndefinedVariable) at 5:3"), std::string::npos) << text.err;
    EXPECT_NE(text.err.find("\n    x;\n    ^"), std::string::npos) << text.err;
    auto json = actorgraph({"query", "--json", "-f", script.string()});
    auto lines = output_lines(json.out);
    ASSERT_EQ(lines.size(), 3u) << json.out;
    EXPECT_EQ(nlohmann::json::parse(lines[2])["error"]["line"], 5) << "the file's line, not the statement's";
}

TEST(CliQuery, TypedPropertiesOfTheBundledGraphCompareAndSum)
{
    auto run = actorgraph({"query", nato(), "--json", "-e",
                           "MATCH ()-[r]->() WHERE r.year >= 2010 RETURN count(r) AS n", "-e",
                           "MATCH ()-[r]->() RETURN sum(r.amount_usd) AS total"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    auto lines = output_lines(run.out);
    ASSERT_EQ(lines.size(), 2u) << run.out;
    EXPECT_EQ(nlohmann::json::parse(lines[0])["rows"][0][0], 32);
    auto total = nlohmann::json::parse(lines[1])["rows"][0][0];
    EXPECT_TRUE(total.is_number_float());
    EXPECT_DOUBLE_EQ(total.get<double>(), 24073000000.0);
}

TEST(CliQuery, SaveWritesTheChangedGraphOnlyWhenAsked)
{
    auto folder = testing::scratch_dir("cli-query-save");
    auto source = folder / "graph.gv";
    fs::copy_file(influence(), source, fs::copy_options::overwrite_existing);
    auto before = read_file(source);
    auto unsaved = actorgraph({"query", source.string(), "-e", "CREATE (:company {id: 'newco', label: 'NewCo'})"});
    ASSERT_EQ(unsaved.exit_code, 0) << unsaved.err;
    EXPECT_EQ(read_file(source), before);
    auto out = folder / "out.gv";
    auto saved = actorgraph({"query", source.string(), "-e", "CREATE (:company {id: 'newco', label: 'NewCo'})", "--save",
                             out.string()});
    ASSERT_EQ(saved.exit_code, 0) << saved.err;
    auto check = actorgraph({"query", out.string(), "--json", "-e", "MATCH (n:company {id: 'newco'}) RETURN n.label"});
    ASSERT_EQ(check.exit_code, 0) << check.err;
    EXPECT_NE(check.out.find("NewCo"), std::string::npos) << check.out;
}

TEST(CliQuery, DetachDeleteSavesTheGraphWithoutTheActorAndDeleteWithoutDetachStopsWithItsPosition)
{
    auto folder = testing::scratch_dir("cli-query-delete");
    auto source = folder / "graph.gv";
    fs::copy_file(nato(), source, fs::copy_options::overwrite_existing);
    auto refused = actorgraph({"query", source.string(), "--json", "-e", "MATCH (n {id: 'russia'})\nDELETE n", "--save"});
    EXPECT_EQ(refused.exit_code, 2);
    auto error = nlohmann::json::parse(output_lines(refused.out).at(0))["error"];
    EXPECT_EQ(error["detail"], "DeleteConnectedNode");
    EXPECT_EQ(error["line"], 2);
    EXPECT_NE(read_file(source).find("russia"), std::string::npos);
    auto deleted = actorgraph({"query", source.string(), "--json", "-e", "MATCH (n {id: 'russia'}) DETACH DELETE n", "--save"});
    ASSERT_EQ(deleted.exit_code, 0) << deleted.err;
    auto stats = nlohmann::json::parse(output_lines(deleted.out).at(0))["stats"];
    EXPECT_EQ(stats["nodes_deleted"], 1);
    EXPECT_GT(stats["relationships_deleted"].get<int>(), 0);
    auto check = actorgraph({"query", source.string(), "--json", "-e", "MATCH (n {id: 'russia'}) RETURN count(n)"});
    ASSERT_EQ(check.exit_code, 0) << check.err;
    EXPECT_EQ(nlohmann::json::parse(output_lines(check.out).at(0))["rows"][0][0], 0);
}

TEST(CliQuery, ShortestPathAnswersAsThePathCommandDoes)
{
    auto run = actorgraph({"query", nato(), "--json", "-e",
                           "MATCH p = shortestPath(({id: 'russia'})-[*]->({id: 'nato'})) RETURN p"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    auto path = nlohmann::json::parse(output_lines(run.out).at(0))["rows"][0][0]["path"];
    ASSERT_EQ(path["nodes"].size(), 2u) << run.out;
    EXPECT_EQ(path["relationships"][0]["relationship"]["type"], "pressure");
    auto command = actorgraph({"path", nato(), "russia", "nato"});
    ASSERT_EQ(command.exit_code, 0) << command.err;
    EXPECT_NE(command.out.find("1 hop"), std::string::npos) << command.out;
}

TEST(CliQuery, StatementsComeFromAScriptFileSplitAtSemicolons)
{
    auto script = testing::scratch_dir("cli-query-script") / "script.cypher";
    write_file_atomically(script, "CREATE ({v: ';'});\n// a comment\nMATCH (n) RETURN n.v AS v;\n");
    auto run = actorgraph({"query", "--json", "-f", script.string()});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    auto lines = output_lines(run.out);
    ASSERT_EQ(lines.size(), 2u) << run.out;
    EXPECT_EQ(nlohmann::json::parse(lines[1])["rows"][0][0], ";");
}

}  // namespace
}  // namespace actorgraph
