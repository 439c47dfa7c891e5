// Reads any bytes as DOT; what loads must write back as DOT that reads again to the same counts.
#include <cstdlib>

#include "actorgraph/io/dot_reader.hpp"
#include "actorgraph/io/dot_writer.hpp"
#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace actorgraph;
    Graph graph;
    try {
        graph = read_dot(fuzzing::as_text(data, size), "fuzz.gv", fuzzing::fuzz_limits());
    } catch (const Error&) {
        return 0;
    }
    std::string written;
    try {
        written = write_dot(graph);
    } catch (const Error&) {
        return 0;  // a text DOT cannot spell (a NUL byte): refused with a message, by design
    }
    auto again = read_dot(written, "rewritten.gv");  // must not throw: we wrote it
    if (again.actor_count() != graph.actor_count() || again.relation_count() != graph.relation_count()) std::abort();
    return 0;
}
