#pragma once
// Paints one Drawing shape onto an ImDrawList through the camera: the thin pass from the
// core's plain drawing data to pixels (beziers, polygons, ellipses, dashes, text).
#include <imgui.h>

#include "actorgraph/app/camera.hpp"
#include "actorgraph/render/drawing.hpp"
#include "gui/font_loader.hpp"

namespace actorgraph::gui {

/// Labels smaller than this many pixels are hidden rather than drawn as a smear.
inline constexpr float min_label_pixels = 5.0f;

/// An override for the whole element: draw strokes in another colour, thicker (hover, selection).
struct StrokeOverride {
    ImU32 colour = 0;
    float extra_width = 0;
};

class ShapePainter {
public:
    ShapePainter(ImDrawList& list, const Camera& camera, const Fonts& fonts) : list_(list), camera_(camera), fonts_(fonts) {}

    /// Draws the shape as Graphviz described it.
    void paint(const Shape& shape);
    /// Draws only the outline of a non-text shape in the override colour.
    void outline(const Shape& shape, const StrokeOverride& stroke);

private:
    [[nodiscard]] ImVec2 screen(Point p) const;
    [[nodiscard]] ImVector<ImVec2> outline_points(const Shape& shape) const;
    void fill(const ImVector<ImVec2>& points, ImU32 colour);
    void stroke(const ImVector<ImVec2>& points, bool closed, ImU32 colour, float width, LineStyle line);
    void text(const Shape& shape);

    ImDrawList& list_;
    const Camera& camera_;
    const Fonts& fonts_;
};

/// The ImGui colour of a drawing colour.
[[nodiscard]] ImU32 to_imgui(Rgba colour);

}  // namespace actorgraph::gui
