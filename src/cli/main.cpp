// actorgraph: the command-line face of the core library, for scripting and batch export.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <iostream>
#include <string>
#include <vector>

#include "actorgraph/model/error.hpp"
#include "actorgraph/model/spelling.hpp"
#include "cli/analysis_commands.hpp"
#include "cli/commands.hpp"
#include "cli/edit_command.hpp"
#include "cli/import_command.hpp"
#include "cli/query_command.hpp"

namespace {

using namespace actorgraph::cli;

void add_filter_options(CLI::App& command, FilterArguments& filter)
{
    command.add_option("--kinds", filter.kinds, "Only actors of these kinds (comma-separated)");
    command.add_option("--types", filter.types, "Only relations of these types (comma-separated)");
    command.add_option("--from-year", filter.year_from, "Only relations overlapping this year or later");
    command.add_option("--to-year", filter.year_to, "Only relations overlapping this year or earlier");
    command.add_flag("--dated-only", filter.dated_only, "With a year range or --as-of, drop relations that carry no year (default: keep them)");
    command.add_option("--as-of", filter.as_of, "Only relations that held in this year: year <= YEAR, or since <= YEAR <= until");
    command.add_option("--min-confidence", filter.min_confidence, "Only relations graded at least this: low, medium, high or an Admiralty code A1-F6 (ungraded ones are dropped)");
    command.add_option("--where", filter.where, "Relation property test: NAME, NAME=V, NAME!=V, NAME>N, NAME>=N, NAME<N, NAME<=N, NAME~TEXT");
    command.add_option("--actor-where", filter.actor_where, "Actor property test, same syntax as --where");
}

// CLI11 answers `actorgraph pathh` with "arguments were not expected"; name the command that was probably meant.
bool is_unknown_command(CLI::App& app, int argc, char** argv)
{
    if (argc < 2 || argv[1][0] == '-' || argv[1][0] == '\0') return false;
    std::vector<std::string> names;
    for (const auto* command : app.get_subcommands([](CLI::App*) { return true; })) names.push_back(command->get_name());
    if (std::find(names.begin(), names.end(), argv[1]) != names.end()) return false;
    std::cerr << "actorgraph: " << actorgraph::unknown_word_message("command", argv[1], names) << '\n';
    return true;
}

// Each command's --help ends with examples that run as written from the repository's folder.
void add_examples(CLI::App& app)
{
    static const std::vector<std::pair<const char*, const char*>> examples{
        {"info", "actorgraph info graphs/nato_mongolia.gv --json"},
        {"validate", "actorgraph validate --strict graphs/nato_mongolia.gv"},
        {"path", "actorgraph path graphs/nato_mongolia.gv Russia \"Oyu Tolgoi\" --k 3 --direction any"},
        {"neighbors", "actorgraph neighbors graphs/nato_mongolia.gv \"Oyu Tolgoi\" --depth 1"},
        {"rank", "actorgraph rank graphs/nato_mongolia.gv --metric betweenness --top 5"},
        {"export", "actorgraph export graphs/nato_mongolia.gv -o paths.svg --path russia nato --direction any --legend"},
        {"convert", "actorgraph convert graphs/nato_mongolia.gv nato.graphml"},
        {"generate", "actorgraph generate --actors 100000 --seed 1 -o /tmp/synthetic"},
        {"cut", "actorgraph cut graphs/nato_mongolia.gv Russia NATO"},
        {"what-if", "actorgraph what-if graphs/nato_mongolia.gv --remove China --between Mongolia \"Inner Mongolia\" --direction any"},
        {"dependence", "actorgraph dependence graphs/nato_mongolia.gv Mongolia"},
        {"communities", "actorgraph communities graphs/nato_mongolia.gv --method leiden"},
        {"import", "actorgraph import tests/data/neo4j_set --kind-map Legislator=official --caption-from '{firstName} {lastName}' -o set.gv"},
        {"edit", "actorgraph edit graphs/nato_mongolia.gv --script edits.txt --save /tmp/edited.gv"},
        {"query", "actorgraph query graphs/nato_mongolia.gv -e \"MATCH (a)-[r:investment]->(b) RETURN a.label, sum(r.amount_usd)\""},
    };
    for (auto* command : app.get_subcommands([](CLI::App*) { return true; })) {
        for (const auto& [name, example] : examples) {
            if (command->get_name() == name) command->footer(std::string("\nExample:\n  ") + example);
        }
    }
}

}  // namespace

int main(int argc, char** argv)
{
    CLI::App app{"actorgraph: explore influence networks (typed property graphs of states, organizations, "
                 "companies and officials)"};
    app.set_version_flag("--version", "actorgraph 0.1.0");
    app.require_subcommand(1);
    // --help shows each option's default (subcommands copy these defaults when they are made).
    app.option_defaults()->always_capture_default();
    app.footer("\nRun 'actorgraph COMMAND --help' for a command's options, defaults and an example.\n"
               "The explorer window is actorgraph-gui; README.md and docs/ describe both.");
    int exit_code = exit_ok;

    InfoArguments info;
    auto* info_command = app.add_subcommand("info", "Counts of actors by kind and relations by type, and warnings");
    info_command->add_option("FILE", info.file, "A .gv/.dot, .graphml or .gexf file, or a folder with nodes.csv and relationships.csv")->required();
    info_command->add_flag("--json", info.json, "Print JSON");
    info_command->callback([&] { exit_code = run_info(info); });

    ValidateArguments validate;
    auto* validate_command = app.add_subcommand("validate", "Check a graph against the schema (exit 1 when it fails)");
    validate_command->add_option("FILE", validate.file, "The graph file or CSV folder")->required();
    validate_command->add_flag("--strict", validate.strict, "Also require kinds, sources, no isolated actors and unique names");
    validate_command->add_flag("--json", validate.json, "Print JSON");
    validate_command->callback([&] { exit_code = run_validate(validate); });

    PathArguments path;
    auto* path_command = app.add_subcommand("path", "Paths of influence between two actors (exit 1 when none)");
    path_command->add_option("FILE", path.file, "The graph file or CSV folder")->required();
    path_command->add_option("FROM", path.from, "Start actor: id, label or alias")->required();
    path_command->add_option("TO", path.to, "End actor: id, label or alias")->required();
    add_filter_options(*path_command, path.filter);
    path_command->add_option("--direction", path.direction, "follow, reverse or any")->check(CLI::IsMember({"follow", "reverse", "any"}));
    path_command->add_option("--k", path.k, "How many loopless paths, shortest first")->check(CLI::Range(1, 1000));
    path_command->add_flag("--all", path.all, "Every shortest path instead of --k");
    path_command->add_option("--weight", path.weight, "Numeric relation property to weigh paths by (e.g. amount_usd)");
    path_command->add_option("--weight-transform", path.weight_transform, "inverse: cost = max/value (strong ties are short); direct: cost = value")->check(CLI::IsMember({"inverse", "direct"}));
    path_command->add_option("--max-hops", path.max_hops, "Longest path to report");
    path_command->add_option("--rank-by", path.rank_by, "hops (or --weight), or evidence: the path whose weakest relation is most reliable first")->check(CLI::IsMember({"hops", "evidence"}));
    path_command->add_flag("--time-respecting", path.time_respecting, "Only a path whose hops never go back in time (fewest hops)");
    path_command->add_flag("--parallel", path.parallel, "--k counts every combination of parallel relations, not distinct actor sequences");
    path_command->add_flag("--json", path.json, "Print JSON");
    path_command->callback([&] { exit_code = run_path(path); });

    NeighborsArguments neighbors;
    auto* neighbors_command = app.add_subcommand("neighbors", "Actors within --depth hops of one or more actors");
    neighbors_command->add_option("FILE", neighbors.file, "The graph file or CSV folder")->required();
    neighbors_command->add_option("ACTOR", neighbors.actors, "One or more actors: id, label or alias")->required();
    neighbors_command->add_option("--depth", neighbors.depth, "How many hops")->check(CLI::Range(0, 100));
    neighbors_command->add_option("--direction", neighbors.direction, "follow, reverse or any")->check(CLI::IsMember({"follow", "reverse", "any"}));
    neighbors_command->add_option("--limit", neighbors.limit, "Neighbours shown per actor, best connected first (0 = all)");
    neighbors_command->add_option("--offset", neighbors.offset, "Skip this many neighbours of the given actors: the next page");
    add_filter_options(*neighbors_command, neighbors.filter);
    neighbors_command->add_flag("--json", neighbors.json, "Print JSON");
    neighbors_command->callback([&] { exit_code = run_neighbors(neighbors); });

    RankArguments rank;
    auto* rank_command = app.add_subcommand("rank", "Rank actors by an influence metric");
    rank_command->add_option("FILE", rank.file, "The graph file or CSV folder")->required();
    rank_command->add_option("--metric", rank.metric, "degree, in-degree, out-degree, betweenness or pagerank")
        ->check(CLI::IsMember({"degree", "in-degree", "out-degree", "betweenness", "pagerank"}));
    rank_command->add_option("--top", rank.top, "How many actors (0 = all)");
    rank_command->add_flag("--undirected", rank.undirected, "Ignore relation direction for betweenness and PageRank");
    rank_command->add_option("--samples", rank.samples,
                             "Betweenness above 5,000 actors: source actors sampled (more is slower and closer)")
        ->check(CLI::Range(1, 1000000));
    add_filter_options(*rank_command, rank.filter);
    rank_command->add_flag("--json", rank.json, "Print JSON");
    rank_command->callback([&] { exit_code = run_rank(rank); });

    ExportArguments exporting;
    auto* export_command = app.add_subcommand("export", "Draw the graph or a query's result with Graphviz (svg, png, pdf, dot, xdot)");
    export_command->add_option("FILE", exporting.file, "The graph file or CSV folder")->required();
    export_command->add_option("-o,--output", exporting.output, "Output file")->required();
    export_command->add_option("--format", exporting.format, "svg, png, pdf, dot or xdot (default: from the output's extension)");
    export_command->add_option("--layout", exporting.layout, "auto (default: fdp up to 500 actors and 2500 relations, sfdp beyond), dot, neato, fdp, sfdp, circo or twopi")
        ->check(CLI::IsMember({"auto", "dot", "neato", "fdp", "sfdp", "circo", "twopi"}));
    export_command->add_option("--focus", exporting.focus, "Show only the neighbourhood of these actors");
    export_command->add_option("--depth", exporting.depth, "Hops around --focus actors")->check(CLI::Range(0, 100));
    export_command->add_option("--path", exporting.path, "Highlight the paths FROM TO")->expected(2);
    export_command->add_option("--k", exporting.k, "How many paths to highlight with --path")->check(CLI::Range(1, 1000));
    export_command->add_option("--direction", exporting.direction, "Direction for --path: follow, reverse or any")->check(CLI::IsMember({"follow", "reverse", "any"}));
    export_command->add_flag("--path-only", exporting.path_only, "Show only the actors and relations on the paths");
    export_command->add_flag("--hide-isolated", exporting.hide_isolated, "Drop actors the filters leave without relations");
    export_command->add_option("--size-by", exporting.size_by, "Size actors by degree, betweenness or pagerank")
        ->check(CLI::IsMember({"degree", "in-degree", "out-degree", "betweenness", "pagerank"}));
    export_command->add_option("--colour-by", exporting.colour_by, "Fill actors by kind (default) or community (with its legend)")
        ->check(CLI::IsMember({"kind", "community"}));
    export_command->add_option("--method", exporting.community_method, "With --colour-by community: louvain (default) or leiden")
        ->check(CLI::IsMember({"louvain", "leiden"}));
    export_command->add_option("--resolution", exporting.resolution, "With --colour-by community: above 1 favours smaller communities (default 1)")
        ->check(CLI::PositiveNumber);
    export_command->add_flag("--legend", exporting.legend, "Add a legend of kinds and relation types");
    export_command->add_option("--title", exporting.title, "A title drawn on the picture");
    export_command->add_option("--stylesheet", exporting.stylesheet,
                               "A stylesheet laid over the built-in one (default: ~/.config/actorgraph/stylesheet.json when it exists, as the explorer; 'builtin': the built-in one alone)");
    export_command->add_option("--timeout", exporting.timeout_seconds, "Stop a layout that runs longer (seconds)")->check(CLI::Range(1, 86400));
    add_filter_options(*export_command, exporting.filter);
    export_command->add_flag("--force", exporting.force, "Write the output even when it is the input file");
    export_command->callback([&] { exit_code = run_export(exporting); });

    ConvertArguments convert;
    auto* convert_command = app.add_subcommand("convert", "Convert between DOT, GraphML and Neo4j CSV (a folder)");
    convert_command->add_option("IN", convert.input, "Input file or CSV folder")->required();
    convert_command->add_option("OUT", convert.output, "Output file (.gv, .dot, .graphml, .gexf) or folder (CSV)")->required();
    convert_command->add_option("--to", convert.format, "dot, graphml, gexf or csv (default: from OUT)")->check(CLI::IsMember({"dot", "gv", "graphml", "gexf", "csv"}));
    convert_command->add_flag("--force", convert.force, "Write the output even when it replaces the input");
    convert_command->callback([&] { exit_code = run_convert(convert); });

    GenerateArguments generate;
    auto* generate_command = app.add_subcommand("generate", "Write a synthetic influence graph (for benchmarks) as CSV, DOT and GraphML");
    generate_command->add_option("--actors", generate.actors, "How many actors")->check(CLI::Range(std::size_t{1}, std::size_t{100000000}));
    generate_command->add_option("--relations-per-actor", generate.relations_per_actor, "Relations per actor")->check(CLI::Range(0.0, 1000.0));
    generate_command->add_option("--seed", generate.seed, "Random seed; the same seed gives the same graph");
    generate_command->add_option("-o,--output", generate.output, "Output folder")->required();
    generate_command->add_option("--formats", generate.formats, "Comma-separated: csv, dot, graphml, gexf");
    generate_command->callback([&] { exit_code = run_generate(generate); });

    CutArguments cut;
    auto* cut_command = app.add_subcommand("cut", "A minimum set of actors (or relations) whose removal leaves no route FROM -> TO");
    cut_command->add_option("FILE", cut.file, "The graph file or CSV folder")->required();
    cut_command->add_option("FROM", cut.from, "Start actor: id, label or alias")->required();
    cut_command->add_option("TO", cut.to, "End actor: id, label or alias")->required();
    cut_command->add_flag("--relations", cut.relations, "Cut relations instead of actors");
    cut_command->add_option("--direction", cut.direction, "follow, reverse or any")->check(CLI::IsMember({"follow", "reverse", "any"}));
    add_filter_options(*cut_command, cut.filter);
    cut_command->add_flag("--json", cut.json, "Print JSON");
    cut_command->callback([&] { exit_code = run_cut(cut); });

    WhatIfArguments what_if;
    auto* what_if_command = app.add_subcommand("what-if", "What breaks when actors disappear: cut-off actors, lost pairs, broken routes");
    what_if_command->add_option("FILE", what_if.file, "The graph file or CSV folder")->required();
    what_if_command->add_option("--remove", what_if.remove, "Actors to remove (comma-separated ids, labels or aliases)")->required();
    what_if_command->add_option("--between", what_if.between, "Also the routes FROM TO")->expected(2);
    what_if_command->add_option("--direction", what_if.direction, "For --between and --pairs: follow, reverse or any")->check(CLI::IsMember({"follow", "reverse", "any"}));
    what_if_command->add_option("--k", what_if.k, "Routes between FROM and TO looked at, shortest first")->check(CLI::Range(1, 1000));
    what_if_command->add_option("--top", what_if.top, "Groups and names listed in the text output")->check(CLI::Range(1, 100000));
    what_if_command->add_option("--pairs", what_if.pairs,
                                "Pairs that lose every route listed, most important first: by the product of the two actors' "
                                "degrees before the removal (directed unless --direction any)")->check(CLI::Range(0, 100000));
    add_filter_options(*what_if_command, what_if.filter);
    what_if_command->add_flag("--json", what_if.json, "Print JSON");
    what_if_command->callback([&] { exit_code = run_what_if(what_if); });

    DependenceArguments dependence;
    auto* dependence_command = app.add_subcommand("dependence", "Shares of the investment flowing into an actor, HHI and alerts over a cap");
    dependence_command->add_option("FILE", dependence.file, "The graph file or CSV folder")->required();
    dependence_command->add_option("TARGET", dependence.target, "The actor invested in: id, label or alias")->required();
    dependence_command->add_option("--cap", dependence.cap, "Largest acceptable share of one source: 1/3, 0.25 or 40%");
    dependence_command->add_option("--group-by", dependence.group_by, "state (investors count for their home state) or actor")->check(CLI::IsMember({"state", "actor"}));
    dependence_command->add_option("--investment-types", dependence.types, "Relation types that count as investment (comma-separated)");
    add_filter_options(*dependence_command, dependence.filter);
    dependence_command->add_flag("--json", dependence.json, "Print JSON");
    dependence_command->callback([&] { exit_code = run_dependence(dependence); });

    CommunitiesArguments communities;
    auto* communities_command = app.add_subcommand("communities", "Communities by Louvain or Leiden (igraph), with the modularity");
    communities_command->add_option("FILE", communities.file, "The graph file or CSV folder")->required();
    communities_command->add_option("--method", communities.method, "louvain or leiden")->check(CLI::IsMember({"louvain", "leiden"}));
    communities_command->add_option("--resolution", communities.resolution, "Above 1 favours smaller communities")->check(CLI::PositiveNumber);
    communities_command->add_option("--seed", communities.seed, "Random seed; the same seed gives the same communities");
    add_filter_options(*communities_command, communities.filter);
    communities_command->add_flag("--json", communities.json, "Print JSON");
    communities_command->callback([&] { exit_code = run_communities(communities); });

    ImportArguments importing;
    add_import_command(app, importing, exit_code);

    EditArguments editing;
    add_edit_command(app, editing, exit_code);

    QueryArguments query;
    auto* query_command = app.add_subcommand("query", "Run openCypher statements on a graph (or an empty one)");
    query_command->add_option("GRAPH", query.file, "The graph file or CSV folder (default: an empty graph)");
    query_command->add_option("-e", query.statements, "A statement to run (repeatable; run in order)");
    query_command->add_option("-f", query.script, "A file of ';'-separated statements")->check(CLI::ExistingFile);
    query_command->add_option("--param", query.parameters, "A parameter NAME=JSON (maps as {\"map\": {...}})");
    query_command->add_flag("--json", query.json, "Print JSON Lines, one object per statement");
    auto* save_option = query_command->add_option("--save", query.save_to, "Write the changed graph to GRAPH (or OUT)")
                            ->expected(0, 1);
    query_command->callback([&] {
        query.save = save_option->count() > 0;
        exit_code = run_query(query);
    });

    add_examples(app);
    if (is_unknown_command(app, argc, argv)) return exit_input_error;
    try {
        app.parse(argc, argv);
    } catch (const CLI::Success& success) {
        return app.exit(success);
    } catch (const CLI::ParseError& error) {
        app.exit(error);
        return exit_input_error;
    } catch (const actorgraph::Error& error) {
        std::cerr << "actorgraph: " << error.what() << '\n';
        return exit_input_error;
    } catch (const std::exception& error) {
        std::cerr << "actorgraph: " << error.what() << '\n';
        return exit_input_error;
    }
    return exit_code;
}
