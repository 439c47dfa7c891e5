#include "actorgraph/query/filter.hpp"

#include <array>

#include "actorgraph/model/census.hpp"
#include "actorgraph/model/spelling.hpp"
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

// The operator the user probably meant, for the usual slips (=> for >=, =< for <=, == for =).
std::string_view meant_operator(std::string_view written)
{
    if (written.starts_with("=>")) return ">=";
    if (written.starts_with("=<")) return "<=";
    if (written.starts_with("==")) return "=";
    if (written.starts_with("!")) return "!=";
    if (written.starts_with("=!")) return "!=";
    return {};
}

// The message for a bad operator: where it is (column and a caret under it) and what was expected.
std::string misplaced_operator(std::string_view text, std::size_t position)
{
    auto end = text.find_first_not_of("!<>=~", position);
    auto written = text.substr(position, end == std::string_view::npos ? std::string_view::npos : end - position);
    std::string message = "bad property condition '" + std::string(text) + "': operator '" + std::string(written) +
                          "' at column " + std::to_string(position + 1);
    if (auto meant = meant_operator(written); !meant.empty()) message += "; did you mean '" + std::string(meant) + "'?";
    message += "\n  " + std::string(text) + "\n  " + std::string(position, ' ') + std::string(written.size(), '^') +
               "\nexpected NAME, NAME=VALUE, NAME!=VALUE, NAME<N, NAME<=N, NAME>N, NAME>=N or NAME~TEXT";
    return message;
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
        if (condition.op == Op::exists) throw Error(misplaced_operator(text, position));
        // `amount_usd=>1e8` would otherwise ask for the value ">1e8" and quietly match nothing.
        bool doubled = !condition.value.empty() && std::string_view("!<>=~").find(condition.value.front()) != std::string_view::npos;
        if (doubled) throw Error(misplaced_operator(text, position));
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

namespace {

// The known words with the built-in ones added, sorted. The empty word stays when the graph has it: the
// explorer's filters offer "no kind" and "no type" for elements without one.
std::vector<std::string> with_builtins(std::span<const std::string> known, std::span<const std::string_view> builtins)
{
    std::set<std::string> words(known.begin(), known.end());
    words.insert(builtins.begin(), builtins.end());
    return {words.begin(), words.end()};
}

std::set<std::string> resolve_words(const std::set<std::string>& wanted, const std::vector<std::string>& known,
                                    std::string_view what)
{
    std::set<std::string> resolved;
    for (const auto& word : wanted) {
        auto folded = fold_case(word);
        bool found = false;
        for (const auto& candidate : known) {
            if (fold_case(candidate) != folded) continue;
            resolved.insert(candidate);
            found = true;
        }
        if (!found) throw Error(unknown_word_message(what, word, known));
    }
    return resolved;
}

std::vector<std::string> names_of(const Tally& tally)
{
    std::vector<std::string> names;
    for (const auto& [name, count] : tally) names.push_back(name);
    return names;
}

}  // namespace

void resolve_vocabulary(GraphFilter& filter, std::span<const std::string> known_kinds, std::span<const std::string> known_types)
{
    if (!filter.kinds.empty()) filter.kinds = resolve_words(filter.kinds, with_builtins(known_kinds, schema::kinds), "kind");
    if (!filter.types.empty()) {
        filter.types = resolve_words(filter.types, with_builtins(known_types, schema::relation_types), "relation type");
    }
}

void resolve_vocabulary(GraphFilter& filter, const Graph& graph)
{
    if (filter.kinds.empty() && filter.types.empty()) return;
    auto census = census_of(graph);
    resolve_vocabulary(filter, names_of(census.kinds), names_of(census.types));
}

}  // namespace actorgraph
