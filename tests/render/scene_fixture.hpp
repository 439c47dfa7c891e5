#pragma once
// A scene that shows a whole graph, shared by the render tests.
#include "actorgraph/render/scene.hpp"

namespace actorgraph::testing {

/// Every actor and relation of the graph, laid out by the engine.
[[nodiscard]] inline Scene whole_scene(const Graph& graph, LayoutEngine engine = LayoutEngine::dot)
{
    Scene scene;
    scene.visible = Selection::everything(graph);
    scene.engine = engine;
    return scene;
}

}  // namespace actorgraph::testing
