#pragma once
// Text from a file on its way to a widget. A label, kind, type or property may be empty, huge, hold
// control characters, invalid UTF-8, `%` or ImGui's `##` id separator; none of that may reach a widget
// raw (an empty checkbox label aborted the explorer), so every such text passes through here first.
#include <cstddef>
#include <string>
#include <string_view>

namespace actorgraph {

/// How many code points a one-line widget shows before "…" (a name in a list, a checkbox).
inline constexpr std::size_t short_text_limit = 160;
/// How many code points a name in a two-column checkbox list shows (the whole name is its tooltip).
inline constexpr std::size_t column_text_limit = 18;
/// How many code points a wrapped block shows before "…" (a quote, a property value, a message).
inline constexpr std::size_t long_text_limit = 4000;

/// Valid UTF-8 for display: invalid bytes and control characters become U+FFFD (line breaks and tabs a
/// space), and text past `limit` code points is cut with "…". Never returns more than ~4 bytes a code point.
[[nodiscard]] std::string display_text(std::string_view text, std::size_t limit = short_text_limit);

/// display_text, or `placeholder` when the text is empty or only blanks ("(untyped)", "(no kind)").
[[nodiscard]] std::string display_text_or(std::string_view text, std::string_view placeholder,
                                          std::size_t limit = short_text_limit);

/// A label for a widget that shows `text` and is identified by `id` alone: ImGui hides what follows
/// `##` and takes the id from what follows `###`, so a `##` in the text is broken up (with a hair space)
/// and the id is appended after `###`. The id keeps two widgets with equal text apart.
[[nodiscard]] std::string widget_label(std::string_view text, std::string_view id);

}  // namespace actorgraph
