#pragma once
// Runs openCypher statements on a Graph, in place: reads never copy the graph, writes change it and a
// statement that fails leaves it as it was.
#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "actorgraph/cypher/error.hpp"
#include "actorgraph/cypher/value.hpp"
#include "actorgraph/edit/change.hpp"
#include "actorgraph/model/graph.hpp"

namespace actorgraph::cypher {

/// What a statement changed, as openCypher counts it.
struct Statistics {
    std::int64_t nodes_created = 0;
    std::int64_t nodes_deleted = 0;
    std::int64_t relationships_created = 0;
    std::int64_t relationships_deleted = 0;
    std::int64_t labels_added = 0;
    std::int64_t labels_removed = 0;
    std::int64_t properties_set = 0;
    std::int64_t properties_removed = 0;
    [[nodiscard]] bool changed_anything() const noexcept;
    /// "3 nodes created, 1 property set" (empty when nothing changed).
    [[nodiscard]] std::string summary() const;
};

/// The answer of one statement: named columns and rows of values.
struct Result {
    std::vector<std::string> columns;
    std::vector<std::vector<Value>> rows;
    Statistics stats;
    /// What the statement wrote, as edit changes in order: applied with apply_change to the graph as it was
    /// before the statement, they make the graph as it is after (values as text, as files hold them), so a
    /// caller can put a Cypher write through the edit history and journal. (The one write they cannot carry is
    /// a property named `id` beside a generated id, which a node gets when Cypher gives it a non-string id.)
    /// Cypher allows what check_change refuses (a node without labels has no kind, a relationship may lack a
    /// `source`): check each change before applying it.
    std::vector<Change> changes;
};

/// Bounds that keep a statement from exhausting memory or time.
struct Limits {
    std::size_t max_rows = 10'000'000;              ///< rows any clause may produce
    std::size_t max_expansions = 100'000'000;       ///< steps of pattern matching per statement
    const std::atomic<bool>* cancel = nullptr;      ///< set from another thread to stop the statement
};

/// A procedure answered from a fixed table, as the openCypher TCK declares its test procedures
/// (`test.my.proc(in :: INTEGER?) :: (out :: STRING?)` and a table): a call yields the outputs of the rows
/// whose inputs equal its arguments (null matching null).
struct TableProcedure {
    std::string name;                                           ///< dotted: test.my.proc
    std::vector<std::pair<std::string, std::string>> inputs;    ///< name and type: STRING, INTEGER, FLOAT, NUMBER,
    std::vector<std::pair<std::string, std::string>> outputs;   ///< BOOLEAN, NODE or ANY, optionally ending in '?'
    std::vector<std::vector<Value>> rows;                       ///< the input values, then the output values
};

class SessionState;

/// Runs statements against one graph, one after the other; each sees the writes of those before.
/// Values Cypher wrote keep their types for the session's lifetime; the graph stores text and declares each
/// written name's type (Graph::actor_property_types), so a saved and reloaded file reads them back typed where
/// its format keeps types (typed_property_value); undeclared text follows property_value's rule.
class Session {
public:
    explicit Session(Graph& graph);
    ~Session();
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    /// Parses, checks and runs one statement; throws cypher::Error (with class, detail, phase, position).
    Result run(std::string_view statement, const Map& parameters = {}, const Limits& limits = {});

    /// Adds (or replaces) a procedure for later statements of this session; throws Error (ArgumentError) for
    /// an unknown type or a row of the wrong width.
    void define_procedure(const TableProcedure& procedure);

    [[nodiscard]] const Graph& graph() const noexcept { return graph_; }
    /// The labels of a node: its kind first (when not empty), then its further labels.
    [[nodiscard]] std::vector<std::string> labels(ActorIndex node) const;
    /// The properties of a node as Cypher sees them: id (unless generated), label, aliases and the rest.
    [[nodiscard]] Map properties(ActorIndex node) const;
    /// The properties of a relationship.
    [[nodiscard]] Map relationship_properties(RelationIndex relationship) const;
    /// The relationship's type.
    [[nodiscard]] const std::string& type(RelationIndex relationship) const;

private:
    Graph& graph_;
    std::unique_ptr<SessionState> state_;
};

/// The typed value of a property stored as text: `year`, `since` and `until` are integers and `amount_usd` a
/// float when their text is a number; any other text spelled as a number (42, -1.5, 2e6) is a number; the rest
/// are strings.
[[nodiscard]] Value property_value(std::string_view name, std::string_view text);

/// A value as property text (what property_value reads back; strings as they are, lists as [a, b]).
[[nodiscard]] std::string property_text(const Value& value);

/// The Neo4j type keyword a written value declares for its property name (PropertyTypes): boolean, long,
/// double, string, a temporal type, or an array of one of them (`long[]`) for a list whose elements share a
/// type; "" for a list of mixed types.
[[nodiscard]] std::string property_type_of(const Value& value);
/// The value's property text when stored typed: property_text, but a typed list as its elements joined by ';'.
[[nodiscard]] std::string typed_property_text(const Value& value);
/// The value of property text whose name has the declared type; text that is not one (or no type) is read by
/// property_value's untyped rule.
[[nodiscard]] Value typed_property_value(std::string_view type, std::string_view name, std::string_view text);

}  // namespace actorgraph::cypher
