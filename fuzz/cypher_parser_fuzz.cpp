// Parses any text as a Cypher statement, and runs what parses on a small graph with tight bounds: no input
// may crash, hang or exhaust the stack; errors are cypher::Error.
#include "actorgraph/cypher/engine.hpp"
#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace actorgraph;
    Graph graph;
    cypher::Session session(graph);
    cypher::Limits limits;
    limits.max_rows = 10000;
    limits.max_expansions = 100000;
    try {
        session.run("CREATE (a:A {id: 'a', n: 1})-[:T {w: 2}]->(b:B {n: 2}), (b)-[:T]->(a), (a)-[:U]->(a)");
    } catch (const Error&) {
        return 0;
    }
    try {
        (void)session.run(fuzzing::as_text(data, size), {}, limits);
    } catch (const Error&) {
    }
    return 0;
}
