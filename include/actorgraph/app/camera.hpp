#pragma once
// Pan and zoom between picture coordinates (Graphviz points, y down) and screen pixels.
#include "actorgraph/render/drawing.hpp"

namespace actorgraph {

/// screen = viewport.min + offset + picture * zoom.
class Camera {
public:
    /// The screen rectangle the picture is drawn into.
    void set_viewport(Rect viewport) { viewport_ = viewport; }
    /// A new viewport (the canvas grew or shrank), with the picture point at the old one's centre moved to
    /// the new one's centre, so what was in the middle stays in view.
    void resize_keeping_centre(Rect viewport);
    [[nodiscard]] const Rect& viewport() const noexcept { return viewport_; }
    [[nodiscard]] float zoom() const noexcept { return zoom_; }
    [[nodiscard]] Point offset() const noexcept { return offset_; }

    /// The screen position of a picture point.
    [[nodiscard]] Point to_screen(Point picture) const;
    /// The picture point under a screen position.
    [[nodiscard]] Point to_picture(Point screen) const;

    /// Shows the whole picture centred in the viewport with a margin in pixels.
    void fit(const Rect& picture, float margin = 24);
    /// Multiplies the zoom, keeping the picture point under the screen position in place.
    void zoom_at(Point screen, float factor);
    /// Multiplies the zoom around the viewport's centre.
    void zoom_by(float factor);
    /// Moves the picture by a screen distance.
    void pan_by(float dx, float dy);
    /// Moves the picture so the point is in the middle of the viewport.
    void centre_on(Point picture);

    static constexpr float min_zoom = 0.02f;
    static constexpr float max_zoom = 40.0f;

private:
    Rect viewport_{{0, 0}, {1000, 800}};
    Point offset_{0, 0};
    float zoom_ = 1;
};

}  // namespace actorgraph
