#pragma once
// How the CLI prints results: aligned text tables for people, JSON for scripts.
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "actorgraph/model/graph.hpp"
#include "actorgraph/query/paths.hpp"

namespace actorgraph::cli {

/// A text table with a header row; columns are padded to their widest cell.
class TextTable {
public:
    explicit TextTable(std::vector<std::string> header) : header_(std::move(header)) {}
    /// Adds a row with one cell per header column.
    void add_row(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
    /// Prints the table, counting UTF-8 characters rather than bytes for alignment.
    void print(std::ostream& out) const;

private:
    std::vector<std::string> header_;
    std::vector<std::vector<std::string>> rows_;
};

/// An actor as JSON: id, label, kind, aliases and properties.
[[nodiscard]] nlohmann::json actor_json(const Graph& graph, ActorIndex actor);
/// A relation as JSON: from, to, type and properties (with its source).
[[nodiscard]] nlohmann::json relation_json(const Graph& graph, RelationIndex relation);
/// A path as JSON: hops, cost, its actors and the relations between them.
[[nodiscard]] nlohmann::json path_json(const Graph& graph, const Path& path);
/// A path as indented text: each actor with its kind, each relation with type, years and source.
void print_path(std::ostream& out, const Graph& graph, const Path& path, std::size_t number);
/// Prints JSON indented by two spaces; bytes that are not UTF-8 (Latin-1 labels) become U+FFFD.
void print_json(const nlohmann::json& value);
/// Formats a score compactly (integers without decimals).
[[nodiscard]] std::string format_score(double score);

}  // namespace actorgraph::cli
