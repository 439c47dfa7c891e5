// Reads any bytes as GraphML; what loads and can be written must read back to the same counts.
#include <cstdlib>

#include "actorgraph/io/graphml.hpp"
#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace actorgraph;
    Graph graph;
    try {
        graph = read_graphml(fuzzing::as_text(data, size), "fuzz.graphml", fuzzing::fuzz_limits());
    } catch (const Error&) {
        return 0;
    }
    std::string written;
    try {
        written = write_graphml(graph);
    } catch (const Error&) {
        return 0;  // control characters or aliases GraphML cannot carry: refused by design
    }
    auto again = read_graphml(written, "rewritten.graphml");
    if (again.actor_count() != graph.actor_count() || again.relation_count() != graph.relation_count()) std::abort();
    return 0;
}
