#include "actorgraph/model/error.hpp"

namespace actorgraph {

std::string format_location(const SourceLocation& where, const std::string& message)
{
    if (where.file.empty()) return message;
    if (where.line <= 0) return where.file + ": " + message;
    return where.file + ":" + std::to_string(where.line) + ": " + message;
}

Error::Error(std::string message) : Error(SourceLocation{}, std::move(message)) {}

Error::Error(SourceLocation where, std::string message)
    : std::runtime_error(format_location(where, message)), where_(std::move(where)), message_(std::move(message))
{
}

std::string Diagnostic::to_string() const
{
    return format_location(where, "warning: " + message);
}

}  // namespace actorgraph
