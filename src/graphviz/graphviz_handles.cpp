#include "graphviz/graphviz_handles.hpp"

#include "actorgraph/model/error.hpp"

// cgraph's lexer entry points that cgraph.h does not declare (scan.l in Graphviz 2.43).
extern "C" void aglexbad(void);

namespace actorgraph::graphviz {

namespace {

std::string& captured_text()
{
    static std::string text;
    return text;
}

int capture_message(char* message)
{
    captured_text() += message;
    return 0;
}

}  // namespace

GraphHandle read_graph(const std::string& text)
{
    agreadline(1);
    GraphHandle graph(agmemread(text.c_str()));
    aglexbad();
    return graph;
}

std::unique_lock<std::recursive_mutex> library_lock()
{
    static std::recursive_mutex mutex;
    return std::unique_lock(mutex);
}

MessageCapture::MessageCapture() : previous_handler_(agseterrf(capture_message))
{
    captured_text().clear();
    agseterr(AGWARN);
    agreseterrors();
}

MessageCapture::~MessageCapture()
{
    agseterrf(previous_handler_);
}

std::string MessageCapture::messages() const
{
    std::string text = captured_text();
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
    return text;
}

Context::Context() : context_(gvContext())
{
    if (!context_) throw Error("cannot create a Graphviz context");
}

Context::~Context()
{
    gvFreeContext(context_);
}

Context& shared_context()
{
    static Context* context = new Context();  // never freed: see the header
    return *context;
}

LayoutHandle::LayoutHandle(Context& context, Agraph_t* graph, const char* engine)
    : context_(context), graph_(graph)
{
    MessageCapture capture;
    if (gvLayout(context_.get(), graph_, engine) != 0) {
        auto why = capture.messages();
        throw Error(std::string("Graphviz layout '") + engine + "' failed" + (why.empty() ? "" : ": " + why));
    }
}

LayoutHandle::~LayoutHandle()
{
    gvFreeLayout(context_.get(), graph_);
}

std::string LayoutHandle::render(const char* format) const
{
    MessageCapture capture;
    char* data = nullptr;
    unsigned int length = 0;
    if (gvRenderData(context_.get(), graph_, format, &data, &length) != 0 || !data) {
        if (data) gvFreeRenderData(data);
        auto why = capture.messages();
        throw Error(std::string("Graphviz cannot render '") + format + "'" + (why.empty() ? "" : ": " + why));
    }
    std::string result(data, length);
    gvFreeRenderData(data);
    return result;
}

}  // namespace actorgraph::graphviz
