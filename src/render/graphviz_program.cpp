#include "render/graphviz_program.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <utility>

extern char** environ;

namespace actorgraph::graphviz {

namespace {

// Graphviz can repeat a warning per node; a layout's messages are only shown to a user, so a
// bounded head of them is enough and a chatty child cannot exhaust memory.
constexpr std::size_t max_message_bytes = 64 * 1024;

// A styled DOT and its SVG run to megabytes; with the default 64 KiB pipes both sides wake each
// other once per few KiB (about a thousand polls for 1,000 actors). 1 MiB is Linux's default
// limit for an unprivileged process (/proc/sys/fs/pipe-max-size).
constexpr int wanted_pipe_bytes = 1024 * 1024;

std::string system_error(const std::string& what, int code)
{
    return what + ": " + std::strerror(code);
}

class Pipe {
public:
    Pipe()
    {
        if (::pipe2(fds_, O_CLOEXEC) != 0) throw Error(system_error("cannot create a pipe", errno));
        // Only a speed-up: a smaller limit or an older kernel keeps the default size.
        (void)::fcntl(fds_[0], F_SETPIPE_SZ, wanted_pipe_bytes);
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
    void close_read() { close_fd(fds_[0]); }
    void close_write() { close_fd(fds_[1]); }
    /// Hands the write end to a new owner.
    [[nodiscard]] int release_write() { return std::exchange(fds_[1], -1); }

private:
    static void close_fd(int& fd)
    {
        if (fd >= 0) ::close(fd);
        fd = -1;
    }
    int fds_[2] = {-1, -1};
};

// A started child; destroying it kills and reaps it, so no path leaves a zombie or a runaway layout.
class Child {
public:
    explicit Child(pid_t pid) : pid_(pid) {}
    Child(const Child&) = delete;
    Child& operator=(const Child&) = delete;
    ~Child()
    {
        if (pid_ <= 0) return;
        ::kill(pid_, SIGKILL);
        (void)wait();
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

// Writing to a child that already exited raises SIGPIPE, which would end the whole program;
// blocked in this thread, the write fails with EPIPE instead and the pending signal is dropped.
class SigpipeBlock {
public:
    SigpipeBlock()
    {
        sigemptyset(&pipe_only_);
        sigaddset(&pipe_only_, SIGPIPE);
        ::pthread_sigmask(SIG_BLOCK, &pipe_only_, &previous_);
    }
    ~SigpipeBlock()
    {
        timespec no_wait{0, 0};
        while (::sigtimedwait(&pipe_only_, nullptr, &no_wait) > 0) {
        }
        ::pthread_sigmask(SIG_SETMASK, &previous_, nullptr);
    }
    SigpipeBlock(const SigpipeBlock&) = delete;
    SigpipeBlock& operator=(const SigpipeBlock&) = delete;

private:
    sigset_t pipe_only_{};
    sigset_t previous_{};
};

// The program's path, found on PATH before the fork (the child may only make async-signal-safe calls).
std::string resolve_program(const std::string& program)
{
    if (program.find('/') != std::string::npos) return program;
    const char* path = std::getenv("PATH");
    std::string_view folders = path && *path ? path : "/usr/local/bin:/usr/bin:/bin";
    while (!folders.empty()) {
        auto end = folders.find(':');
        auto folder = folders.substr(0, end);
        folders.remove_prefix(end == std::string_view::npos ? folders.size() : end + 1);
        auto candidate = (folder.empty() ? std::string(".") : std::string(folder)) + "/" + program;
        if (::access(candidate.c_str(), X_OK) == 0) return candidate;
    }
    throw Error(system_error("cannot run Graphviz's program '" + program + "' (install the Debian package graphviz)",
                             ENOENT));
}

// Tells the parent why the child could not become the program (errno), and ends the child.
[[noreturn]] void fail(int report)
{
    int code = errno;
    (void)!::write(report, &code, sizeof code);
    ::_exit(127);
}

// Runs in the forked child until exec: async-signal-safe calls only. The child is killed when the
// thread that started it ends (this process killed by SIGKILL, SIGTERM, SIGHUP...), and checks
// right after asking whether that already happened; its CPU time is bounded by the kernel, so the
// budget holds even when nobody is left to enforce it.
[[noreturn]] void become_program(const char* program, char* const* argv, int input, int output, int messages,
                                 pid_t parent, rlim_t cpu_seconds, int report)
{
    if (::prctl(PR_SET_PDEATHSIG, SIGKILL) != 0) fail(report);
    if (::getppid() != parent) ::_exit(127);  // the parent died before the request took effect
    rlimit cpu{cpu_seconds, cpu_seconds + 1};  // SIGXCPU at the budget, SIGKILL a second later
    if (::setrlimit(RLIMIT_CPU, &cpu) != 0) fail(report);
    if (::dup2(input, STDIN_FILENO) < 0 || ::dup2(output, STDOUT_FILENO) < 0 || ::dup2(messages, STDERR_FILENO) < 0) {
        fail(report);
    }
    // The child starts with no blocked signals and SIGPIPE at its default, whatever this thread has.
    ::signal(SIGPIPE, SIG_DFL);
    sigset_t none;
    sigemptyset(&none);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);
    ::execve(program, argv, environ);
    fail(report);
}

pid_t spawn(const std::vector<std::string>& arguments, int input, int output, int messages,
            std::chrono::milliseconds budget)
{
    auto program = resolve_program(arguments.front());
    std::vector<char*> argv;
    for (const auto& argument : arguments) argv.push_back(const_cast<char*>(argument.c_str()));
    argv.push_back(nullptr);
    auto cpu_seconds = static_cast<rlim_t>(std::max<std::int64_t>(1, (budget.count() + 999) / 1000));
    Pipe report;  // close-on-exec: end of file means the exec succeeded, an int means it failed
    pid_t parent = ::getpid();
    pid_t pid = ::fork();
    if (pid < 0) throw Error(system_error("cannot start Graphviz's program", errno));
    if (pid == 0) become_program(program.c_str(), argv.data(), input, output, messages, parent, cpu_seconds,
                                 report.write_end());
    report.close_write();
    int code = 0;
    ssize_t got = 0;
    while ((got = ::read(report.read_end(), &code, sizeof code)) < 0 && errno == EINTR) {
    }
    if (got == static_cast<ssize_t>(sizeof code)) {
        int status = 0;
        while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
        throw Error(system_error("cannot run Graphviz's program '" + arguments.front() +
                                     "' (install the Debian package graphviz)", code));
    }
    return pid;
}

void set_non_blocking(int fd)
{
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
}

// Moves bytes between this process and the child's three pipes until both outputs are closed.
class Exchange {
public:
    Exchange(std::string_view input, int to_child, int from_child, int messages_from_child)
        : input_(input), fds_{{to_child, POLLOUT, 0}, {from_child, POLLIN, 0}, {messages_from_child, POLLIN, 0}}
    {
        for (auto& entry : fds_) set_non_blocking(entry.fd);
        if (input_.empty()) stop(0);
    }
    ~Exchange() { stop(0); }
    Exchange(const Exchange&) = delete;
    Exchange& operator=(const Exchange&) = delete;

    [[nodiscard]] bool finished() const { return fds_[1].fd < 0 && fds_[2].fd < 0; }

    /// Waits up to the timeout for the pipes and moves what is ready.
    void pump(int timeout_ms)
    {
        int ready = ::poll(fds_, 3, timeout_ms);
        if (ready < 0 && errno != EINTR) throw Error(system_error("cannot wait for Graphviz", errno));
        if (ready <= 0) return;
        if (fds_[0].fd >= 0 && fds_[0].revents != 0) write_input();
        if (fds_[1].fd >= 0 && fds_[1].revents != 0) read_into(1, output, std::string::npos);
        if (fds_[2].fd >= 0 && fds_[2].revents != 0) read_into(2, messages, max_message_bytes);
    }

    std::string output;
    std::string messages;

private:
    void write_input()
    {
        auto written = ::write(fds_[0].fd, input_.data(), input_.size());
        if (written < 0 && (errno == EINTR || errno == EAGAIN)) return;
        if (written <= 0) return stop(0);  // the child closed its input (exited, or read all it wants)
        input_.remove_prefix(static_cast<std::size_t>(written));
        if (input_.empty()) stop(0);
    }

    void read_into(int slot, std::string& text, std::size_t cap)
    {
        char buffer[65536];
        auto count = ::read(fds_[slot].fd, buffer, sizeof buffer);
        if (count < 0 && (errno == EINTR || errno == EAGAIN)) return;
        if (count <= 0) return stop(slot);
        if (text.size() < cap) text.append(buffer, std::min(static_cast<std::size_t>(count), cap - text.size()));
    }

    // The caller's Pipe objects own the descriptors; here a closed slot is only marked unused,
    // except the input, whose end of file tells the child the whole graph has arrived.
    void stop(int slot)
    {
        if (slot == 0 && fds_[0].fd >= 0) ::close(fds_[0].fd);
        fds_[slot].fd = -1;
    }

    std::string_view input_;
    pollfd fds_[3];
};

std::string budget_message(std::chrono::milliseconds budget)
{
    return "layout took longer than its budget of " + std::to_string(budget.count() / 1000) +
           " s and was stopped; try sfdp or a smaller view";
}

ProgramOutput finish(Child& child, Exchange& exchange)
{
    ProgramOutput result;
    int status = child.wait();
    if (WIFSIGNALED(status)) {
        result.exit_status = 128 + WTERMSIG(status);
        result.signal = ::strsignal(WTERMSIG(status));
    } else {
        result.exit_status = WEXITSTATUS(status);
    }
    result.output = std::move(exchange.output);
    result.messages = std::move(exchange.messages);
    return result;
}

}  // namespace

std::string dot_program()
{
    if (const char* chosen = std::getenv("ACTORGRAPH_DOT"); chosen && *chosen) return chosen;
#ifdef ACTORGRAPH_GRAPHVIZ_DOT
    struct stat info {};
    if (::stat(ACTORGRAPH_GRAPHVIZ_DOT, &info) == 0) return ACTORGRAPH_GRAPHVIZ_DOT;
#endif
    return "dot";
}

ProgramOutput run_program(const std::vector<std::string>& arguments, std::string_view input,
                          const RenderControl& control)
{
    Pipe to_child;
    Pipe from_child;
    Pipe messages;
    SigpipeBlock no_sigpipe;
    Child child(spawn(arguments, to_child.read_end(), from_child.write_end(), messages.write_end(), control.budget));
    to_child.close_read();
    from_child.close_write();
    messages.close_write();
    // The input end closes as soon as everything is written (the child waits for end of file),
    // so the Exchange owns it from here.
    Exchange exchange(input, to_child.release_write(), from_child.read_end(), messages.read_end());
    auto deadline = std::chrono::steady_clock::now() + control.budget;
    while (!exchange.finished()) {
        if (control.cancelled && control.cancelled->load()) throw Error("layout cancelled");
        if (std::chrono::steady_clock::now() > deadline) throw Error(budget_message(control.budget));
        exchange.pump(50);
    }
    return finish(child, exchange);
}

}  // namespace actorgraph::graphviz
