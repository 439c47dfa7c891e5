// actorgraph's side of the Kuzu comparison (bench/kuzu_compare.mjs drives it): loads a graph once, then
// answers Cypher statements read from standard input, one per line, through the public engine API
// (cypher::Session::run), timing only the run. Output is JSON Lines on standard output:
//   {"loaded": {"ms": ..., "peak_rss_mb": ..., "actors": ..., "relations": ...}}   once, after the load
//   {"ms": ..., "result": {"columns": [...], "rows": [...], "stats": {...}}}     per statement
//   {"ms": ..., "failure": {"error": {"class": ..., "message": ..., ...}}}       per failing statement
// Usage: actorgraph_cypher_bench GRAPH   (e.g. the generator's folder/nodes.csv)
#include <sys/resource.h>

#include <chrono>
#include <iostream>
#include <string>

#include "actorgraph/cypher/engine.hpp"
#include "actorgraph/cypher/output.hpp"
#include "actorgraph/io/file_format.hpp"

namespace {

double peak_resident_megabytes()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;  // kilobytes on Linux
}

double milliseconds_since(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv)
{
    using namespace actorgraph;
    if (argc != 2) {
        std::cerr << "usage: actorgraph_cypher_bench GRAPH   (then one Cypher statement per line on standard input)\n";
        return 2;
    }
    try {
        auto start = std::chrono::steady_clock::now();
        Graph graph = load_graph(argv[1]);
        auto load_ms = milliseconds_since(start);
        std::cout << "{\"loaded\": {\"ms\": " << load_ms << ", \"peak_rss_mb\": " << peak_resident_megabytes()
                  << ", \"actors\": " << graph.actor_count() << ", \"relations\": " << graph.relation_count() << "}}"
                  << std::endl;
        cypher::Session session(graph);
        std::string statement;
        while (std::getline(std::cin, statement)) {
            if (statement.empty()) continue;
            start = std::chrono::steady_clock::now();
            try {
                auto result = session.run(statement);
                auto ms = milliseconds_since(start);
                std::cout << "{\"ms\": " << ms << ", \"result\": " << cypher::result_to_json(session, result) << "}"
                          << std::endl;
            } catch (const cypher::Error& error) {
                auto ms = milliseconds_since(start);
                std::cout << "{\"ms\": " << ms << ", \"failure\": " << cypher::error_to_json(error) << "}" << std::endl;
            }
        }
    } catch (const std::exception& error) {
        std::cerr << argv[1] << ": " << error.what() << '\n';
        return 1;
    }
    return 0;
}
