#pragma once
// Reads Graphviz DOT through cgraph into the typed model.
#include <filesystem>
#include <string>
#include <string_view>

#include "actorgraph/io/limits.hpp"
#include "actorgraph/model/graph.hpp"

namespace actorgraph {

/// Parses DOT text; `file_name` is used in messages. Throws Error with the line of a syntax error,
/// or when the text breaks a limit. HTML-like strings (<...>) are read as their raw text.
[[nodiscard]] Graph read_dot(std::string_view text, const std::string& file_name, const InputLimits& limits = {});
/// Reads a DOT file from disk.
[[nodiscard]] Graph read_dot_file(const std::filesystem::path& path, const InputLimits& limits = {});

}  // namespace actorgraph
