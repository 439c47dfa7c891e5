#include "actorgraph/app/canvas_frame.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <utility>
#include <vector>

namespace actorgraph {

namespace {

// Strokes reach a little past an element's box; keep elements this close to the edge.
constexpr float cull_margin_pixels = 4.0f;
// A curve whose control points lie this close to its chord is drawn as one straight segment.
constexpr float flat_curve_pixels = 0.5f;

float cross(Point o, Point a, Point b) { return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x); }

float signed_area(const Point* points, std::size_t count)
{
    float area = 0;
    for (std::size_t i = 0, j = count - 1; i < count; j = i++) area += points[j].x * points[i].y - points[i].x * points[j].y;
    return area / 2;
}

bool is_convex(const Point* points, std::size_t count)
{
    bool positive = false, negative = false;
    for (std::size_t i = 0; i < count; ++i) {
        float turn = cross(points[i], points[(i + 1) % count], points[(i + 2) % count]);
        if (turn > 1e-3f) positive = true;
        if (turn < -1e-3f) negative = true;
    }
    return !(positive && negative);
}

bool inside_triangle(Point p, Point a, Point b, Point c)
{
    return cross(a, b, p) >= 0 && cross(b, c, p) >= 0 && cross(c, a, p) >= 0;
}

bool same(Point a, Point b) { return a.x == b.x && a.y == b.y; }

Point bezier_at(const Point* c, float t)
{
    float u = 1 - t;
    float a = u * u * u, b = 3 * u * u * t, d = 3 * u * t * t, e = t * t * t;
    return {a * c[0].x + b * c[1].x + d * c[2].x + e * c[3].x, a * c[0].y + b * c[1].y + d * c[2].y + e * c[3].y};
}

float distance_to_line(Point p, Point a, Point b)
{
    float dx = b.x - a.x, dy = b.y - a.y;
    float length = std::hypot(dx, dy);
    if (length < 1e-6f) return std::hypot(p.x - a.x, p.y - a.y);
    return std::abs(cross(a, b, p)) / length;
}

bool meets(const Rect& a, const Rect& b)
{
    return a.max.x >= b.min.x && a.min.x <= b.max.x && a.max.y >= b.min.y && a.min.y <= b.max.y;
}

constexpr int max_ellipse_steps = 128;

// Points around the unit circle for each number of steps, computed once: a frame of 10,000
// ellipses would otherwise spend more time in cos and sin than in anything else.
const std::vector<Point>& unit_circle(int steps)
{
    static const auto circles = [] {
        std::vector<std::vector<Point>> all(max_ellipse_steps + 1);
        for (int n = 1; n <= max_ellipse_steps; ++n) {
            for (int i = 0; i < n; ++i) {
                float angle = 2 * std::numbers::pi_v<float> * static_cast<float>(i) / static_cast<float>(n);
                all[static_cast<std::size_t>(n)].push_back({std::cos(angle), std::sin(angle)});
            }
        }
        return all;
    }();
    return circles[static_cast<std::size_t>(steps)];
}

// Lengths of a line pattern in pixels.
struct DashPattern {
    float dash = 0;
    float gap = 0;
};

// The part of segment a-b inside the rectangle, as parameters along it (Liang-Barsky); empty
// when first >= second.
std::pair<float, float> clipped(Point a, Point b, const Rect& clip)
{
    float enter = 0, leave = 1;
    float dx = b.x - a.x, dy = b.y - a.y;
    const float p[4] = {-dx, dx, -dy, dy};
    const float q[4] = {a.x - clip.min.x, clip.max.x - a.x, a.y - clip.min.y, clip.max.y - a.y};
    for (int i = 0; i < 4; ++i) {
        if (p[i] == 0) {
            if (q[i] < 0) return {1, 0};
            continue;
        }
        float t = q[i] / p[i];
        if (p[i] < 0) enter = std::max(enter, t);
        else leave = std::min(leave, t);
    }
    return {enter, leave};
}

// A run of points in the frame.
struct Span {
    std::uint32_t first = 0;
    std::uint32_t count = 0;
};

// A packed shape and the array holding its points.
struct ShapeRef {
    const PackedShape& shape;
    const Point* points;  ///< the array shape.first_point indexes

    [[nodiscard]] const Point* begin() const { return points + shape.first_point; }
    [[nodiscard]] const Point* end() const { return begin() + shape.point_count; }
    [[nodiscard]] const Point& operator[](std::size_t i) const { return begin()[i]; }
};

// Writes the primitives of shapes through a camera; every size test is in screen pixels.
class FrameWriter {
public:
    FrameWriter(const Camera& camera, CanvasFrame& frame) : camera_(camera), frame_(frame), zoom_(camera.zoom()) {}

    /// Draws patterned lines solid and hides barely legible labels from now on.
    void simplify_busy_frame() { busy_ = true; }

    [[nodiscard]] Rect picture_area() const
    {
        const auto& view = camera_.viewport();
        float margin = cull_margin_pixels;
        return {camera_.to_picture({view.min.x - margin, view.min.y - margin}),
                camera_.to_picture({view.max.x + margin, view.max.y + margin})};
    }

    void element(const Drawing& drawing, const DrawingIndex& index, std::uint32_t position)
    {
        const auto& element = drawing.elements[position];
        float extent = std::max(element.bounds.width(), element.bounds.height()) * zoom_;
        bool actor = element.kind == ElementKind::actor;
        auto shapes = index.shapes_of(position);
        if (extent >= (actor ? small_actor_pixels : tiny_element_pixels)) {
            ++frame_.counts.drawn;
            for (const auto& shape : shapes) {
                const Shape* text = shape.kind == Shape::Kind::text ? &element.shapes[shape.shape] : nullptr;
                // A small actor name is left to the label pass, which may name it at a readable size.
                if (text && actor && shape.font_size * zoom_ < readable_label_pixels) continue;
                this->shape({shape, index.points().data()}, text);
            }
            return;
        }
        ++frame_.counts.simplified;
        if (actor) mark(element.bounds, shapes);
    }

    void outline(const Element& element, const OutlineStyle& style)
    {
        std::vector<Point> points;
        for (const auto& source : element.shapes) {
            if (source.kind == Shape::Kind::text || source.points.empty()) continue;
            points.clear();
            auto shape = packed(source, points);
            auto first = outline_points({shape, points.data()});
            bool closed = shape.kind == Shape::Kind::polygon || shape.kind == Shape::Kind::ellipse;
            float width = std::max(1.0f, shape.pen_width * zoom_) + style.extra_width;
            finish_stroke({first, end() - first}, closed, style.colour, width);
        }
    }

private:
    [[nodiscard]] Point screen(Point p) const { return camera_.to_screen(p); }
    [[nodiscard]] std::uint32_t end() const { return static_cast<std::uint32_t>(frame_.points.size()); }

    // Adds a primitive over the points from `first` to the end.
    void push(ScreenPrimitive::Kind kind, std::uint32_t first, Rgba colour, float size, const Shape* text = nullptr)
    {
        frame_.primitives.push_back({kind, first, end() - first, colour, size, text});
    }

    // A far-away actor is a solid mark of its box in its border colour: at a few pixels its shape
    // cannot be told apart, its pale fill would vanish on white, and the colour still tells its kind.
    void mark(const Rect& bounds, std::span<const PackedShape> shapes)
    {
        Rgba colour;
        for (const auto& shape : shapes) {
            if (shape.kind == Shape::Kind::text) continue;
            colour = shape.pen.a > 0 ? shape.pen : shape.fill;
            break;
        }
        if (colour.a == 0) return;
        auto a = screen(bounds.min);
        auto b = screen(bounds.max);
        Point c{(a.x + b.x) / 2, (a.y + b.y) / 2};
        float half_width = std::max((b.x - a.x) / 2, tiny_element_pixels / 2);
        float half_height = std::max((b.y - a.y) / 2, tiny_element_pixels / 2);
        auto first = end();
        frame_.points.insert(frame_.points.end(), {{c.x - half_width, c.y - half_height}, {c.x + half_width, c.y - half_height},
                                                   {c.x + half_width, c.y + half_height}, {c.x - half_width, c.y + half_height}});
        push(ScreenPrimitive::Kind::convex_fill, first, colour, 1);
    }

    void shape(ShapeRef ref, const Shape* text_shape)
    {
        const auto& shape = ref.shape;
        if (shape.line == LineStyle::invisible || shape.point_count == 0) return;
        if (shape.kind == Shape::Kind::text) {
            text(ref, text_shape);
            return;
        }
        if (shape.extent * zoom_ < tiny_shape_pixels) return;
        auto first = outline_points(ref);
        Span outline{first, end() - first};
        bool closed = shape.kind == Shape::Kind::polygon || shape.kind == Shape::Kind::ellipse;
        // Fill and stroke share the outline's points; the fill goes first so the stroke lies on top.
        if (shape.filled && shape.fill.a > 0) fill(outline, shape.fill);
        float width = std::max(1.0f, shape.pen_width * (shape.bold ? 2.0f : 1.0f) * zoom_);
        stroke(outline, closed, shape.pen, width, shape.line);
    }

    void text(ShapeRef ref, const Shape* source)
    {
        float size = ref.shape.font_size * zoom_;
        if (size < (busy_ ? busy_label_pixels : min_label_pixels) || !source || source->text.empty()) return;
        // Graphviz measured the label with the same font when it laid it out: aligning by its width
        // spares the GUI measuring every label every frame.
        auto anchor = screen(ref[0]);
        float width = source->text_width * zoom_;
        anchor.x -= source->align == 0 ? width / 2 : source->align > 0 ? width : 0;
        auto first = end();
        frame_.points.push_back(anchor);
        push(ScreenPrimitive::Kind::text, first, ref.shape.pen, size, source);
    }

    // Appends the shape's outline in screen points; returns where it starts.
    std::uint32_t outline_points(ShapeRef ref)
    {
        auto first = end();
        if (ref.shape.kind == Shape::Kind::ellipse) {
            ellipse_points(ref);
        } else if (ref.shape.kind == Shape::Kind::bezier) {
            bezier_points(ref);
        } else {
            for (auto p : ref) frame_.points.push_back(screen(p));
        }
        return first;
    }

    void ellipse_points(ShapeRef ref)
    {
        auto centre = screen(ref[0]);
        float rx = ref[1].x * zoom_;
        float ry = ref[1].y * zoom_;
        float radius = std::max(rx, ry);
        // Small ellipses look round with fewer corners; large ones need more to stay smooth.
        int steps = std::clamp(static_cast<int>(radius / 2), radius < 8 ? 8 : 16, max_ellipse_steps);
        for (auto unit : unit_circle(steps)) frame_.points.push_back({centre.x + rx * unit.x, centre.y + ry * unit.y});
    }

    void bezier_points(ShapeRef ref)
    {
        auto count = ref.shape.point_count;
        Point control[4];
        control[0] = screen(ref[0]);
        frame_.points.push_back(control[0]);
        for (std::size_t i = 0; i + 3 < count; i += 3) {
            control[0] = screen(ref[i]);
            for (std::size_t k = 1; k < 4; ++k) control[k] = screen(ref[i + k]);
            bool flat = distance_to_line(control[1], control[0], control[3]) < flat_curve_pixels &&
                        distance_to_line(control[2], control[0], control[3]) < flat_curve_pixels;
            float span = std::hypot(control[3].x - control[0].x, control[3].y - control[0].y);
            int steps = flat ? 1 : std::clamp(static_cast<int>(span / 6), 4, 48);
            for (int step = 1; step <= steps; ++step) {
                frame_.points.push_back(bezier_at(control, static_cast<float>(step) / static_cast<float>(steps)));
            }
        }
    }

    void fill(Span outline, Rgba colour)
    {
        if (outline.count < 3) return;
        if (is_convex(&frame_.points[outline.first], outline.count)) {
            frame_.primitives.push_back({ScreenPrimitive::Kind::convex_fill, outline.first, outline.count, colour, 1, nullptr});
            return;
        }
        std::vector<Point> polygon(frame_.points.begin() + outline.first, frame_.points.begin() + outline.first + outline.count);
        auto first = end();
        triangulate(polygon);
        if (end() > first) push(ScreenPrimitive::Kind::triangles, first, colour, 1);
    }

    // Ear clipping for the few concave shapes Graphviz fills (notes, filled bezier outlines):
    // small inputs, so the quadratic search is cheap.
    void triangulate(std::vector<Point>& points)
    {
        if (signed_area(points.data(), points.size()) < 0) std::reverse(points.begin(), points.end());
        std::vector<std::size_t> left(points.size());
        for (std::size_t i = 0; i < points.size(); ++i) left[i] = i;
        std::size_t guard = points.size() * points.size();
        while (left.size() > 3 && guard-- > 0) {
            if (!clip_one_ear(points, left)) return;  // degenerate input: the outline still shows the shape
        }
        if (left.size() == 3) frame_.points.insert(frame_.points.end(), {points[left[0]], points[left[1]], points[left[2]]});
    }

    bool clip_one_ear(const std::vector<Point>& points, std::vector<std::size_t>& left)
    {
        for (std::size_t i = 0; i < left.size(); ++i) {
            auto a = points[left[(i + left.size() - 1) % left.size()]];
            auto b = points[left[i]];
            auto c = points[left[(i + 1) % left.size()]];
            if (cross(a, b, c) <= 0) continue;
            bool empty = std::none_of(left.begin(), left.end(), [&](std::size_t k) {
                auto p = points[k];
                return !same(p, a) && !same(p, b) && !same(p, c) && inside_triangle(p, a, b, c);
            });
            if (!empty) continue;
            frame_.points.insert(frame_.points.end(), {a, b, c});
            left.erase(left.begin() + static_cast<std::ptrdiff_t>(i));
            return true;
        }
        return false;
    }

    void stroke(Span outline, bool closed, Rgba colour, float width, LineStyle line)
    {
        if (outline.count < 2 || colour.a == 0 || line == LineStyle::invisible) return;
        if (line == LineStyle::solid) {
            finish_stroke(outline, closed, colour, width);
            return;
        }
        if (busy_) {
            // Thousands of long patterned edges would cost millions of dashes: a lighter solid line
            // keeps the type's colour, and the pattern returns when fewer elements are on screen.
            colour.a = static_cast<std::uint8_t>(colour.a * 3 / 5);
            finish_stroke(outline, closed, colour, width);
            return;
        }
        if (line == LineStyle::dashed) dashes(outline, closed, colour, width, {std::max(5 * zoom_, 3.0f), std::max(2.5f * zoom_, 2.0f)});
        else dashes(outline, closed, colour, width, {std::max(1.2f * zoom_, 1.5f), std::max(3.5f * zoom_, 2.5f)});
    }

    void finish_stroke(Span outline, bool closed, Rgba colour, float width)
    {
        if (outline.count < 2) return;
        auto kind = closed ? ScreenPrimitive::Kind::closed_stroke : ScreenPrimitive::Kind::stroke;
        frame_.primitives.push_back({kind, outline.first, outline.count, colour, width, nullptr});
    }

    // One two-point stroke per dash, only where the outline crosses the screen: a long edge of a
    // zoomed-in picture would otherwise be cut into dashes for its whole length. The pattern runs
    // on along the outline, so it does not jump when the edge scrolls.
    void dashes(Span outline, bool closed, Rgba colour, float width, DashPattern pattern)
    {
        double period = pattern.dash + pattern.gap;
        Rect clip = camera_.viewport();
        float margin = width + 2;
        clip = {{clip.min.x - margin, clip.min.y - margin}, {clip.max.x + margin, clip.max.y + margin}};
        std::size_t count = outline.count;
        std::size_t segments = closed ? count : count - 1;
        double travelled = 0;
        for (std::size_t i = 0; i < segments; ++i) {
            // Read by value: pushing dash points may move the buffer.
            Point a = frame_.points[outline.first + i];
            Point b = frame_.points[outline.first + (i + 1) % count];
            float length = std::hypot(b.x - a.x, b.y - a.y);
            auto inside = clipped(a, b, clip);
            if (length > 1e-3f && inside.first < inside.second) {
                double from = travelled + inside.first * length, to = travelled + inside.second * length;
                // Counting periods rather than adding them up keeps far-away dashes exact.
                for (auto k = static_cast<long long>(std::floor(from / period)); k * period < to; ++k) {
                    double d0 = std::max(static_cast<double>(k) * period, from);
                    double d1 = std::min(static_cast<double>(k) * period + pattern.dash, to);
                    if (d1 > d0) dash(a, b, static_cast<float>((d0 - travelled) / length), static_cast<float>((d1 - travelled) / length), colour, width);
                }
            }
            travelled += length;
        }
    }

    void dash(Point a, Point b, float t0, float t1, Rgba colour, float width)
    {
        auto start = end();
        frame_.points.push_back({a.x + (b.x - a.x) * t0, a.y + (b.y - a.y) * t0});
        frame_.points.push_back({a.x + (b.x - a.x) * t1, a.y + (b.y - a.y) * t1});
        push(ScreenPrimitive::Kind::stroke, start, colour, width);
    }

    const Camera& camera_;
    CanvasFrame& frame_;
    float zoom_;
    bool busy_ = false;
};

}  // namespace

void CanvasFrame::clear()
{
    points.clear();
    primitives.clear();
    visible.clear();
    counts = {};
}

void add_visible_picture(const Drawing& drawing, const DrawingIndex& index, const Camera& camera, CanvasFrame& frame)
{
    if (index.size() != drawing.elements.size()) return;  // an index of another picture: draw nothing rather than misread
    FrameWriter writer(camera, frame);
    frame.visible.clear();
    index.elements_meeting(writer.picture_area(), frame.visible);
    if (frame.visible.size() > busy_frame_elements) writer.simplify_busy_frame();
    frame.counts.culled += index.drawable_count() - frame.visible.size();
    for (auto position : frame.visible) writer.element(drawing, index, position);
}

void add_element_outline(const Element& element, const Camera& camera, const OutlineStyle& style, CanvasFrame& frame)
{
    FrameWriter writer(camera, frame);
    if (!meets(element.bounds, writer.picture_area())) return;
    writer.outline(element, style);
}

}  // namespace actorgraph
