#pragma once
// Hands a canvas frame's screen-space primitives to an ImDrawList: the thin pass from the core's
// drawing data to pixels. Culling and simplification already happened in the core (canvas_frame).
#include <imgui.h>

#include "actorgraph/app/canvas_frame.hpp"
#include "gui/font_loader.hpp"

namespace actorgraph::gui {

class FramePainter {
public:
    FramePainter(ImDrawList& list, const Fonts& fonts) : list_(list), fonts_(fonts) {}

    /// Draws every primitive of the frame in order.
    void paint(const CanvasFrame& frame);

private:
    void text(const ScreenPrimitive& primitive, Point baseline);

    ImDrawList& list_;
    const Fonts& fonts_;
    ImVector<ImVec2> points_;  ///< one primitive's points in ImGui's type, reused
};

/// The ImGui colour of a drawing colour.
[[nodiscard]] ImU32 to_imgui(Rgba colour);

}  // namespace actorgraph::gui
