#pragma once
// The relationships file of a Neo4j import CSV: records become relations between the graph's actors.
#include <string>
#include <string_view>

#include "actorgraph/io/limits.hpp"
#include "actorgraph/model/graph.hpp"
#include "io/csv_parser.hpp"

namespace actorgraph::neo4j {

/// Adds the relationships in `text` to the graph, whose actors are already read; a relationship with an
/// unknown endpoint becomes a warning naming `nodes_name`. Throws Error naming the file and line.
/// A text of limits.parallel_csv_bytes or more is read in two halves on two threads, with the same result.
void read_relationships(Graph& graph, std::string_view text, const FileName& file, const std::string& nodes_name,
                        const InputLimits& limits, const csv::Release& release);

}  // namespace actorgraph::neo4j
