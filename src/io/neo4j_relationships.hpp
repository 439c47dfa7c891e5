#pragma once
// The relationships file of a Neo4j import CSV: records become relations between the graph's actors.
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "actorgraph/io/limits.hpp"
#include "actorgraph/model/graph.hpp"
#include "io/csv_parser.hpp"
#include "io/neo4j_table.hpp"

namespace actorgraph::neo4j {

/// The ID spaces of an import set (`:ID(Person)`): which space each actor came from, and the actor id a
/// (space, id) pair has. An id is the actor's id as written unless two spaces both hold it; then the
/// actors of named spaces get `Space:id`, so both stay and relationships still find the right one.
class IdSpaces {
public:
    static constexpr std::uint32_t none = UINT32_MAX;

    /// The space's number, added when new ("" is the global space).
    std::uint32_t intern(std::string_view space);
    /// The space's number, or none when no node file declared it.
    [[nodiscard]] std::uint32_t find(std::string_view space) const;
    [[nodiscard]] const std::string& name(std::uint32_t space) const { return names_.at(space); }
    /// Ids that more than one space holds (set once all node files are read).
    void set_shared_ids(std::unordered_set<std::string> ids) { shared_ = std::move(ids); }
    /// The actor id of `raw` in the space.
    [[nodiscard]] std::string actor_id(std::uint32_t space, std::string_view raw) const;
    /// Records the space of the next actor added to the graph.
    void add_actor(std::uint32_t space) { space_of_.push_back(space); }
    /// True when the actor came from the space.
    [[nodiscard]] bool holds(ActorIndex actor, std::uint32_t space) const
    {
        return actor < space_of_.size() && space_of_[actor] == space;
    }

private:
    std::vector<std::string> names_;
    std::unordered_map<std::string, std::uint32_t> numbers_;
    std::unordered_set<std::string> shared_;
    std::vector<std::uint32_t> space_of_;
};

/// What a relationship file is read with beside its text.
struct RelationshipContext {
    std::string nodes_name;                 ///< named in messages about unknown endpoints ("nodes.csv")
    const ReadOptions* options = nullptr;   ///< group type, type map, typed cells; none keeps types as written
    const IdSpaces* spaces = nullptr;       ///< resolves `:START_ID(Person)`; none looks ids up directly
    std::function<void(Diagnostic&&)> warn;  ///< gets each skipped relationship; none: the graph's warnings
};

/// Adds the relationships in `text` to the graph, whose actors are already read; a relationship with an
/// unknown endpoint becomes a warning naming `nodes_name`. Throws Error naming the file and line.
/// A text of limits.parallel_csv_bytes or more is read in two halves on two threads, with the same result.
void read_relationships(Graph& graph, std::string_view text, const FileName& file, const std::string& nodes_name,
                        const InputLimits& limits, const csv::Release& release);

/// Adds the relationships of the records left in the parser (its header, or the group's, already read into
/// `table`); the two-halves reading of read_relationships.
void read_relationship_records(Graph& graph, csv::CsvParser& parser, const Table& table, const FileName& file,
                               const InputLimits& limits, const RelationshipContext& context);

/// The table of a relationship header; throws Error unless it has one :START_ID and one :END_ID column.
[[nodiscard]] Table relationship_table(const csv::Record& header, const FileName& file);

}  // namespace actorgraph::neo4j
