#include "actorgraph/app/canvas_drag.hpp"

namespace actorgraph {

namespace {

constexpr float hit_tolerance_pixels = 4;

}  // namespace

std::optional<ActorIndex> actor_at(const Explorer& explorer, Point picture)
{
    const auto* drawing = explorer.drawing();
    if (!drawing) return std::nullopt;
    const auto* element = drawing->hit_test(picture, hit_tolerance_pixels / explorer.camera().zoom());
    if (!element || element->kind != ElementKind::actor) return std::nullopt;
    if (!explorer.graph() || element->index >= explorer.graph()->actor_count()) return std::nullopt;
    return element->index;
}

// The picture is Graphviz's flipped around its top edge (render/drawing.cpp); a layout with fixed places
// keeps Graphviz's own coordinates, whose bottom need not be 0, so the flip uses the top Graphviz gave.
Point layout_point(const Drawing& drawing, Point picture) { return {picture.x, drawing.layout_top - picture.y}; }

std::optional<Point> new_actor_place(const Explorer& explorer, Point picture)
{
    if (!explorer.drawing() || !explorer.graph() || actor_at(explorer, picture)) return std::nullopt;
    return layout_point(*explorer.drawing(), picture);
}

void CanvasDrag::begin(const Explorer& explorer, Point picture, bool shift, bool alt)
{
    start_ = picture;
    actor_ = (shift || alt) ? actor_at(explorer, picture) : std::nullopt;
    kind_ = !actor_ ? Kind::pan : shift ? Kind::link : Kind::move;
    grab_offset_ = {};
    if (kind_ != Kind::move) return;
    if (const auto* element = explorer.drawing()->find_actor(*actor_)) {
        grab_offset_ = {element->centre.x - picture.x, element->centre.y - picture.y};
    }
}

CanvasDrag::Outcome CanvasDrag::end(Explorer& explorer, Point picture)
{
    Outcome outcome;
    auto kind = std::exchange(kind_, Kind::none);
    auto from = std::exchange(actor_, std::nullopt);
    if (!from || !explorer.graph() || *from >= explorer.graph()->actor_count()) return outcome;
    if (kind == Kind::link) {
        if (auto to = actor_at(explorer, picture); to && *to != *from) outcome.link = std::pair{*from, *to};
        return outcome;
    }
    if (kind == Kind::move && explorer.drawing()) {
        auto at = layout_point(*explorer.drawing(), {picture.x + grab_offset_.x, picture.y + grab_offset_.y});
        auto id = explorer.graph()->actor(*from).id;
        auto problems = explorer.apply_edit(PinActor{id, at.x, at.y});
        for (const auto& problem : problems) explorer.error(problem.to_string());
        outcome.moved = problems.empty();
    }
    return outcome;
}

}  // namespace actorgraph
