#include "gui/screenshot.hpp"

#include <GL/gl.h>

#include <vector>

// Static, so this private copy never clashes with a libstb that may be linked too.
#define STB_IMAGE_WRITE_STATIC
#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb_image_write.h>

namespace actorgraph::gui {

bool write_framebuffer_png(const std::filesystem::path& output, int width, int height)
{
    if (width <= 0 || height <= 0) return false;
    std::vector<unsigned char> pixels(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 3);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, width, height, GL_RGB, GL_UNSIGNED_BYTE, pixels.data());
    if (glGetError() != GL_NO_ERROR) return false;
    // OpenGL's rows start at the bottom; PNG rows start at the top.
    auto stride = static_cast<std::ptrdiff_t>(width) * 3;
    auto* last_row = pixels.data() + (static_cast<std::ptrdiff_t>(height) - 1) * stride;
    return stbi_write_png(output.string().c_str(), width, height, 3, last_row, static_cast<int>(-stride)) != 0;
}

}  // namespace actorgraph::gui
