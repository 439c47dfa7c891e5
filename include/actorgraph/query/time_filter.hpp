#pragma once
// Time in queries: what held in a given year ("as of"), and paths whose hops follow each other in
// time (time-respecting paths, as temporal network analysis defines them).
#include <optional>

#include "actorgraph/query/paths.hpp"

namespace actorgraph {

/// Whether a relation held in the year: a dated event (`year`) when it happened that year or
/// before; a span when `since` <= year <= `until` (open ends allowed); nullopt when undated.
[[nodiscard]] std::optional<bool> held_in(const Properties& properties, int year);

/// The fewest-hop path from one actor to another whose hops never go back in time: each hop
/// happens in its relation's years (`year`, or `since`..`until`) and no earlier than the hop
/// before it. Undated relations are walked without moving the clock unless `dated_only` (then
/// they are not walked). Among the paths with fewest hops it arrives earliest. nullopt when none.
[[nodiscard]] std::optional<Path> time_respecting_path(const QueryIndex& index, ActorIndex from, ActorIndex to,
                                                       bool dated_only);

}  // namespace actorgraph
