#pragma once
// Level of detail for actor names. Zoomed out, a name drawn at its own size is a few pixels high:
// a smear. Instead the most important actors (pinned ones, then the largest: actors are sized by
// degree) are named at a readable size, each only where it overlaps no name placed before it, so
// the hubs keep their names at any zoom and the rest appear as the user zooms in.
#include <span>

#include "actorgraph/app/canvas_frame.hpp"

namespace actorgraph {

/// The size far-away actors are named at.
inline constexpr float far_label_pixels = 12.0f;
/// Names drawn over the picture sit on this plate, so lines running under them do not cross the letters.
inline constexpr Rgba far_label_plate{255, 255, 255, 215};

/// Highlighted actors (an analysis's findings, a path, a query's answer): a name placed over a small
/// highlighted actor covers its highlighted border, so its plate is framed in the highlight colour instead.
struct LabelEmphasis {
    std::span<const ActorIndex> actors;  ///< sorted
    Rgba colour{};
};

/// Adds names for on-screen actors whose own name is smaller than readable_label_pixels: first the
/// pinned actors (a selection, a path, a focus), then in index.label_order(); a name that would
/// overlap one placed before it (or a name drawn at its own size) is left out. Call after
/// add_visible_picture so the names lie on top.
void add_actor_labels(const Drawing& drawing, const DrawingIndex& index, const Camera& camera,
                      std::span<const ActorIndex> pinned, CanvasFrame& frame, const LabelEmphasis& emphasis = {});

}  // namespace actorgraph
