#pragma once
// The map does not jump: after an edit the explorer draws the new scene with every actor it drew before
// at the same place (remembered by id), places new actors next to their drawn neighbours, clear of the
// others, and lets Graphviz's nop engine route the edges only. A full layout happens only when asked
// (Re-layout) or when the engine or the view's filters change.
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "actorgraph/model/graph.hpp"
#include "actorgraph/render/drawing.hpp"
#include "actorgraph/render/scene.hpp"

namespace actorgraph {

/// Where an actor stands, in Graphviz coordinates (points, y up), and half its drawn size with its name.
struct ActorPlace {
    Point centre;
    Point half_size;
    bool alone = false;  ///< placed beside the map for want of neighbours: moves next to the first ones it gets
};

/// Places by actor id: what the next picture keeps.
using ActorPlaces = std::unordered_map<std::string, ActorPlace>;

/// The places of the actors a drawing of the graph shows.
[[nodiscard]] ActorPlaces places_of(const Drawing& drawing, const Graph& graph);

/// One actor of a scene and where it goes.
struct PlacedActor {
    ActorIndex actor = 0;
    Point centre;   ///< Graphviz coordinates
    bool kept = false;  ///< it had a place (or a pin) before; false: newly placed
    bool alone = false; ///< newly placed beside the map: it has no placed neighbour
};

/// A place for every actor of the scene: a remembered one stays; an actor without one that is pinned
/// (pinned=true, x, y) stands at its pin; any other goes to the free spot nearest the centre of its
/// placed neighbours (beside the picture when it has none; it moves next to its neighbours once it has
/// some, see ActorPlace::alone). Nullopt when the scene cannot keep its map:
/// none of its actors has a place, or more than half of them (over 200 in all) would be new.
[[nodiscard]] std::optional<std::vector<PlacedActor>> stable_places(const Graph& graph, const Scene& scene,
                                                                   const ActorPlaces& remembered);

/// Styled DOT (styled_dot of the same scene) with every actor fixed at its place, for the nop engine.
[[nodiscard]] std::string with_fixed_places(std::string dot, const std::vector<PlacedActor>& places);

}  // namespace actorgraph
