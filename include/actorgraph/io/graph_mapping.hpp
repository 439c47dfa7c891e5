#pragma once
// The import mapping's vocabulary and caption applied to any graph file (DOT, GraphML, GEXF, our CSV
// folder), so a file opened in the CLI or the explorer reads in our kinds and types and names its actors
// as a person would, like a Neo4j import set or a plain table read through the same mapping.
#include <filesystem>

#include "actorgraph/io/import_mapping.hpp"
#include "actorgraph/io/limits.hpp"
#include "actorgraph/model/graph.hpp"

namespace actorgraph {

/// True when the mapping would change a graph file: a caption, or a kind or type map.
[[nodiscard]] bool maps_graph_files(const ImportMapping& mapping);

/// The graph with its kinds and types mapped through the vocabulary (ignoring case) and, when the mapping
/// has a caption, each actor's label made from it: `{prop}` refers to a property (or `id`, `label`); an
/// actor none of whose named properties is set keeps its label. Throws Error, with a "did you mean", when
/// a map names a kind or type the graph does not hold or the caption a property no actor has: a misspelt
/// name would otherwise change nothing without a word. Ids, order, properties and direction are kept.
[[nodiscard]] Graph apply_mapping(Graph graph, const ImportMapping& mapping);

/// Loads like load_graph, through the mapping: a Neo4j import-set folder is read with it (labels, caption
/// columns and the CSV dialect); any other file or folder is loaded and then mapped with apply_mapping.
[[nodiscard]] Graph load_graph_mapped(const std::filesystem::path& path, const ImportMapping& mapping,
                                      const InputLimits& limits = {});

}  // namespace actorgraph
