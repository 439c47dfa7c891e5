// Frame build of the explorer's canvas for a laid-out 10,000-actor graph (about 40,000 relations):
// choosing the elements on screen, simplifying what is tiny and producing the screen primitives
// (the core part, app/canvas_frame), and with ACTORGRAPH_FRAME_BENCH_IMGUI also handing them to an
// ImDrawList in a window-less ImGui context (the GUI's whole per-frame CPU work for the picture).
// The sfdp layout takes a few seconds, so its xdot is cached in the temporary folder.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "actorgraph/app/canvas_frame.hpp"
#include "actorgraph/generate/synthetic_graph.hpp"
#include "actorgraph/render/graphviz_render.hpp"
#include "actorgraph/render/stylesheet.hpp"

#ifdef ACTORGRAPH_FRAME_BENCH_IMGUI
#include <imgui.h>

#include "gui/frame_painter.hpp"
#endif

namespace actorgraph {
namespace {

constexpr std::size_t actors = 10000;
// The canvas of the default 1600x1000 window, between the side panels.
constexpr Rect canvas{{388, 44}, {1192, 964}};

std::string laid_out_xdot()
{
    auto cache = std::filesystem::temp_directory_path() / "actorgraph-frame-bench-10k-sfdp.xdot";
    if (std::filesystem::exists(cache)) {
        std::ifstream in(cache, std::ios::binary);
        std::stringstream text;
        text << in.rdbuf();
        return text.str();
    }
    auto graph = generate_synthetic_graph({actors, 4.0, 1});
    Scene scene;
    scene.visible = Selection::everything(graph);
    scene.engine = LayoutEngine::sfdp;
    auto xdot = render_dot_text(styled_dot(graph, scene, Stylesheet::builtin()), LayoutEngine::sfdp, OutputFormat::xdot);
    std::ofstream(cache, std::ios::binary) << xdot;
    return xdot;
}

struct Picture {
    Drawing drawing;
    DrawingIndex index;
};

const Picture& picture()
{
    static const Picture laid_out = [] {
        Picture p{drawing_from_xdot(laid_out_xdot()), {}};
        p.index = DrawingIndex(p.drawing);
        return p;
    }();
    return laid_out;
}

// The whole picture in the window (zoom 1), or `zoom` times closer around its centre.
Camera camera_for(double zoom)
{
    Camera camera;
    camera.set_viewport(canvas);
    camera.fit(picture().drawing.bounds);
    if (zoom > 1) camera.zoom_by(static_cast<float>(zoom));
    return camera;
}

void report(benchmark::State& state, const CanvasFrame& frame)
{
    state.counters["primitives"] = static_cast<double>(frame.primitives.size());
    state.counters["points"] = static_cast<double>(frame.points.size());
    state.counters["drawn"] = static_cast<double>(frame.counts.drawn);
    state.counters["simplified"] = static_cast<double>(frame.counts.simplified);
    state.counters["culled"] = static_cast<double>(frame.counts.culled);
}

// Arg: zoom relative to fitting the whole picture (1 = all 50,000 elements on screen).
void frame_build_core(benchmark::State& state)
{
    const auto& [drawing, index] = picture();
    auto camera = camera_for(static_cast<double>(state.range(0)));
    CanvasFrame frame;
    for (auto _ : state) {
        frame.clear();
        add_visible_picture(drawing, index, camera, frame);
        benchmark::DoNotOptimize(frame.primitives.data());
    }
    report(state, frame);
    state.counters["zoom"] = camera.zoom();
}
BENCHMARK(frame_build_core)->Arg(1)->Arg(4)->Arg(16)->Arg(64)->Unit(benchmark::kMillisecond);

void visible_element_selection(benchmark::State& state)
{
    const auto& [drawing, index] = picture();
    auto camera = camera_for(static_cast<double>(state.range(0)));
    Rect area{camera.to_picture(canvas.min), camera.to_picture(canvas.max)};
    std::vector<std::uint32_t> visible;
    for (auto _ : state) {
        visible.clear();
        index.elements_meeting(area, visible);
        benchmark::DoNotOptimize(visible.data());
    }
    state.counters["visible"] = static_cast<double>(visible.size());
}
BENCHMARK(visible_element_selection)->Arg(1)->Arg(16)->Unit(benchmark::kMicrosecond);

// Once per new picture, on the layout thread.
void drawing_index_build(benchmark::State& state)
{
    const auto& drawing = picture().drawing;
    for (auto _ : state) benchmark::DoNotOptimize(DrawingIndex(drawing).size());
}
BENCHMARK(drawing_index_build)->Unit(benchmark::kMillisecond);

#ifdef ACTORGRAPH_FRAME_BENCH_IMGUI
// The core frame plus the ImGui pass, in a context without a window: NewFrame, one canvas window,
// the painter, Render (which only finishes the draw lists; no GPU is involved).
void frame_build_with_imgui(benchmark::State& state)
{
    const auto& [drawing, index] = picture();
    auto camera = camera_for(static_cast<double>(state.range(0)));
    ImGui::CreateContext();
    auto& io = ImGui::GetIO();
    io.DisplaySize = {1600, 1000};
    io.DeltaTime = 1.0f / 60;
    // As the OpenGL 3 backend declares: draw lists may pass 65,536 vertices.
    io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
    gui::Fonts fonts{io.Fonts->Fonts[0], io.Fonts->Fonts[0], io.Fonts->Fonts[0], {}};
    CanvasFrame frame;
    std::size_t vertices = 0;
    for (auto _ : state) {
        ImGui::NewFrame();
        ImGui::SetNextWindowPos({canvas.min.x, canvas.min.y});
        ImGui::SetNextWindowSize({canvas.width(), canvas.height()});
        ImGui::Begin("canvas");
        // As the canvas does: fills touch their outlines, anti-aliased fills would leave seams.
        ImGui::GetWindowDrawList()->Flags &= ~ImDrawListFlags_AntiAliasedFill;
        frame.clear();
        add_visible_picture(drawing, index, camera, frame);
        gui::FramePainter(*ImGui::GetWindowDrawList(), fonts).paint(frame);
        ImGui::End();
        ImGui::Render();
        vertices = static_cast<std::size_t>(ImGui::GetDrawData()->TotalVtxCount);
    }
    report(state, frame);
    state.counters["vertices"] = static_cast<double>(vertices);
    ImGui::DestroyContext();
}
BENCHMARK(frame_build_with_imgui)->Arg(1)->Arg(4)->Arg(16)->Arg(64)->Unit(benchmark::kMillisecond);
#endif

}  // namespace
}  // namespace actorgraph
