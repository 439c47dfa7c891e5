// CALL: runs the procedure once per input row with that row's arguments and joins each input row with the
// rows the procedure answers (only the outputs YIELD names; every output when the call is the whole query).
// A procedure that yields nothing passes its input rows on unchanged (standalone, it returns no rows).
#include "cypher/execute/evaluator.hpp"
#include "cypher/execute/executor.hpp"
#include "cypher/procedures/procedure.hpp"

namespace actorgraph::cypher {

namespace {

// The outputs the call keeps, as (output index, variable name).
std::vector<std::pair<std::size_t, std::string>> kept_outputs(const ast::ProcedureCall& call, const Procedure& procedure,
                                                              bool standalone)
{
    std::vector<std::pair<std::size_t, std::string>> kept;
    if (call.yield_star || (standalone && !call.has_yield)) {
        for (std::size_t i = 0; i < procedure.outputs.size(); ++i) kept.emplace_back(i, procedure.outputs[i].name);
        return kept;
    }
    for (const auto& item : call.yields) {
        for (std::size_t i = 0; i < procedure.outputs.size(); ++i) {
            if (procedure.outputs[i].name == item.field) kept.emplace_back(i, item.alias);
        }
    }
    return kept;
}

std::vector<Value> arguments(Context& context, const ast::ProcedureCall& call, const Procedure& procedure,
                             const Columns& columns, const Row& row)
{
    std::vector<Value> values;
    for (std::size_t i = 0; i < procedure.inputs.size(); ++i) {
        const auto& input = procedure.inputs[i];
        QueryPosition where = call.arguments_where;
        Value value;
        if (call.implicit_arguments) {
            auto found = context.parameters.find(input.name);
            if (found != context.parameters.end()) value = found->second;
        } else {
            Evaluator evaluator(context, columns, row);
            value = evaluator.eval(*call.arguments[i]);
            where = call.arguments[i]->where;
        }
        if (!accepts(input.type, value)) {
            runtime_error(ErrorClass::TypeError, "InvalidArgumentType",
                          "argument '" + input.name + "' of " + call.name + " must be " +
                              std::string(procedure_type_name(input.type)) + ", not " + type_name(value.type()),
                          where);
        }
        if (input.type == ProcedureType::Float && value.is_integer()) value = Value::floating(static_cast<double>(value.as_integer()));
        values.push_back(std::move(value));
    }
    return values;
}

// The analyses report bad arguments (an unknown actor, a cut from an actor to itself) as actorgraph::Error:
// they become the statement's ArgumentError, placed at the CALL.
std::vector<Row> run_procedure(Context& context, const Procedure& procedure, const std::vector<Value>& arguments)
{
    try {
        return procedure.run(context, arguments);
    } catch (const Error&) {
        throw;
    } catch (const actorgraph::Error& error) {
        runtime_error(ErrorClass::ArgumentError, "InvalidArgumentValue", procedure.name + ": " + error.what());
    }
}

}  // namespace

void Executor::call(Table& table, const ast::Clause& clause, bool standalone)
{
    const auto& call = clause.call;
    const Procedure* procedure =
        context_.procedures ? find_procedure(call.name, *context_.procedures) : find_procedure(call.name);
    if (!procedure) {  // the binder refuses this; kept so a bad tree cannot dereference null
        runtime_error(ErrorClass::ProcedureError, "ProcedureNotFound", "there is no procedure '" + call.name + "'", clause.where);
    }
    auto kept = kept_outputs(call, *procedure, standalone);
    Columns columns = table.columns;
    for (const auto& [index, name] : kept) columns.push_back(name);
    std::vector<Row> output;
    for (const auto& input : table.rows) {
        auto answers = run_procedure(context_, *procedure, arguments(context_, call, *procedure, table.columns, input));
        if (procedure->outputs.empty()) {
            if (!standalone) output.push_back(input);  // standalone, it answers no rows
            continue;
        }
        for (auto& answer : answers) {
            Row row = input;
            for (const auto& [index, name] : kept) row.push_back(index < answer.size() ? answer[index] : Value());
            if (clause.predicate) {
                Evaluator evaluator(context_, columns, row);
                if (!evaluator.holds(*clause.predicate)) continue;
            }
            output.push_back(std::move(row));
            context_.check_rows(output.size());
        }
    }
    table.columns = std::move(columns);
    table.rows = std::move(output);
}

}  // namespace actorgraph::cypher
