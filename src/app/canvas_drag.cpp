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

// The picture is Graphviz's flipped around its top edge (render/drawing.cpp), and Graphviz puts its
// bounding box's bottom at 0, so flipping back needs only the picture's height.
Point layout_point(const Drawing& drawing, Point picture) { return {picture.x, drawing.bounds.max.y - picture.y}; }

void CanvasDrag::begin(const Explorer& explorer, Point picture, bool shift, bool alt)
{
    start_ = picture;
    actor_ = (shift || alt) ? actor_at(explorer, picture) : std::nullopt;
    kind_ = !actor_ ? Kind::pan : shift ? Kind::link : Kind::move;
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
        auto at = layout_point(*explorer.drawing(), picture);
        auto id = explorer.graph()->actor(*from).id;
        auto problems = explorer.apply_edit(PinActor{id, at.x, at.y});
        for (const auto& problem : problems) explorer.error(problem.to_string());
        outcome.moved = problems.empty();
    }
    return outcome;
}

}  // namespace actorgraph
