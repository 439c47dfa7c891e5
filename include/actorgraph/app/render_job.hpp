#pragma once
// One Graphviz run on a background thread: a layout for the canvas or an export to a file.
// The run happens in a child process (render_dot_text_isolated), so cancelling kills it at once.
#include <atomic>
#include <chrono>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "actorgraph/app/background_task.hpp"
#include "actorgraph/app/drawing_index.hpp"
#include "actorgraph/render/drawing.hpp"
#include "actorgraph/render/graphviz_render.hpp"

namespace actorgraph {

/// Turns styled DOT into Graphviz's output. Empty means Graphviz in a child process
/// (render_dot_text_isolated); app tests and the app-model fuzzer put a canned one in its place.
using GraphvizRunner = std::function<std::string(std::string_view dot, LayoutEngine engine, OutputFormat format,
                                                 const RenderControl& control)>;

struct RenderRequest {
    std::string dot;                     ///< styled DOT text (styled_dot)
    LayoutEngine engine = LayoutEngine::dot;
    OutputFormat format = OutputFormat::xdot;
    std::filesystem::path output;        ///< empty: parse the xdot into a Drawing; else write the bytes there
    std::chrono::milliseconds budget{std::chrono::minutes(2)};
    GraphvizRunner runner;               ///< empty: Graphviz in a child process
};

/// What a finished run produced.
struct RenderOutcome {
    bool ok = false;
    bool cancelled = false;
    std::string message;             ///< the error when !ok
    std::optional<Drawing> drawing;  ///< for xdot requests without an output file
    DrawingIndex index;              ///< of the drawing, built on the job's thread
    double seconds = 0;
};

/// Starts the run on construction; the destructor cancels and joins.
class RenderJob final : public BackgroundWork {
public:
    explicit RenderJob(RenderRequest request);
    ~RenderJob() override;
    RenderJob(const RenderJob&) = delete;
    RenderJob& operator=(const RenderJob&) = delete;

    /// True once the thread has stored its outcome.
    [[nodiscard]] bool finished() const noexcept override { return finished_.load(); }
    /// Seconds since the run started.
    [[nodiscard]] double elapsed_seconds() const;
    /// Asks the child process to die; the outcome then reports `cancelled`.
    void cancel() noexcept override { cancelled_.store(true); }
    /// Blocks until finished or the timeout passes; true when finished.
    [[nodiscard]] bool wait(std::chrono::milliseconds timeout) const;
    /// The outcome; only meaningful once finished().
    [[nodiscard]] RenderOutcome take_outcome();
    [[nodiscard]] const RenderRequest& request() const noexcept { return request_; }

private:
    void run() noexcept;

    RenderRequest request_;
    std::chrono::steady_clock::time_point started_;
    std::atomic<bool> cancelled_{false};
    std::atomic<bool> finished_{false};
    std::mutex mutex_;
    RenderOutcome outcome_;
    std::thread thread_;
};

}  // namespace actorgraph
