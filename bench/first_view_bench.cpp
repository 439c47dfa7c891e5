// What a new user sees first, per layout engine, on real graphs of 50 to 2,000 actors: the
// explorer's opening view (sized by degree, cut to an overview above its limits) laid out by each
// engine and fitted into the default window's canvas. Besides the layout time it reports what
// decides whether the picture reads:
//   fit_zoom     the zoom of Fit, in percent (the README picture reads at 100%)
//   named        actors whose name is readable at Fit (their own label >= 9 px, or a far label)
//   named_pct    the same as a share of the actors drawn
//   top10_named  of the 10 largest (best connected) actors, how many are named at Fit
//   overlaps     pairs of actors whose boxes overlap (names hidden under other actors)
// The graphs are graphs/nato_mongolia.gv and third-party files from ../shared/corpus (skipped when
// absent). bench/README.md records a run and the engine chosen from it.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <set>

#include "actorgraph/app/canvas_frame.hpp"
#include "actorgraph/app/label_placement.hpp"
#include "actorgraph/app/view_spec.hpp"
#include "actorgraph/io/file_format.hpp"
#include "actorgraph/render/graphviz_render.hpp"
#include "actorgraph/render/stylesheet.hpp"

namespace actorgraph {
namespace {

namespace fs = std::filesystem;

// The canvas of the default 1600x1000 window, between the side panels (as in frame_bench).
constexpr Rect canvas{{388, 44}, {1192, 964}};
constexpr LayoutEngine measured_engines[] = {LayoutEngine::dot, LayoutEngine::neato, LayoutEngine::fdp, LayoutEngine::sfdp};

std::vector<fs::path> measured_files()
{
    fs::path source(ACTORGRAPH_SOURCE_DIR);
    auto corpus = source.parent_path() / "shared" / "corpus";
    std::vector<fs::path> files{source / "graphs" / "nato_mongolia.gv"};
    for (const char* name : {"graphviz/directed/sdh.gv", "graphviz/undirected/ngk10_4.gv", "gexf/les_miserables.gexf",
                             "gexf/celegans.gexf", "gexf/rio.gexf", "gexf/arctic.gexf", "gexf/yeast.gexf"}) {
        if (fs::exists(corpus / name)) files.push_back(corpus / name);
        else std::fprintf(stderr, "first_view_bench: %s is missing (../shared/corpus absent?): skipped\n", name);
    }
    return files;
}

std::size_t overlapping_actor_pairs(const Drawing& drawing)
{
    std::vector<Rect> boxes;
    for (const auto& element : drawing.elements) {
        if (element.kind == ElementKind::actor) boxes.push_back(element.bounds);
    }
    std::sort(boxes.begin(), boxes.end(), [](const Rect& a, const Rect& b) { return a.min.x < b.min.x; });
    std::size_t pairs = 0;
    for (std::size_t i = 0; i < boxes.size(); ++i) {
        for (std::size_t j = i + 1; j < boxes.size() && boxes[j].min.x < boxes[i].max.x; ++j) {
            if (boxes[j].min.y < boxes[i].max.y && boxes[i].min.y < boxes[j].max.y) ++pairs;
        }
    }
    return pairs;
}

struct Legibility {
    std::size_t actors = 0;
    std::size_t named = 0;
    std::size_t top10_named = 0;
    float zoom = 0;
};

Legibility legibility_at_fit(const Drawing& drawing)
{
    DrawingIndex index(drawing);
    Camera camera;
    camera.set_viewport(canvas);
    camera.fit(drawing.bounds);
    CanvasFrame frame;
    add_visible_picture(drawing, index, camera, frame);
    add_actor_labels(drawing, index, camera, {}, frame);
    std::set<const Shape*> drawn_texts;
    for (const auto& primitive : frame.primitives) {
        if (primitive.kind == ScreenPrimitive::Kind::text && primitive.size >= readable_label_pixels) drawn_texts.insert(primitive.text);
    }
    Legibility result;
    result.zoom = camera.zoom();
    const auto& order = index.label_order();
    for (std::size_t rank = 0; rank < order.size(); ++rank) {
        const auto& element = drawing.elements[order[rank]];
        bool named = std::any_of(element.shapes.begin(), element.shapes.end(), [&](const Shape& s) { return drawn_texts.contains(&s); });
        ++result.actors;
        result.named += named ? 1 : 0;
        if (rank < 10 && named) ++result.top10_named;
    }
    return result;
}

void first_view(benchmark::State& state, const fs::path& file, LayoutEngine engine)
{
    auto graph = load_graph(file);
    ViewSpec spec;  // the explorer's opening view with this engine
    spec.size_by = Metric::degree;
    spec.limits = ViewLimits{};
    spec.engine = engine;
    auto view = compose_view(graph, spec);
    auto dot = styled_dot(graph, view.scene, Stylesheet::builtin());
    for (auto _ : state) {
        auto start = std::chrono::steady_clock::now();
        std::string xdot;
        try {
            xdot = render_dot_text_isolated(dot, engine, OutputFormat::xdot, RenderControl{std::chrono::seconds(60), nullptr});
        } catch (const std::exception& failure) {
            state.SkipWithError(failure.what());
            return;
        }
        state.SetIterationTime(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
        auto drawing = drawing_from_xdot(xdot);
        auto seen = legibility_at_fit(drawing);
        state.counters["actors"] = static_cast<double>(seen.actors);
        state.counters["fit_zoom"] = 100.0 * seen.zoom;
        state.counters["named"] = static_cast<double>(seen.named);
        state.counters["named_pct"] = seen.actors ? 100.0 * static_cast<double>(seen.named) / static_cast<double>(seen.actors) : 0;
        state.counters["top10_named"] = static_cast<double>(seen.top10_named);
        state.counters["overlaps"] = static_cast<double>(overlapping_actor_pairs(drawing));
    }
}

}  // namespace
}  // namespace actorgraph

int main(int argc, char** argv)
{
    using namespace actorgraph;
    benchmark::Initialize(&argc, argv);
    for (const auto& file : measured_files()) {
        for (auto engine : measured_engines) {
            auto name = file.filename().string() + "/" + layout_engine_name(engine);
            benchmark::RegisterBenchmark(name.c_str(), [file, engine](benchmark::State& state) { first_view(state, file, engine); })
                ->Iterations(1)
                ->UseManualTime()
                ->Unit(benchmark::kMillisecond);
        }
    }
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
