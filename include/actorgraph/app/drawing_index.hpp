#pragma once
// Lookups over a Drawing, built once when a picture arrives (off the UI thread): which elements
// meet a rectangle, which element draws an actor or a relation, and a packed copy of the shapes.
// A frame of a 10,000-actor picture asks these thousands of times, so they must not scan every
// element, and reading shapes from one array is several times faster than chasing each Shape's
// own heap blocks.
#include <cstdint>
#include <optional>
#include <span>
#include <utility>
#include <vector>

#include "actorgraph/render/drawing.hpp"

namespace actorgraph {

/// One shape of a drawing with its size worked out, its points in DrawingIndex::points().
struct PackedShape {
    Shape::Kind kind = Shape::Kind::polygon;
    LineStyle line = LineStyle::solid;
    bool filled = false;
    bool bold = false;
    Rgba pen;
    Rgba fill;
    float pen_width = 1;
    float font_size = 14;
    float extent = 0;               ///< the larger side of its box, in picture units
    std::uint32_t first_point = 0;
    std::uint32_t point_count = 0;
    std::uint32_t element = 0;      ///< where the Shape itself lives: drawing.elements[element].shapes[shape]
    std::uint32_t shape = 0;
};

class DrawingIndex {
public:
    DrawingIndex() = default;
    /// Indexes the drawing's elements by position; the drawing may move but must not change.
    explicit DrawingIndex(const Drawing& drawing);

    /// Appends to `out` the positions (in drawing.elements) of non-empty elements whose bounds meet
    /// the rectangle, in drawing order so later elements still paint over earlier ones.
    void elements_meeting(const Rect& area, std::vector<std::uint32_t>& out) const;
    /// The position of the element drawing an actor, or nullopt when it is not drawn.
    [[nodiscard]] std::optional<std::uint32_t> actor_element(ActorIndex actor) const;
    /// The position of the element drawing a relation, or nullopt.
    [[nodiscard]] std::optional<std::uint32_t> relation_element(RelationIndex relation) const;
    /// How many elements the drawing holds.
    [[nodiscard]] std::size_t size() const noexcept { return bounds_.size(); }
    /// How many of them draw something.
    [[nodiscard]] std::size_t drawable_count() const noexcept { return drawable_; }
    /// The packed shapes of the element at a position, in drawing order.
    [[nodiscard]] std::span<const PackedShape> shapes_of(std::uint32_t position) const
    {
        return {shapes_.data() + first_shape_[position], first_shape_[position + 1] - first_shape_[position]};
    }
    /// The points of all packed shapes.
    [[nodiscard]] const std::vector<Point>& points() const noexcept { return points_; }
    /// The positions of the actor elements, those drawn with the largest name and tallest shape first
    /// (ties: drawing order). Actors are sized by importance (degree unless the view says otherwise),
    /// so this is the order in which names are worth showing when not all of them fit.
    [[nodiscard]] const std::vector<std::uint32_t>& label_order() const noexcept { return label_order_; }

private:
    using Entry = std::pair<std::uint32_t, std::uint32_t>;  ///< model index, element position

    std::vector<Rect> bounds_;       ///< per element; empty elements get an inverted box that meets nothing
    std::vector<Entry> actors_;      ///< sorted by model index
    std::vector<Entry> relations_;   ///< sorted by model index
    std::size_t drawable_ = 0;
    std::vector<PackedShape> shapes_;
    std::vector<std::uint32_t> first_shape_{0};  ///< per element, then one past the last
    std::vector<Point> points_;
    std::vector<std::uint32_t> label_order_;
};

/// The packed form of a shape; `points` receives its points.
[[nodiscard]] PackedShape packed(const Shape& shape, std::vector<Point>& points);

/// The element drawing an actor, or nullptr (the index must belong to the drawing).
[[nodiscard]] const Element* find_actor(const Drawing& drawing, const DrawingIndex& index, ActorIndex actor);
/// The element drawing a relation, or nullptr.
[[nodiscard]] const Element* find_relation(const Drawing& drawing, const DrawingIndex& index, RelationIndex relation);

}  // namespace actorgraph
