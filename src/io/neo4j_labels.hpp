#pragma once
// Neo4j gives a node several labels; actorgraph gives an actor one kind.
#include <string>
#include <vector>

#include "actorgraph/model/graph.hpp"

namespace actorgraph::neo4j {

/// Sets the kind to the first label that is a known kind (else the first label) and keeps
/// the other labels in the property `labels`, separated by ';'.
void set_kind_from_labels(Actor& actor, const std::vector<std::string>& labels);

}  // namespace actorgraph::neo4j
