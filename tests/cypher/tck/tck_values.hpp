#pragma once
// The TCK's value notation ((:A {k: 1}), [:T], <(:A)-[:T]->(:B)>, [1, 2], {k: 'v'}, 'text', null, 1.5) and the
// engine's values, both brought to one canonical text so that results compare as strings: maps sorted by key,
// labels sorted, floats in their shortest form, lists optionally sorted (ignoring element order).
#include <string>

#include "actorgraph/cypher/engine.hpp"

namespace actorgraph::tck {

/// The canonical text of an expected cell; throws std::runtime_error for notation it cannot read.
[[nodiscard]] std::string canonical_expected(const std::string& cell, bool ignore_list_order);
/// The canonical text of a value the engine returned.
[[nodiscard]] std::string canonical_actual(const cypher::Session& session, const cypher::Value& value,
                                           bool ignore_list_order);

}  // namespace actorgraph::tck
