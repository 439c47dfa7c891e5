#pragma once
// The GLFW window with its OpenGL 3 context and the ImGui context bound to it.
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

struct GLFWwindow;

namespace actorgraph::gui {

/// Owns GLFW, the window and ImGui; the destructor tears them down in order.
class Window {
public:
    /// Opens a window of the size; throws std::runtime_error when no OpenGL 3 context can be made.
    Window(int width, int height, const std::string& title, std::filesystem::path ini_file);
    ~Window();
    Window(const Window&) = delete;
    Window& operator=(const Window&) = delete;

    [[nodiscard]] bool should_close() const;
    /// Polls events and starts an ImGui frame; `override_input` (tests) may rewrite the devices' state
    /// after the backend read them and before ImGui sees them.
    void begin_frame(const std::function<void()>& override_input = {});
    /// Renders the ImGui frame into the back buffer (not yet shown).
    void render();
    /// Shows the back buffer.
    void present();
    /// The framebuffer size in pixels.
    [[nodiscard]] std::pair<int, int> framebuffer_size() const;
    /// The window size in screen coordinates.
    [[nodiscard]] std::pair<int, int> window_size() const;
    /// Paths dropped onto the window since the last call.
    [[nodiscard]] std::vector<std::filesystem::path> take_dropped_paths();
    void set_title(const std::string& title);
    /// Asks the window to close at the end of the frame (File > Quit).
    void request_close();
    /// Takes back a close request (the user cancelled it when asked about unsaved changes).
    void cancel_close();
    /// The monitor's content scale for this window (2 on a high-DPI screen set to 200%, else 1).
    [[nodiscard]] float content_scale() const;

private:
    GLFWwindow* window_ = nullptr;
    std::string ini_file_;  ///< ImGui keeps a pointer to it: it must outlive the context
    std::vector<std::filesystem::path> dropped_;
};

}  // namespace actorgraph::gui
