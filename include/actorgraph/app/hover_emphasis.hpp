#pragma once
// What lights up under the pointer: a relation alone; an actor with its drawn relations, so its
// neighbourhood reads at a glance. The GUI outlines what this returns and decides nothing itself.
#include <vector>

#include "actorgraph/app/drawing_index.hpp"
#include "actorgraph/model/graph.hpp"

namespace actorgraph {

struct HoverEmphasis {
    const Element* element = nullptr;         ///< the hovered element, nullptr when it is not drawn
    std::vector<const Element*> relations;    ///< for an actor: its relations in the picture
};

/// The emphasis of the element drawing `index` of `kind`. An actor's relations are found through its
/// own lists when they are shorter than the picture, else through the picture, so hovering a hub with
/// 100,000 relations costs no more than the picture has elements.
[[nodiscard]] HoverEmphasis hover_emphasis(const Graph& graph, const Drawing& drawing, const DrawingIndex& index,
                                           ElementKind kind, std::uint32_t hovered);

}  // namespace actorgraph
