#include "actorgraph/app/inspector.hpp"

#include <algorithm>
#include <map>

#include "actorgraph/query/evidence.hpp"

namespace actorgraph {

namespace {

std::string join(const std::vector<std::string>& parts, std::string_view separator)
{
    std::string out;
    for (const auto& part : parts) {
        if (!out.empty()) out += separator;
        out += part;
    }
    return out;
}

RelationLine line_of(const Graph& graph, RelationIndex index, bool outgoing)
{
    const auto& relation = graph.relation(index);
    RelationLine line;
    line.relation = index;
    line.outgoing = outgoing;
    line.undirected = graph.is_undirected(index);
    line.other = outgoing ? relation.target : relation.source;
    line.when = relation_years_text(relation);
    line.amount = amount_text(property_or_empty(relation.properties, schema::amount_usd));
    line.source = std::string(property_or_empty(relation.properties, schema::source));
    if (auto confidence = confidence_text(relation); !confidence.empty()) line.confidence = "confidence " + confidence;
    return line;
}

}  // namespace

std::string relation_years_text(const Relation& relation)
{
    auto span = year_span(relation.properties);
    if (!span) return {};
    constexpr int open_start = std::numeric_limits<int>::min();
    constexpr int open_end = std::numeric_limits<int>::max();
    if (span->first == open_start && span->last == open_end) return {};
    if (span->first == open_start) return "until " + std::to_string(span->last);
    if (span->last == open_end) return "since " + std::to_string(span->first);
    if (span->first == span->last) return std::to_string(span->first);
    return std::to_string(span->first) + "\u2013" + std::to_string(span->last);
}

std::string confidence_text(const Relation& relation)
{
    auto value = property_or_empty(relation.properties, schema::confidence);
    if (value.empty()) return {};
    auto grade = parse_confidence(value);
    return grade ? confidence_name(*grade) : std::string(value) + " (not a grade)";
}

std::string amount_text(std::string_view amount_usd)
{
    if (amount_usd.empty()) return {};
    auto value = parse_number(amount_usd);
    if (!value || *value < 0 || *value > 1e18) return std::string(amount_usd);
    auto digits = std::to_string(static_cast<long long>(*value + 0.5));
    std::string grouped;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) grouped += ',';
        grouped += digits[i];
    }
    return "US$ " + grouped;
}

ActorDetails describe_actor(const Graph& graph, ActorIndex index)
{
    const auto& actor = graph.actor(index);
    ActorDetails details;
    details.actor = index;
    details.properties.emplace_back("id", actor.id);
    details.properties.emplace_back("kind", actor.kind.empty() ? "(none)" : actor.kind);
    if (!actor.aliases.empty()) details.properties.emplace_back("aliases", join(actor.aliases, "; "));
    for (const auto& [name, value] : actor.properties) details.properties.emplace_back(name, value);

    std::map<std::string, RelationGroup> groups;
    for (auto relation : graph.out_relations(index)) {
        auto& group = groups[graph.relation(relation).type];
        group.lines.push_back(line_of(graph, relation, true));
    }
    for (auto relation : graph.in_relations(index)) {
        auto& group = groups[graph.relation(relation).type];
        group.lines.push_back(line_of(graph, relation, false));
    }
    for (auto& [type, group] : groups) {
        group.type = type;
        details.groups.push_back(std::move(group));
    }
    // The built-in types in their schema order (investment and pressure first), then the others.
    auto rank = [](const std::string& type) {
        auto known = std::find(schema::relation_types.begin(), schema::relation_types.end(), type);
        return static_cast<std::size_t>(known - schema::relation_types.begin());
    };
    std::stable_sort(details.groups.begin(), details.groups.end(),
                     [&](const RelationGroup& a, const RelationGroup& b) { return rank(a.type) < rank(b.type); });
    return details;
}

std::vector<std::string> actor_tooltip_lines(const Graph& graph, ActorIndex index)
{
    const auto& actor = graph.actor(index);
    std::vector<std::string> lines{actor.display_name(), "kind: " + (actor.kind.empty() ? std::string("(none)") : actor.kind.str())};
    auto description = property_or_empty(actor.properties, schema::description);
    if (!description.empty()) lines.emplace_back(description);
    lines.push_back(std::to_string(graph.out_relations(index).size()) + " outgoing, " +
                    std::to_string(graph.in_relations(index).size()) + " incoming relations");
    return lines;
}

std::vector<std::string> relation_tooltip_lines(const Graph& graph, RelationIndex index)
{
    const auto& relation = graph.relation(index);
    std::vector<std::string> lines{graph.actor(relation.source).display_name() + " \u2192 " +
                                   graph.actor(relation.target).display_name()};
    lines.push_back("type: " + relation.type);
    if (auto years = relation_years_text(relation); !years.empty()) lines.push_back("year: " + years);
    if (auto amount = amount_text(property_or_empty(relation.properties, schema::amount_usd)); !amount.empty()) {
        lines.push_back("amount: " + amount);
    }
    if (auto confidence = confidence_text(relation); !confidence.empty()) lines.push_back("confidence: " + confidence);
    if (auto note = property_or_empty(relation.properties, schema::note); !note.empty()) lines.push_back("note: " + std::string(note));
    if (auto source = property_or_empty(relation.properties, schema::source); !source.empty()) {
        lines.push_back("source: " + std::string(source));
    }
    return lines;
}

}  // namespace actorgraph
