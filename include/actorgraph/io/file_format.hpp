#pragma once
// Chooses a reader or writer by file name and loads or saves a whole graph.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "actorgraph/io/limits.hpp"
#include "actorgraph/model/graph.hpp"

namespace actorgraph {

enum class FileFormat { dot, graphml, csv, gexf };

/// The format a path names: .gv/.dot, .graphml/.xml, .gexf, or a folder (or .csv file) of Neo4j CSV; throws Error otherwise.
/// An existing folder is CSV, and an existing file never is (unless it is a .csv file): a folder named
/// x.graphml, or an existing file without an extension as a save target, is an Error, not a guess.
[[nodiscard]] FileFormat format_for_path(const std::filesystem::path& path);
/// How a file or folder will be read: by what the path is (file or folder), its extension, and for a
/// file without a known extension its first bytes. `assumed` says in words what was guessed, if anything.
struct ReadPlan {
    FileFormat format = FileFormat::dot;
    std::string assumed;  ///< e.g. "no extension: read as GraphML by its content"; empty when nothing was guessed
};
[[nodiscard]] ReadPlan read_plan(const std::filesystem::path& path);
/// The files a save of `format` to `path` replaces (two for a CSV folder).
[[nodiscard]] std::vector<std::filesystem::path> files_written(const std::filesystem::path& path, FileFormat format);
/// Throws Error when one of `outputs` is a file the graph at `input` was read from (the same file by
/// any name), saying that --force replaces it; does nothing when `force` is set.
void refuse_overwriting_input(const std::filesystem::path& input, const std::vector<std::filesystem::path>& outputs,
                              bool force);
/// Parses a format name ("dot", "gv", "graphml", "csv", "gexf"); nullopt when unknown.
[[nodiscard]] std::optional<FileFormat> parse_file_format(std::string_view name);

/// Loads a graph from a DOT, GraphML or GEXF file or a folder with nodes.csv and relationships.csv.
/// Throws Error naming the file when it breaks one of the limits.
[[nodiscard]] Graph load_graph(const std::filesystem::path& path, const InputLimits& limits = {});
/// Saves atomically in the given format, or the one the path names; a CSV target is a folder.
/// A file too big to read back is refused before anything is written (require_readable_size).
void save_graph(const Graph& graph, const std::filesystem::path& path, std::optional<FileFormat> format = {});

}  // namespace actorgraph
