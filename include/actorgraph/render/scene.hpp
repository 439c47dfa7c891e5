#pragma once
// What a picture shows: the visible part of a graph, what is highlighted, and how it is laid out.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "actorgraph/query/selection.hpp"
#include "actorgraph/render/stylesheet.hpp"

namespace actorgraph {

/// The Graphviz layout programs. `nop` (neato -n) lays out nothing: every node keeps the pos it is given
/// (in points, with notranslate=true) and only the edges are routed; the explorer uses it after an edit
/// so the map does not move. It is not offered as a choice.
enum class LayoutEngine { dot, neato, fdp, sfdp, circo, twopi, nop };

/// Every engine a user may choose, in menu order.
inline constexpr LayoutEngine all_layout_engines[] = {LayoutEngine::dot, LayoutEngine::neato, LayoutEngine::fdp,
                                                      LayoutEngine::sfdp, LayoutEngine::circo, LayoutEngine::twopi};
/// The engine's Graphviz name.
[[nodiscard]] const char* layout_engine_name(LayoutEngine engine);
/// Parses the name of an engine a user may choose; throws Error listing them otherwise.
[[nodiscard]] LayoutEngine parse_layout_engine(std::string_view name);

/// The engine for a view when the user has not chosen one, for legibility and speed: fdp up to
/// 500 actors and 2,500 relations, sfdp beyond (measured in bench/first_view_bench).
[[nodiscard]] LayoutEngine choose_layout_engine(std::size_t actors, std::size_t relations);

/// Graphviz output formats.
enum class OutputFormat { svg, png, pdf, dot, xdot };
/// The Graphviz -T name of the format.
[[nodiscard]] const char* output_format_name(OutputFormat format);
/// Parses "svg", "png", "pdf", "dot" or "xdot"; throws Error otherwise.
[[nodiscard]] OutputFormat parse_output_format(std::string_view name);

/// One entry of a colouring's key: a fill colour and what it stands for.
struct LegendSwatch {
    std::string colour;  ///< "#rrggbb"
    std::string text;    ///< "23 actors, e.g. Mongolia"
};

/// Actors filled by a colour other than their kind's (e.g. their community), with the key to it.
struct ActorColouring {
    static constexpr std::uint16_t kind_fill = UINT16_MAX;
    std::vector<std::uint16_t> swatch_of;  ///< per actor: an index into swatches, or kind_fill (also past the end)
    std::vector<LegendSwatch> swatches;
    std::string heading;                   ///< the key's first line: "Communities (louvain, resolution 1), modularity 0.41"

    /// The fill of an actor, or nullptr for its kind's.
    [[nodiscard]] const std::string* fill_of(ActorIndex actor) const
    {
        if (actor >= swatch_of.size() || swatch_of[actor] >= swatches.size()) return nullptr;
        return &swatches[swatch_of[actor]].colour;
    }
};

/// A picture to lay out: which actors and relations, which to highlight, and the look.
struct Scene {
    Selection visible;                ///< drawn actors and relations (relations need both ends visible)
    Selection highlighted;            ///< emphasised, e.g. a path; empty highlights nothing
    bool dim_unhighlighted = true;    ///< with a highlight, grey out everything else
    bool legend = false;              ///< add a legend of kinds and relation types
    std::vector<double> actor_scale;  ///< per actor 0..1 to size nodes by a metric; empty = uniform
    std::optional<ActorColouring> colouring;  ///< fills by something else than kind; the legend then keys it
    LayoutEngine engine = LayoutEngine::dot;
    std::string title;                ///< graph label shown on top; empty = none
};

/// The styled graph as DOT text for Graphviz: labels escaped so they are shown literally,
/// nodes with id "a<index>" and relations with id "r<index>" so drawings map back to the model.
[[nodiscard]] std::string styled_dot(const Graph& graph, const Scene& scene, const Stylesheet& style);

/// Graphviz writes a drawn text back into DOT and xdot without escaping its backslashes, so a text
/// holding a backslash right before a quote (C:\"x) would come out unreadable, to Graphviz and to us.
/// styled_dot puts this invisible WORD JOINER (U+2060) between the two; without_quote_guards takes it
/// out again where the text is shown (the explorer's drawing, SVG).
inline constexpr std::string_view quote_guard = "\u2060";
/// `text` with every backslash + quote_guard + `quote` turned back into backslash + `quote`.
[[nodiscard]] std::string without_quote_guards(std::string text, std::string_view quote = "\"");

/// The actor index behind a drawn node id ("a12" -> 12), or nullopt.
[[nodiscard]] std::optional<ActorIndex> actor_of_element_id(std::string_view id);
/// The relation index behind a drawn edge id ("r7" -> 7), or nullopt.
[[nodiscard]] std::optional<RelationIndex> relation_of_element_id(std::string_view id);

}  // namespace actorgraph
