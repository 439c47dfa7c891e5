#pragma once
// The one error type of the core: every expected failure (bad file, unknown actor,
// failed layout) carries the file, the line and a message a user can act on.
#include <stdexcept>
#include <string>
#include <vector>

#include "actorgraph/model/file_name.hpp"

namespace actorgraph {

/// Where in an input something was found; line 0 means "the whole file".
struct SourceLocation {
    FileName file;
    int line = 0;
};

/// Formats "file:line: message" (or "file: message" without a line, or just the message).
[[nodiscard]] std::string format_location(const SourceLocation& where, const std::string& message);

/// An expected failure with a location; what() is the formatted "file:line: message".
class Error : public std::runtime_error {
public:
    /// An error without a location (a bad argument, an unknown actor).
    explicit Error(std::string message);
    /// An error found at a place in an input file.
    Error(SourceLocation where, std::string message);

    [[nodiscard]] const SourceLocation& where() const noexcept { return where_; }
    /// The message without the location prefix.
    [[nodiscard]] const std::string& message() const noexcept { return message_; }

private:
    SourceLocation where_;
    std::string message_;
};

/// A non-fatal finding in an input (unknown kind, skipped relation).
struct Diagnostic {
    SourceLocation where;
    std::string message;
    /// "file:line: warning: message".
    [[nodiscard]] std::string to_string() const;
};

using Diagnostics = std::vector<Diagnostic>;

}  // namespace actorgraph
