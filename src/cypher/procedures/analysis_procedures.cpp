// The analyses of issue #16 as procedures, answering what the CLI commands of the same names answer with
// their default options:
//   actorgraph.cut(from, to) YIELD actor                       -- `actorgraph cut FILE FROM TO`
//   actorgraph.dependence(target) YIELD source, share, amount, over_cap  -- `actorgraph dependence FILE TARGET`
// An actor argument is a node or the text the CLI takes (an id, label or alias); null gives no rows.
// They read the graph as stored: nodes a running statement deleted still count until it ends.
#include <optional>

#include "actorgraph/query/cut.hpp"
#include "actorgraph/query/dependence.hpp"
#include "cypher/procedures/procedure.hpp"

namespace actorgraph::cypher {

namespace {

std::optional<ActorIndex> actor_argument(Context& context, const Value& value, const char* what)
{
    if (value.is_null()) return std::nullopt;
    if (value.is_node()) {
        if (context.graph.node_deleted(value.as_node())) {
            runtime_error(ErrorClass::EntityNotFound, "DeletedEntityAccess", std::string(what) + " is a deleted node");
        }
        return value.as_node();
    }
    // A string: resolve() names the actor or throws an Error with suggestions, which CALL reports.
    return context.graph.graph().resolve(value.as_string());
}

std::vector<Row> cut(Context& context, const std::vector<Value>& arguments)
{
    auto from = actor_argument(context, arguments[0], "from");
    auto to = actor_argument(context, arguments[1], "to");
    if (!from || !to) return {};
    auto result = minimum_cut(context.graph.graph(), *from, *to, CutOptions{});
    std::vector<Row> rows;
    for (auto actor : result.actors) rows.push_back({Value::node(actor)});
    return rows;
}

std::vector<Row> dependence(Context& context, const std::vector<Value>& arguments)
{
    auto target = actor_argument(context, arguments[0], "target");
    if (!target) return {};
    auto result = investment_dependence(context.graph.graph(), *target, DependenceOptions{});
    std::vector<Row> rows;
    for (const auto& source : result.sources) {
        rows.push_back({Value::node(source.actor), Value::floating(source.share), Value::floating(source.amount_usd),
                        Value::boolean(source.over_cap)});
    }
    return rows;
}

}  // namespace

void add_analysis_procedures(std::vector<Procedure>& procedures)
{
    procedures.push_back({"actorgraph.cut",
                          {{"from", ProcedureType::Actor}, {"to", ProcedureType::Actor}},
                          {{"actor", ProcedureType::Node}},
                          cut});
    procedures.push_back({"actorgraph.dependence",
                          {{"target", ProcedureType::Actor}},
                          {{"source", ProcedureType::Node},
                           {"share", ProcedureType::Float},
                           {"amount", ProcedureType::Float},
                           {"over_cap", ProcedureType::Boolean}},
                          dependence});
}

}  // namespace actorgraph::cypher
