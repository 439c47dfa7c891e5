#include "gui/frame_painter.hpp"

namespace actorgraph::gui {

ImU32 to_imgui(Rgba colour) { return IM_COL32(colour.r, colour.g, colour.b, colour.a); }

void FramePainter::paint(const CanvasFrame& frame)
{
    for (const auto& primitive : frame.primitives) {
        const Point* points = frame.points.data() + primitive.first;
        if (primitive.kind == ScreenPrimitive::Kind::text) {
            text(primitive, points[0]);
            continue;
        }
        points_.resize(static_cast<int>(primitive.count));
        for (std::uint32_t i = 0; i < primitive.count; ++i) points_[static_cast<int>(i)] = {points[i].x, points[i].y};
        auto colour = to_imgui(primitive.colour);
        switch (primitive.kind) {
            case ScreenPrimitive::Kind::stroke: list_.AddPolyline(points_.Data, points_.Size, colour, 0, primitive.size); break;
            case ScreenPrimitive::Kind::closed_stroke:
                list_.AddPolyline(points_.Data, points_.Size, colour, ImDrawFlags_Closed, primitive.size);
                break;
            case ScreenPrimitive::Kind::convex_fill: list_.AddConvexPolyFilled(points_.Data, points_.Size, colour); break;
            case ScreenPrimitive::Kind::triangles:
                for (int i = 0; i + 2 < points_.Size; i += 3) list_.AddTriangleFilled(points_[i], points_[i + 1], points_[i + 2], colour);
                break;
            case ScreenPrimitive::Kind::text: break;
        }
    }
}

void FramePainter::text(const ScreenPrimitive& primitive, Point baseline)
{
    const auto& text = primitive.text->text;
    float size = primitive.size;
    ImFont* font = fonts_.for_pixel_size(size);
    // xdot anchors text at its baseline; ImGui places the top of the line box.
    float top = baseline.y - font->Ascent * size / font->FontSize;
    list_.AddText(font, size, {baseline.x, top}, to_imgui(primitive.colour), text.data(), text.data() + text.size());
}

}  // namespace actorgraph::gui
