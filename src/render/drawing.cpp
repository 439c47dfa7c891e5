#include "actorgraph/render/drawing.hpp"

#include <graphviz/xdot.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <limits>

#include "actorgraph/render/scene.hpp"
#include "graphviz/graphviz_handles.hpp"

namespace actorgraph {

namespace {

struct NamedColor {
    std::string_view name;
    Rgba color;
};

constexpr NamedColor named_colors[] = {
    {"black", {0, 0, 0, 255}},       {"white", {255, 255, 255, 255}}, {"transparent", {255, 255, 255, 0}},
    {"none", {255, 255, 255, 0}},    {"red", {255, 0, 0, 255}},       {"green", {0, 128, 0, 255}},
    {"blue", {0, 0, 255, 255}},      {"gray", {192, 192, 192, 255}},  {"grey", {192, 192, 192, 255}},
    {"lightgrey", {211, 211, 211, 255}}, {"lightgray", {211, 211, 211, 255}}, {"yellow", {255, 255, 0, 255}},
};

struct XdotDeleter {
    void operator()(xdot* ops) const noexcept { if (ops) freeXDot(ops); }
};

// The state xdot operations carry from one to the next (colours, font, style).
struct Pen {
    Rgba pen;
    Rgba fill;
    float width = 1;
    LineStyle line = LineStyle::solid;
    bool bold = false;
    float font_size = 14;
};

class XdotConverter {
public:
    explicit XdotConverter(float top) : top_(top) {}

    void convert(const char* text, std::vector<Shape>& out) const
    {
        if (!text || !*text) return;
        std::string buffer(text);
        std::unique_ptr<xdot, XdotDeleter> ops(parseXDot(buffer.data()));
        if (!ops) return;
        Pen pen;
        for (int i = 0; i < ops->cnt; ++i) apply(ops->ops[i], pen, out);
    }

private:
    Point flip(double x, double y) const { return {static_cast<float>(x), static_cast<float>(top_ - y)}; }

    Shape shaped(Shape::Kind kind, bool filled, const Pen& pen) const
    {
        Shape shape;
        shape.kind = kind;
        shape.filled = filled;
        shape.pen = pen.pen;
        shape.fill = pen.fill;
        shape.pen_width = pen.width;
        shape.line = pen.line;
        shape.bold = pen.bold;
        return shape;
    }

    void add_points(Shape& shape, const xdot_polyline& line) const
    {
        for (int i = 0; i < line.cnt; ++i) shape.points.push_back(flip(line.pts[i].x, line.pts[i].y));
    }

    void apply_style(const char* style, Pen& pen) const
    {
        std::string_view text(style);
        if (text.starts_with("setlinewidth(")) {
            pen.width = static_cast<float>(std::atof(style + 13));
        } else if (text == "dashed") {
            pen.line = LineStyle::dashed;
        } else if (text == "dotted") {
            pen.line = LineStyle::dotted;
        } else if (text == "invis" || text == "invisible") {
            pen.line = LineStyle::invisible;
        } else if (text == "solid") {
            pen.line = LineStyle::solid;
        } else if (text == "bold") {
            pen.bold = true;
        }
    }

    void apply(const xdot_op& op, Pen& pen, std::vector<Shape>& out) const
    {
        switch (op.kind) {
            case xd_filled_ellipse:
            case xd_unfilled_ellipse: {
                auto shape = shaped(Shape::Kind::ellipse, op.kind == xd_filled_ellipse, pen);
                shape.points = {flip(op.u.ellipse.x, op.u.ellipse.y),
                                {static_cast<float>(op.u.ellipse.w), static_cast<float>(op.u.ellipse.h)}};
                out.push_back(std::move(shape));
                break;
            }
            case xd_filled_polygon:
            case xd_unfilled_polygon: {
                auto shape = shaped(Shape::Kind::polygon, op.kind == xd_filled_polygon, pen);
                add_points(shape, op.u.polygon);
                out.push_back(std::move(shape));
                break;
            }
            case xd_filled_bezier:
            case xd_unfilled_bezier: {
                auto shape = shaped(Shape::Kind::bezier, op.kind == xd_filled_bezier, pen);
                add_points(shape, op.u.bezier);
                out.push_back(std::move(shape));
                break;
            }
            case xd_polyline: {
                auto shape = shaped(Shape::Kind::polyline, false, pen);
                add_points(shape, op.u.polyline);
                out.push_back(std::move(shape));
                break;
            }
            case xd_text: {
                auto shape = shaped(Shape::Kind::text, false, pen);
                shape.points = {flip(op.u.text.x, op.u.text.y)};
                shape.text = without_quote_guards(op.u.text.text ? op.u.text.text : "");
                shape.align = op.u.text.align == xd_left ? -1 : op.u.text.align == xd_right ? 1 : 0;
                shape.text_width = static_cast<float>(op.u.text.width);
                shape.font_size = pen.font_size;
                out.push_back(std::move(shape));
                break;
            }
            case xd_fill_color: pen.fill = parse_color(op.u.color ? op.u.color : ""); break;
            case xd_pen_color: pen.pen = parse_color(op.u.color ? op.u.color : ""); break;
            case xd_font: pen.font_size = static_cast<float>(op.u.font.size); break;
            case xd_style: apply_style(op.u.style ? op.u.style : "", pen); break;
            default: break;
        }
    }

    float top_;
};

void grow(Rect& bounds, Point p)
{
    bounds.min.x = std::min(bounds.min.x, p.x);
    bounds.min.y = std::min(bounds.min.y, p.y);
    bounds.max.x = std::max(bounds.max.x, p.x);
    bounds.max.y = std::max(bounds.max.y, p.y);
}

Rect bounds_of(const std::vector<Shape>& shapes)
{
    constexpr float big = std::numeric_limits<float>::max();
    Rect bounds{{big, big}, {-big, -big}};
    for (const auto& shape : shapes) {
        if (shape.kind == Shape::Kind::ellipse) {
            auto c = shape.points[0];
            auto r = shape.points[1];
            grow(bounds, {c.x - r.x, c.y - r.y});
            grow(bounds, {c.x + r.x, c.y + r.y});
        } else if (shape.kind == Shape::Kind::text) {
            auto anchor = shape.points[0];
            float left = anchor.x - (shape.align == 0 ? shape.text_width / 2 : shape.align > 0 ? shape.text_width : 0);
            grow(bounds, {left, anchor.y - shape.font_size});
            grow(bounds, {left + shape.text_width, anchor.y + shape.font_size * 0.3f});
        } else {
            for (auto p : shape.points) grow(bounds, p);
        }
    }
    return bounds;
}

// Graphviz's "llx,lly,urx,ury" in y-up coordinates, as it is written.
Rect parse_bounding_box(const char* text)
{
    double llx = 0, lly = 0, urx = 0, ury = 0;
    if (!text || std::sscanf(text, "%lf,%lf,%lf,%lf", &llx, &lly, &urx, &ury) != 4) return {};
    return {{static_cast<float>(llx), static_cast<float>(lly)}, {static_cast<float>(urx), static_cast<float>(ury)}};
}

const char* attribute(void* object, const char* name)
{
    const char* value = agget(object, const_cast<char*>(name));
    return value && *value ? value : nullptr;
}

Element element_of(void* object, ElementKind kind, std::uint32_t index, const XdotConverter& converter,
                   std::initializer_list<const char*> attributes)
{
    Element element;
    element.kind = kind;
    element.index = index;
    for (const char* name : attributes) converter.convert(attribute(object, name), element.shapes);
    element.bounds = bounds_of(element.shapes);
    element.centre = element.bounds.width() >= 0 ? Point{(element.bounds.min.x + element.bounds.max.x) / 2,
                                                         (element.bounds.min.y + element.bounds.max.y) / 2}
                                                  : Point{};
    return element;
}

// A node's centre from its pos attribute ("x,y" in points, y up), flipped like its shapes.
std::optional<Point> node_centre(void* node, float top)
{
    double x = 0, y = 0;
    const char* pos = attribute(node, "pos");
    if (!pos || std::sscanf(pos, "%lf,%lf", &x, &y) != 2 || !std::isfinite(x) || !std::isfinite(y)) return std::nullopt;
    return Point{static_cast<float>(x), static_cast<float>(top - y)};
}

bool inside_polygon(const std::vector<Point>& polygon, Point p)
{
    bool inside = false;
    for (std::size_t i = 0, j = polygon.size() - 1; i < polygon.size(); j = i++) {
        const auto& a = polygon[i];
        const auto& b = polygon[j];
        if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x) inside = !inside;
    }
    return inside;
}

bool covers(const Shape& shape, Point p)
{
    if (shape.kind == Shape::Kind::ellipse) {
        auto c = shape.points[0];
        auto r = shape.points[1];
        if (r.x <= 0 || r.y <= 0) return false;
        float dx = (p.x - c.x) / r.x;
        float dy = (p.y - c.y) / r.y;
        return dx * dx + dy * dy <= 1.0f;
    }
    // A filled bezier outlines a rounded shape; its control polygon hugs the curve closely enough.
    bool area = shape.kind == Shape::Kind::polygon || (shape.kind == Shape::Kind::bezier && shape.filled);
    return area && shape.points.size() >= 3 && inside_polygon(shape.points, p);
}

float segment_distance(Point a, Point b, Point p)
{
    float dx = b.x - a.x, dy = b.y - a.y;
    float length = dx * dx + dy * dy;
    float t = length > 0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / length, 0.0f, 1.0f) : 0.0f;
    float x = a.x + t * dx - p.x, y = a.y + t * dy - p.y;
    return std::sqrt(x * x + y * y);
}

Point bezier_point(const Point* c, float t)
{
    float u = 1 - t;
    float a = u * u * u, b = 3 * u * u * t, d = 3 * u * t * t, e = t * t * t;
    return {a * c[0].x + b * c[1].x + d * c[2].x + e * c[3].x, a * c[0].y + b * c[1].y + d * c[2].y + e * c[3].y};
}

float distance_to(const Shape& shape, Point p)
{
    float best = std::numeric_limits<float>::max();
    if (covers(shape, p)) return 0;
    if (shape.kind == Shape::Kind::bezier) {
        for (std::size_t i = 0; i + 3 < shape.points.size(); i += 3) {
            Point previous = shape.points[i];
            for (int step = 1; step <= 16; ++step) {
                auto next = bezier_point(&shape.points[i], static_cast<float>(step) / 16.0f);
                best = std::min(best, segment_distance(previous, next, p));
                previous = next;
            }
        }
    } else if (shape.kind == Shape::Kind::polyline || shape.kind == Shape::Kind::polygon) {
        for (std::size_t i = 0; i + 1 < shape.points.size(); ++i) {
            best = std::min(best, segment_distance(shape.points[i], shape.points[i + 1], p));
        }
    }
    return best;
}

}  // namespace

Rgba parse_color(std::string_view text)
{
    if (text.starts_with("#") && (text.size() == 7 || text.size() == 9)) {
        auto hex = [&](std::size_t at) {
            unsigned value = 0;
            std::sscanf(std::string(text.substr(at, 2)).c_str(), "%x", &value);
            return static_cast<std::uint8_t>(value);
        };
        return {hex(1), hex(3), hex(5), text.size() == 9 ? hex(7) : std::uint8_t{255}};
    }
    auto name = fold_case(text);
    for (const auto& named : named_colors) {
        if (named.name == name) return named.color;
    }
    return {};
}

bool is_known_color(std::string_view text)
{
    if (text.starts_with("#") && (text.size() == 7 || text.size() == 9)) {
        return std::all_of(text.begin() + 1, text.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; });
    }
    auto name = fold_case(text);
    return std::any_of(std::begin(named_colors), std::end(named_colors), [&](const NamedColor& named) { return named.name == name; });
}

std::vector<std::string> color_names()
{
    std::vector<std::string> names;
    for (const auto& named : named_colors) names.emplace_back(named.name);
    return names;
}

const Element* Drawing::hit_test(Point point, float tolerance) const
{
    for (auto it = elements.rbegin(); it != elements.rend(); ++it) {
        if (it->kind != ElementKind::actor || !it->bounds.contains(point)) continue;
        for (const auto& shape : it->shapes) {
            if (covers(shape, point)) return &*it;
        }
    }
    const Element* nearest = nullptr;
    float best = tolerance;
    for (const auto& element : elements) {
        if (element.kind != ElementKind::relation) continue;
        auto box = element.bounds;
        if (point.x < box.min.x - tolerance || point.x > box.max.x + tolerance || point.y < box.min.y - tolerance ||
            point.y > box.max.y + tolerance) continue;
        for (const auto& shape : element.shapes) {
            if (shape.kind == Shape::Kind::text) continue;
            float distance = distance_to(shape, point);
            if (distance <= best) {
                best = distance;
                nearest = &element;
            }
        }
    }
    return nearest;
}

const Element* Drawing::find_actor(ActorIndex actor) const
{
    for (const auto& element : elements) {
        if (element.kind == ElementKind::actor && element.index == actor) return &element;
    }
    return nullptr;
}

const Element* Drawing::find_relation(RelationIndex relation) const
{
    for (const auto& element : elements) {
        if (element.kind == ElementKind::relation && element.index == relation) return &element;
    }
    return nullptr;
}

Drawing drawing_from_xdot(std::string_view xdot_text)
{
    std::string buffer(xdot_text);
    auto lock = graphviz::library_lock();
    graphviz::MessageCapture capture;
    graphviz::GraphHandle graph(agmemread(buffer.c_str()));
    if (!graph) throw Error("cannot read Graphviz xdot output: " + capture.messages());
    Drawing drawing;
    auto box = parse_bounding_box(attribute(graph.get(), "bb"));
    // Flipping around the top edge puts the picture's top at y = 0, whatever Graphviz's lly is.
    XdotConverter converter(box.max.y);
    drawing.bounds = {{box.min.x, 0.0f}, {box.max.x, box.max.y - box.min.y}};
    drawing.layout_top = box.max.y;
    drawing.elements.push_back(element_of(graph.get(), ElementKind::graph, 0, converter, {"_draw_", "_ldraw_"}));
    std::vector<Element> actors;
    for (Agnode_t* node = agfstnode(graph.get()); node; node = agnxtnode(graph.get(), node)) {
        auto actor = actor_of_element_id(attribute(node, "id") ? attribute(node, "id") : "");
        if (!actor) continue;
        actors.push_back(element_of(node, ElementKind::actor, *actor, converter, {"_draw_", "_ldraw_"}));
        if (auto centre = node_centre(node, box.max.y)) actors.back().centre = *centre;
        for (Agedge_t* edge = agfstout(graph.get(), node); edge; edge = agnxtout(graph.get(), edge)) {
            auto relation = relation_of_element_id(attribute(edge, "id") ? attribute(edge, "id") : "");
            if (!relation) continue;
            drawing.elements.push_back(element_of(edge, ElementKind::relation, *relation, converter,
                                                  {"_draw_", "_hdraw_", "_tdraw_", "_ldraw_", "_hldraw_", "_tldraw_"}));
        }
    }
    std::move(actors.begin(), actors.end(), std::back_inserter(drawing.elements));
    return drawing;
}

}  // namespace actorgraph
