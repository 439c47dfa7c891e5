#include "gui/window.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>

#include <algorithm>
#include <cstdio>
#include <stdexcept>
#include <utility>

namespace actorgraph::gui {

namespace {

void report_glfw_error(int code, const char* description)
{
    std::fprintf(stderr, "actorgraph-gui: GLFW error %d: %s\n", code, description);
}

void on_drop(GLFWwindow* window, int count, const char** paths)
{
    auto* self = static_cast<std::vector<std::filesystem::path>*>(glfwGetWindowUserPointer(window));
    for (int i = 0; i < count; ++i) self->emplace_back(paths[i]);
}

}  // namespace

Window::Window(int width, int height, const std::string& title, std::filesystem::path ini_file)
    : ini_file_(ini_file.string())
{
    glfwSetErrorCallback(report_glfw_error);
    if (!glfwInit()) throw std::runtime_error("cannot initialise GLFW (is there a display? try xvfb-run)");
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    window_ = glfwCreateWindow(width, height, title.c_str(), nullptr, nullptr);
    if (!window_) {
        glfwTerminate();
        throw std::runtime_error("cannot create an OpenGL 3 window");
    }
    glfwMakeContextCurrent(window_);
    glfwSwapInterval(1);
    glfwSetWindowUserPointer(window_, &dropped_);
    glfwSetDropCallback(window_, on_drop);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    std::error_code ignored;
    std::filesystem::create_directories(ini_file.parent_path(), ignored);
    ImGui::GetIO().IniFilename = ini_file_.c_str();
    ImGui::StyleColorsLight();
    ImGui_ImplGlfw_InitForOpenGL(window_, true);
    ImGui_ImplOpenGL3_Init("#version 130");
}

Window::~Window()
{
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window_);
    glfwTerminate();
}

bool Window::should_close() const { return glfwWindowShouldClose(window_) != 0; }

void Window::begin_frame(const std::function<void()>& override_input)
{
    glfwPollEvents();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    if (override_input) override_input();
    ImGui::NewFrame();
}

void Window::render()
{
    ImGui::Render();
    auto [width, height] = framebuffer_size();
    glViewport(0, 0, width, height);
    glClearColor(0.94f, 0.94f, 0.94f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

void Window::present() { glfwSwapBuffers(window_); }

std::pair<int, int> Window::framebuffer_size() const
{
    int width = 0, height = 0;
    glfwGetFramebufferSize(window_, &width, &height);
    return {width, height};
}

std::pair<int, int> Window::window_size() const
{
    int width = 0, height = 0;
    glfwGetWindowSize(window_, &width, &height);
    return {width, height};
}

std::vector<std::filesystem::path> Window::take_dropped_paths()
{
    return std::exchange(dropped_, {});
}

void Window::set_title(const std::string& title) { glfwSetWindowTitle(window_, title.c_str()); }

void Window::request_close() { glfwSetWindowShouldClose(window_, GLFW_TRUE); }

void Window::cancel_close() { glfwSetWindowShouldClose(window_, GLFW_FALSE); }

float Window::content_scale() const
{
    float x = 1, y = 1;
    glfwGetWindowContentScale(window_, &x, &y);
    // A broken or missing answer (some X servers report 0) falls back to no scaling.
    float scale = std::max(x, y);
    return scale >= 0.5f && scale <= 4.0f ? scale : 1.0f;
}

}  // namespace actorgraph::gui
