#include "actorgraph/app/analysis_script.hpp"

#include <charconv>

#include "actorgraph/model/spelling.hpp"

namespace actorgraph {

namespace {

std::pair<std::string, std::string> option_of(const std::string& argument)
{
    auto equals = argument.find('=');
    if (equals == std::string::npos) return {argument, {}};
    return {argument.substr(0, equals), argument.substr(equals + 1)};
}

int year_argument(const std::string& text)
{
    int year = 0;
    auto [end, failure] = std::from_chars(text.data(), text.data() + text.size(), year);
    if (failure != std::errc{} || end != text.data() + text.size()) throw Error("expected a year, got '" + text + "'");
    return year;
}

ActorIndex actor_argument(const Explorer& explorer, std::string_view name)
{
    if (!explorer.graph()) throw Error("no graph is open");
    return explorer.graph()->resolve(name);
}

void checked_run(Explorer& explorer, AnalysisRequest request)
{
    if (!explorer.run_analysis(std::move(request))) throw Error(explorer.last_error());
}

void run_dependence(Explorer& explorer, const std::vector<std::string>& arguments)
{
    DependenceRequest request;
    request.target = actor_argument(explorer, arguments[0]);
    for (std::size_t i = 1; i < arguments.size(); ++i) {
        auto [name, value] = option_of(arguments[i]);
        if (name == "from") request.from_year = year_argument(value);
        else if (name == "to") request.to_year = year_argument(value);
        else if (name == "cap") request.cap = parse_share(value);
        else if (name == "group-by") request.group_by = parse_dependence_grouping(value);
        else throw Error(unknown_word_message("dependence option", name, std::vector<std::string>{"from", "to", "cap", "group-by"}));
    }
    checked_run(explorer, request);
}

// Actors as "a,b c": commas and spaces both separate them.
void run_what_if(Explorer& explorer, const std::vector<std::string>& arguments)
{
    WhatIfRequest request;
    for (const auto& argument : arguments) {
        std::size_t at = 0;
        while (at <= argument.size()) {
            auto comma = std::min(argument.find(',', at), argument.size());
            if (comma > at) request.removed.push_back(actor_argument(explorer, std::string_view(argument).substr(at, comma - at)));
            at = comma + 1;
        }
    }
    checked_run(explorer, request);
}

void run_cut(Explorer& explorer, const std::vector<std::string>& arguments)
{
    CutRequest request;
    request.from = actor_argument(explorer, arguments[0]);
    request.to = actor_argument(explorer, arguments[1]);
    for (std::size_t i = 2; i < arguments.size(); ++i) {
        auto [name, value] = option_of(arguments[i]);
        if (name == "relations" && value.empty()) request.kind = CutKind::relations;
        else if (name == "actors" && value.empty()) request.kind = CutKind::actors;
        else if (name == "direction") request.direction = parse_direction(value);
        else throw Error(unknown_word_message("cut option", name, std::vector<std::string>{"relations", "actors", "direction"}));
    }
    checked_run(explorer, request);
}

// communities louvain|leiden [RESOLUTION], or communities off (the kind colours again).
void run_communities(Explorer& explorer, const std::vector<std::string>& arguments)
{
    if (arguments[0] == "off") {
        if (arguments.size() > 1) throw Error("communities off takes no resolution");
        (void)explorer.set_communities(std::nullopt);
        return;
    }
    CommunityRequest request;
    try {
        request.method = parse_community_method(arguments[0]);
    } catch (const Error&) {
        throw Error(unknown_word_message("community method", arguments[0], std::vector<std::string>{"louvain", "leiden", "off"}));
    }
    if (arguments.size() > 1) {
        auto resolution = parse_number(arguments[1]);
        if (!resolution) throw Error("expected a resolution (a positive number, 1 = classic modularity), got '" + arguments[1] + "'");
        request.resolution = *resolution;
    }
    if (!explorer.set_communities(request)) throw Error(explorer.last_error());
}

}  // namespace

bool is_analysis_verb(std::string_view verb)
{
    return verb == "dependence" || verb == "what-if" || verb == "cut" || verb == "clear-analysis" || verb == "play" ||
           verb == "stop-play" || verb == "communities";
}

void run_analysis_verb(Explorer& explorer, std::string_view verb, const std::vector<std::string>& arguments)
{
    if (verb == "dependence") run_dependence(explorer, arguments);
    else if (verb == "what-if") run_what_if(explorer, arguments);
    else if (verb == "cut") run_cut(explorer, arguments);
    else if (verb == "clear-analysis") explorer.clear_analysis();
    else if (verb == "communities") run_communities(explorer, arguments);
    else if (verb == "stop-play") explorer.stop_playing();
    else if (verb == "play") {
        auto seconds = arguments.empty() ? std::optional(1.0) : parse_number(arguments[0]);
        if (!seconds || !(*seconds > 0 && *seconds <= 60)) throw Error("play takes 0 to 60 seconds a year, got '" + arguments[0] + "'");
        auto errors = explorer.error_count();
        explorer.play_years(*seconds);
        if (explorer.error_count() != errors) throw Error(explorer.last_error());
    }
}

}  // namespace actorgraph
