#pragma once
// A laid-out picture as plain drawing data (from Graphviz's xdot operations), with hit-testing.
// The GUI draws it in one thin pass; nothing here knows about ImGui.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "actorgraph/model/graph.hpp"

namespace actorgraph {

struct Point {
    float x = 0;
    float y = 0;
};

struct Rect {
    Point min;
    Point max;
    [[nodiscard]] bool contains(Point p) const { return p.x >= min.x && p.x <= max.x && p.y >= min.y && p.y <= max.y; }
    [[nodiscard]] float width() const { return max.x - min.x; }
    [[nodiscard]] float height() const { return max.y - min.y; }
};

struct Rgba {
    std::uint8_t r = 0, g = 0, b = 0, a = 255;
    friend bool operator==(const Rgba&, const Rgba&) = default;
};

/// Parses "#rrggbb", "#rrggbbaa" or a common colour name; black for anything else.
[[nodiscard]] Rgba parse_color(std::string_view text);
/// True when parse_color reads the text as itself rather than falling back to black.
[[nodiscard]] bool is_known_color(std::string_view text);
/// The colour names parse_color knows.
[[nodiscard]] std::vector<std::string> color_names();

enum class LineStyle { solid, dashed, dotted, invisible };

/// One drawing operation in picture coordinates (points, y growing downwards).
struct Shape {
    enum class Kind { polygon, polyline, bezier, ellipse, text };
    Kind kind = Kind::polygon;
    bool filled = false;
    std::vector<Point> points;  ///< ellipse: {centre, radii}; bezier: 3n+1 control points; text: {anchor}
    Rgba pen;
    Rgba fill;
    float pen_width = 1;
    LineStyle line = LineStyle::solid;
    bool bold = false;
    std::string text;       ///< text shapes: the string (UTF-8)
    float font_size = 14;   ///< text shapes: size in points
    int align = 0;          ///< text shapes: -1 left, 0 centre, 1 right of the anchor
    float text_width = 0;   ///< text shapes: Graphviz's estimate of the width
};

/// What a group of shapes stands for.
enum class ElementKind { graph, actor, relation };

struct Element {
    ElementKind kind = ElementKind::graph;
    std::uint32_t index = 0;  ///< actor or relation index in the model
    std::vector<Shape> shapes;
    Rect bounds;
    Point centre{};  ///< actors: the node's centre (Graphviz's pos), in picture coordinates
};

/// A whole laid-out picture.
struct Drawing {
    Rect bounds;                    ///< the picture's extent
    /// Graphviz's y of the picture's top edge: picture y = layout_top - Graphviz y (x is the same in both).
    /// A layout with fixed places keeps Graphviz's coordinates (they need not start at 0).
    float layout_top = 0;
    std::vector<Element> elements;  ///< graph decorations first, then relations, then actors

    /// The topmost actor under the point, else the nearest relation within `tolerance`.
    [[nodiscard]] const Element* hit_test(Point point, float tolerance) const;
    /// The element drawing an actor, or nullptr when it is not in the picture.
    [[nodiscard]] const Element* find_actor(ActorIndex actor) const;
    /// The element drawing a relation, or nullptr.
    [[nodiscard]] const Element* find_relation(RelationIndex relation) const;
};

/// Builds drawing data from Graphviz xdot output of a styled scene; throws Error when it is not xdot.
[[nodiscard]] Drawing drawing_from_xdot(std::string_view xdot_text);

}  // namespace actorgraph
