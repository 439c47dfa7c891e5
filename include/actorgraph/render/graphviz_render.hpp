#pragma once
// Runs Graphviz: lays out DOT text with an engine and renders it to svg, png, pdf, dot or xdot.
#include <atomic>
#include <chrono>
#include <string>
#include <string_view>

#include "actorgraph/render/scene.hpp"

namespace actorgraph {

/// Limits of a layout run in a child process.
struct RenderControl {
    std::chrono::milliseconds budget{std::chrono::minutes(2)};  ///< the child is killed after this
    const std::atomic<bool>* cancelled = nullptr;               ///< set to true to stop the run at once
};

/// Lays out and renders in this process; throws Error carrying Graphviz's message on failure.
[[nodiscard]] std::string render_dot_text(std::string_view dot_text, LayoutEngine engine, OutputFormat format);

/// Lays out and renders with Graphviz's `dot` program in a child process, so a crash, a hang or a
/// cancel never touches the caller; throws Error on failure, when the budget runs out, or when cancelled.
[[nodiscard]] std::string render_dot_text_isolated(std::string_view dot_text, LayoutEngine engine,
                                                   OutputFormat format, const RenderControl& control);

/// The picture of a scene in a format (styled_dot, then Graphviz in this process).
[[nodiscard]] std::string render_scene(const Graph& graph, const Scene& scene, OutputFormat format,
                                       const Stylesheet& style = Stylesheet::builtin());

}  // namespace actorgraph
