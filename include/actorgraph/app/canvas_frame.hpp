#pragma once
// One frame of the canvas as screen-space primitives, built without ImGui: elements off screen
// are culled, tiny ones simplified, curves and ellipses flattened to as few segments as the zoom
// needs, dashes split. The GUI hands each primitive to ImDrawList and decides nothing itself.
#include <cstdint>
#include <vector>

#include "actorgraph/app/camera.hpp"
#include "actorgraph/app/drawing_index.hpp"

namespace actorgraph {

/// Labels smaller than this many pixels are hidden rather than drawn as a smear.
inline constexpr float min_label_pixels = 5.0f;
/// An actor's name smaller than this is guessed at rather than read: it is not drawn at its own size
/// but left to add_actor_labels (label_placement.hpp), which names the most important actors at
/// far_label_pixels where they do not overlap.
inline constexpr float readable_label_pixels = 9.0f;
/// A relation smaller than this on screen is left out; an actor's mark is at least this big.
inline constexpr float tiny_element_pixels = 2.0f;
/// An actor smaller than this on screen is drawn as a solid mark of its box in its border colour
/// (the NATO graph fitted whole draws its actors at 9 px and more, in full).
inline constexpr float small_actor_pixels = 6.0f;
/// A shape inside a drawn element smaller than this (an arrowhead far away) is left out.
inline constexpr float tiny_shape_pixels = 1.5f;
/// With more elements than this on screen, dashed and dotted lines are drawn solid and lighter,
/// and labels need busy_label_pixels (the NATO graph has 311 elements; a 10,000-actor graph
/// fitted whole has 50,000).
inline constexpr std::size_t busy_frame_elements = 3000;
/// The smallest label drawn in a busy frame: in a crowd, 5 px text is a smear that costs as much
/// as the rest of the frame (9,000 relation labels of 20 glyphs each).
inline constexpr float busy_label_pixels = 7.0f;

/// One thing to hand to the draw list, in screen pixels.
struct ScreenPrimitive {
    enum class Kind { stroke, closed_stroke, convex_fill, triangles, text };
    Kind kind = Kind::stroke;
    std::uint32_t first = 0;      ///< first point in CanvasFrame::points
    std::uint32_t count = 0;      ///< points used; triangles: a multiple of 3; text: 1, the left end of the baseline
    Rgba colour;
    float size = 1;               ///< stroke width in pixels; text: font size in pixels
    const Shape* text = nullptr;  ///< text: the shape with the string and its alignment
};

/// How much of the picture a frame drew.
struct FrameCounts {
    std::size_t culled = 0;      ///< elements off screen
    std::size_t simplified = 0;  ///< elements too small to draw in full (a mark, or nothing)
    std::size_t drawn = 0;       ///< elements drawn in full
    std::size_t far_labels = 0;  ///< actors named at far_label_pixels because their own name was too small
};

/// The primitives of one frame; kept between frames so their buffers are reused.
struct CanvasFrame {
    std::vector<Point> points;
    std::vector<ScreenPrimitive> primitives;
    std::vector<std::uint32_t> visible;  ///< scratch: element positions on screen
    FrameCounts counts;

    /// Empties the frame, keeping the memory.
    void clear();
};

/// A colour and extra width that replace an element's own strokes (hover, selection).
struct OutlineStyle {
    Rgba colour;
    float extra_width = 0;
};

/// Adds the part of the picture the camera's viewport shows, simplified for the zoom.
void add_visible_picture(const Drawing& drawing, const DrawingIndex& index, const Camera& camera, CanvasFrame& frame);
/// Adds the outline of an element's non-text shapes in one colour (culled when off screen).
void add_element_outline(const Element& element, const Camera& camera, const OutlineStyle& style, CanvasFrame& frame);

}  // namespace actorgraph
