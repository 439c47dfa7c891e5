#include "gui/shape_painter.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <vector>

namespace actorgraph::gui {

namespace {

ImVec2 bezier_at(const ImVec2* c, float t)
{
    float u = 1 - t;
    float a = u * u * u, b = 3 * u * u * t, d = 3 * u * t * t, e = t * t * t;
    return {a * c[0].x + b * c[1].x + d * c[2].x + e * c[3].x, a * c[0].y + b * c[1].y + d * c[2].y + e * c[3].y};
}

float cross(ImVec2 o, ImVec2 a, ImVec2 b) { return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x); }

float signed_area(const ImVector<ImVec2>& points)
{
    float area = 0;
    for (int i = 0, j = points.Size - 1; i < points.Size; j = i++) area += points[j].x * points[i].y - points[i].x * points[j].y;
    return area / 2;
}

bool is_convex(const ImVector<ImVec2>& points)
{
    bool positive = false, negative = false;
    for (int i = 0; i < points.Size; ++i) {
        float turn = cross(points[i], points[(i + 1) % points.Size], points[(i + 2) % points.Size]);
        if (turn > 1e-3f) positive = true;
        if (turn < -1e-3f) negative = true;
    }
    return !(positive && negative);
}

bool inside_triangle(ImVec2 p, ImVec2 a, ImVec2 b, ImVec2 c)
{
    return cross(a, b, p) >= 0 && cross(b, c, p) >= 0 && cross(c, a, p) >= 0;
}

// Ear clipping for the few concave shapes Graphviz fills (notes, filled bezier outlines):
// small inputs, so the quadratic search is cheap.
void fill_concave(ImDrawList& list, ImVector<ImVec2> points, ImU32 colour)
{
    if (signed_area(points) < 0) std::reverse(points.begin(), points.end());
    std::vector<int> left(static_cast<std::size_t>(points.Size));
    for (int i = 0; i < points.Size; ++i) left[static_cast<std::size_t>(i)] = i;
    int guard = points.Size * points.Size;
    while (left.size() > 3 && guard-- > 0) {
        bool clipped = false;
        for (std::size_t i = 0; i < left.size(); ++i) {
            auto a = points[left[(i + left.size() - 1) % left.size()]];
            auto b = points[left[i]];
            auto c = points[left[(i + 1) % left.size()]];
            if (cross(a, b, c) <= 0) continue;
            bool empty = std::none_of(left.begin(), left.end(), [&](int k) {
                auto p = points[k];
                bool corner = (p.x == a.x && p.y == a.y) || (p.x == b.x && p.y == b.y) || (p.x == c.x && p.y == c.y);
                return !corner && inside_triangle(p, a, b, c);
            });
            if (!empty) continue;
            list.AddTriangleFilled(a, b, c, colour);
            left.erase(left.begin() + static_cast<std::ptrdiff_t>(i));
            clipped = true;
            break;
        }
        if (!clipped) return;  // degenerate input: the outline still shows the shape
    }
    if (left.size() == 3) list.AddTriangleFilled(points[left[0]], points[left[1]], points[left[2]], colour);
}

void dashed_polyline(ImDrawList& list, const ImVector<ImVec2>& points, bool closed, ImU32 colour, float width,
                     float dash, float gap)
{
    bool drawing = true;
    float remaining = dash;
    int count = points.Size;
    int segments = closed ? count : count - 1;
    for (int i = 0; i < segments; ++i) {
        ImVec2 a = points[i];
        ImVec2 b = points[(i + 1) % count];
        float length = std::hypot(b.x - a.x, b.y - a.y);
        float done = 0;
        while (length - done > 1e-3f) {
            float step = std::min(remaining, length - done);
            float t0 = done / length, t1 = (done + step) / length;
            if (drawing) {
                list.AddLine({a.x + (b.x - a.x) * t0, a.y + (b.y - a.y) * t0}, {a.x + (b.x - a.x) * t1, a.y + (b.y - a.y) * t1},
                             colour, width);
            }
            done += step;
            remaining -= step;
            if (remaining <= 1e-3f) {
                drawing = !drawing;
                remaining = drawing ? dash : gap;
            }
        }
    }
}

}  // namespace

ImU32 to_imgui(Rgba colour) { return IM_COL32(colour.r, colour.g, colour.b, colour.a); }

ImVec2 ShapePainter::screen(Point p) const
{
    auto s = camera_.to_screen(p);
    return {s.x, s.y};
}

ImVector<ImVec2> ShapePainter::outline_points(const Shape& shape) const
{
    ImVector<ImVec2> points;
    if (shape.kind == Shape::Kind::ellipse) {
        auto centre = screen(shape.points[0]);
        float rx = shape.points[1].x * camera_.zoom();
        float ry = shape.points[1].y * camera_.zoom();
        int steps = std::clamp(static_cast<int>(std::max(rx, ry) / 2), 16, 128);
        for (int i = 0; i < steps; ++i) {
            float angle = 2 * std::numbers::pi_v<float> * static_cast<float>(i) / static_cast<float>(steps);
            points.push_back({centre.x + rx * std::cos(angle), centre.y + ry * std::sin(angle)});
        }
        return points;
    }
    if (shape.kind == Shape::Kind::bezier) {
        ImVector<ImVec2> control;
        for (auto p : shape.points) control.push_back(screen(p));
        if (control.Size > 0) points.push_back(control[0]);
        for (int i = 0; i + 3 < control.Size; i += 3) {
            float span = std::hypot(control[i + 3].x - control[i].x, control[i + 3].y - control[i].y);
            int steps = std::clamp(static_cast<int>(span / 6), 4, 48);
            for (int step = 1; step <= steps; ++step) {
                points.push_back(bezier_at(&control[i], static_cast<float>(step) / static_cast<float>(steps)));
            }
        }
        return points;
    }
    for (auto p : shape.points) points.push_back(screen(p));
    return points;
}

void ShapePainter::fill(const ImVector<ImVec2>& points, ImU32 colour)
{
    if (points.Size < 3 || (colour >> IM_COL32_A_SHIFT) == 0) return;
    if (is_convex(points)) list_.AddConvexPolyFilled(points.Data, points.Size, colour);
    else fill_concave(list_, points, colour);
}

void ShapePainter::stroke(const ImVector<ImVec2>& points, bool closed, ImU32 colour, float width, LineStyle line)
{
    if (points.Size < 2 || (colour >> IM_COL32_A_SHIFT) == 0) return;
    float zoom = camera_.zoom();
    switch (line) {
        case LineStyle::invisible: return;
        case LineStyle::dashed: dashed_polyline(list_, points, closed, colour, width, std::max(5 * zoom, 3.0f), std::max(2.5f * zoom, 2.0f)); return;
        case LineStyle::dotted: dashed_polyline(list_, points, closed, colour, width, std::max(1.2f * zoom, 1.5f), std::max(3.5f * zoom, 2.5f)); return;
        case LineStyle::solid: list_.AddPolyline(points.Data, points.Size, colour, closed ? ImDrawFlags_Closed : 0, width); return;
    }
}

void ShapePainter::paint(const Shape& shape)
{
    if (shape.line == LineStyle::invisible || shape.points.empty()) return;
    if (shape.kind == Shape::Kind::text) {
        text(shape);
        return;
    }
    auto points = outline_points(shape);
    bool closed = shape.kind == Shape::Kind::polygon || shape.kind == Shape::Kind::ellipse;
    if (shape.filled) fill(points, to_imgui(shape.fill));
    float width = std::max(1.0f, shape.pen_width * (shape.bold ? 2.0f : 1.0f) * camera_.zoom());
    stroke(points, closed, to_imgui(shape.pen), width, shape.line);
}

void ShapePainter::outline(const Shape& shape, const StrokeOverride& override)
{
    if (shape.kind == Shape::Kind::text || shape.points.empty()) return;
    auto points = outline_points(shape);
    bool closed = shape.kind == Shape::Kind::polygon || shape.kind == Shape::Kind::ellipse;
    float width = std::max(1.0f, shape.pen_width * camera_.zoom()) + override.extra_width;
    list_.AddPolyline(points.Data, points.Size, override.colour, closed ? ImDrawFlags_Closed : 0, width);
}

void ShapePainter::text(const Shape& shape)
{
    float size = shape.font_size * camera_.zoom();
    if (size < min_label_pixels || shape.text.empty()) return;
    ImFont* font = fonts_.for_pixel_size(size);
    const char* begin = shape.text.c_str();
    const char* end = begin + shape.text.size();
    float width = font->CalcTextSizeA(size, FLT_MAX, 0, begin, end).x;
    auto anchor = screen(shape.points[0]);
    float left = anchor.x - (shape.align == 0 ? width / 2 : shape.align > 0 ? width : 0);
    // xdot anchors text at its baseline; ImGui places the top of the line box.
    float top = anchor.y - font->Ascent * size / font->FontSize;
    list_.AddText(font, size, {left, top}, to_imgui(shape.pen), begin, end);
}

}  // namespace actorgraph::gui
