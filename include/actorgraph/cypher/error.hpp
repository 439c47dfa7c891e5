#pragma once
// The one error type of the Cypher engine: openCypher's error class and detail (as the TCK names them),
// the phase it arose in, and the line:column of the offending token, so every front end can show the
// query line with a caret under it.
#include <string>
#include <string_view>

#include "actorgraph/model/error.hpp"

namespace actorgraph::cypher {

/// openCypher's error classes.
enum class ErrorClass {
    SyntaxError,
    SemanticError,
    TypeError,
    ArgumentError,
    EntityNotFound,
    ConstraintVerificationFailed,
    ParameterMissing,
    ProcedureError,
};

/// Whether the error was found before any data was touched or while running.
enum class Phase { compile, runtime };

/// "SyntaxError", "TypeError", ... as openCypher spells the class.
[[nodiscard]] std::string_view to_string(ErrorClass error_class) noexcept;
/// "compile" or "runtime".
[[nodiscard]] std::string_view to_string(Phase phase) noexcept;

/// A position in the query text; 1-based, 0 when unknown.
struct QueryPosition {
    int line = 0;
    int column = 0;
};

/// An expected failure of a statement. It is an actorgraph::Error, so callers that only report errors need
/// nothing new; what() reads "line:column: Class (Detail): message".
class Error : public actorgraph::Error {
public:
    Error(ErrorClass error_class, std::string detail, Phase phase, std::string message, QueryPosition where = {});

    [[nodiscard]] ErrorClass error_class() const noexcept { return class_; }
    /// The detail as the TCK names it (UnknownFunction, UndefinedVariable, ...).
    [[nodiscard]] const std::string& detail() const noexcept { return detail_; }
    [[nodiscard]] Phase phase() const noexcept { return phase_; }
    [[nodiscard]] QueryPosition position() const noexcept { return where_; }
    /// The message without class, detail or position.
    [[nodiscard]] const std::string& message() const noexcept { return message_; }
    /// The same error at `where`, for an error raised below the clause that knows the position.
    [[nodiscard]] Error placed_at(QueryPosition where) const { return Error(class_, detail_, phase_, message_, where); }

private:
    ErrorClass class_;
    std::string detail_;
    Phase phase_;
    QueryPosition where_;
    std::string message_;
};

/// The error, then the query line it points at with a caret under the column:
///   SyntaxError (UnexpectedSyntax) at 1:10: expected ')'
///     MATCH (n RETURN n
///              ^
[[nodiscard]] std::string format_error(const Error& error, std::string_view query);

}  // namespace actorgraph::cypher
