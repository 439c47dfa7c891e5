#include "cypher/execute/aggregation.hpp"

#include <algorithm>
#include <cmath>

#include "cypher/execute/functions.hpp"

namespace actorgraph::cypher {

Accumulator::Accumulator(const ast::Expression& call) : distinct_(call.distinct), where_(call.where)
{
    if (call.kind == ast::ExpressionKind::CountStar) {
        kind_ = Kind::CountStar;
        return;
    }
    auto name = fold_case(call.name);
    if (name == "count") kind_ = Kind::Count;
    else if (name == "sum") kind_ = Kind::Sum;
    else if (name == "avg") kind_ = Kind::Avg;
    else if (name == "min") kind_ = Kind::Min;
    else if (name == "max") kind_ = Kind::Max;
    else if (name == "collect") kind_ = Kind::Collect;
    else if (name == "stdev") kind_ = Kind::StDev;
    else if (name == "stdevp") kind_ = Kind::StDevP;
    else if (name == "percentilecont") kind_ = Kind::PercentileCont;
    else kind_ = Kind::PercentileDisc;
}

Accumulator::Accumulator(const Accumulator& other)
    : kind_(other.kind_), distinct_(other.distinct_), any_float_(other.any_float_), where_(other.where_),
      count_(other.count_), integer_sum_(other.integer_sum_), float_sum_(other.float_sum_),
      kept_(other.kept_ ? std::make_unique<Kept>(*other.kept_) : nullptr)
{
}

Accumulator& Accumulator::operator=(const Accumulator& other)
{
    if (this != &other) *this = Accumulator(other);
    return *this;
}

Accumulator::Kept& Accumulator::kept()
{
    if (!kept_) kept_ = std::make_unique<Kept>();
    return *kept_;
}

void Accumulator::add(const Value& value, const Value& percentile)
{
    if (kind_ == Kind::CountStar) {
        ++count_;
        return;
    }
    if (value.is_null()) return;
    if (distinct_ && !kept().seen.insert(value).second) return;
    switch (kind_) {
    case Kind::Count: ++count_; return;
    case Kind::Collect: kept().values.push_back(value); return;
    case Kind::Min:
        if (kept().extreme.is_null() || order(value, kept_->extreme) < 0) kept_->extreme = value;
        return;
    case Kind::Max:
        if (kept().extreme.is_null() || order(value, kept_->extreme) > 0) kept_->extreme = value;
        return;
    default: break;
    }
    if (!value.is_number()) {
        runtime_error(ErrorClass::TypeError, "InvalidArgumentType",
                      "aggregation over numbers got a " + type_name(value.type()), where_);
    }
    ++count_;
    if (kind_ == Kind::Sum && value.is_integer() && !any_float_) {
        if (__builtin_add_overflow(integer_sum_, value.as_integer(), &integer_sum_)) {
            runtime_error(ErrorClass::ArgumentError, "IntegerOverflow", "sum() overflows a 64-bit integer", where_);
        }
        return;
    }
    if (kind_ == Kind::Sum && !any_float_) {
        any_float_ = true;
        float_sum_ = static_cast<double>(integer_sum_);
    }
    float_sum_ += value.as_number();
    if (kind_ != Kind::Sum && kind_ != Kind::Avg) kept().values.push_back(value);
    if (kind_ == Kind::PercentileCont || kind_ == Kind::PercentileDisc) {
        if (!percentile.is_number()) {
            runtime_error(ErrorClass::TypeError, "InvalidArgumentType", "the percentile must be a number", where_);
        }
        double p = percentile.as_number();
        if (p < 0 || p > 1 || std::isnan(p)) {
            runtime_error(ErrorClass::ArgumentError, "NumberOutOfRange", "the percentile must be between 0.0 and 1.0", where_);
        }
        kept().percentile = percentile;
    }
}

Value Accumulator::result() const
{
    static const Kept nothing_kept;
    const auto& kept = kept_ ? *kept_ : nothing_kept;
    switch (kind_) {
    case Kind::CountStar:
    case Kind::Count: return Value::integer(count_);
    case Kind::Collect: return Value::list(kept.values);
    case Kind::Min:
    case Kind::Max: return kept.extreme;
    case Kind::Sum: return any_float_ ? Value::floating(float_sum_) : Value::integer(integer_sum_);
    case Kind::Avg: return count_ == 0 ? Value() : Value::floating(float_sum_ / static_cast<double>(count_));
    case Kind::StDev:
    case Kind::StDevP: {
        auto n = static_cast<double>(count_);
        if (count_ < (kind_ == Kind::StDev ? 2 : 1)) return Value::floating(0.0);
        double mean = float_sum_ / n, squares = 0;
        for (const auto& v : kept.values) squares += (v.as_number() - mean) * (v.as_number() - mean);
        return Value::floating(std::sqrt(squares / (kind_ == Kind::StDev ? n - 1 : n)));
    }
    case Kind::PercentileCont:
    case Kind::PercentileDisc: {
        if (kept.values.empty()) return {};
        std::vector<Value> sorted = kept.values;
        std::sort(sorted.begin(), sorted.end(), [](const Value& a, const Value& b) { return order(a, b) < 0; });
        double p = kept.percentile.as_number();
        auto n = sorted.size();
        if (kind_ == Kind::PercentileDisc) {
            auto index = p == 0 ? 0 : static_cast<std::size_t>(std::ceil(p * static_cast<double>(n))) - 1;
            return sorted[std::min(index, n - 1)];
        }
        double position = p * static_cast<double>(n - 1);
        auto below = static_cast<std::size_t>(std::floor(position));
        auto above = std::min(below + 1, n - 1);
        double fraction = position - static_cast<double>(below);
        return Value::floating(sorted[below].as_number() + fraction * (sorted[above].as_number() - sorted[below].as_number()));
    }
    }
    return {};
}

void collect_aggregates(const ast::Expression& expression, std::vector<const ast::Expression*>& found)
{
    if (expression.kind == ast::ExpressionKind::CountStar ||
        (expression.kind == ast::ExpressionKind::FunctionCall && is_aggregate_function(expression.name))) {
        found.push_back(&expression);
        return;
    }
    for (const auto& child : expression.children) {
        if (child) collect_aggregates(*child, found);
    }
}

}  // namespace actorgraph::cypher
