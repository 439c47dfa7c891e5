#include "actorgraph/render/graphviz_render.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <thread>

#include "graphviz/graphviz_handles.hpp"

namespace actorgraph {

namespace {

// The length of the well-formed UTF-8 sequence at `pos`, or 0 for a malformed, overlong or
// surrogate one.
std::size_t utf8_length(std::string_view text, std::size_t pos)
{
    auto lead = static_cast<unsigned char>(text[pos]);
    if (lead < 0x80) return 1;
    std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0;
    if (length == 0 || lead > 0xF4 || pos + length > text.size()) return 0;
    char32_t code = lead & (0x3Fu >> (length - 1));
    for (std::size_t i = 1; i < length; ++i) {
        auto byte = static_cast<unsigned char>(text[pos + i]);
        if ((byte & 0xC0) != 0x80) return 0;
        code = (code << 6) | (byte & 0x3Fu);
    }
    constexpr char32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
    bool valid = code >= smallest[length] && code <= 0x10FFFF && !(code >= 0xD800 && code <= 0xDFFF);
    return valid ? length : 0;
}

// The length of the character at `pos` when XML 1.0 can carry it, else 0: no C0 controls other
// than tab, LF and CR, no U+FFFE/U+FFFF.
std::size_t xml_char_length(std::string_view text, std::size_t pos)
{
    auto lead = static_cast<unsigned char>(text[pos]);
    if (lead < 0x20) return lead == '\t' || lead == '\n' || lead == '\r' ? 1 : 0;
    auto length = utf8_length(text, pos);
    bool noncharacter = length == 3 && text.substr(pos, 2) == "\xEF\xBF" &&
                        (static_cast<unsigned char>(text[pos + 2]) & 0xFE) == 0xBE;
    return noncharacter ? 0 : length;
}

// Copies the text with every character `length_of` rejects replaced by U+FFFD.
template <typename LengthOf>
std::string replace_rejected(std::string text, LengthOf length_of)
{
    std::size_t pos = 0;
    while (pos < text.size() && length_of(text, pos) == 1) ++pos;
    if (pos == text.size()) return text;
    std::string safe = text.substr(0, pos);
    while (pos < text.size()) {
        auto length = length_of(text, pos);
        if (length == 0) {
            safe += "\xEF\xBF\xBD";
            ++pos;
            continue;
        }
        safe.append(text, pos, length);
        pos += length;
    }
    return safe;
}

// Graphviz copies control characters and malformed UTF-8 from labels into SVG as they are, which
// makes the file unreadable for any XML parser (and browsers refuse to show it). XML cannot carry
// them at all, so each becomes U+FFFD; markup is never touched (it is all ASCII).
std::string make_xml_safe(std::string svg)
{
    return replace_rejected(std::move(svg), xml_char_length);
}

// Malformed UTF-8 in a label makes Pango print warnings straight to stderr (GLib logging, which no
// Graphviz handler catches), so it is replaced before Graphviz sees the text. The replacement has
// no ASCII byte, so the DOT syntax around it is unchanged.
std::string with_valid_utf8(std::string_view dot_text)
{
    return replace_rejected(std::string(dot_text), utf8_length);
}

// The caller holds the Graphviz lock, or is a forked child where no other thread exists
// (and the inherited lock belongs to a thread id the child does not have).
std::string render_unlocked(std::string_view dot_text, LayoutEngine engine, OutputFormat format)
{
    auto buffer = with_valid_utf8(dot_text);
    graphviz::MessageCapture capture;
    graphviz::GraphHandle graph = graphviz::read_graph(buffer);
    if (!graph) throw Error("Graphviz cannot read the scene: " + capture.messages());
    graphviz::LayoutHandle layout(graphviz::shared_context(), graph.get(), layout_engine_name(engine));
    auto output = layout.render(output_format_name(format));
    return format == OutputFormat::svg ? make_xml_safe(std::move(output)) : output;
}

void write_all(int fd, std::string_view data)
{
    while (!data.empty()) {
        auto written = ::write(fd, data.data(), data.size());
        if (written < 0 && errno == EINTR) continue;
        if (written <= 0) return;
        data.remove_prefix(static_cast<std::size_t>(written));
    }
}

// The child reports "0" + output on success, or "1" + message on failure, on one pipe.
[[noreturn]] void run_child(int fd, std::string_view dot_text, LayoutEngine engine, OutputFormat format)
{
    try {
        auto output = render_unlocked(dot_text, engine, format);
        write_all(fd, "0");
        write_all(fd, output);
        ::_exit(0);
    } catch (const std::exception& error) {
        write_all(fd, "1");
        write_all(fd, error.what());
    } catch (...) {
        write_all(fd, "1unknown failure");
    }
    ::_exit(1);
}

class ChildProcess {
public:
    explicit ChildProcess(pid_t pid) : pid_(pid) {}
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;
    ~ChildProcess()
    {
        if (pid_ <= 0) return;
        ::kill(pid_, SIGKILL);
        wait();
    }
    int wait()
    {
        int status = 0;
        while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
        }
        pid_ = -1;
        return status;
    }

private:
    pid_t pid_;
};

class Pipe {
public:
    Pipe()
    {
        if (::pipe2(fds_, O_CLOEXEC) != 0) throw Error(std::string("cannot create pipe: ") + std::strerror(errno));
    }
    ~Pipe()
    {
        close_read();
        close_write();
    }
    Pipe(const Pipe&) = delete;
    Pipe& operator=(const Pipe&) = delete;
    [[nodiscard]] int read_end() const { return fds_[0]; }
    [[nodiscard]] int write_end() const { return fds_[1]; }
    void close_read() { if (fds_[0] >= 0) ::close(fds_[0]); fds_[0] = -1; }
    void close_write() { if (fds_[1] >= 0) ::close(fds_[1]); fds_[1] = -1; }

private:
    int fds_[2] = {-1, -1};
};

std::string collect_output(int fd, const RenderControl& control)
{
    std::string received;
    auto deadline = std::chrono::steady_clock::now() + control.budget;
    char buffer[65536];
    for (;;) {
        if (control.cancelled && control.cancelled->load()) throw Error("layout cancelled");
        if (std::chrono::steady_clock::now() > deadline) {
            throw Error("layout took longer than its budget of " + std::to_string(control.budget.count() / 1000) +
                        " s and was stopped; try sfdp or a smaller view");
        }
        pollfd poller{fd, POLLIN, 0};
        int ready = ::poll(&poller, 1, 50);
        if (ready < 0 && errno == EINTR) continue;
        if (ready <= 0) continue;
        auto count = ::read(fd, buffer, sizeof buffer);
        if (count < 0 && errno == EINTR) continue;
        if (count <= 0) return received;
        received.append(buffer, static_cast<std::size_t>(count));
    }
}

}  // namespace

std::string render_dot_text(std::string_view dot_text, LayoutEngine engine, OutputFormat format)
{
    auto lock = graphviz::library_lock();
    return render_unlocked(dot_text, engine, format);
}

std::string render_dot_text_isolated(std::string_view dot_text, LayoutEngine engine, OutputFormat format,
                                     const RenderControl& control)
{
    Pipe pipe;
    // Holding the Graphviz lock across fork keeps other threads out of Graphviz's globals
    // while the child inherits them.
    pid_t pid = 0;
    {
        auto lock = graphviz::library_lock();
        pid = ::fork();
        if (pid < 0) throw Error(std::string("cannot start layout process: ") + std::strerror(errno));
        if (pid == 0) {
            pipe.close_read();
            run_child(pipe.write_end(), dot_text, engine, format);
        }
    }
    ChildProcess child(pid);
    pipe.close_write();
    auto received = collect_output(pipe.read_end(), control);
    int status = child.wait();
    if (!received.empty() && received.front() == '0' && WIFEXITED(status) && WEXITSTATUS(status) == 0) {
        return received.substr(1);
    }
    if (!received.empty() && received.front() == '1') throw Error(received.substr(1));
    if (WIFSIGNALED(status)) {
        throw Error(std::string("Graphviz crashed during layout (") + ::strsignal(WTERMSIG(status)) + ")");
    }
    throw Error("Graphviz layout process failed with exit status " + std::to_string(WEXITSTATUS(status)));
}

std::string render_scene(const Graph& graph, const Scene& scene, OutputFormat format, const Stylesheet& style)
{
    return render_dot_text(styled_dot(graph, scene, style), scene.engine, format);
}

}  // namespace actorgraph
