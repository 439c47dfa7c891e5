#pragma once
// GEXF 1.1/1.2/1.3 read and write (pugixml): Gephi's native format.
//
// How GEXF maps onto the model (README.md, "GEXF"):
// - node id/label -> actor id/label; an attribute titled `kind` -> the kind, `aliases` -> the aliases (';');
// - edge type: an attribute titled `type`, else the edge's `kind` (GEXF 1.3), else its `label`; a label
//   beside a type is kept as the property `label`; `weight` -> the property `weight`;
// - every other attribute -> a property named by its title; values are checked against the declared
//   type (a mismatch is a warning) and `<default>` values fill elements without one;
// - `defaultedgetype` and an edge's `type` (undirected, mutual) -> the relation's orientation;
// - viz:position -> properties `x`, `y` (and `z` when not 0), viz:size -> `size`, viz:color -> `color`
//   ("#rrggbb", or "#rrggbbaa" with transparency), viz:shape/thickness -> `shape`/`thickness`;
// - `start`/`end` (or the first and last `<spell>`) -> `since`/`until`.
// Writing does the reverse; property types are inferred (integer, double, boolean, else string).
#include <filesystem>
#include <string>
#include <string_view>

#include "actorgraph/io/limits.hpp"
#include "actorgraph/model/graph.hpp"

namespace actorgraph {

/// Parses GEXF text; `file_name` is used in messages. Throws Error with file and line on malformed
/// input or when it breaks a limit; an edge to an undeclared node creates it, with a warning.
[[nodiscard]] Graph read_gexf(std::string_view text, const std::string& file_name, const InputLimits& limits = {});
/// Reads a GEXF file from disk.
[[nodiscard]] Graph read_gexf_file(const std::filesystem::path& path, const InputLimits& limits = {});
/// The whole graph as GEXF 1.3 with typed attributes, viz data and spells.
[[nodiscard]] std::string write_gexf(const Graph& graph);

}  // namespace actorgraph
