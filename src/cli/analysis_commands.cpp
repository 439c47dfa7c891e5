#include "cli/analysis_commands.hpp"

#include <algorithm>
#include <cstdio>
#include <iostream>

#include "actorgraph/io/file_format.hpp"
#include "actorgraph/query/communities.hpp"
#include "actorgraph/query/cut.hpp"
#include "actorgraph/query/dependence.hpp"
#include "actorgraph/query/query_cache.hpp"
#include "actorgraph/query/what_if.hpp"
#include "cli/cli_output.hpp"

namespace actorgraph::cli {

namespace {

using nlohmann::json;

std::string name_of(const Graph& graph, ActorIndex actor) { return graph.actor(actor).display_name(); }

std::string percent(double share)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f%%", share * 100);
    return buffer;
}

// "A, B, C and 4 more": at most `shown` names.
std::string name_list(const Graph& graph, const std::vector<ActorIndex>& actors, std::size_t shown)
{
    std::string text;
    for (std::size_t i = 0; i < actors.size() && i < shown; ++i) text += (i ? ", " : "") + name_of(graph, actors[i]);
    if (actors.size() > shown) text += " and " + std::to_string(actors.size() - shown) + " more";
    return text;
}

json ids_json(const Graph& graph, const std::vector<ActorIndex>& actors)
{
    auto list = json::array();
    for (auto actor : actors) list.push_back(graph.actor(actor).id);
    return list;
}

json relations_json(const Graph& graph, const std::vector<RelationIndex>& relations)
{
    auto list = json::array();
    for (auto relation : relations) list.push_back(relation_json(graph, relation));
    return list;
}

std::string relation_line(const Graph& graph, RelationIndex index)
{
    const auto& relation = graph.relation(index);
    std::string text = name_of(graph, relation.source) + " -> " + name_of(graph, relation.target) + " [" + relation.type + "]";
    for (auto name : {schema::year, schema::since, schema::until, schema::confidence}) {
        auto value = property_or_empty(relation.properties, name);
        if (!value.empty()) text += " " + std::string(name) + "=" + std::string(value);
    }
    return text;
}

std::string hops_text(std::size_t hops) { return std::to_string(hops) + (hops == 1 ? " hop" : " hops"); }

std::string actors_text(std::size_t count) { return std::to_string(count) + (count == 1 ? " actor" : " actors"); }

std::string route_text(const Graph& graph, const Path& path)
{
    std::string text;
    for (std::size_t i = 0; i < path.actors.size(); ++i) text += (i ? " -> " : "") + name_of(graph, path.actors[i]);
    return text;
}

}  // namespace

int run_cut(const CutArguments& arguments)
{
    auto graph = load_graph(arguments.file);
    auto from = graph.resolve(arguments.from);
    auto to = graph.resolve(arguments.to);
    CutOptions options{make_filter(arguments.filter, graph), parse_direction(arguments.direction),
                       arguments.relations ? CutKind::relations : CutKind::actors};
    auto cut = minimum_cut(graph, from, to, options);
    const char* what = arguments.relations ? "relations" : "actors";
    if (arguments.json) {
        auto actors = json::array();
        for (auto actor : cut.actors) actors.push_back(actor_json(graph, actor));
        print_json(json{{"from", graph.actor(from).id}, {"to", graph.actor(to).id}, {"cut", what},
                        {"direction", arguments.direction}, {"connected", cut.connected}, {"size", cut.size},
                        {"actors", actors}, {"relations", relations_json(graph, cut.relations)},
                        {"direct", relations_json(graph, cut.direct)}});
        return cut.connected ? exit_ok : exit_empty;
    }
    if (!cut.connected) {
        std::cout << "No route from " << name_of(graph, from) << " to " << name_of(graph, to) << " (direction "
                  << arguments.direction << "): nothing to cut\n";
        return exit_empty;
    }
    std::cout << "Minimum " << (arguments.relations ? "relation" : "actor") << " cut from " << name_of(graph, from) << " to "
              << name_of(graph, to) << " (direction " << arguments.direction << "): " << cut.size << ' ' << what << '\n';
    if (arguments.relations) {
        for (auto relation : cut.relations) std::cout << "  " << relation_line(graph, relation) << '\n';
    } else {
        TextTable table({"id", "label", "kind"});
        for (auto actor : cut.actors) table.add_row({graph.actor(actor).id, name_of(graph, actor), graph.actor(actor).kind});
        if (!cut.actors.empty()) table.print(std::cout);
    }
    std::cout << cut.size << " independent route" << (cut.size == 1 ? "" : "s") << " (sharing no "
              << (arguments.relations ? "relation" : "actor in between") << ")\n";
    if (!cut.direct.empty()) {
        std::cout << cut.direct.size() << " direct relation" << (cut.direct.size() == 1 ? "" : "s")
                  << ", which removing other actors cannot cut:\n";
        for (auto relation : cut.direct) std::cout << "  " << relation_line(graph, relation) << '\n';
    }
    return exit_ok;
}

namespace {

json between_json(const Graph& graph, const WhatIfBetween& between)
{
    auto paths = [&](const std::vector<Path>& list) {
        auto out = json::array();
        for (const auto& path : list) out.push_back(path_json(graph, path));
        return out;
    };
    auto optional_path = [&](const std::optional<Path>& path) { return path ? path_json(graph, *path) : json(nullptr); };
    return {{"from", graph.actor(between.from).id}, {"to", graph.actor(between.to).id},
            {"broken", paths(between.broken)}, {"remaining", paths(between.remaining)},
            {"shortest_before", optional_path(between.shortest_before)},
            {"shortest_after", optional_path(between.shortest_after)},
            {"unreachable_from", ids_json(graph, between.unreachable_from)},
            {"unreaching_to", ids_json(graph, between.unreaching_to)}};
}

void print_between(const Graph& graph, const WhatIfBetween& between, std::size_t top)
{
    auto from = name_of(graph, between.from), to = name_of(graph, between.to);
    std::cout << "\nRoutes from " << from << " to " << to << ":\n";
    if (!between.shortest_before) {
        std::cout << "  none even before the removal\n";
        return;
    }
    auto looked = between.broken.size() + between.remaining.size();
    std::cout << "  of the " << looked << " shortest before, " << between.broken.size() << " break and "
              << between.remaining.size() << " remain\n";
    for (const auto& path : between.broken) std::cout << "  broken:  " << route_text(graph, path) << '\n';
    for (const auto& path : between.remaining) std::cout << "  remains: " << route_text(graph, path) << '\n';
    std::cout << "  shortest before: " << hops_text(between.shortest_before->relations.size()) << "; after: "
              << (between.shortest_after ? hops_text(between.shortest_after->relations.size()) : "no route left") << '\n';
    std::cout << "  " << from << " no longer reaches " << actors_text(between.unreachable_from.size())
              << (between.unreachable_from.empty() ? "" : ": " + name_list(graph, between.unreachable_from, top)) << '\n';
    std::cout << "  " << actors_text(between.unreaching_to.size())
              << (between.unreaching_to.size() == 1 ? " no longer reaches " : " no longer reach ") << to
              << (between.unreaching_to.empty() ? "" : ": " + name_list(graph, between.unreaching_to, top)) << '\n';
}

// "a->b", "b->a", "both" (either way when direction is any).
const char* lost_direction(const LostPair& pair)
{
    if (pair.first_to_second && pair.second_to_first) return "both";
    return pair.first_to_second ? "a->b" : "b->a";
}

json lost_pairs_json(const Graph& graph, const WhatIfResult& result)
{
    auto list = json::array();
    for (const auto& pair : result.important_pairs) {
        list.push_back({{"a", graph.actor(pair.first).id}, {"b", graph.actor(pair.second).id}, {"lost", result.pairs_directed ? lost_direction(pair) : "either way"},
                        {"a_to_b", pair.first_to_second}, {"b_to_a", pair.second_to_first}, {"weight", pair.weight}});
    }
    return list;
}

void print_lost_pairs(const Graph& graph, const WhatIfResult& result)
{
    if (result.important_pairs.empty()) return;
    std::cout << "\nMost important pairs that lose every route " << (result.pairs_directed ? "(directed" : "(either way")
              << "; ranked by the product of their degrees before the removal):\n";
    TextTable table({"a", "lost", "b", "degree product"});
    for (const auto& pair : result.important_pairs) {
        const char* arrow = !result.pairs_directed ? "--" : pair.first_to_second && pair.second_to_first ? "<->"
                            : pair.first_to_second                                                     ? "->"
                                                                                                       : "<-";
        table.add_row({name_of(graph, pair.first), arrow, name_of(graph, pair.second), std::to_string(pair.weight)});
    }
    table.print(std::cout);
    if (!result.pairs_complete) {
        std::cout << "(search stopped at its budget: the heaviest found among the " << result.pairs_searched
                  << " most connected affected actors)\n";
    }
}

}  // namespace

int run_what_if(const WhatIfArguments& arguments)
{
    auto graph = load_graph(arguments.file);
    std::vector<ActorIndex> removed;
    for (const auto& name : parse_name_list(arguments.remove, "actors to remove")) removed.push_back(graph.resolve(name));
    std::optional<std::pair<ActorIndex, ActorIndex>> between;
    if (arguments.between.size() == 2) between = std::make_pair(graph.resolve(arguments.between[0]), graph.resolve(arguments.between[1]));
    QueryCache cache(graph, 1);
    WhatIfOptions options{make_filter(arguments.filter, graph), parse_direction(arguments.direction), arguments.k, arguments.pairs};
    auto result = what_if(cache, removed, between, options);
    if (arguments.json) {
        auto fragments = json::array();
        for (const auto& fragment : result.fragments) {
            fragments.push_back({{"size", fragment.actors.size()}, {"actors", ids_json(graph, fragment.actors)}});
        }
        json out{{"removed", ids_json(graph, result.removed)},
                 {"broken_relations", relations_json(graph, result.broken_relations)},
                 {"components", {{"before", result.components_before}, {"after", result.components_after}}},
                 {"largest_component", {{"before", result.largest_before}, {"after", result.largest_after}}},
                 {"pairs_lost", result.pairs_lost}, {"fragments", fragments},
                 {"important_pairs", lost_pairs_json(graph, result)}, {"important_pairs_ranking", "degree product"},
                 {"important_pairs_complete", result.pairs_complete}};
        if (result.between) out["between"] = between_json(graph, *result.between);
        print_json(out);
        return exit_ok;
    }
    std::cout << "Removing " << name_list(graph, result.removed, arguments.top) << " breaks " << result.broken_relations.size()
              << " relation" << (result.broken_relations.size() == 1 ? "" : "s") << ".\n";
    std::cout << "Connected components (relations walked either way): " << result.components_before << " -> "
              << result.components_after << "; largest " << result.largest_before << " -> " << result.largest_after
              << " actors\n";
    std::cout << "Pairs of remaining actors no longer connected: " << result.pairs_lost << '\n';
    if (!result.fragments.empty()) {
        std::cout << "\nCut off (" << result.fragments.size() << " group" << (result.fragments.size() == 1 ? "" : "s")
                  << ", largest first):\n";
        TextTable table({"actors", "best connected"});
        for (std::size_t i = 0; i < result.fragments.size() && i < arguments.top; ++i) {
            const auto& fragment = result.fragments[i];
            table.add_row({std::to_string(fragment.actors.size()), name_list(graph, fragment.actors, 4)});
        }
        table.print(std::cout);
        if (result.fragments.size() > arguments.top) std::cout << "... " << result.fragments.size() - arguments.top << " more groups\n";
    }
    print_lost_pairs(graph, result);
    if (result.between) print_between(graph, *result.between, arguments.top);
    return exit_ok;
}

int run_dependence(const DependenceArguments& arguments)
{
    auto graph = load_graph(arguments.file);
    auto target = graph.resolve(arguments.target);
    DependenceOptions options;
    options.filter = make_filter(arguments.filter, graph);
    options.types = parse_name_list(arguments.types, "investment types");
    options.cap = parse_share(arguments.cap);
    options.group_by = parse_dependence_grouping(arguments.group_by);
    auto result = investment_dependence(graph, target, options);
    if (arguments.json) {
        auto source_json = [&](const InvestmentSource& source) {
            return json{{"id", graph.actor(source.actor).id}, {"label", name_of(graph, source.actor)},
                        {"kind", graph.actor(source.actor).kind}, {"investors", ids_json(graph, source.investors)},
                        {"amount_usd", source.amount_usd}, {"share", source.share}, {"relations", source.relations},
                        {"relations_without_amount", source.without_amount}, {"over_cap", source.over_cap}};
        };
        auto sources = json::array();
        for (const auto& source : result.sources) sources.push_back(source_json(source));
        auto alerts = json::array();
        for (const auto& source : result.alerts()) alerts.push_back(graph.actor(source.actor).id);
        print_json(json{{"target", graph.actor(target).id}, {"recipients", ids_json(graph, result.recipients)},
                        {"group_by", arguments.group_by}, {"cap", result.cap}, {"total_usd", result.total_usd},
                        {"relations", result.relations}, {"relations_without_amount", result.without_amount},
                        {"undated_relations", result.undated}, {"hhi", result.hhi}, {"sources", sources},
                        {"alerts", alerts}, {"domestic", source_json(result.domestic)}});
        return result.relations > 0 ? exit_ok : exit_empty;
    }
    std::cout << "Investment into " << name_of(graph, target);
    if (result.recipients.size() > 1) {
        std::vector<ActorIndex> companies(result.recipients.begin() + 1, result.recipients.end());
        std::cout << " and its companies (" << name_list(graph, companies, 8) << ")";
    }
    std::cout << ", by " << arguments.group_by << ", cap " << percent(result.cap) << ":\n\n";
    if (result.relations == 0) {
        std::cout << "No foreign investment relations found.\n";
        return exit_empty;
    }
    TextTable table({"source", "kind", "amount_usd", "share", "relations", "no amount", "investors"});
    for (const auto& source : result.sources) {
        table.add_row({name_of(graph, source.actor), graph.actor(source.actor).kind, format_score(source.amount_usd),
                       result.total_usd > 0 ? percent(source.share) : "-", std::to_string(source.relations),
                       std::to_string(source.without_amount), name_list(graph, source.investors, 3)});
    }
    table.print(std::cout);
    std::cout << "\nKnown foreign investment: " << format_score(result.total_usd) << " USD from " << result.relations
              << " relations; " << result.without_amount << " of them carry no amount_usd and are not in the shares"
              << " (" << result.undated << " undated).\n";
    std::cout << "Herfindahl-Hirschman index: " << format_score(result.hhi * 10000) << " (of 10000)\n";
    for (const auto& source : result.alerts()) {
        std::cout << "ALERT: " << name_of(graph, source.actor) << " holds " << percent(source.share)
                  << " of the known foreign investment, above the cap of " << percent(result.cap) << '\n';
    }
    if (result.domestic.relations > 0) {
        std::cout << "Domestic, not in the shares: " << result.domestic.relations << " relations from "
                  << name_list(graph, result.domestic.investors, 4) << '\n';
    }
    return exit_ok;
}

int run_communities(const CommunitiesArguments& arguments)
{
    auto graph = load_graph(arguments.file);
    CommunityOptions options{make_filter(arguments.filter, graph), parse_community_method(arguments.method), arguments.resolution,
                             arguments.seed};
    QueryCache cache(graph, 1);
    auto index = cache.index(options.filter, Direction::follow);
    auto communities = find_communities(*index, options);
    auto best_connected = [&](std::vector<ActorIndex> actors) {
        std::stable_sort(actors.begin(), actors.end(), [&](auto a, auto b) { return index->degree(a) > index->degree(b); });
        return actors;
    };
    if (arguments.json) {
        auto list = json::array();
        for (std::size_t i = 0; i < communities.groups.size(); ++i) {
            list.push_back({{"community", i + 1}, {"size", communities.groups[i].size()},
                            {"actors", ids_json(graph, best_connected(communities.groups[i]))}});
        }
        print_json(json{{"method", arguments.method}, {"resolution", arguments.resolution}, {"seed", arguments.seed},
                        {"modularity", communities.modularity}, {"communities", list}});
        return exit_ok;
    }
    std::cout << communities.groups.size() << " communities (" << arguments.method << ", resolution "
              << format_score(arguments.resolution) << "), modularity " << format_score(communities.modularity) << "\n\n";
    TextTable table({"community", "actors", "best connected"});
    for (std::size_t i = 0; i < communities.groups.size(); ++i) {
        table.add_row({std::to_string(i + 1), std::to_string(communities.groups[i].size()),
                       name_list(graph, best_connected(communities.groups[i]), 5)});
    }
    table.print(std::cout);
    return exit_ok;
}

}  // namespace actorgraph::cli
