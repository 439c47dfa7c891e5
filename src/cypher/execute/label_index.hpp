#pragma once
// The actors of each label (kind or further label, as GraphAccess reads them), so `MATCH (n:L)` visits only
// L's actors and `MATCH (n:L) RETURN count(*)` is the size of one list. Built in one pass over the actors the
// first time a label is asked for at a graph version (Graph::version), and rebuilt after any change: writes,
// undo and a failed statement's rollback all change the version, so the lists never go stale.
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "actorgraph/model/graph.hpp"

namespace actorgraph::cypher {

class LabelIndex {
public:
    /// The actors with this label, in index order, as the graph is now (empty for an unknown label). Valid
    /// until the next call after the graph changed.
    [[nodiscard]] std::span<const ActorIndex> actors_with(const Graph& graph, std::string_view label);

private:
    struct TransparentHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view text) const noexcept { return std::hash<std::string_view>{}(text); }
    };
    using Lists = std::unordered_map<std::string, std::vector<ActorIndex>, TransparentHash, std::equal_to<>>;

    void build(const Graph& graph);

    bool built_ = false;
    std::uint64_t version_ = 0;
    Lists lists_;
};

}  // namespace actorgraph::cypher
