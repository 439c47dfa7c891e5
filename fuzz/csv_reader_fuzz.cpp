// Reads any bytes as the two Neo4j CSV files, split at the first form feed (nodes, then relationships);
// what loads and can be written must read back to the same counts.
#include <cstdlib>

#include "actorgraph/io/neo4j_csv.hpp"
#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace actorgraph;
    auto text = fuzzing::as_text(data, size);
    auto split = text.find('\f');
    auto nodes = text.substr(0, split);
    auto relationships = split == std::string_view::npos ? std::string_view{} : text.substr(split + 1);
    Graph graph;
    try {
        graph = read_neo4j_csv(nodes, "nodes.csv", relationships, "relationships.csv", fuzzing::fuzz_limits());
    } catch (const Error&) {
        return 0;
    }
    CsvDocuments written;
    try {
        written = write_neo4j_csv(graph);
    } catch (const Error&) {
        return 0;  // kinds or aliases the CSV layout cannot carry: refused by design
    }
    auto again = read_neo4j_csv(written.nodes, "nodes.csv", written.relationships, "relationships.csv");
    if (again.actor_count() != graph.actor_count() || again.relation_count() != graph.relation_count()) std::abort();
    return 0;
}
