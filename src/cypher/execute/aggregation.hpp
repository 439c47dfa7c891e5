#pragma once
// The aggregating functions: one Accumulator per aggregate call and group.
#include <memory>
#include <set>
#include <vector>

#include "cypher/execute/context.hpp"
#include "cypher/parse/ast.hpp"

namespace actorgraph::cypher {

class Accumulator {
public:
    /// For a count(*) or an aggregating function call.
    explicit Accumulator(const ast::Expression& call);
    /// Feeds one row's argument (and, for percentiles, the percentile).
    void add(const Value& value, const Value& percentile);
    [[nodiscard]] Value result() const;

private:
    enum class Kind { CountStar, Count, Sum, Avg, Min, Max, Collect, StDev, StDevP, PercentileCont, PercentileDisc };
    Kind kind_;
    bool distinct_;
    QueryPosition where_;
    std::set<Value, ValueOrder> seen_;
    std::int64_t count_ = 0;
    std::int64_t integer_sum_ = 0;
    double float_sum_ = 0;
    bool any_float_ = false;
    Value extreme_;
    List values_;
    Value percentile_;
};

/// The aggregate calls in an expression (not inside nested aggregates, which the binder rejects).
void collect_aggregates(const ast::Expression& expression, std::vector<const ast::Expression*>& found);

}  // namespace actorgraph::cypher
