#include "actorgraph/cypher/error.hpp"

namespace actorgraph::cypher {

std::string_view to_string(ErrorClass error_class) noexcept
{
    switch (error_class) {
    case ErrorClass::SyntaxError: return "SyntaxError";
    case ErrorClass::SemanticError: return "SemanticError";
    case ErrorClass::TypeError: return "TypeError";
    case ErrorClass::ArgumentError: return "ArgumentError";
    case ErrorClass::EntityNotFound: return "EntityNotFound";
    case ErrorClass::ConstraintVerificationFailed: return "ConstraintVerificationFailed";
    case ErrorClass::ParameterMissing: return "ParameterMissing";
    case ErrorClass::ProcedureError: return "ProcedureError";
    }
    return "Error";
}

std::string_view to_string(Phase phase) noexcept
{
    return phase == Phase::compile ? "compile" : "runtime";
}

namespace {

std::string headline(ErrorClass error_class, const std::string& detail, QueryPosition where, const std::string& message)
{
    std::string text(to_string(error_class));
    if (!detail.empty()) text += " (" + detail + ")";
    if (where.line > 0) text += " at " + std::to_string(where.line) + ":" + std::to_string(where.column);
    return text + ": " + message;
}

// The 1-based line of the text, without its line break; empty past the end.
std::string_view line_of(std::string_view text, int line)
{
    for (int current = 1; current < line; ++current) {
        auto end = text.find('\n');
        if (end == std::string_view::npos) return {};
        text.remove_prefix(end + 1);
    }
    auto end = text.find('\n');
    auto result = text.substr(0, end);
    if (!result.empty() && result.back() == '\r') result.remove_suffix(1);
    return result;
}

}  // namespace

Error::Error(ErrorClass error_class, std::string detail, Phase phase, std::string message, QueryPosition where)
    : actorgraph::Error(headline(error_class, detail, where, message)),
      class_(error_class),
      detail_(std::move(detail)),
      phase_(phase),
      where_(where),
      message_(std::move(message))
{
}

std::string format_error(const Error& error, std::string_view query)
{
    std::string text = error.what();
    auto where = error.position();
    if (where.line <= 0) return text;
    auto line = line_of(query, where.line);
    text += "\n  ";
    text += line;
    text += "\n  ";
    // Columns count characters (UTF-8 code points); tabs stay tabs so the caret lines up in a terminal.
    int column = 1;
    for (char c : line) {
        if (column >= where.column) break;
        if ((static_cast<unsigned char>(c) & 0xC0) == 0x80) continue;
        text += c == '\t' ? '\t' : ' ';
        ++column;
    }
    return text + "^";
}

}  // namespace actorgraph::cypher
