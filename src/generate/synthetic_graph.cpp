#include "actorgraph/generate/synthetic_graph.hpp"

#include <array>
#include <cmath>
#include <random>

namespace actorgraph {

namespace {

// Shares in registries and leaks: many companies and officials, few states.
struct KindShare {
    const char* kind;
    double share;
};
constexpr std::array<KindShare, 4> kind_shares{{{"state", 0.01}, {"organization", 0.07}, {"company", 0.62}, {"official", 0.30}}};

const char* relation_type_for(const std::string& from_kind, const std::string& to_kind, std::mt19937_64& random)
{
    if (from_kind == "official") return "affiliation";
    if (from_kind == "company" && to_kind == "state" && random() % 2 == 0) return "affiliation";
    std::uniform_real_distribution<double> uniform(0, 1);
    double roll = uniform(random);
    if (roll < 0.45) return "investment";
    if (roll < 0.65) return "pressure";
    return "partnership";
}

std::string pick_kind(std::mt19937_64& random)
{
    std::uniform_real_distribution<double> uniform(0, 1);
    double roll = uniform(random);
    for (const auto& share : kind_shares) {
        if (roll < share.share) return share.kind;
        roll -= share.share;
    }
    return "company";
}

Properties relation_properties(const std::string& type, std::size_t number, std::mt19937_64& random)
{
    Properties properties;
    std::uniform_int_distribution<int> year(1990, 2025);
    int first = year(random);
    if (type == "affiliation" || type == "partnership") {
        properties.emplace(schema::since, std::to_string(first));
        if (random() % 3 == 0) properties.emplace(schema::until, std::to_string(std::min(2025, first + 1 + static_cast<int>(random() % 10))));
    } else {
        properties.emplace(schema::year, std::to_string(first));
    }
    if (type == "investment") {
        std::lognormal_distribution<double> amount(15.0, 2.0);  // median about 3 million dollars
        properties.emplace(schema::amount_usd, std::to_string(static_cast<long long>(amount(random))));
    }
    properties.emplace(schema::source, "synthetic record " + std::to_string(number));
    return properties;
}

}  // namespace

Graph generate_synthetic_graph(const SyntheticGraphOptions& options)
{
    std::mt19937_64 random(options.seed);
    Graph graph;
    graph.name = "synthetic";
    for (std::size_t i = 0; i < options.actors; ++i) {
        auto kind = pick_kind(random);
        graph.add_actor({kind.substr(0, 1) + std::to_string(i), kind + " " + std::to_string(i), kind, {}, {}, {}});
    }
    if (options.actors < 2) return graph;
    // Preferential attachment: an endpoint is drawn from earlier endpoints half of the time,
    // which gives the heavy-tailed degrees of real influence networks.
    std::vector<ActorIndex> endpoints;
    auto wanted = static_cast<std::size_t>(std::llround(options.relations_per_actor * static_cast<double>(options.actors)));
    endpoints.reserve(2 * wanted);
    std::uniform_int_distribution<ActorIndex> any_actor(0, static_cast<ActorIndex>(options.actors - 1));
    auto draw = [&] {
        if (endpoints.empty() || random() % 2 == 0) return any_actor(random);
        return endpoints[random() % endpoints.size()];
    };
    for (std::size_t number = 0; number < wanted; ++number) {
        ActorIndex from = draw();
        ActorIndex to = draw();
        if (from == to) to = (to + 1) % static_cast<ActorIndex>(options.actors);
        const char* type = relation_type_for(graph.actor(from).kind, graph.actor(to).kind, random);
        graph.add_relation({from, to, type, relation_properties(type, number, random), {}});
        endpoints.push_back(from);
        endpoints.push_back(to);
    }
    return graph;
}

}  // namespace actorgraph
