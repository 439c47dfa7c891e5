#include "cypher/procedures/procedure.hpp"

#include <algorithm>

namespace actorgraph::cypher {

namespace {

const std::vector<Procedure>& registry()
{
    static const std::vector<Procedure> procedures = [] {
        std::vector<Procedure> all;
        add_database_procedures(all);
        add_analysis_procedures(all);
        return all;
    }();
    return procedures;
}

}  // namespace

const Procedure* find_procedure(std::string_view name, std::span<const Procedure> defined)
{
    for (const auto& procedure : defined) {
        if (procedure.name == name) return &procedure;
    }
    const auto& all = registry();
    auto found = std::find_if(all.begin(), all.end(), [&](const Procedure& p) { return p.name == name; });
    return found == all.end() ? nullptr : &*found;
}

std::vector<std::string> procedure_names(std::span<const Procedure> defined)
{
    std::vector<std::string> names;
    for (const auto& procedure : defined) names.push_back(procedure.name);
    for (const auto& procedure : registry()) names.push_back(procedure.name);
    return names;
}

bool accepts(ProcedureType type, const Value& value)
{
    if (value.is_null()) return true;
    switch (type) {
    case ProcedureType::Any: return true;
    case ProcedureType::String: return value.is_string();
    case ProcedureType::Integer: return value.is_integer();
    case ProcedureType::Float:
    case ProcedureType::Number: return value.is_number();
    case ProcedureType::Boolean: return value.is_boolean();
    case ProcedureType::Node: return value.is_node();
    case ProcedureType::Actor: return value.is_node() || value.is_string();
    }
    return false;
}

std::string_view procedure_type_name(ProcedureType type)
{
    switch (type) {
    case ProcedureType::Any: return "ANY";
    case ProcedureType::String: return "STRING";
    case ProcedureType::Integer: return "INTEGER";
    case ProcedureType::Float: return "FLOAT";
    case ProcedureType::Number: return "NUMBER";
    case ProcedureType::Boolean: return "BOOLEAN";
    case ProcedureType::Node: return "NODE";
    case ProcedureType::Actor: return "NODE or STRING";
    }
    return "ANY";
}

}  // namespace actorgraph::cypher
