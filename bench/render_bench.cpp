// Layout + export overhead against Graphviz's own command line on the same DOT.
//
// `export_actorgraph` is what `actorgraph export` does once the graph is loaded: compose the view,
// write the styled DOT, run Graphviz's `dot` program on it (a child process fed through a pipe,
// with a time budget and cancel) and save the picture atomically. `export_graphviz_cli` runs the
// same `dot` binary on the same styled DOT, saved beforehand, as a user would type it:
// `dot -K<engine> -Tsvg view.gv -o out.svg`. Their ratio is our overhead; the goal is within 5%.
// `layout_xdot_explorer` is the explorer's side: the same layout as xdot, parsed into drawing data
// with its hit-test index (what a RenderJob does), against `dot -Txdot` alone.
// `export_pair` and `xdot_pair` run ours and the CLI back to back in every iteration (alternating
// which goes first), so both see the same machine load; their `ratio` counter is the A/B ratio,
// and the CPU counters split our own work (`ours_self_cpu_ms`) from Graphviz's (`*_dot_cpu_ms`).
#include <benchmark/benchmark.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <chrono>

#include <filesystem>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "actorgraph/app/drawing_index.hpp"
#include "actorgraph/app/view_spec.hpp"
#include "actorgraph/generate/synthetic_graph.hpp"
#include "actorgraph/io/file_io.hpp"
#include "actorgraph/render/graphviz_render.hpp"
#include "actorgraph/render/drawing.hpp"
#include "render/graphviz_program.hpp"

extern char** environ;

namespace actorgraph {
namespace {

namespace fs = std::filesystem;

struct Case {
    Graph graph;
    ViewSpec spec;
    std::string styled;  ///< the styled DOT of the composed view
    fs::path dot_file;   ///< the same text, saved for the Graphviz CLI
};

// Engines by size as choose_layout_engine picks them: dot for 100 actors, neato for 1,000, sfdp
// for 2,000 (the largest view the explorer lays out whole).
LayoutEngine engine_for(std::size_t actors)
{
    if (actors <= 100) return LayoutEngine::dot;
    if (actors <= 1000) return LayoutEngine::neato;
    return LayoutEngine::sfdp;
}

const Case& scenario(std::size_t actors)
{
    static std::map<std::size_t, Case> cases;
    auto it = cases.find(actors);
    if (it != cases.end()) return it->second;
    Case made{generate_synthetic_graph({actors, actors <= 100 ? 2.0 : 4.0, 1}), {}, {}, {}};
    made.spec.engine = engine_for(actors);
    auto view = compose_view(made.graph, made.spec);
    made.styled = styled_dot(made.graph, view.scene, Stylesheet::builtin());
    made.dot_file = fs::temp_directory_path() / ("actorgraph-render-bench-" + std::to_string(actors) + ".gv");
    write_file_atomically(made.dot_file, made.styled);
    return cases.emplace(actors, std::move(made)).first->second;
}

fs::path output_file(const char* name) { return fs::temp_directory_path() / name; }

// Runs a program and waits for it: the reference, independent of our own spawning code.
void run_and_wait(const std::vector<std::string>& arguments)
{
    std::vector<char*> argv;
    for (const auto& argument : arguments) argv.push_back(const_cast<char*>(argument.c_str()));
    argv.push_back(nullptr);
    pid_t child = 0;
    if (::posix_spawn(&child, argv[0], nullptr, nullptr, argv.data(), environ) != 0) throw std::runtime_error("cannot start dot");
    int status = 0;
    ::waitpid(child, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) throw std::runtime_error("dot failed");
}

std::vector<std::string> cli_arguments(const Case& scenario, const char* format, const fs::path& output)
{
    return {graphviz::dot_program(), std::string("-K") + layout_engine_name(scenario.spec.engine), std::string("-T") + format,
            scenario.dot_file.string(), "-o", output.string()};
}

void export_actorgraph(benchmark::State& state)
{
    const auto& scenario_case = scenario(static_cast<std::size_t>(state.range(0)));
    auto output = output_file("actorgraph-render-bench-ours.svg");
    for (auto _ : state) {
        auto view = compose_view(scenario_case.graph, scenario_case.spec);
        auto styled = styled_dot(scenario_case.graph, view.scene, Stylesheet::builtin());
        auto picture = render_dot_text_isolated(styled, view.scene.engine, OutputFormat::svg, {});
        write_file_atomically(output, picture);
    }
    state.counters["relations"] = static_cast<double>(scenario_case.graph.relation_count());
}

void export_graphviz_cli(benchmark::State& state)
{
    const auto& scenario_case = scenario(static_cast<std::size_t>(state.range(0)));
    auto arguments = cli_arguments(scenario_case, "svg", output_file("actorgraph-render-bench-cli.svg"));
    for (auto _ : state) run_and_wait(arguments);
}

void layout_xdot_explorer(benchmark::State& state)
{
    const auto& scenario_case = scenario(static_cast<std::size_t>(state.range(0)));
    for (auto _ : state) {
        auto xdot = render_dot_text_isolated(scenario_case.styled, scenario_case.spec.engine, OutputFormat::xdot, {});
        auto drawing = drawing_from_xdot(xdot);
        auto index = DrawingIndex(drawing);
        benchmark::DoNotOptimize(index);
    }
}

void layout_xdot_graphviz_cli(benchmark::State& state)
{
    const auto& scenario_case = scenario(static_cast<std::size_t>(state.range(0)));
    auto arguments = cli_arguments(scenario_case, "xdot", output_file("actorgraph-render-bench-cli.xdot"));
    for (auto _ : state) run_and_wait(arguments);
}

double cpu_ms(int who)
{
    rusage usage{};
    ::getrusage(who, &usage);
    auto ms = [](const timeval& t) { return t.tv_sec * 1e3 + t.tv_usec / 1e3; };
    return ms(usage.ru_utime) + ms(usage.ru_stime);
}

// Wall and CPU time of one run: this process's own CPU and that of the children it reaped.
struct Spent {
    double wall_ms = 0;
    double self_cpu_ms = 0;
    double dot_cpu_ms = 0;
};

template <typename Run>
void measure(Spent& total, Run run)
{
    auto self = cpu_ms(RUSAGE_SELF);
    auto children = cpu_ms(RUSAGE_CHILDREN);
    auto started = std::chrono::steady_clock::now();
    run();
    total.wall_ms += std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    total.self_cpu_ms += cpu_ms(RUSAGE_SELF) - self;
    total.dot_cpu_ms += cpu_ms(RUSAGE_CHILDREN) - children;
}

// Runs ours and the reference in turn, each first in every other iteration, and reports their
// means and the ratio of the sums (the real time of the iteration covers both).
template <typename Ours, typename Reference>
void run_pair(benchmark::State& state, Ours ours, Reference reference)
{
    Spent mine;
    Spent cli;
    bool ours_first = true;
    for (auto _ : state) {
        if (ours_first) measure(mine, ours);
        measure(cli, reference);
        if (!ours_first) measure(mine, ours);
        ours_first = !ours_first;
    }
    auto n = static_cast<double>(state.iterations());
    state.counters["ours_ms"] = mine.wall_ms / n;
    state.counters["cli_ms"] = cli.wall_ms / n;
    state.counters["ratio"] = mine.wall_ms / cli.wall_ms;
    state.counters["ours_self_cpu_ms"] = mine.self_cpu_ms / n;
    state.counters["ours_dot_cpu_ms"] = mine.dot_cpu_ms / n;
    state.counters["cli_dot_cpu_ms"] = cli.dot_cpu_ms / n;
}

void export_pair(benchmark::State& state)
{
    const auto& scenario_case = scenario(static_cast<std::size_t>(state.range(0)));
    auto output = output_file("actorgraph-render-bench-ours.svg");
    auto arguments = cli_arguments(scenario_case, "svg", output_file("actorgraph-render-bench-cli.svg"));
    run_pair(state, [&] {
        auto view = compose_view(scenario_case.graph, scenario_case.spec);
        auto styled = styled_dot(scenario_case.graph, view.scene, Stylesheet::builtin());
        write_file_atomically(output, render_dot_text_isolated(styled, view.scene.engine, OutputFormat::svg, {}));
    }, [&] { run_and_wait(arguments); });
}

void xdot_pair(benchmark::State& state)
{
    const auto& scenario_case = scenario(static_cast<std::size_t>(state.range(0)));
    auto arguments = cli_arguments(scenario_case, "xdot", output_file("actorgraph-render-bench-cli.xdot"));
    run_pair(state, [&] {
        auto xdot = render_dot_text_isolated(scenario_case.styled, scenario_case.spec.engine, OutputFormat::xdot, {});
        auto drawing = drawing_from_xdot(xdot);
        auto index = DrawingIndex(drawing);
        benchmark::DoNotOptimize(index);
    }, [&] { run_and_wait(arguments); });
}

// Each of our runs is followed by the CLI's on the same size, so machine load hits both alike.
const bool registered = [] {
    // Not 10,000: its styled DOT (14 MB with sources as tooltips) takes sfdp 141 s, over the budget.
    for (int actors : {100, 1000, 2000}) {
        for (auto [name, run] : {std::pair{"export_actorgraph", &export_actorgraph}, {"export_graphviz_cli", &export_graphviz_cli},
                                 {"layout_xdot_explorer", &layout_xdot_explorer},
                                 {"layout_xdot_graphviz_cli", &layout_xdot_graphviz_cli},
                                 {"export_pair", &export_pair}, {"xdot_pair", &xdot_pair}}) {
            benchmark::RegisterBenchmark(name, run)->Arg(actors)->Unit(benchmark::kMillisecond)->UseRealTime();
        }
    }
    return true;
}();

}  // namespace
}  // namespace actorgraph
