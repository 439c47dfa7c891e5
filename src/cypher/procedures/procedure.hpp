#pragma once
// The procedures CALL can run: each has a dotted name, typed inputs and outputs (its signature, which the
// binder checks a call against) and a body that answers rows of outputs for one set of arguments.
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cypher/execute/context.hpp"

namespace actorgraph::cypher {

/// The types a procedure's inputs and outputs are declared with (each also accepts null).
enum class ProcedureType {
    Any, String, Integer, Float, Number, Boolean, Node,
    Actor,  ///< a node, or a string naming an actor by id, label or alias
};

struct ProcedureField {
    std::string name;
    ProcedureType type = ProcedureType::Any;
};

struct Procedure {
    std::string name;
    std::vector<ProcedureField> inputs;
    std::vector<ProcedureField> outputs;  ///< empty for a procedure that yields nothing
    /// The rows for these arguments (already checked against the inputs), each with one value per output.
    std::function<std::vector<Row>(Context& context, const std::vector<Value>& arguments)> run;
};

/// The procedure with exactly this name (names are case-sensitive, as in Neo4j), or null: one the session
/// defined, else a built-in one.
[[nodiscard]] const Procedure* find_procedure(std::string_view name, std::span<const Procedure> defined = {});
/// Every procedure's name, for suggestions.
[[nodiscard]] std::vector<std::string> procedure_names(std::span<const Procedure> defined = {});

/// A session's table procedure as a Procedure (table_procedure.cpp); throws Error (ArgumentError).
[[nodiscard]] Procedure table_procedure(const TableProcedure& table);

/// True when the value may be passed as (or returned for) a field of this type; null always may.
[[nodiscard]] bool accepts(ProcedureType type, const Value& value);
/// INTEGER, STRING, ... as the signature shows it.
[[nodiscard]] std::string_view procedure_type_name(ProcedureType type);

// The families of procedures, each in its own file; the registry (procedure.cpp) asks each for its list.
void add_database_procedures(std::vector<Procedure>& procedures);
void add_analysis_procedures(std::vector<Procedure>& procedures);

}  // namespace actorgraph::cypher
