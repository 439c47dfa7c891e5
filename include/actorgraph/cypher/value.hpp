#pragma once
// A Cypher value: null, boolean, integer, float, string, list, map, node, relationship or path, with
// openCypher's equality (three-valued), comparison and ordering. Nodes and relationships are indexes into
// the graph the statement runs on, never copies. Temporal values (date, time, datetime, duration, ...) are one
// alternative holding a Temporal (see temporal.hpp).
#include <compare>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "actorgraph/cypher/temporal.hpp"
#include "actorgraph/model/graph.hpp"

namespace actorgraph::cypher {

class Value;
using List = std::vector<Value>;
using Map = std::map<std::string, Value, std::less<>>;

/// A node: an actor of the graph.
struct NodeRef {
    ActorIndex index = 0;
    friend bool operator==(NodeRef, NodeRef) = default;
};
/// A relationship: a relation of the graph.
struct RelationshipRef {
    RelationIndex index = 0;
    friend bool operator==(RelationshipRef, RelationshipRef) = default;
};
/// A walk: nodes[i] and nodes[i + 1] are joined by relationships[i] (in either direction).
struct Path {
    std::vector<ActorIndex> nodes;
    std::vector<RelationIndex> relationships;
};

/// How deeply lists and maps may nest. Values are destroyed, compared and printed recursively, so the bound keeps
/// a query such as reduce(a = [], i IN range(1, 200000) | [a]) from exhausting the stack; past it, building the
/// value is an ArgumentError (ResourceLimit).
inline constexpr std::uint32_t max_value_nesting = 1000;

/// The kinds of value, in the order openCypher sorts them ascending.
enum class ValueType {
    Map, Node, Relationship, List, Path,
    DateTime, LocalDateTime, Date, Time, LocalTime, Duration,
    String, Boolean, Integer, Float, Null
};

/// A Cypher value; copies are cheap (lists, maps and paths are shared and immutable).
class Value {
public:
    Value() = default;  ///< null
    [[nodiscard]] static Value boolean(bool value) { return Value(Storage(value)); }
    [[nodiscard]] static Value integer(std::int64_t value) { return Value(Storage(value)); }
    [[nodiscard]] static Value floating(double value) { return Value(Storage(value)); }
    [[nodiscard]] static Value string(std::string value) { return Value(Storage(std::move(value))); }
    /// A list or map; throws cypher::Error past max_value_nesting.
    [[nodiscard]] static Value list(List value);
    [[nodiscard]] static Value map(Map value);
    [[nodiscard]] static Value node(ActorIndex index) { return Value(Storage(NodeRef{index})); }
    [[nodiscard]] static Value relationship(RelationIndex index) { return Value(Storage(RelationshipRef{index})); }
    [[nodiscard]] static Value path(Path value) { return Value(Storage(std::make_shared<const Path>(std::move(value)))); }
    [[nodiscard]] static Value temporal(Temporal value) { return Value(Storage(value)); }

    [[nodiscard]] ValueType type() const noexcept;
    [[nodiscard]] bool is_null() const noexcept { return storage_.index() == 0; }
    [[nodiscard]] bool is_number() const noexcept { return is_integer() || is_float(); }
    [[nodiscard]] bool is_boolean() const noexcept { return std::holds_alternative<bool>(storage_); }
    [[nodiscard]] bool is_integer() const noexcept { return std::holds_alternative<std::int64_t>(storage_); }
    [[nodiscard]] bool is_float() const noexcept { return std::holds_alternative<double>(storage_); }
    [[nodiscard]] bool is_string() const noexcept { return std::holds_alternative<std::string>(storage_); }
    [[nodiscard]] bool is_list() const noexcept { return std::holds_alternative<ListPtr>(storage_); }
    [[nodiscard]] bool is_map() const noexcept { return std::holds_alternative<MapPtr>(storage_); }
    [[nodiscard]] bool is_node() const noexcept { return std::holds_alternative<NodeRef>(storage_); }
    [[nodiscard]] bool is_relationship() const noexcept { return std::holds_alternative<RelationshipRef>(storage_); }
    [[nodiscard]] bool is_path() const noexcept { return std::holds_alternative<PathPtr>(storage_); }
    [[nodiscard]] bool is_temporal() const noexcept { return std::holds_alternative<Temporal>(storage_); }

    // Accessors for a value known to be of the type (checked by the caller; std::bad_variant_access otherwise).
    [[nodiscard]] bool as_boolean() const { return std::get<bool>(storage_); }
    [[nodiscard]] std::int64_t as_integer() const { return std::get<std::int64_t>(storage_); }
    [[nodiscard]] double as_float() const { return std::get<double>(storage_); }
    /// An integer or float as a double.
    [[nodiscard]] double as_number() const { return is_integer() ? static_cast<double>(as_integer()) : as_float(); }
    [[nodiscard]] const std::string& as_string() const { return std::get<std::string>(storage_); }
    [[nodiscard]] const List& as_list() const { return std::get<ListPtr>(storage_)->items; }
    [[nodiscard]] const Map& as_map() const { return std::get<MapPtr>(storage_)->items; }
    [[nodiscard]] ActorIndex as_node() const { return std::get<NodeRef>(storage_).index; }
    [[nodiscard]] RelationIndex as_relationship() const { return std::get<RelationshipRef>(storage_).index; }
    [[nodiscard]] const Path& as_path() const { return *std::get<PathPtr>(storage_); }
    [[nodiscard]] const Temporal& as_temporal() const { return std::get<Temporal>(storage_); }

private:
    // A list or map with how deeply it nests (1 for one holding no list or map), known without walking it.
    template <typename Items>
    struct Nested {
        Items items;
        std::uint32_t depth = 1;
    };
    using ListPtr = std::shared_ptr<const Nested<List>>;
    using MapPtr = std::shared_ptr<const Nested<Map>>;
    [[nodiscard]] std::uint32_t nesting() const noexcept;
    [[nodiscard]] static std::uint32_t checked_depth(std::uint32_t deepest_element);
    using PathPtr = std::shared_ptr<const Path>;
    using Storage = std::variant<std::monostate, bool, std::int64_t, double, std::string, ListPtr, MapPtr, NodeRef,
                                 RelationshipRef, PathPtr, Temporal>;
    explicit Value(Storage storage) : storage_(std::move(storage)) {}
    Storage storage_;
};

/// openCypher's name of the type ("INTEGER", "STRING", ...), as type errors name it.
[[nodiscard]] std::string type_name(ValueType type);

/// `a = b`: nullopt when the answer is null (a null operand, or lists/maps whose only differences involve null).
[[nodiscard]] std::optional<bool> equals(const Value& a, const Value& b);
/// `a < b` and friends: the sign of the comparison, or nullopt when the values are not comparable (different
/// types, a null, NaN) so that the comparison is null.
[[nodiscard]] std::optional<std::strong_ordering> compare(const Value& a, const Value& b);
/// The total order of ORDER BY (ascending): by type as ValueType lists them, numbers by value with NaN
/// after every other number, null last.
[[nodiscard]] std::strong_ordering order(const Value& a, const Value& b);
/// Equivalence, as DISTINCT and grouping see values: order(a, b) == 0 (null is equivalent to null).
[[nodiscard]] inline bool equivalent(const Value& a, const Value& b) { return order(a, b) == 0; }

/// For std::map/std::set keyed by values or rows of values (grouping, DISTINCT).
struct ValueOrder {
    bool operator()(const Value& a, const Value& b) const { return order(a, b) < 0; }
    bool operator()(const std::vector<Value>& a, const std::vector<Value>& b) const;
};

/// A float as openCypher prints it: always with a '.' or an exponent ("1.0", "1.5E10", "NaN", "Infinity").
[[nodiscard]] std::string format_float(double value);
/// A string literal in single quotes with escapes ('it\'s').
[[nodiscard]] std::string quote_string(const std::string& text);

}  // namespace actorgraph::cypher
