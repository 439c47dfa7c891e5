#include "io/neo4j_labels.hpp"

#include <algorithm>

namespace actorgraph::neo4j {

void set_kind_from_labels(Actor& actor, const std::vector<std::string>& labels)
{
    if (labels.empty()) return;
    auto known = std::find_if(labels.begin(), labels.end(),
                              [](const std::string& label) { return schema::is_known_kind(fold_case(label)); });
    if (known == labels.end()) known = labels.begin();
    actor.kind = normalize_kind(*known);
    std::string rest;
    for (auto it = labels.begin(); it != labels.end(); ++it) {
        if (it == known) continue;
        if (!rest.empty()) rest += ';';
        rest += *it;
    }
    if (!rest.empty()) actor.properties.try_emplace("labels", rest);
}

}  // namespace actorgraph::neo4j
