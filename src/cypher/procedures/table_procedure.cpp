// Procedures a session defines from a table (the openCypher TCK's test procedures): a call yields the outputs
// of every row whose inputs equal the arguments, in the table's order.
#include <algorithm>

#include "cypher/procedures/procedure.hpp"

namespace actorgraph::cypher {

namespace {

[[noreturn]] void definition_error(const std::string& message)
{
    throw Error(ErrorClass::ArgumentError, "InvalidProcedureDefinition", Phase::compile, message);
}

ProcedureType parse_type(std::string text, const std::string& procedure)
{
    if (text.ends_with('?')) text.pop_back();
    for (auto type : {ProcedureType::Any, ProcedureType::String, ProcedureType::Integer, ProcedureType::Float,
                      ProcedureType::Number, ProcedureType::Boolean, ProcedureType::Node}) {
        if (procedure_type_name(type) == text) return type;
    }
    definition_error("procedure " + procedure + ": unknown type '" + text +
                     "' (expected STRING, INTEGER, FLOAT, NUMBER, BOOLEAN, NODE or ANY)");
}

std::vector<ProcedureField> fields(const std::vector<std::pair<std::string, std::string>>& declared, const std::string& procedure)
{
    std::vector<ProcedureField> result;
    for (const auto& [name, type] : declared) result.push_back({name, parse_type(type, procedure)});
    return result;
}

bool same_argument(const Value& argument, const Value& cell)
{
    if (argument.is_null() || cell.is_null()) return argument.is_null() && cell.is_null();
    return equals(argument, cell).value_or(false);
}

}  // namespace

Procedure table_procedure(const TableProcedure& table)
{
    Procedure procedure;
    procedure.name = table.name;
    procedure.inputs = fields(table.inputs, table.name);
    procedure.outputs = fields(table.outputs, table.name);
    auto width = table.inputs.size() + table.outputs.size();
    for (const auto& row : table.rows) {
        if (row.size() != width) {
            definition_error("procedure " + table.name + ": a row has " + std::to_string(row.size()) + " values, not " +
                             std::to_string(width));
        }
    }
    auto inputs = table.inputs.size();
    procedure.run = [rows = table.rows, inputs](Context& context, const std::vector<Value>& arguments) {
        std::vector<Row> answers;
        for (const auto& row : rows) {
            context.tick();
            bool matches = true;
            for (std::size_t i = 0; i < inputs && matches; ++i) matches = same_argument(arguments[i], row[i]);
            if (matches) answers.emplace_back(row.begin() + static_cast<std::ptrdiff_t>(inputs), row.end());
        }
        return answers;
    };
    return procedure;
}

}  // namespace actorgraph::cypher
