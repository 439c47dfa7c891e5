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
    Accumulator(const Accumulator& other);
    Accumulator& operator=(const Accumulator& other);
    Accumulator(Accumulator&&) noexcept = default;
    Accumulator& operator=(Accumulator&&) noexcept = default;
    ~Accumulator() = default;
    /// Feeds one row's argument (and, for percentiles, the percentile).
    void add(const Value& value, const Value& percentile);
    [[nodiscard]] Value result() const;

private:
    enum class Kind { CountStar, Count, Sum, Avg, Min, Max, Collect, StDev, StDevP, PercentileCont, PercentileDisc };
    // What only DISTINCT, min/max, collect, the deviations and percentiles keep: made on their first value, so a
    // count or sum per group (600k groups in a top-k) is a few words.
    struct Kept {
        std::set<Value, ValueOrder> seen;
        Value extreme;
        List values;
        Value percentile;
    };
    Kept& kept();

    Kind kind_;
    bool distinct_;
    bool any_float_ = false;
    QueryPosition where_;
    std::int64_t count_ = 0;
    std::int64_t integer_sum_ = 0;
    double float_sum_ = 0;
    std::unique_ptr<Kept> kept_;
};

/// The aggregate calls in an expression (not inside nested aggregates, which the binder rejects).
void collect_aggregates(const ast::Expression& expression, std::vector<const ast::Expression*>& found);

}  // namespace actorgraph::cypher
