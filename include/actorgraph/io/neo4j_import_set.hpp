#pragma once
// The full `neo4j-admin database import` layout: groups of node and relationship files, each group's header
// in its first file's first line (often a header-only file), ID spaces, typed and array columns, and the
// --delimiter, --array-delimiter and --quote options; relationships with a missing endpoint are skipped and
// reported as with --skip-bad-relationships.
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "actorgraph/io/import_mapping.hpp"
#include "actorgraph/io/limits.hpp"
#include "actorgraph/model/graph.hpp"

namespace actorgraph {

/// One --nodes or --relationships option: its files read as one (the header is the first file's first
/// line) and the labels (nodes) or type (relationships) given before the '='.
struct ImportGroup {
    std::vector<std::string> names;
    std::vector<std::filesystem::path> files;
};

struct Neo4jImportSet {
    std::vector<ImportGroup> nodes;
    std::vector<ImportGroup> relationships;
    /// Files of a scanned folder that are neither (no :ID, :START_ID/:END_ID header, not a header's data).
    std::vector<std::filesystem::path> ignored;
};

/// What an import read, for the CLI's summary and an import dialog's preview.
struct ImportReport {
    std::size_t skipped_relationships = 0;  ///< relationships with a missing endpoint (each also a warning)
    std::size_t shared_ids = 0;             ///< ids several ID spaces hold (their actors are `Space:id`)
};

/// Parses a --nodes or --relationships value as neo4j-admin takes it: "files" or "Label1:Label2=files",
/// files separated by commas. Throws Error on an empty file list.
[[nodiscard]] ImportGroup parse_import_group(std::string_view text);

/// The CSV/TSV files of a folder as an import set, by their headers (any names): a header with an :ID column
/// is a node file, one with :START_ID and :END_ID a relationship file. A header-only file `X_header.csv`
/// (or `X-header.csv`) takes the files named `X*` as its data, in name order.
[[nodiscard]] Neo4jImportSet scan_import_folder(const std::filesystem::path& folder, const CsvOptions& csv = {});

/// True when a folder holds CSV files other than nodes.csv and relationships.csv (the pair our writer makes,
/// read faster on their own): an import set.
[[nodiscard]] bool is_import_set_folder(const std::filesystem::path& folder);

/// Reads the set into a graph: labels and types through the mapping's vocabulary, captions from its caption
/// (or `title`), typed cells checked (an Error names file and line). Each skipped relationship becomes a
/// warning after one that gives their count; only the first 20 are listed.
[[nodiscard]] Graph read_import_set(const Neo4jImportSet& set, const ImportMapping& mapping = {},
                                    const InputLimits& limits = {}, ImportReport* report = nullptr);

}  // namespace actorgraph
