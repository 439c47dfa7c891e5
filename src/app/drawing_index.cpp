#include "actorgraph/app/drawing_index.hpp"

#include <algorithm>
#include <limits>

namespace actorgraph {

namespace {

std::optional<std::uint32_t> position_of(const std::vector<std::pair<std::uint32_t, std::uint32_t>>& entries,
                                         std::uint32_t index)
{
    auto it = std::lower_bound(entries.begin(), entries.end(), std::pair{index, std::uint32_t{0}});
    if (it == entries.end() || it->first != index) return std::nullopt;
    return it->second;
}

float extent_of(const Shape& shape)
{
    if (shape.points.empty()) return 0;
    if (shape.kind == Shape::Kind::ellipse) return 2 * std::max(shape.points[1].x, shape.points[1].y);
    auto [xs, xl] = std::minmax_element(shape.points.begin(), shape.points.end(), [](Point a, Point b) { return a.x < b.x; });
    auto [ys, yl] = std::minmax_element(shape.points.begin(), shape.points.end(), [](Point a, Point b) { return a.y < b.y; });
    return std::max(xl->x - xs->x, yl->y - ys->y);
}

}  // namespace

PackedShape packed(const Shape& shape, std::vector<Point>& points)
{
    PackedShape result;
    result.kind = shape.kind;
    result.line = shape.line;
    result.filled = shape.filled;
    result.bold = shape.bold;
    result.pen = shape.pen;
    result.fill = shape.fill;
    result.pen_width = shape.pen_width;
    result.font_size = shape.font_size;
    result.extent = extent_of(shape);
    result.first_point = static_cast<std::uint32_t>(points.size());
    result.point_count = static_cast<std::uint32_t>(shape.points.size());
    points.insert(points.end(), shape.points.begin(), shape.points.end());
    return result;
}

DrawingIndex::DrawingIndex(const Drawing& drawing)
{
    constexpr float big = std::numeric_limits<float>::max();
    bounds_.reserve(drawing.elements.size());
    for (std::uint32_t position = 0; position < drawing.elements.size(); ++position) {
        const auto& element = drawing.elements[position];
        bounds_.push_back(element.shapes.empty() ? Rect{{big, big}, {-big, -big}} : element.bounds);
        drawable_ += element.shapes.empty() ? 0 : 1;
        if (element.kind == ElementKind::actor) actors_.emplace_back(element.index, position);
        if (element.kind == ElementKind::relation) relations_.emplace_back(element.index, position);
        for (std::uint32_t i = 0; i < element.shapes.size(); ++i) {
            auto shape = packed(element.shapes[i], points_);
            shape.element = position;
            shape.shape = i;
            shapes_.push_back(shape);
        }
        first_shape_.push_back(static_cast<std::uint32_t>(shapes_.size()));
    }
    std::sort(actors_.begin(), actors_.end());
    std::sort(relations_.begin(), relations_.end());
    for (const auto& entry : actors_) {
        if (!drawing.elements[entry.second].shapes.empty()) label_order_.push_back(entry.second);
    }
    // Sized actors get a larger font and a taller shape with their importance; a long name only
    // widens the shape, so the width says nothing.
    auto importance = [&](std::uint32_t position) {
        float font = 0;
        for (const auto& shape : drawing.elements[position].shapes) {
            if (shape.kind == Shape::Kind::text) font = std::max(font, shape.font_size);
        }
        return std::pair{font, bounds_[position].height()};
    };
    std::sort(label_order_.begin(), label_order_.end(), [&](std::uint32_t a, std::uint32_t b) {
        auto left = importance(a), right = importance(b);
        return left != right ? left > right : a < b;
    });
}

void DrawingIndex::elements_meeting(const Rect& area, std::vector<std::uint32_t>& out) const
{
    // A flat scan of 16-byte boxes: 50,000 elements take well under a millisecond, and the
    // order stays the drawing's without sorting the hits of a spatial grid.
    auto count = static_cast<std::uint32_t>(bounds_.size());
    for (std::uint32_t position = 0; position < count; ++position) {
        const auto& box = bounds_[position];
        bool meets = box.max.x >= area.min.x && box.min.x <= area.max.x && box.max.y >= area.min.y && box.min.y <= area.max.y;
        if (meets) out.push_back(position);
    }
}

std::optional<std::uint32_t> DrawingIndex::actor_element(ActorIndex actor) const { return position_of(actors_, actor); }

std::optional<std::uint32_t> DrawingIndex::relation_element(RelationIndex relation) const
{
    return position_of(relations_, relation);
}

const Element* find_actor(const Drawing& drawing, const DrawingIndex& index, ActorIndex actor)
{
    auto position = index.actor_element(actor);
    return position && *position < drawing.elements.size() ? &drawing.elements[*position] : nullptr;
}

const Element* find_relation(const Drawing& drawing, const DrawingIndex& index, RelationIndex relation)
{
    auto position = index.relation_element(relation);
    return position && *position < drawing.elements.size() ? &drawing.elements[*position] : nullptr;
}

}  // namespace actorgraph
