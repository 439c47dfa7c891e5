#pragma once
// What a drag on the canvas means, decided when it starts from the keys held and what is under the
// pointer: Shift from an actor draws a new relation to the actor where it ends (the window then shows
// the New relation form filled in); Alt on an actor moves it and pins it where it is dropped (one
// PinActor change, journalled and undoable); anything else pans.
#include <optional>
#include <utility>

#include "actorgraph/app/explorer.hpp"

namespace actorgraph {

class CanvasDrag {
public:
    enum class Kind { none, pan, link, move };

    /// Starts a drag at a point of the picture.
    void begin(const Explorer& explorer, Point picture, bool shift, bool alt);
    /// The drag's kind (none when no drag runs).
    [[nodiscard]] Kind kind() const noexcept { return kind_; }
    /// The actor a link or move started on.
    [[nodiscard]] std::optional<ActorIndex> actor() const noexcept { return actor_; }
    /// Where the drag started, in picture points.
    [[nodiscard]] Point start() const noexcept { return start_; }
    /// A move: the moved actor's centre less the point it was grabbed at, so it lands where it is dropped
    /// with the same offset under the pointer (it does not jump to centre itself under it).
    [[nodiscard]] Point grab_offset() const noexcept { return grab_offset_; }

    /// What ending a drag asks for.
    struct Outcome {
        std::optional<std::pair<ActorIndex, ActorIndex>> link;  ///< from and to of a new relation
        bool moved = false;  ///< an actor was pinned where it was dropped
    };
    /// Ends the drag at a picture point: a link needs another actor there (else nothing happens); a
    /// move pins the actor (Explorer::apply_edit). The drag is over afterwards.
    Outcome end(Explorer& explorer, Point picture);
    /// Drops the drag without doing anything (the window lost the mouse, or Escape).
    void cancel() noexcept { kind_ = Kind::none; actor_.reset(); }

private:
    Kind kind_ = Kind::none;
    std::optional<ActorIndex> actor_;
    Point start_{};
    Point grab_offset_{};
};

/// The actor drawn under a picture point, if any.
[[nodiscard]] std::optional<ActorIndex> actor_at(const Explorer& explorer, Point picture);
/// Where a double-click or the context menu's "New actor here" at a picture point asks for a new actor,
/// in Graphviz coordinates: on empty canvas of a picture; nullopt on an actor (or without a picture).
[[nodiscard]] std::optional<Point> new_actor_place(const Explorer& explorer, Point picture);
/// A picture point as Graphviz coordinates (points, y up), what PinActor stores.
[[nodiscard]] Point layout_point(const Drawing& drawing, Point picture);

}  // namespace actorgraph
