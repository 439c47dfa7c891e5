#pragma once
// The one error type of the core: every expected failure (bad file, unknown actor,
// failed layout) carries the file, the line and a message a user can act on.
#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
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

/// Diagnostics with a bound per kind of problem: the first `per_kind` of each kind are kept, and in
/// place of the rest one "and N more like this" diagnostic that counts them, so millions of
/// relations of one unknown type cost a few strings in memory, in the CLI, the JSON and the explorer.
class CappedDiagnostics {
public:
    static constexpr std::size_t default_per_kind = 20;
    explicit CappedDiagnostics(std::size_t per_kind = default_per_kind) : per_kind_(per_kind) {}

    /// Adds a diagnostic of the kind (any stable text: "unknown type", a message's template...).
    void add(std::string_view kind, Diagnostic diagnostic);
    /// Adds the diagnostic `make()` builds, building it only when it is kept.
    template <typename Make>
    void add_lazily(std::string_view kind, Make make)
    {
        if (!count_more(kind, 1, {})) add_counted(kind, make());
    }
    /// Adds the other's diagnostics after these (e.g. the second half of a parallel check).
    void append(const CappedDiagnostics& other);
    /// What is kept, with the summaries in place after each capped kind's last kept diagnostic.
    [[nodiscard]] const Diagnostics& list() const;
    /// Every diagnostic added, kept or counted.
    [[nodiscard]] std::size_t total() const noexcept { return total_; }
    void swap(CappedDiagnostics& other) noexcept;

private:
    struct Kind {
        std::string name;
        std::size_t kept = 0;
        std::size_t more = 0;            // counted, not kept
        std::size_t summary = SIZE_MAX;  // index of the "and N more" entry in list_
    };
    // True when the kind is full (or `force`), so `more` new ones were only counted.
    bool count_more(std::string_view kind, std::size_t more, const SourceLocation& where, bool force = false);
    std::size_t kind_index(std::string_view kind);
    void add_counted(std::string_view kind, Diagnostic diagnostic);

    std::size_t per_kind_;
    std::size_t total_ = 0;
    mutable Diagnostics list_;  // summaries' texts are written when the list is read
    mutable bool stale_ = false;
    std::vector<std::size_t> kind_of_entry_;  // index into kinds_ per entry of list_
    std::vector<Kind> kinds_;
    std::map<std::string, std::size_t, std::less<>> kind_indices_;
};

/// A count with thousands separators: 1000000 -> "1,000,000".
[[nodiscard]] std::string with_thousands(std::size_t count);

/// How many findings a list stands for: one per diagnostic, plus what each "and N more like this" counts.
[[nodiscard]] std::size_t finding_count(const Diagnostics& diagnostics);

}  // namespace actorgraph
