#pragma once
// `actorgraph import`: a Neo4j import set (a folder, or neo4j-admin's --nodes/--relationships groups) or plain
// tables (--node-table, --edge-table) through one mapping (flags and/or a mapping file), written in any format.
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace actorgraph::cli {

struct ImportArguments {
    std::vector<std::string> folders;  ///< folders read as import sets
    std::vector<std::string> nodes, relationships;  ///< neo4j-admin groups: [LABELS=]FILE[,FILE...]
    std::string node_table, edge_table;
    std::string output, format;
    std::string delimiter, array_delimiter, quote;
    std::vector<std::string> kind_map, type_map;
    std::string caption_from;
    std::string mapping, save_mapping;
    std::string id, kind, kind_column, source, target, type, type_column, source_kind, target_kind;
    std::vector<std::string> node_properties, edge_properties;  ///< COLUMN[:TYPE][=NAME]
    bool preview = false;
    bool json = false;
};

/// Registers the subcommand; its callback sets `exit_code`.
void add_import_command(CLI::App& app, ImportArguments& arguments, int& exit_code);

int run_import(const ImportArguments& arguments);

}  // namespace actorgraph::cli
