#pragma once
// Checkboxes over names where an empty set means "all": the view's actor kinds and relation types,
// and the relation types a path may use. One rule for every such list: all on is the empty set,
// and the last name on cannot be switched off (a view of nothing, or a path over no relation,
// shows nothing; say so rather than hold a set that matches no name).
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace actorgraph {

/// True when the name is on: the set is empty (all) or holds it.
[[nodiscard]] bool name_on(const std::set<std::string>& kept, const std::string& name);
/// True when the name is the only one of `all` that is on: its checkbox cannot be switched off.
[[nodiscard]] bool only_name_on(const std::set<std::string>& kept, const std::vector<std::string>& all, const std::string& name);
/// The set after switching the name on or off among `all` (names in `kept` but not in `all` are
/// dropped); all on gives the empty set. Nullopt when nothing changes or the last name would go off.
[[nodiscard]] std::optional<std::set<std::string>> toggle_name(const std::set<std::string>& kept, const std::vector<std::string>& all,
                                                              const std::string& name, bool on);

}  // namespace actorgraph
