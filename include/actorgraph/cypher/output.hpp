#pragma once
// Results as people and programs read them: Cypher-like text for tables, and the JSON encoding the CLI's
// --json and --param use (integers as JSON integers, floats always with '.' or an exponent, maps as
// {"map": {...}}, nodes as {"node": {"labels": [...], "properties": {...}}}, relationships as
// {"relationship": {"type": T, "properties": {...}}}, paths as {"path": {"nodes": [...], "relationships": [...]}}
// with "forward" on each relationship).
#include <string>
#include <string_view>
#include <vector>

#include "actorgraph/cypher/engine.hpp"

namespace actorgraph::cypher {

/// A value in Cypher notation: 1, 1.5, 'text', [1, 2], {k: 1}, (:Label {k: 1}), [:TYPE {k: 1}], <(...)-[...]->(...)>.
[[nodiscard]] std::string to_cypher_text(const Session& session, const Value& value);

/// One JSON line for a statement that ran: {"columns": [...], "rows": [[...]], "stats": {...}}.
[[nodiscard]] std::string result_to_json(const Session& session, const Result& result);
/// One JSON line for a statement that failed: {"error": {"class", "detail", "phase", "message", "line", "column"}}.
[[nodiscard]] std::string error_to_json(const Error& error);
/// Splits a script into statements at the ';' outside strings, quoted names and comments (blank ones dropped).
[[nodiscard]] std::vector<std::string_view> split_statements(std::string_view script);

/// A parameter value from its JSON encoding; throws actorgraph::Error when the text is not valid JSON or uses
/// an encoding that is not a value (nodes, relationships and paths cannot be parameters).
[[nodiscard]] Value value_from_json(std::string_view json);

}  // namespace actorgraph::cypher
