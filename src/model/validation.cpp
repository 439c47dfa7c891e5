#include "actorgraph/model/validation.hpp"

#include <map>
#include <set>
#include <thread>

namespace actorgraph {

namespace {

template <typename List>
std::string join_names(const List& names)
{
    std::string text;
    for (auto name : names) {
        if (!text.empty()) text += ", ";
        text += name;
    }
    return text;
}

// The number-valued properties of one set, found in one pass over its entries: looking each name up
// with a binary search cost six searches per element of millions.
struct NumberFields {
    std::string_view year, since, until, amount;
};

NumberFields number_fields(const Properties& properties)
{
    static_assert(schema::year == "year" && schema::since == "since" && schema::until == "until" &&
                  schema::amount_usd == "amount_usd");
    NumberFields fields;
    for (const auto& [name, value] : properties) {
        if (schema::is_word(name, "year")) fields.year = value;
        else if (schema::is_word(name, "since")) fields.since = value;
        else if (schema::is_word(name, "until")) fields.until = value;
        else if (schema::is_word(name, "amount_usd")) fields.amount = value;
    }
    return fields;
}

// `name_of()` builds the owner's name only for a finding: building it for each of millions of clean
// relations was a tenth of `actorgraph info`'s time.
template <typename NameOf>
void check_numbers(const Properties& properties, const SourceLocation& where, NameOf name_of, CappedDiagnostics& out)
{
    auto fields = number_fields(properties);
    auto check_year = [&](std::string_view name, std::string_view value) {
        if (value.empty()) return std::optional<int>{};
        auto year = parse_year(value);
        if (!year) {
            out.add_lazily("not a year", [&] {
                return Diagnostic{where, name_of() + ": " + std::string(name) + " '" + std::string(value) + "' is not a year"};
            });
        }
        return year;
    };
    check_year(schema::year, fields.year);
    auto since = check_year(schema::since, fields.since);
    auto until = check_year(schema::until, fields.until);
    if (!fields.amount.empty() && !parse_number(fields.amount)) {
        out.add_lazily("not a number", [&] {
            return Diagnostic{where, name_of() + ": amount_usd '" + std::string(fields.amount) + "' is not a number"};
        });
    }
    if (since && until && *since > *until) {
        out.add_lazily("since after until", [&] {
            return Diagnostic{where, name_of() + ": since " + std::to_string(*since) + " is after until " +
                                         std::to_string(*until)};
        });
    }
}

std::string relation_name(const Graph& graph, const Relation& relation)
{
    return "relation " + graph.actor(relation.source).id + " -> " + graph.actor(relation.target).id;
}

void check_conventions(const Graph& graph, CappedDiagnostics& out)
{
    std::map<std::string, std::set<std::string>> owners_of_name;
    for (ActorIndex index = 0; index < graph.actor_count(); ++index) {
        const auto& actor = graph.actor(index);
        if (actor.kind.empty()) out.add_lazily("no kind", [&] { return Diagnostic{actor.where, "actor '" + actor.id + "' has no kind"}; });
        if (graph.out_relations(index).empty() && graph.in_relations(index).empty()) {
            out.add_lazily("in no relation", [&] { return Diagnostic{actor.where, "actor '" + actor.id + "' takes part in no relation"}; });
        }
        owners_of_name[fold_case(actor.display_name())].insert(actor.id);
        for (const auto& alias : actor.aliases) owners_of_name[fold_case(alias)].insert(actor.id);
    }
    // An entry, not a structured binding: clang 14 (the fuzz build) cannot capture bindings in a lambda.
    for (const auto& entry : owners_of_name) {
        if (entry.second.size() > 1) {
            out.add_lazily("shared name", [&] {
                return Diagnostic{{}, "name '" + entry.first + "' is used by several actors: " + join_names(entry.second)};
            });
        }
    }
    for (const auto& relation : graph.relations()) {
        if (property_or_empty(relation.properties, schema::source).empty()) {
            out.add_lazily("no source", [&] { return Diagnostic{relation.where, relation_name(graph, relation) + " has no source"}; });
        }
    }
}

void check_relations(const Graph& graph, RelationIndex begin, RelationIndex end, CappedDiagnostics& out)
{
    for (auto index = begin; index < end; ++index) {
        const auto& relation = graph.relation(index);
        if (relation.type.empty()) {
            out.add_lazily("no type", [&] { return Diagnostic{relation.where, relation_name(graph, relation) + " has no type"}; });
        } else if (!schema::is_known_relation_type(relation.type)) {
            out.add_lazily("unknown type", [&] {
                return Diagnostic{relation.where, relation_name(graph, relation) + " has unknown type '" + relation.type +
                                                      "' (expected one of " + join_names(schema::relation_types) + ")"};
            });
        }
        check_numbers(relation.properties, relation.where, [&] { return relation_name(graph, relation); }, out);
    }
}

// Below this, a second thread costs more than it saves.
constexpr std::size_t parallel_from = 100000;

}  // namespace

namespace {

CappedDiagnostics capped_schema_findings(const Graph& graph)
{
    CappedDiagnostics out;
    for (const auto& actor : graph.actors()) {
        if (!actor.kind.empty() && !schema::is_known_kind(actor.kind)) {
            out.add_lazily("unknown kind", [&] {
                return Diagnostic{actor.where, "actor '" + actor.id + "' has unknown kind '" + actor.kind +
                                                   "' (expected one of " + join_names(schema::kinds) + ")"};
            });
        }
        check_numbers(actor.properties, actor.where, [&] { return "actor '" + actor.id + "'"; }, out);
    }
    // Millions of relations are checked in two halves at once; the findings keep the relations' order.
    auto count = graph.relation_count();
    auto middle = count >= parallel_from ? count / 2 : count;
    CappedDiagnostics second_half;
    {
        std::jthread worker;
        if (middle < count) worker = std::jthread([&] { check_relations(graph, middle, count, second_half); });
        check_relations(graph, 0, middle, out);
    }
    out.append(second_half);
    return out;
}

}  // namespace

Diagnostics check_schema(const Graph& graph) { return capped_schema_findings(graph).list(); }

// Each kind of finding is capped (CappedDiagnostics): the reader's warnings come capped with the graph.
Diagnostics validate(const Graph& graph, const ValidationOptions& options)
{
    auto findings = capped_schema_findings(graph);
    if (options.strict) check_conventions(graph, findings);
    Diagnostics out = graph.diagnostics();
    out.insert(out.end(), findings.list().begin(), findings.list().end());
    return out;
}

}  // namespace actorgraph
