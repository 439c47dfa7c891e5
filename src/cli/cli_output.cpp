#include "cli/cli_output.hpp"

#include <cmath>
#include <cstdio>

#include "actorgraph/app/path_description.hpp"

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
    auto steps = describe_path(graph, path);
    for (std::size_t i = 0; i < steps.size(); ++i) {
        const auto& step = steps[i];
        if (i == 0) out << "  " << step.from << " [" << step.from_kind << "]\n";
        out << "    " << (step.against ? "<-" : "--") << " " << step.summary << " "
            << (step.undirected || step.against ? "--" : "->") << '\n';
        if (!step.source.empty()) out << "       source: " << step.source << '\n';
        if (!step.parallel.empty()) {
            out << "       " << step.parallel.size() << " parallel:";
            for (const auto& other : step.parallel) out << ' ' << other << ';';
            out << '\n';
        }
        out << "  " << step.to << " [" << step.to_kind << "]\n";
    }
    // A path of one actor (from and to the same) has no step.
    if (steps.empty() && !path.actors.empty()) {
        const auto& actor = graph.actor(path.actors.front());
        out << "  " << actor.display_name() << " [" << (actor.kind.empty() ? "?" : actor.kind) << "]\n";
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
