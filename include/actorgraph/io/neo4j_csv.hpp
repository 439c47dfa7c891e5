#pragma once
// CSV node and relationship lists in the Neo4j import layout (id:ID, :LABEL, :START_ID, :END_ID, :TYPE).
#include <filesystem>
#include <string>
#include <string_view>

#include "actorgraph/io/limits.hpp"
#include "actorgraph/model/graph.hpp"

namespace actorgraph {

/// The two files of a CSV graph.
struct CsvDocuments {
    std::string nodes;          ///< nodes.csv: id:ID, name, :LABEL, aliases:string[], properties
    std::string relationships;  ///< relationships.csv: :START_ID, :END_ID, :TYPE, properties
};

inline constexpr std::string_view csv_nodes_file = "nodes.csv";
inline constexpr std::string_view csv_relationships_file = "relationships.csv";

/// Parses the two CSV texts; names are used in messages. Throws Error on malformed CSV;
/// a relation with a missing endpoint becomes a warning naming file and line and is skipped.
/// Each text may hold at most limits.max_cells cells and limits.max_attribute_names columns.
[[nodiscard]] Graph read_neo4j_csv(std::string_view nodes, const std::string& nodes_name,
                                   std::string_view relationships, const std::string& relationships_name,
                                   const InputLimits& limits = {});
/// Reads nodes.csv and relationships.csv from a folder; a folder of other CSV files is read as a Neo4j
/// import set (neo4j_import_set.hpp).
[[nodiscard]] Graph read_neo4j_csv_folder(const std::filesystem::path& folder, const InputLimits& limits = {});
/// The graph as the two CSV texts (RFC 4180 quoting, UTF-8, no BOM).
[[nodiscard]] CsvDocuments write_neo4j_csv(const Graph& graph);
/// Writes nodes.csv and relationships.csv into a folder (created if missing), each atomically.
void save_neo4j_csv_folder(const Graph& graph, const std::filesystem::path& folder);

}  // namespace actorgraph
