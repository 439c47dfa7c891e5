#!/usr/bin/python3
"""Side-by-side scale run: actorgraph against python3-igraph on the same synthetic CSV files.

Generates (once) `actorgraph generate --actors N --seed 1` as Neo4j CSV, then in one invocation
  - times loading it with `actorgraph info` (wall time and peak resident memory of the process),
  - runs the Google Benchmark suites (`actorgraph_bench`) at the same size and reads their medians,
  - loads the same files into python3-igraph and runs the same queries there,
and prints one Markdown table of medians with the ratio igraph / actorgraph (above 1 = we are faster).

Usage: bench/compare_igraph.py [--actors N] [--build build] [--repetitions 5] [--pairs 100]
Needs the Debian package python3-igraph and a build with -DACTORGRAPH_BUILD_BENCH=ON.
The interpreter is /usr/bin/python3 on purpose: Debian's python3-igraph lives there.
"""
import argparse
import csv
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import time

import igraph

# Our benchmark (regex of Google Benchmark names) -> the igraph query that answers the same question.
PAIRS = [
    ("single-pair shortest path (any direction)", r"^shortest_path_single_pair", "shortest"),
    ("single-pair weighted path (amount_usd, inverse)", r"^weighted_path_single_pair", "weighted"),
    ("full BFS from one actor", r"^full_bfs", "bfs"),
    ("PageRank (ours: 20 rounds; igraph: PRPACK, exact)", r"^pagerank/default_20_rounds", "pagerank"),
]


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser.add_argument("--actors", type=int, default=100000)
    parser.add_argument("--build", default=os.path.join(root, "build"))
    parser.add_argument("--cli", default=None, help="the actorgraph CLI (default: BUILD/src/actorgraph)")
    parser.add_argument("--repetitions", type=int, default=5)
    parser.add_argument("--pairs", type=int, default=100)
    parser.add_argument("--data", default="/tmp/actorgraph-bench")
    parser.add_argument("--render-sizes", default="100,1000,2000",
                        help="actor counts for layout + export against the Graphviz CLI ('' skips it)")
    return parser.parse_args()


def generate(cli, actors, data):
    folder = os.path.join(data, f"{actors}")
    if not os.path.exists(os.path.join(folder, "relationships.csv")):
        subprocess.run([cli, "generate", "--actors", str(actors), "--seed", "1", "-o", folder, "--formats", "csv"],
                       check=True, stdout=subprocess.DEVNULL)
    return folder


def timed_child(command):
    """Wall seconds and peak resident MB of this one child process (wait4 reports its own usage,
    where RUSAGE_CHILDREN would report the largest child so far, such as the generator)."""
    started = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise subprocess.CalledProcessError(child.returncode, command)
    return seconds, usage.ru_maxrss / 1024


def our_load(cli, folder, repetitions):
    runs = [timed_child([cli, "info", os.path.join(folder, "nodes.csv")]) for _ in range(repetitions)]
    return statistics.median(r[0] for r in runs) * 1000, max(r[1] for r in runs)


def our_benchmarks(build, actors, repetitions):
    binary = os.path.join(build, "bench", "actorgraph_bench")
    names = "|".join(f"({pattern[1:]})" for _, pattern, _ in PAIRS) + "|(reference_csr_bfs)"
    os.environ["ACTORGRAPH_BENCH_ACTORS"] = str(actors)
    return medians_of([binary, f"--benchmark_filter={names}"], repetitions)


def medians_of(command, repetitions):
    """Median wall milliseconds per Google Benchmark run name."""
    output = subprocess.run(command + ["--benchmark_format=json", f"--benchmark_repetitions={repetitions}",
                                       "--benchmark_report_aggregates_only=true"],
                            check=True, capture_output=True, text=True).stdout
    medians = {}
    for entry in json.loads(output)["benchmarks"]:
        if entry.get("aggregate_name") == "median":
            scale = {"ns": 1e-6, "us": 1e-3, "ms": 1.0, "s": 1000.0}[entry["time_unit"]]
            medians[entry["run_name"]] = entry["real_time"] * scale
    return medians


def render_table(build, sizes, repetitions):
    """Layout + export and xdot layout: ours against `dot` run by hand on the same styled DOT."""
    binary = os.path.join(build, "bench", "actorgraph_render_bench")
    sizes = [size for size in sizes.split(",") if size]
    medians = medians_of([binary, "--benchmark_filter=/(" + "|".join(sizes) + ")/"], repetitions)
    print()
    print("| view (engine) | export SVG: actorgraph | `dot` CLI | ratio | xdot for the explorer: actorgraph | `dot` CLI | ratio |")
    print("|---|---|---|---|---|---|---|")
    for size in sizes:
        def median(name):
            return medians.get(f"{name}/{size}/real_time")
        ours, cli = median("export_actorgraph"), median("export_graphviz_cli")
        drawn, cli_xdot = median("layout_xdot_explorer"), median("layout_xdot_graphviz_cli")
        engine = "dot" if int(size) <= 100 else "neato" if int(size) <= 1000 else "sfdp"
        print(f"| {size} actors ({engine}) | {ours:.0f} ms | {cli:.0f} ms | {ours / cli:.3f} | "
              f"{drawn:.0f} ms | {cli_xdot:.0f} ms | {drawn / cli_xdot:.3f} |")
    print("\nratio = actorgraph / Graphviz CLI (goal <= 1.05 for export)")


def igraph_load(folder):
    started = time.perf_counter()
    index = {}
    with open(os.path.join(folder, "nodes.csv"), newline="", encoding="utf-8") as nodes:
        for row in csv.DictReader(nodes):
            index[row["id:ID"]] = len(index)
    edges, amounts = [], []
    with open(os.path.join(folder, "relationships.csv"), newline="", encoding="utf-8") as relationships:
        for row in csv.DictReader(relationships):
            edges.append((index[row[":START_ID"]], index[row[":END_ID"]]))
            amount = row.get("amount_usd:float", "")
            amounts.append(float(amount) if amount else 0.0)
    graph = igraph.Graph(n=len(index), edges=edges, directed=True)
    graph.es["amount"] = amounts
    seconds = time.perf_counter() - started
    resident = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return graph, seconds * 1000, resident


def inverse_costs(amounts):
    """Our `--weight amount_usd` cost: largest / value; relations without a value cost as much as the weakest."""
    positive = [a for a in amounts if a > 0]
    if not positive:
        return [1.0] * len(amounts)
    largest = max(positive)
    weakest = largest / min(positive)
    return [largest / a if a > 0 else weakest for a in amounts]


def median_ms(action, inputs):
    times = []
    for item in inputs:
        started = time.perf_counter()
        action(item)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def igraph_queries(graph, pairs, repetitions):
    costs = inverse_costs(graph.es["amount"])
    sources = [s for s, _ in pairs[:repetitions]]
    return {
        "shortest": median_ms(lambda p: graph.get_shortest_paths(p[0], to=p[1], mode="all", output="epath"), pairs),
        "weighted": median_ms(lambda p: graph.get_shortest_paths(p[0], to=p[1], weights=costs, mode="all",
                                                                 output="epath"), pairs),
        "bfs": median_ms(lambda s: graph.bfs(s, mode="all"), sources),
        "pagerank": median_ms(lambda _: graph.pagerank(directed=True, damping=0.85), range(repetitions)),
    }


def main():
    arguments = parse_arguments()
    cli = arguments.cli or os.path.join(arguments.build, "src", "actorgraph")
    folder = generate(cli, arguments.actors, arguments.data)
    load_ms, load_mb = our_load(cli, folder, arguments.repetitions)
    ours = our_benchmarks(arguments.build, arguments.actors, arguments.repetitions)
    graph, igraph_load_ms, igraph_mb = igraph_load(folder)
    rng = random.Random(7)
    pairs = [(rng.randrange(graph.vcount()), rng.randrange(graph.vcount())) for _ in range(arguments.pairs)]
    theirs = igraph_queries(graph, pairs, arguments.repetitions)

    print(f"{arguments.actors} actors, {graph.ecount()} relations; medians; ratio = igraph / actorgraph")
    print()
    print("| query | actorgraph | igraph 0.10 | ratio |")
    print("|---|---|---|---|")
    print(f"| load CSV (`actorgraph info`, wall) | {load_ms:.0f} ms | {igraph_load_ms:.0f} ms | "
          f"{igraph_load_ms / load_ms:.1f}x |")
    print(f"| peak resident memory after load | {load_mb:.0f} MB | {igraph_mb:.0f} MB | {igraph_mb / load_mb:.1f}x |")
    for title, pattern, key in PAIRS:
        # Single-pair suites are named median_over_pairs/<name>/...
        name = next((n for n in sorted(ours) if pattern[1:] in n), None)
        if name is None:
            print(f"| {title} | (no benchmark) | {theirs[key]:.3f} ms | |")
            continue
        print(f"| {title} | {ours[name]:.3f} ms | {theirs[key]:.3f} ms | {theirs[key] / ours[name]:.1f}x |")
    reference = next((v for n, v in ours.items() if n.startswith("reference_csr_bfs")), None)
    bfs = next((v for n, v in ours.items() if n.startswith("full_bfs")), None)
    if reference and bfs:
        print(f"\nfull BFS / plain Boost.Graph CSR BFS: {bfs / reference:.2f}x (goal <= 1.2x)")
    if arguments.render_sizes:
        render_table(arguments.build, arguments.render_sizes, arguments.repetitions)
    return 0


if __name__ == "__main__":
    sys.exit(main())
