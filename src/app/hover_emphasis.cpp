#include "actorgraph/app/hover_emphasis.hpp"

namespace actorgraph {

namespace {

std::vector<const Element*> drawn_relations_of(const Graph& graph, const Drawing& drawing, const DrawingIndex& index, ActorIndex actor)
{
    std::vector<const Element*> relations;
    auto degree = graph.out_relations(actor).size() + graph.in_relations(actor).size();
    if (degree <= index.size()) {
        for (auto list : {graph.out_relations(actor), graph.in_relations(actor)}) {
            for (auto relation : list) {
                if (const auto* element = find_relation(drawing, index, relation)) relations.push_back(element);
            }
        }
        return relations;
    }
    for (const auto& element : drawing.elements) {
        if (element.kind != ElementKind::relation || element.index >= graph.relation_count()) continue;
        const auto& relation = graph.relation(element.index);
        if (relation.source == actor || relation.target == actor) relations.push_back(&element);
    }
    return relations;
}

}  // namespace

HoverEmphasis hover_emphasis(const Graph& graph, const Drawing& drawing, const DrawingIndex& index, ElementKind kind,
                             std::uint32_t hovered)
{
    HoverEmphasis emphasis;
    if (kind == ElementKind::relation) {
        emphasis.element = find_relation(drawing, index, hovered);
        return emphasis;
    }
    if (kind != ElementKind::actor || hovered >= graph.actor_count()) return emphasis;
    emphasis.element = find_actor(drawing, index, hovered);
    if (emphasis.element) emphasis.relations = drawn_relations_of(graph, drawing, index, hovered);
    return emphasis;
}

}  // namespace actorgraph
