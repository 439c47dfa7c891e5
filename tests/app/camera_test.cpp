#include "actorgraph/app/camera.hpp"

#include <gtest/gtest.h>

namespace actorgraph {
namespace {

TEST(Camera, AResizedViewportKeepsThePictureCentreInTheMiddle)
{
    Camera camera;
    camera.set_viewport({{0, 0}, {800, 600}});
    camera.zoom_by(2);
    camera.centre_on({120, 80});
    camera.resize_keeping_centre({{0, 0}, {800, 400}});  // the answer strip took the lower third
    auto middle = camera.to_picture({400, 200});
    EXPECT_NEAR(middle.x, 120, 1e-3);
    EXPECT_NEAR(middle.y, 80, 1e-3);
    EXPECT_FLOAT_EQ(camera.zoom(), 2) << "the zoom stays";
    camera.set_viewport({{0, 0}, {800, 600}});
    EXPECT_GT(camera.to_picture({400, 300}).y, 80) << "a plain set_viewport keeps the top left instead";
}

TEST(Camera, ScreenAndPictureCoordinatesRoundTrip)
{
    Camera camera;
    camera.set_viewport({{10, 20}, {810, 620}});
    camera.zoom_by(2.5f);
    camera.pan_by(13, -7);
    auto back = camera.to_picture(camera.to_screen({42, 17}));
    EXPECT_NEAR(back.x, 42, 1e-3);
    EXPECT_NEAR(back.y, 17, 1e-3);
}

TEST(Camera, FitCentresThePictureWithinTheMargins)
{
    Camera camera;
    camera.set_viewport({{0, 0}, {1000, 500}});
    camera.fit({{0, 0}, {2000, 500}}, 50);
    EXPECT_FLOAT_EQ(camera.zoom(), 0.45f);
    auto left = camera.to_screen({0, 250});
    auto right = camera.to_screen({2000, 250});
    EXPECT_NEAR(left.x, 50, 1e-3);
    EXPECT_NEAR(right.x, 950, 1e-3);
    EXPECT_NEAR(left.y, 250, 1e-3);
}

TEST(Camera, ZoomKeepsThePointUnderTheCursor)
{
    Camera camera;
    camera.set_viewport({{0, 0}, {800, 600}});
    Point cursor{300, 200};
    auto under = camera.to_picture(cursor);
    camera.zoom_at(cursor, 3);
    auto after = camera.to_screen(under);
    EXPECT_NEAR(after.x, cursor.x, 1e-3);
    EXPECT_NEAR(after.y, cursor.y, 1e-3);
    EXPECT_FLOAT_EQ(camera.zoom(), 3);
}

TEST(Camera, ZoomIsClamped)
{
    Camera camera;
    camera.zoom_by(1e6f);
    EXPECT_FLOAT_EQ(camera.zoom(), Camera::max_zoom);
    camera.zoom_by(1e-9f);
    EXPECT_FLOAT_EQ(camera.zoom(), Camera::min_zoom);
}

}  // namespace
}  // namespace actorgraph
