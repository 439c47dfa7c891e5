#include "actorgraph/app/camera.hpp"

#include <algorithm>

namespace actorgraph {

Point Camera::to_screen(Point picture) const
{
    return {viewport_.min.x + offset_.x + picture.x * zoom_, viewport_.min.y + offset_.y + picture.y * zoom_};
}

Point Camera::to_picture(Point screen) const
{
    return {(screen.x - viewport_.min.x - offset_.x) / zoom_, (screen.y - viewport_.min.y - offset_.y) / zoom_};
}

void Camera::fit(const Rect& picture, float margin)
{
    float width = std::max(viewport_.width() - 2 * margin, 1.0f);
    float height = std::max(viewport_.height() - 2 * margin, 1.0f);
    if (picture.width() <= 0 || picture.height() <= 0) {
        zoom_ = 1;
    } else {
        zoom_ = std::clamp(std::min(width / picture.width(), height / picture.height()), min_zoom, max_zoom);
    }
    centre_on({(picture.min.x + picture.max.x) / 2, (picture.min.y + picture.max.y) / 2});
}

void Camera::resize_keeping_centre(Rect viewport)
{
    auto centre = to_picture({(viewport_.min.x + viewport_.max.x) / 2, (viewport_.min.y + viewport_.max.y) / 2});
    viewport_ = viewport;
    centre_on(centre);
}

void Camera::zoom_at(Point screen, float factor)
{
    auto anchor = to_picture(screen);
    zoom_ = std::clamp(zoom_ * factor, min_zoom, max_zoom);
    // Keep the picture point under the cursor where it was.
    offset_.x = screen.x - viewport_.min.x - anchor.x * zoom_;
    offset_.y = screen.y - viewport_.min.y - anchor.y * zoom_;
}

void Camera::zoom_by(float factor)
{
    zoom_at({(viewport_.min.x + viewport_.max.x) / 2, (viewport_.min.y + viewport_.max.y) / 2}, factor);
}

void Camera::pan_by(float dx, float dy)
{
    offset_.x += dx;
    offset_.y += dy;
}

void Camera::centre_on(Point picture)
{
    offset_.x = viewport_.width() / 2 - picture.x * zoom_;
    offset_.y = viewport_.height() / 2 - picture.y * zoom_;
}

}  // namespace actorgraph
