#include "actorgraph/app/name_choice.hpp"

#include <algorithm>

namespace actorgraph {

bool name_on(const std::set<std::string>& kept, const std::string& name) { return kept.empty() || kept.contains(name); }

bool only_name_on(const std::set<std::string>& kept, const std::vector<std::string>& all, const std::string& name)
{
    if (!name_on(kept, name)) return false;
    return std::none_of(all.begin(), all.end(), [&](const std::string& other) { return other != name && name_on(kept, other); });
}

std::optional<std::set<std::string>> toggle_name(const std::set<std::string>& kept, const std::vector<std::string>& all,
                                                 const std::string& name, bool on)
{
    if (name_on(kept, name) == on) return std::nullopt;
    if (!on && only_name_on(kept, all, name)) return std::nullopt;
    std::set<std::string> next;
    for (const auto& other : all) {
        if (other == name ? on : name_on(kept, other)) next.insert(other);
    }
    std::set<std::string> distinct(all.begin(), all.end());
    if (next.size() == distinct.size()) next.clear();
    return next;
}

}  // namespace actorgraph
