#include "actorgraph/query/filter.hpp"

#include <array>

#include "actorgraph/query/time_filter.hpp"

namespace actorgraph {

namespace {

struct OperatorSpelling {
    std::string_view text;
    PropertyCondition::Op op;
};

// Two-character operators first so "<=" is not read as "<".
constexpr std::array<OperatorSpelling, 7> operator_spellings{{
    {"!=", PropertyCondition::Op::not_equals},
    {">=", PropertyCondition::Op::greater_equal},
    {"<=", PropertyCondition::Op::less_equal},
    {"=", PropertyCondition::Op::equals},
    {">", PropertyCondition::Op::greater},
    {"<", PropertyCondition::Op::less},
    {"~", PropertyCondition::Op::contains},
}};

bool compare_numbers(PropertyCondition::Op op, double left, double right)
{
    switch (op) {
        case PropertyCondition::Op::less: return left < right;
        case PropertyCondition::Op::less_equal: return left <= right;
        case PropertyCondition::Op::greater: return left > right;
        case PropertyCondition::Op::greater_equal: return left >= right;
        default: return false;
    }
}

}  // namespace

PropertyCondition PropertyCondition::parse(std::string_view text)
{
    auto position = text.find_first_of("!<>=~");
    PropertyCondition condition;
    if (position == std::string_view::npos) {
        condition.name = std::string(text);
    } else {
        condition.name = std::string(text.substr(0, position));
        for (const auto& spelling : operator_spellings) {
            if (text.substr(position).starts_with(spelling.text)) {
                condition.op = spelling.op;
                condition.value = std::string(text.substr(position + spelling.text.size()));
                break;
            }
        }
        if (condition.op == Op::exists) {
            throw Error("bad property condition '" + std::string(text) +
                        "'; expected NAME, NAME=VALUE, NAME!=VALUE, NAME<N, NAME<=N, NAME>N, NAME>=N or NAME~TEXT");
        }
    }
    if (condition.name.empty()) throw Error("property condition '" + std::string(text) + "' names no property");
    bool numeric = condition.op == Op::less || condition.op == Op::less_equal || condition.op == Op::greater ||
                   condition.op == Op::greater_equal;
    if (numeric && !parse_number(condition.value)) {
        throw Error("property condition '" + std::string(text) + "' compares with '" + condition.value +
                    "', which is not a number");
    }
    return condition;
}

bool PropertyCondition::matches(const Properties& properties) const
{
    auto it = properties.find(name);
    if (it == properties.end()) return op == Op::not_equals;
    const auto& actual = it->second;
    switch (op) {
        case Op::exists: return true;
        case Op::equals: return actual == value;
        case Op::not_equals: return actual != value;
        case Op::contains: return fold_case(actual).find(fold_case(value)) != std::string::npos;
        default: break;
    }
    auto left = parse_number(actual);
    return left && compare_numbers(op, *left, *parse_number(value));
}

bool GraphFilter::keeps_actor(const Actor& actor) const
{
    if (!kinds.empty() && !kinds.contains(actor.kind)) return false;
    for (const auto& condition : actor_conditions) {
        if (!condition.matches(actor.properties)) return false;
    }
    return true;
}

bool GraphFilter::keeps_relation(const Relation& relation) const
{
    if (!types.empty() && !types.contains(relation.type)) return false;
    if (year_from || year_to) {
        auto span = year_span(relation.properties);
        if (!span && dated_only) return false;
        if (span && !span->overlaps(year_from.value_or(YearSpan{}.first), year_to.value_or(YearSpan{}.last))) {
            return false;
        }
    }
    if (as_of) {
        auto held = held_in(relation.properties, *as_of);
        if (held ? !*held : dated_only) return false;
    }
    if (min_confidence) {
        auto grade = relation_confidence(relation);
        if (!grade || *grade < *min_confidence) return false;
    }
    for (const auto& condition : relation_conditions) {
        if (!condition.matches(relation.properties)) return false;
    }
    return true;
}

bool GraphFilter::is_empty() const
{
    return keeps_every_actor() && keeps_every_relation();
}

bool GraphFilter::keeps_every_relation() const
{
    return types.empty() && !year_from && !year_to && !as_of && !min_confidence && relation_conditions.empty();
}

Selection apply_filter(const Graph& graph, const GraphFilter& filter, bool hide_isolated)
{
    std::vector<char> kept(graph.actor_count(), 0);
    for (ActorIndex index = 0; index < graph.actor_count(); ++index) kept[index] = filter.keeps_actor(graph.actor(index));
    Selection selection;
    std::vector<char> connected(graph.actor_count(), 0);
    for (RelationIndex index = 0; index < graph.relation_count(); ++index) {
        const auto& relation = graph.relation(index);
        if (!kept[relation.source] || !kept[relation.target] || !filter.keeps_relation(relation)) continue;
        selection.relations.push_back(index);
        connected[relation.source] = connected[relation.target] = 1;
    }
    for (ActorIndex index = 0; index < graph.actor_count(); ++index) {
        if (kept[index] && (!hide_isolated || connected[index])) selection.actors.push_back(index);
    }
    return selection;
}

std::set<std::string> parse_name_list(std::string_view text, std::string_view what)
{
    auto pieces = split_list(text, ",");
    std::set<std::string> names(pieces.begin(), pieces.end());
    if (names.empty()) throw Error("empty list of " + std::string(what));
    return names;
}

}  // namespace actorgraph
