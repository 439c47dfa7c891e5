#include "cypher/temporal/temporal_functions.hpp"

#include <array>

#include "actorgraph/model/spelling.hpp"
#include "cypher/execute/function_arguments.hpp"
#include "cypher/temporal/arithmetic.hpp"
#include "cypher/temporal/calendar.hpp"

namespace actorgraph::cypher {

namespace {

using temporal::BetweenUnit;

// The statement's instant: every date() of one statement sees the same clock, as in Neo4j.
temporal::Instant statement_clock(Context& context)
{
    if (!context.statement_clock) {
        auto now = temporal::current_instant();
        context.statement_clock = now.seconds * temporal::nanos_per_second + now.nanos;
    }
    return {temporal::floor_div(*context.statement_clock, temporal::nanos_per_second),
            temporal::floor_mod(*context.statement_clock, temporal::nanos_per_second)};
}

// date(), date('2015-07-21'), date({year: 2015}), date(datetime), date(null).
template <TemporalKind kind>
Value construct(Context& context, const Arguments& a, QueryPosition where)
{
    if (a.empty()) return Value::temporal(temporal::now(kind, std::nullopt, where, statement_clock(context)));
    const auto& v = a[0];
    auto name = temporal_type_name(kind);
    if (v.is_null()) return {};
    if (v.is_string()) return Value::temporal(temporal::parse(kind, v.as_string(), where));
    if (v.is_map()) return Value::temporal(temporal::from_map(kind, v.as_map(), where, statement_clock(context)));
    if (v.is_temporal() && kind != TemporalKind::Duration) return Value::temporal(temporal::convert(kind, v.as_temporal(), where));
    wrong_type(name, v, where);
}

// date.statement(), date.transaction() (a statement is its own transaction here) and date.realtime(), each
// optionally in a zone: date.realtime('Europe/Berlin').
template <TemporalKind kind, bool realtime>
Value clock(Context& context, const Arguments& a, QueryPosition where)
{
    auto at = realtime ? temporal::current_instant() : statement_clock(context);
    if (a.empty()) return Value::temporal(temporal::now(kind, std::nullopt, where, at));
    if (a[0].is_null()) return {};
    if (!a[0].is_string()) wrong_type("clock", a[0], where);
    return Value::temporal(temporal::now(kind, a[0].as_string(), where, at));
}

template <TemporalKind kind>
Value truncate(Context&, const Arguments& a, QueryPosition where)
{
    if (a[0].is_null() || a[1].is_null()) return {};
    if (!a[0].is_string()) wrong_type("truncate", a[0], where);
    if (!a[1].is_temporal()) wrong_type("truncate", a[1], where);
    Map fields;
    if (a.size() > 2 && !a[2].is_null()) {
        if (!a[2].is_map()) wrong_type("truncate", a[2], where);
        fields = a[2].as_map();
    }
    return Value::temporal(temporal::truncate(kind, a[0].as_string(), a[1].as_temporal(), fields, where));
}

Value from_epoch(Context&, const Arguments& a, QueryPosition where)
{
    if (a[0].is_null() || a[1].is_null()) return {};
    if (!a[0].is_integer()) wrong_type("datetime.fromepoch", a[0], where);
    if (!a[1].is_integer()) wrong_type("datetime.fromepoch", a[1], where);
    return Value::temporal(temporal::from_epoch(a[0].as_integer(), a[1].as_integer(), where));
}

Value from_epoch_millis(Context&, const Arguments& a, QueryPosition where)
{
    if (a[0].is_null()) return {};
    if (!a[0].is_integer()) wrong_type("datetime.fromepochmillis", a[0], where);
    auto millis = a[0].as_integer();
    return Value::temporal(temporal::from_epoch(temporal::floor_div(millis, 1000), temporal::floor_mod(millis, 1000) * 1'000'000, where));
}

template <BetweenUnit unit>
Value between(Context&, const Arguments& a, QueryPosition where)
{
    if (a[0].is_null() || a[1].is_null()) return {};
    if (!a[0].is_temporal()) wrong_type("duration.between", a[0], where);
    if (!a[1].is_temporal()) wrong_type("duration.between", a[1], where);
    return Value::temporal(temporal::duration_between(unit, a[0].as_temporal(), a[1].as_temporal(), where));
}

using K = TemporalKind;
constexpr std::array<ScalarFunction, 32> table{{
    {"date", 0, 1, construct<K::Date>},
    {"date.truncate", 2, 3, truncate<K::Date>},
    {"date.statement", 0, 1, clock<K::Date, false>},
    {"date.transaction", 0, 1, clock<K::Date, false>},
    {"date.realtime", 0, 1, clock<K::Date, true>},
    {"localtime", 0, 1, construct<K::LocalTime>},
    {"localtime.truncate", 2, 3, truncate<K::LocalTime>},
    {"localtime.statement", 0, 1, clock<K::LocalTime, false>},
    {"localtime.transaction", 0, 1, clock<K::LocalTime, false>},
    {"localtime.realtime", 0, 1, clock<K::LocalTime, true>},
    {"time", 0, 1, construct<K::Time>},
    {"time.truncate", 2, 3, truncate<K::Time>},
    {"time.statement", 0, 1, clock<K::Time, false>},
    {"time.transaction", 0, 1, clock<K::Time, false>},
    {"time.realtime", 0, 1, clock<K::Time, true>},
    {"localdatetime", 0, 1, construct<K::LocalDateTime>},
    {"localdatetime.truncate", 2, 3, truncate<K::LocalDateTime>},
    {"localdatetime.statement", 0, 1, clock<K::LocalDateTime, false>},
    {"localdatetime.transaction", 0, 1, clock<K::LocalDateTime, false>},
    {"localdatetime.realtime", 0, 1, clock<K::LocalDateTime, true>},
    {"datetime", 0, 1, construct<K::DateTime>},
    {"datetime.truncate", 2, 3, truncate<K::DateTime>},
    {"datetime.statement", 0, 1, clock<K::DateTime, false>},
    {"datetime.transaction", 0, 1, clock<K::DateTime, false>},
    {"datetime.realtime", 0, 1, clock<K::DateTime, true>},
    {"datetime.fromepoch", 2, 2, from_epoch},
    {"datetime.fromepochmillis", 1, 1, from_epoch_millis},
    {"duration", 1, 1, construct<K::Duration>},
    {"duration.between", 2, 2, between<BetweenUnit::All>},
    {"duration.inmonths", 2, 2, between<BetweenUnit::Months>},
    {"duration.indays", 2, 2, between<BetweenUnit::Days>},
    {"duration.inseconds", 2, 2, between<BetweenUnit::Seconds>},
}};

bool is_duration(const Value& v) { return v.is_temporal() && v.as_temporal().kind == TemporalKind::Duration; }

}  // namespace

std::span<const ScalarFunction> temporal_functions() { return table; }

std::optional<Value> temporal_operator(ast::Operator op, const Value& left, const Value& right, QueryPosition where)
{
    if (!left.is_temporal() && !right.is_temporal()) return std::nullopt;
    if (left.is_null() || right.is_null()) return Value();
    using ast::Operator;
    if (op == Operator::Add && is_duration(right) && left.is_temporal()) {
        return Value::temporal(temporal::add_duration(left.as_temporal(), right.as_temporal(), where));
    }
    if (op == Operator::Add && is_duration(left) && right.is_temporal()) {
        return Value::temporal(temporal::add_duration(right.as_temporal(), left.as_temporal(), where));
    }
    if (op == Operator::Subtract && is_duration(right) && left.is_temporal()) {
        return Value::temporal(temporal::subtract_duration(left.as_temporal(), right.as_temporal(), where));
    }
    if ((op == Operator::Multiply || op == Operator::Divide) && is_duration(left) && right.is_number()) {
        return Value::temporal(temporal::scale_duration(left.as_temporal(), right, op == Operator::Divide, where));
    }
    if (op == Operator::Multiply && left.is_number() && is_duration(right)) {
        return Value::temporal(temporal::scale_duration(right.as_temporal(), left, false, where));
    }
    return std::nullopt;
}

Value temporal_property(const Value& value, const std::string& key, QueryPosition where)
{
    if (auto found = temporal::component(value.as_temporal(), key, where)) return *found;
    auto known = temporal::component_names(value.as_temporal());
    runtime_error(ErrorClass::ArgumentError, "InvalidArgumentValue",
                  unknown_word_message(type_name(value.type()) + " component", key, known), where);
}

}  // namespace actorgraph::cypher
