#include "cli/commands.hpp"

#include <filesystem>
#include <iostream>
#include <map>

#include "actorgraph/app/user_config.hpp"
#include "actorgraph/app/user_stylesheet.hpp"
#include "actorgraph/app/view_spec.hpp"
#include "actorgraph/generate/synthetic_graph.hpp"
#include "actorgraph/io/file_format.hpp"
#include "actorgraph/io/file_io.hpp"
#include "actorgraph/model/census.hpp"
#include "actorgraph/model/validation.hpp"
#include "actorgraph/query/neighbourhood.hpp"
#include "actorgraph/query/query_cache.hpp"
#include "actorgraph/render/graphviz_render.hpp"
#include "cli/cli_output.hpp"

namespace actorgraph::cli {

using nlohmann::json;

// Labels from Latin-1 files are not UTF-8; JSON output shows such bytes as U+FFFD instead of failing.
void print_json(const json& value)
{
    std::cout << value.dump(2, ' ', false, json::error_handler_t::replace) << '\n';
}

// The filter of the options, its kinds and types spelled as the graph spells them (Error for unknown ones).
GraphFilter make_filter(const FilterArguments& arguments, const Graph& graph)
{
    GraphFilter filter;
    if (!arguments.kinds.empty()) filter.kinds = parse_name_list(arguments.kinds, "kinds");
    if (!arguments.types.empty()) filter.types = parse_name_list(arguments.types, "relation types");
    filter.year_from = arguments.year_from;
    filter.year_to = arguments.year_to;
    filter.dated_only = arguments.dated_only;
    filter.as_of = arguments.as_of;
    if (!arguments.min_confidence.empty()) filter.min_confidence = parse_confidence_or_throw(arguments.min_confidence);
    for (const auto& text : arguments.where) filter.relation_conditions.push_back(PropertyCondition::parse(text));
    for (const auto& text : arguments.actor_where) filter.actor_conditions.push_back(PropertyCondition::parse(text));
    resolve_vocabulary(filter, graph);
    return filter;
}

namespace {

json diagnostics_json(const Diagnostics& diagnostics)
{
    auto list = json::array();
    for (const auto& diagnostic : diagnostics) {
        list.push_back({{"file", diagnostic.where.file}, {"line", diagnostic.where.line}, {"message", diagnostic.message}});
    }
    return list;
}

std::vector<ActorIndex> resolve_all(const Graph& graph, const std::vector<std::string>& names)
{
    std::vector<ActorIndex> actors;
    for (const auto& name : names) actors.push_back(graph.resolve(name));
    return actors;
}

// A file read by its content rather than its name is named on stderr, so a script's log says so.
void say_what_is_assumed(const std::string& input)
{
    auto assumed = read_plan(input).assumed;
    if (!assumed.empty()) std::cerr << "actorgraph: " << input << ": " << assumed << '\n';
}

}  // namespace

int run_info(const InfoArguments& arguments)
{
    auto graph = load_graph(arguments.file);
    auto warnings = validate(graph, {});
    auto census = census_of(graph);
    auto named = [](const Tally& tally) {
        std::map<std::string, std::size_t> out;
        for (const auto& [name, count] : tally) out[name.empty() ? "(none)" : name] += count;
        return out;
    };
    auto kinds = named(census.kinds), types = named(census.types);
    if (arguments.json) {
        json out{{"file", arguments.file}, {"name", graph.name}, {"actors", graph.actor_count()},
                 {"relations", graph.relation_count()}, {"kinds", kinds}, {"types", types},
                 {"warnings", diagnostics_json(warnings)}, {"warning_count", finding_count(warnings)}};
        print_json(out);
        return exit_ok;
    }
    std::cout << arguments.file << ": " << graph.actor_count() << " actors, " << graph.relation_count() << " relations\n\n";
    TextTable kind_table({"kind", "actors"});
    for (const auto& [kind, count] : kinds) kind_table.add_row({kind, std::to_string(count)});
    kind_table.print(std::cout);
    std::cout << '\n';
    TextTable type_table({"type", "relations"});
    for (const auto& [type, count] : types) type_table.add_row({type, std::to_string(count)});
    type_table.print(std::cout);
    if (!warnings.empty()) std::cout << '\n' << with_thousands(finding_count(warnings)) << " warning(s):\n";
    for (const auto& warning : warnings) std::cout << "  " << warning.to_string() << '\n';
    return exit_ok;
}

int run_validate(const ValidateArguments& arguments)
{
    auto graph = load_graph(arguments.file);
    auto findings = validate(graph, {arguments.strict});
    if (arguments.json) {
        print_json(json{{"file", arguments.file}, {"valid", findings.empty()}, {"findings", diagnostics_json(findings)},
                        {"finding_count", finding_count(findings)}});
    } else {
        for (const auto& finding : findings) std::cout << finding.to_string() << '\n';
        std::cout << arguments.file << ": " << (findings.empty() ? "valid" : with_thousands(finding_count(findings)) + " problem(s)")
                  << (arguments.strict ? " (strict)" : "") << '\n';
    }
    return findings.empty() ? exit_ok : exit_empty;
}

int run_path(const PathArguments& arguments)
{
    auto graph = load_graph(arguments.file);
    auto from = graph.resolve(arguments.from);
    auto to = graph.resolve(arguments.to);
    PathOptions options;
    options.filter = make_filter(arguments.filter, graph);
    options.direction = parse_direction(arguments.direction);
    options.k = arguments.k;
    options.all_shortest = arguments.all;
    options.weight = arguments.weight;
    options.transform = parse_weight_transform(arguments.weight_transform);
    options.max_hops = arguments.max_hops;
    options.rank_by_evidence = arguments.rank_by == "evidence";
    options.time_respecting = arguments.time_respecting;
    options.parallel = arguments.parallel;
    if (options.time_respecting && (options.k > 1 || options.all_shortest || options.rank_by_evidence)) {
        throw Error("--time-respecting finds the one path with fewest hops; it does not combine with --k, --all or --rank-by evidence");
    }
    auto paths = find_paths(graph, from, to, options);
    if (arguments.json) {
        auto list = json::array();
        for (const auto& path : paths) list.push_back(path_json(graph, path));
        print_json(json{{"from", graph.actor(from).id}, {"to", graph.actor(to).id}, {"paths", list}});
    } else if (paths.empty()) {
        std::cout << "No path from " << graph.actor(from).display_name() << " to " << graph.actor(to).display_name()
                  << " (direction " << arguments.direction << ")\n";
    } else {
        for (std::size_t i = 0; i < paths.size(); ++i) {
            if (i > 0) std::cout << '\n';
            print_path(std::cout, graph, paths[i], i + 1);
        }
    }
    return paths.empty() ? exit_empty : exit_ok;
}

// "+N more" lines for the expanded actors whose neighbours continue on the next page.
void print_hidden(std::ostream& out, const Graph& graph, const NeighbourhoodPage& page, const NeighborsArguments& arguments)
{
    for (const auto& hidden : page.hidden) {
        out << graph.actor(hidden.actor).display_name() << ": " << hidden.more << " more neighbours";
        if (arguments.depth == 1) out << " (--offset " << arguments.offset + arguments.limit << " shows the next page)";
        out << '\n';
    }
}

int run_neighbors(const NeighborsArguments& arguments)
{
    auto graph = load_graph(arguments.file);
    auto seeds = resolve_all(graph, arguments.actors);
    NeighbourhoodOptions options{make_filter(arguments.filter, graph), parse_direction(arguments.direction), arguments.depth};
    auto page = neighbourhood_page(graph, seeds, options, NeighbourPaging{arguments.limit, arguments.offset});
    std::vector<std::pair<int, ActorIndex>> found;
    for (std::size_t i = 0; i < page.selection.actors.size(); ++i) found.emplace_back(page.hops[i], page.selection.actors[i]);
    std::sort(found.begin(), found.end(), [&](const auto& a, const auto& b) {
        return std::tie(a.first, graph.actor(a.second).id) < std::tie(b.first, graph.actor(b.second).id);
    });
    int exit_code = found.size() > seeds.size() ? exit_ok : exit_empty;
    if (arguments.json) {
        auto actors = json::array();
        for (auto [hops, actor] : found) {
            auto entry = actor_json(graph, actor);
            entry["hops"] = hops;
            actors.push_back(entry);
        }
        auto relations = json::array();
        for (auto relation : page.selection.relations) relations.push_back(relation_json(graph, relation));
        auto more = json::array();
        for (const auto& hidden : page.hidden) {
            more.push_back({{"id", graph.actor(hidden.actor).id}, {"shown", hidden.shown}, {"more", hidden.more}});
        }
        print_json(json{{"actors", actors}, {"relations", relations}, {"more", more}});
        return exit_code;
    }
    TextTable table({"hops", "id", "label", "kind"});
    for (auto [hops, actor] : found) {
        table.add_row({std::to_string(hops), graph.actor(actor).id, graph.actor(actor).display_name(), graph.actor(actor).kind});
    }
    table.print(std::cout);
    std::cout << '\n' << found.size() << " actors, " << page.selection.relations.size() << " relations\n";
    print_hidden(std::cout, graph, page, arguments);
    return exit_code;
}

int run_rank(const RankArguments& arguments)
{
    auto graph = load_graph(arguments.file);
    auto metric = parse_metric(arguments.metric);
    MetricOptions options{make_filter(arguments.filter, graph), arguments.undirected};
    options.betweenness_samples = arguments.samples;
    QueryCache queries(graph, 1);
    auto result = rank_actors_result(queries, metric, options, arguments.top);
    const auto& ranked = result.actors;
    if (arguments.json) {
        auto list = json::array();
        for (std::size_t i = 0; i < ranked.size(); ++i) {
            const auto& actor = graph.actor(ranked[i].actor);
            list.push_back({{"rank", i + 1}, {"id", actor.id}, {"label", actor.display_name()}, {"kind", actor.kind},
                            {"score", ranked[i].score}});
        }
        json answer{{"metric", arguments.metric}, {"actors", list}};
        if (result.sampled) answer["sampled_sources"] = result.samples;
        print_json(answer);
        return exit_ok;
    }
    TextTable table({"rank", "id", "label", "kind", std::string(metric_name(metric))});
    for (std::size_t i = 0; i < ranked.size(); ++i) {
        const auto& actor = graph.actor(ranked[i].actor);
        table.add_row({std::to_string(i + 1), actor.id, actor.display_name(), actor.kind, format_score(ranked[i].score)});
    }
    table.print(std::cout);
    if (result.sampled) {
        std::cout << "\nbetweenness estimated from " << result.samples << " sampled source actors of "
                  << result.of << " (exact up to " << options.exact_betweenness_limit
                  << " actors; --samples sets how many)\n";
    }
    return exit_ok;
}

namespace {

// The explorer's choice (the user's stylesheet over the built-in one), so both draw the same picture.
std::shared_ptr<const Stylesheet> export_stylesheet(const std::string& choice)
{
    if (choice == "builtin") return load_stylesheet_over_builtin({});
    if (choice.empty()) return load_stylesheet_over_builtin(user_stylesheet_path(user_config_dir()));
    if (!std::filesystem::is_regular_file(choice)) throw Error("--stylesheet " + choice + ": no such file");
    return load_stylesheet_over_builtin(choice);
}

}  // namespace

int run_export(const ExportArguments& arguments)
{
    refuse_overwriting_input(arguments.file, {arguments.output}, arguments.force);
    say_what_is_assumed(arguments.file);
    auto graph = load_graph(arguments.file);
    auto extension = std::filesystem::path(arguments.output).extension().string();
    auto format_name = !arguments.format.empty() ? arguments.format : extension.empty() ? std::string("svg") : extension.substr(1);
    auto format = parse_output_format(format_name == "gv" ? "dot" : format_name);
    if (arguments.format.empty() && extension.empty()) std::cerr << "actorgraph: no extension on the output: writing SVG\n";
    ViewSpec spec;
    spec.filter = make_filter(arguments.filter, graph);
    spec.hide_isolated = arguments.hide_isolated;
    spec.focus = resolve_all(graph, arguments.focus);
    spec.focus_depth = arguments.depth;
    if (arguments.path.size() == 2) {
        PathRequest request{graph.resolve(arguments.path[0]), graph.resolve(arguments.path[1]), {}};
        request.options.k = arguments.k;
        request.options.direction = parse_direction(arguments.direction);
        spec.path = request;
        spec.highlighted_path = SIZE_MAX;
    }
    spec.path_only = arguments.path_only;
    if (!arguments.size_by.empty()) spec.size_by = parse_metric(arguments.size_by);
    spec.legend = arguments.legend;
    if (arguments.colour_by == "community") {
        // The same partition as `actorgraph communities` with these options (seed 1); colours need their key.
        CommunityRequest communities;
        if (!arguments.community_method.empty()) communities.method = parse_community_method(arguments.community_method);
        if (arguments.resolution > 0) communities.resolution = arguments.resolution;
        spec.communities = communities;
        spec.legend = true;
    } else if (!arguments.community_method.empty() || arguments.resolution > 0) {
        throw Error("--method and --resolution choose the communities of --colour-by community");
    }
    spec.title = arguments.title;
    auto view = compose_view(graph, spec);
    if (view.communities && !view.communities->error.empty()) throw Error(community_summary(*view.communities));
    spec.engine = arguments.layout == "auto"
                      ? choose_layout_engine(view.scene.visible.actors.size(), view.scene.visible.relations.size())
                      : parse_layout_engine(arguments.layout);
    view.scene.engine = spec.engine;
    if (spec.path && view.paths.empty()) std::cerr << "actorgraph: warning: no path found for --path\n";
    RenderControl control;
    control.budget = std::chrono::seconds(arguments.timeout_seconds);
    auto style = export_stylesheet(arguments.stylesheet);
    auto picture = render_dot_text_isolated(styled_dot(graph, view.scene, *style), spec.engine, format, control);
    write_file_atomically(arguments.output, picture);
    std::cout << "wrote " << arguments.output << " (" << view.scene.visible.actors.size() << " actors, "
              << view.scene.visible.relations.size() << " relations, " << layout_engine_name(spec.engine) << ")\n";
    return exit_ok;
}

int run_convert(const ConvertArguments& arguments)
{
    std::optional<FileFormat> format;
    if (!arguments.format.empty()) format = parse_file_format(arguments.format);
    auto chosen = format ? *format : format_for_path(arguments.output);
    refuse_overwriting_input(arguments.input, files_written(arguments.output, chosen), arguments.force);
    say_what_is_assumed(arguments.input);
    auto graph = load_graph(arguments.input);
    save_graph(graph, arguments.output, chosen);
    std::cout << "wrote " << arguments.output << " (" << graph.actor_count() << " actors, " << graph.relation_count()
              << " relations";
    if (chosen == FileFormat::csv) std::cout << "; a Neo4j CSV folder: nodes.csv and relationships.csv";
    std::cout << ")\n";
    return exit_ok;
}

int run_generate(const GenerateArguments& arguments)
{
    auto graph = generate_synthetic_graph({arguments.actors, arguments.relations_per_actor, arguments.seed});
    std::filesystem::path folder(arguments.output);
    std::filesystem::create_directories(folder);
    for (const auto& name : parse_name_list(arguments.formats, "formats")) {
        auto format = parse_file_format(name);
        if (!format) throw Error("unknown format '" + name + "'; expected csv, dot, graphml or gexf");
        auto file = *format == FileFormat::dot ? "synthetic.gv" : *format == FileFormat::gexf ? "synthetic.gexf" : "synthetic.graphml";
        auto target = *format == FileFormat::csv ? folder : folder / file;
        save_graph(graph, target, format);
        std::cout << "wrote " << target.string() << '\n';
    }
    std::cout << graph.actor_count() << " actors, " << graph.relation_count() << " relations (seed " << arguments.seed << ")\n";
    return exit_ok;
}

}  // namespace actorgraph::cli
