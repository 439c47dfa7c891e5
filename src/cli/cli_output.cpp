#include "cli/cli_output.hpp"

#include <cmath>
#include <cstdio>

namespace actorgraph::cli {

namespace {

std::size_t display_width(const std::string& text)
{
    std::size_t width = 0;
    for (unsigned char c : text) width += (c & 0xC0) != 0x80;
    return width;
}

nlohmann::json properties_json(const Properties& properties)
{
    auto object = nlohmann::json::object();
    for (const auto& [name, value] : properties) object[name] = value;
    return object;
}

std::string relation_summary(const Relation& relation)
{
    std::string text = relation.type.empty() ? "(no type)" : relation.type;
    for (auto name : {schema::year, schema::since, schema::until, schema::amount_usd, schema::confidence}) {
        auto value = property_or_empty(relation.properties, name);
        if (!value.empty()) text += " " + std::string(name) + "=" + std::string(value);
    }
    return text;
}

}  // namespace

void TextTable::print(std::ostream& out) const
{
    std::vector<std::size_t> widths(header_.size(), 0);
    auto measure = [&](const std::vector<std::string>& row) {
        for (std::size_t i = 0; i < row.size() && i < widths.size(); ++i) widths[i] = std::max(widths[i], display_width(row[i]));
    };
    measure(header_);
    for (const auto& row : rows_) measure(row);
    auto print_row = [&](const std::vector<std::string>& row) {
        std::string line;
        for (std::size_t i = 0; i < row.size() && i < widths.size(); ++i) {
            line += row[i];
            if (i + 1 < row.size()) line += std::string(widths[i] - display_width(row[i]) + 2, ' ');
        }
        out << line << '\n';
    };
    print_row(header_);
    for (const auto& row : rows_) print_row(row);
}

nlohmann::json actor_json(const Graph& graph, ActorIndex index)
{
    const auto& actor = graph.actor(index);
    return {{"id", actor.id}, {"label", actor.display_name()}, {"kind", actor.kind},
            {"aliases", actor.aliases}, {"properties", properties_json(actor.properties)}};
}

nlohmann::json relation_json(const Graph& graph, RelationIndex index)
{
    const auto& relation = graph.relation(index);
    return {{"from", graph.actor(relation.source).id}, {"to", graph.actor(relation.target).id},
            {"type", relation.type}, {"directed", !graph.is_undirected(index)},
            {"properties", properties_json(relation.properties)}};
}

nlohmann::json path_json(const Graph& graph, const Path& path)
{
    auto actors = nlohmann::json::array();
    for (auto actor : path.actors) {
        actors.push_back({{"id", graph.actor(actor).id}, {"label", graph.actor(actor).display_name()},
                          {"kind", graph.actor(actor).kind}});
    }
    auto relations = nlohmann::json::array();
    for (auto relation : path.relations) relations.push_back(relation_json(graph, relation));
    nlohmann::json out{{"hops", path.relations.size()}, {"cost", path.cost}, {"actors", actors}, {"relations", relations}};
    if (!path.parallel.empty()) {
        auto parallel = nlohmann::json::array();
        for (const auto& hop : path.parallel) {
            auto list = nlohmann::json::array();
            for (auto relation : hop) list.push_back(relation_json(graph, relation));
            parallel.push_back(list);
        }
        out["parallel"] = parallel;
    }
    auto weakest = weakest_evidence(graph, path);
    out["weakest_evidence"] = weakest ? nlohmann::json(confidence_name(*weakest)) : nlohmann::json(nullptr);
    return out;
}


void print_path(std::ostream& out, const Graph& graph, const Path& path, std::size_t number)
{
    out << "Path " << number << ": " << path.relations.size() << (path.relations.size() == 1 ? " hop" : " hops");
    if (path.cost != static_cast<double>(path.relations.size())) out << ", cost " << format_score(path.cost);
    out << '\n';
    for (std::size_t i = 0; i < path.actors.size(); ++i) {
        const auto& actor = graph.actor(path.actors[i]);
        out << "  " << actor.display_name() << " [" << (actor.kind.empty() ? "?" : actor.kind) << "]\n";
        if (i >= path.relations.size()) break;
        const auto& relation = graph.relation(path.relations[i]);
        bool forward = relation.source == path.actors[i];
        bool undirected = graph.is_undirected(path.relations[i]);
        out << "    " << (forward || undirected ? "--" : "<-") << " " << relation_summary(relation) << " "
            << (undirected ? "--" : forward ? "->" : "--") << '\n';
        auto source = property_or_empty(relation.properties, schema::source);
        if (!source.empty()) out << "       source: " << source << '\n';
        if (i < path.parallel.size() && path.parallel[i].size() > 1) {
            out << "       " << path.parallel[i].size() - 1 << " parallel:";
            for (auto other : path.parallel[i]) {
                if (other != path.relations[i]) out << ' ' << relation_summary(graph.relation(other)) << ';';
            }
            out << '\n';
        }
    }
}

std::string format_score(double score)
{
    char buffer[32];
    if (std::abs(score - std::round(score)) < 1e-9 && std::abs(score) < 1e15) {
        std::snprintf(buffer, sizeof buffer, "%.0f", score);
    } else {
        std::snprintf(buffer, sizeof buffer, "%.6g", score);
    }
    return buffer;
}

}  // namespace actorgraph::cli
