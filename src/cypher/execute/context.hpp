#pragma once
// What every operator of a running statement shares: the graph, the parameters, the counters and the bounds.
#include <optional>
#include <string>
#include <vector>

#include "actorgraph/cypher/engine.hpp"
#include "cypher/execute/graph_access.hpp"

namespace actorgraph::cypher {

using Columns = std::vector<std::string>;
using Row = std::vector<Value>;
struct Procedure;

struct Context {
    GraphAccess& graph;
    const Map& parameters;
    Statistics& stats;
    const Limits& limits;
    std::size_t steps = 0;
    /// The statement's clock in nanoseconds since the epoch, read once (date() is the same all through a statement).
    std::optional<std::int64_t> statement_clock = std::nullopt;
    /// The procedures the session defined, besides the built-in ones.
    const std::vector<Procedure>* procedures = nullptr;

    /// Counts one unit of work; throws when the statement was cancelled or ran past its bound.
    void tick()
    {
        if ((++steps & 1023u) != 0) return;
        check();
    }
    void check() const;
    /// Throws when a clause would produce more rows than allowed.
    void check_rows(std::size_t rows) const;
};

/// A runtime error at an expression's position.
[[noreturn]] void runtime_error(ErrorClass error_class, const std::string& detail, const std::string& message,
                                QueryPosition where = {});

}  // namespace actorgraph::cypher
