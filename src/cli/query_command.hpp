#pragma once
// `actorgraph query`: runs openCypher statements on a graph (or an empty one) and prints tables or JSON Lines.
#include <optional>
#include <string>
#include <vector>

namespace actorgraph::cli {

struct QueryArguments {
    std::string file;                     ///< the graph; empty for an empty in-memory graph
    std::vector<std::string> statements;  ///< -e, in order
    std::string script;                   ///< -f FILE.cypher
    std::vector<std::string> parameters;  ///< NAME=JSON
    bool json = false;
    bool save = false;
    std::string save_to;  ///< --save OUT; empty means the graph file itself
};

/// Runs the statements; exit 0, or 2 for a failing statement or bad input (the rest do not run).
int run_query(const QueryArguments& arguments);

}  // namespace actorgraph::cli
