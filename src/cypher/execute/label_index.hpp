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
    /// Whether some actor has a generated id (a node made without one): every other `id` is unique and read
    /// as the actor's own, so `n.id` names the node.
    [[nodiscard]] bool any_generated_id(const Graph& graph);
    /// The relations of this type, in index order, as the graph is now (empty for an unknown type), so a scan
    /// of one type reads no other relation. Valid until the next call after the graph changed.
    [[nodiscard]] std::span<const RelationIndex> relations_of_type(const Graph& graph, std::string_view type);

    /// A relation property read once for every relation as a number, so a scan compares and sums numbers
    /// instead of parsing the text of each row again: per relation, absent, an integer, a float, or `other`
    /// (any other value, read the slow way). `read` turns a stored text into its Cypher value (the typing rule).
    struct NumberColumn {
        enum class Kind : std::uint8_t { absent, integer, floating, other };
        std::vector<Kind> kinds;
        std::vector<double> floats;            ///< the value where the kind is floating
        std::vector<std::int64_t> integers;    ///< the value where the kind is integer (empty when none is)
        bool any_other = false;                ///< whether some relation's kind is `other`
    };
    template <class Read>
    const NumberColumn& relation_numbers(const Graph& graph, std::string_view key, const Read& read);
    /// The column built for this key at the graph's current version, or null.
    [[nodiscard]] const NumberColumn* built_relation_numbers(const Graph& graph, std::string_view key) const
    {
        if (numbers_version_ != graph.version()) return nullptr;
        auto found = numbers_.find(key);
        return found == numbers_.end() ? nullptr : &found->second;
    }

private:
    struct TransparentHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view text) const noexcept { return std::hash<std::string_view>{}(text); }
    };
    using Lists = std::unordered_map<std::string, std::vector<ActorIndex>, TransparentHash, std::equal_to<>>;

    using RelationLists = std::unordered_map<std::string, std::vector<RelationIndex>, TransparentHash, std::equal_to<>>;

    void build(const Graph& graph);
    void build_types(const Graph& graph);

    bool built_ = false;
    std::uint64_t version_ = 0;
    Lists lists_;
    bool any_generated_id_ = false;
    bool types_built_ = false;
    std::uint64_t types_version_ = 0;
    RelationLists types_;
    std::uint64_t numbers_version_ = 0;
    std::unordered_map<std::string, NumberColumn, TransparentHash, std::equal_to<>> numbers_;
};

template <class Read>
const LabelIndex::NumberColumn& LabelIndex::relation_numbers(const Graph& graph, std::string_view key, const Read& read)
{
    if (numbers_version_ != graph.version()) {
        numbers_.clear();
        numbers_version_ = graph.version();
    }
    auto found = numbers_.find(key);
    if (found != numbers_.end()) return found->second;
    NumberColumn column;
    auto count = graph.relation_count();
    column.kinds.assign(count, NumberColumn::Kind::absent);
    column.floats.assign(count, 0.0);
    for (RelationIndex relation = 0; relation < count; ++relation) {
        const auto& properties = graph.relation(relation).properties;
        auto text = properties.find(key);
        if (text == properties.end()) continue;
        auto value = read(text->second);
        auto& kind = column.kinds[relation];
        if (value.is_float()) {
            kind = NumberColumn::Kind::floating;
            column.floats[relation] = value.as_float();
        } else if (value.is_integer()) {
            if (column.integers.empty()) column.integers.assign(count, 0);
            kind = NumberColumn::Kind::integer;
            column.integers[relation] = value.as_integer();
        } else {
            kind = NumberColumn::Kind::other;
            column.any_other = true;
        }
    }
    return numbers_.emplace(std::string(key), std::move(column)).first->second;
}

}  // namespace actorgraph::cypher
