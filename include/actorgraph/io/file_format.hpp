#pragma once
// Chooses a reader or writer by file name and loads or saves a whole graph.
#include <filesystem>
#include <optional>
#include <string_view>

#include "actorgraph/io/limits.hpp"
#include "actorgraph/model/graph.hpp"

namespace actorgraph {

enum class FileFormat { dot, graphml, csv, gexf };

/// The format a path names: .gv/.dot, .graphml/.xml, .gexf, or a folder (or .csv file) of Neo4j CSV; throws Error otherwise.
[[nodiscard]] FileFormat format_for_path(const std::filesystem::path& path);
/// Parses a format name ("dot", "gv", "graphml", "csv", "gexf"); nullopt when unknown.
[[nodiscard]] std::optional<FileFormat> parse_file_format(std::string_view name);

/// Loads a graph from a DOT, GraphML or GEXF file or a folder with nodes.csv and relationships.csv.
/// Throws Error naming the file when it breaks one of the limits.
[[nodiscard]] Graph load_graph(const std::filesystem::path& path, const InputLimits& limits = {});
/// Saves atomically in the given format, or the one the path names; a CSV target is a folder.
void save_graph(const Graph& graph, const std::filesystem::path& path, std::optional<FileFormat> format = {});

}  // namespace actorgraph
