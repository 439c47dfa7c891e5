#pragma once
// Small RAII owners of Graphviz C handles (after Graphviz's lib/gvc++). cgraph and gvc keep
// global state (error handler, symbol tables, plugins), so every use holds library_lock().
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <memory>
#include <mutex>
#include <string>

namespace actorgraph::graphviz {

/// Serialises all use of the Graphviz libraries across threads.
[[nodiscard]] std::unique_lock<std::recursive_mutex> library_lock();

/// While alive, Graphviz messages are collected here instead of being printed to stderr.
class MessageCapture {
public:
    MessageCapture();
    ~MessageCapture();
    MessageCapture(const MessageCapture&) = delete;
    MessageCapture& operator=(const MessageCapture&) = delete;

    /// Everything Graphviz reported since construction, trimmed.
    [[nodiscard]] std::string messages() const;

private:
    agusererrf previous_handler_;
};

struct GraphCloser {
    void operator()(Agraph_t* graph) const noexcept { if (graph) agclose(graph); }
};
/// An owned cgraph root graph.
using GraphHandle = std::unique_ptr<Agraph_t, GraphCloser>;

/// Parses the first graph in a DOT text (agmemread) and then empties cgraph's global lexer buffer,
/// which otherwise keeps whatever followed that graph and feeds it to the next parse in the process.
/// The caller holds library_lock() and a MessageCapture.
[[nodiscard]] GraphHandle read_graph(const std::string& text);

/// An owned layout context; plugins are loaded once per context.
class Context {
public:
    Context();
    ~Context();
    Context(const Context&) = delete;
    Context& operator=(const Context&) = delete;
    [[nodiscard]] GVC_t* get() const noexcept { return context_; }

private:
    GVC_t* context_;
};

/// The process's one layout context, created on first use and never freed. Graphviz 2.43's pango
/// plugin remembers a font name pointer owned by the context between layouts, so a context freed
/// after one render makes the next render read freed memory (found by the ASan test run).
/// The caller holds library_lock().
[[nodiscard]] Context& shared_context();

/// A layout applied to a graph; freed before the graph is closed.
class LayoutHandle {
public:
    LayoutHandle(Context& context, Agraph_t* graph, const char* engine);
    ~LayoutHandle();
    LayoutHandle(const LayoutHandle&) = delete;
    LayoutHandle& operator=(const LayoutHandle&) = delete;
    /// Renders the laid-out graph into memory in a Graphviz output format ("svg", "xdot", "png").
    [[nodiscard]] std::string render(const char* format) const;

private:
    Context& context_;
    Agraph_t* graph_;
};

}  // namespace actorgraph::graphviz
