#pragma once
// GraphML read and write (pugixml), compatible with files from yEd, Gephi, igraph and NetworkX.
#include <filesystem>
#include <string>
#include <string_view>

#include "actorgraph/io/limits.hpp"
#include "actorgraph/model/graph.hpp"

namespace actorgraph {

/// Parses GraphML text; `file_name` is used in messages. Throws Error with file and line on malformed
/// input or when it breaks a limit. DTD entities are not expanded.
[[nodiscard]] Graph read_graphml(std::string_view text, const std::string& file_name,
                                 const InputLimits& limits = {});
/// Reads a GraphML file from disk.
[[nodiscard]] Graph read_graphml_file(const std::filesystem::path& path, const InputLimits& limits = {});
/// The whole graph as GraphML with typed keys for kind, label, aliases and every property.
[[nodiscard]] std::string write_graphml(const Graph& graph);

}  // namespace actorgraph
