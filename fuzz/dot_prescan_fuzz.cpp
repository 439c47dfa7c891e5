// Our DOT pre-scan (io/dot_lines) must see every token cgraph sees, or a comment or a string could
// walk a file around the limits: whatever cgraph parses, every attribute name it declares and every
// node it creates must be one the pre-scan counted. A difference aborts (a finding).
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

#include "fuzz_input.hpp"
#include "graphviz/graphviz_handles.hpp"
#include "io/dot_lines.hpp"

namespace {

using namespace actorgraph;

bool counted(const dot::LineIndex& index, const char* name)
{
    // cgraph declares these itself for `a:port -> b:port` and keyed edges: two or three names, no cost.
    for (const char* own : {"tailport", "headport", "key"}) {
        if (std::string_view(name) == own) return true;
    }
    return index.attribute_names().contains(dot::from_cgraph(name));
}

void compare(const dot::LineIndex& index, Agraph_t* graph)
{
    for (int kind : {AGRAPH, AGNODE, AGEDGE}) {
        for (Agsym_t* symbol = agnxtattr(graph, kind, nullptr); symbol; symbol = agnxtattr(graph, kind, symbol)) {
            if (!counted(index, symbol->name)) std::abort();  // cgraph declared a name the limits never saw
        }
    }
    for (Agnode_t* node = agfstnode(graph); node; node = agnxtnode(graph, node)) {
        if (index.node_line(dot::from_cgraph(agnameof(node))) == 0) std::abort();  // a node the pre-scan missed
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    auto text = fuzzing::as_text(data, size);
    if (text.find('\0') != std::string_view::npos) return 0;  // refused before either sees it
    auto limits = fuzzing::fuzz_limits();
    std::optional<dot::LineIndex> index;
    try {
        index.emplace(text, "fuzz.gv", limits);
    } catch (const Error&) {
        return 0;
    }
    auto buffer = index->cgraph_text(text);
    auto lock = graphviz::library_lock();
    graphviz::MessageCapture capture;
    graphviz::GraphHandle graph = graphviz::read_graph(buffer);
    if (graph) compare(*index, graph.get());
    return 0;
}
