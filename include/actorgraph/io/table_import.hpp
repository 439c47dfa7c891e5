#pragma once
// Plain tables (CSV/TSV with any headers) made into a graph through a column mapping: a node table (one
// actor per row) and an edge table (one relation per row), either of which may be missing.
#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "actorgraph/io/import_mapping.hpp"
#include "actorgraph/io/limits.hpp"
#include "actorgraph/model/graph.hpp"

namespace actorgraph {

struct TableFiles {
    std::filesystem::path nodes;  ///< empty: actors come from the edge table's endpoints
    std::filesystem::path edges;  ///< empty: actors only
};

/// A table's first rows as read, for choosing columns (the CLI's --preview, an import dialog).
struct TablePreview {
    char delimiter = ',';
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
    std::size_t total_rows = 0;  ///< records after the header
};

/// The delimiter of a table from its first lines: the one of ',', '\t', ';', '|' found the same number of
/// times (and at least once) on the most lines; ',' when none is.
[[nodiscard]] char sniff_delimiter(std::string_view head);

/// The header and first `rows` records of a table (the mapping's delimiter, else sniffed).
[[nodiscard]] TablePreview preview_table(const std::filesystem::path& file, const CsvOptions& csv, std::size_t rows = 5,
                                         const InputLimits& limits = {});

/// What an import of tables did beyond the graph's counts.
struct TableImportReport {
    char nodes_delimiter = ',', edges_delimiter = ',';
    std::size_t created_actors = 0;    ///< actors made for endpoints the node table lacks
    std::size_t skipped_rows = 0;      ///< rows without an id, source or target
    std::size_t unconverted_cells = 0; ///< typed cells kept as written because they did not parse
};

/// Reads the tables through the mapping. Columns missing from a header are an Error naming the file and
/// listing its columns; empty ids and cells that do not parse as their type are warnings (with file:line)
/// and the import goes on. Without a node table every endpoint becomes an actor; with one, endpoints it
/// lacks become actors too (of the edge mapping's source_kind/target_kind), counted in a warning.
[[nodiscard]] Graph import_tables(const TableFiles& files, const ImportMapping& mapping, const InputLimits& limits = {},
                                  TableImportReport* report = nullptr);

}  // namespace actorgraph
