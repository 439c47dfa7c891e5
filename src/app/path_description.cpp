#include "actorgraph/app/path_description.hpp"

#include <cstdio>

#include "actorgraph/app/inspector.hpp"
#include "actorgraph/query/evidence.hpp"

namespace actorgraph {

std::string relation_summary(const Relation& relation)
{
    std::string text = relation.type.empty() ? "(no type)" : relation.type;
    for (auto name : {schema::year, schema::since, schema::until, schema::amount_usd, schema::confidence}) {
        auto value = property_or_empty(relation.properties, name);
        if (!value.empty()) text += " " + std::string(name) + "=" + std::string(value);
    }
    return text;
}

std::vector<PathStep> describe_path(const Graph& graph, const Path& path)
{
    auto kind_of = [&](ActorIndex actor) -> std::string {
        const auto& kind = graph.actor(actor).kind;
        return kind.empty() ? std::string("?") : kind.str();
    };
    std::vector<PathStep> steps;
    for (std::size_t i = 0; i < path.relations.size() && i + 1 < path.actors.size(); ++i) {
        const auto& relation = graph.relation(path.relations[i]);
        PathStep step;
        step.from = graph.actor(path.actors[i]).display_name();
        step.from_kind = kind_of(path.actors[i]);
        step.to = graph.actor(path.actors[i + 1]).display_name();
        step.to_kind = kind_of(path.actors[i + 1]);
        step.type = relation.type.str();
        step.summary = relation_summary(relation);
        step.years = relation_years_text(relation);
        step.undirected = graph.is_undirected(path.relations[i]);
        step.against = !step.undirected && relation.source != path.actors[i];
        step.source = std::string(property_or_empty(relation.properties, schema::source));
        if (i < path.parallel.size() && path.parallel[i].size() > 1) {
            for (auto other : path.parallel[i]) {
                if (other != path.relations[i]) step.parallel.push_back(relation_summary(graph.relation(other)));
            }
        }
        steps.push_back(std::move(step));
    }
    return steps;
}

std::string path_heading(const Graph& graph, const Path& path, std::size_t number)
{
    char text[96];
    auto steps = path.relations.size();
    std::snprintf(text, sizeof text, "Path %zu: %zu step%s, cost %.3g", number, steps, steps == 1 ? "" : "s", path.cost);
    auto weakest = weakest_evidence(graph, path);
    return std::string(text) + (weakest ? ", weakest evidence " + confidence_name(*weakest) : std::string(", not all graded"));
}

}  // namespace actorgraph
