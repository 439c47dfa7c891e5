// Drives the explorer's app model as a user would on a fuzzed graph: open, filter by each type and kind,
// focus, find paths, rank, select, inspect and hover text. Graphviz is replaced by a canned layout
// (an empty picture), so what is fuzzed is our own model; layouts are covered by the render tests.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "actorgraph/app/display_text.hpp"
#include "actorgraph/app/explorer.hpp"
#include "actorgraph/app/inspector.hpp"
#include "fuzz_input.hpp"

namespace {

namespace fs = std::filesystem;
using namespace actorgraph;

constexpr std::chrono::seconds patience{20};

const fs::path& scratch()
{
    static const fs::path folder = [] {
        auto dir = fs::temp_directory_path() / ("actorgraph-app-fuzz-" + std::to_string(::getpid()));
        fs::create_directories(dir);
        return dir;
    }();
    return folder;
}

std::string empty_picture(std::string_view, LayoutEngine, OutputFormat, const RenderControl&)
{
    return "digraph { graph [bb=\"0,0,0,0\"]; }";
}

void settle(Explorer& explorer)
{
    if (!explorer.wait_until_idle(patience)) std::abort();  // a hang is a finding
}

void click_through(Explorer& explorer)
{
    const auto& graph = *explorer.graph();
    for (const auto& kind : explorer.kinds_present()) (void)widget_label(display_text_or(kind, "(no kind)"), "k");
    for (const auto& type : explorer.types_present()) {
        (void)widget_label(display_text_or(type, "(untyped)"), "t");
        GraphFilter filter;
        filter.types = {type};
        explorer.set_filter(filter);
        settle(explorer);
    }
    explorer.set_filter({});
    if (graph.actor_count() == 0) return;
    auto first = ActorIndex{0};
    auto last = static_cast<ActorIndex>(graph.actor_count() - 1);
    for (const auto& line : actor_tooltip_lines(graph, last)) (void)display_text(line, long_text_limit);
    if (graph.relation_count() > 0) {
        for (const auto& line : relation_tooltip_lines(graph, 0)) (void)display_text(line, long_text_limit);
    }
    (void)describe_actor(graph, first);
    explorer.set_focus({first}, 2);
    settle(explorer);
    explorer.set_focus({}, 1);
    PathOptions options;
    options.direction = Direction::any;
    options.k = 3;
    (void)explorer.run_path_query(first, last, options);
    settle(explorer);
    explorer.select_actor(last);
    explorer.go_to_actor(first);
    (void)explorer.rank(Metric::degree);
    explorer.request_ranking(Metric::pagerank);
    settle(explorer);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0) return 0;
    // The first byte picks the reader, the rest is the file.
    auto file = scratch() / (data[0] % 2 == 0 ? "graph.gv" : "graph.graphml");
    {
        std::ofstream out(file, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(data + 1), static_cast<std::streamsize>(size - 1));
    }
    ExplorerOptions options;
    options.config_dir = scratch() / "config";
    options.layout_runner = empty_picture;
    Explorer explorer(options);
    if (!explorer.open(file)) return 0;
    settle(explorer);
    if (explorer.graph() && explorer.file() == file) click_through(explorer);
    return 0;
}
