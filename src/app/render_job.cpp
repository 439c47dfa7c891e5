#include "actorgraph/app/render_job.hpp"

#include "actorgraph/io/file_io.hpp"

namespace actorgraph {

RenderJob::RenderJob(RenderRequest request)
    : request_(std::move(request)), started_(std::chrono::steady_clock::now()), thread_([this] { run(); })
{
}

RenderJob::~RenderJob()
{
    cancel();
    if (thread_.joinable()) thread_.join();
}

double RenderJob::elapsed_seconds() const
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
}

bool RenderJob::wait(std::chrono::milliseconds timeout) const
{
    auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!finished()) {
        if (std::chrono::steady_clock::now() >= deadline) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return true;
}

RenderOutcome RenderJob::take_outcome()
{
    std::lock_guard lock(mutex_);
    return std::move(outcome_);
}

void RenderJob::run() noexcept
{
    RenderOutcome outcome;
    try {
        RenderControl control{request_.budget, &cancelled_};
        auto bytes = request_.runner ? request_.runner(request_.dot, request_.engine, request_.format, control)
                                     : render_dot_text_isolated(request_.dot, request_.engine, request_.format, control);
        if (request_.output.empty()) {
            outcome.drawing = drawing_from_xdot(bytes);
            outcome.index = DrawingIndex(*outcome.drawing);
        } else {
            write_file_atomically(request_.output, bytes);
        }
        outcome.ok = true;
    } catch (const std::exception& failure) {
        outcome.message = failure.what();
    }
    outcome.cancelled = !outcome.ok && cancelled_.load();
    outcome.seconds = elapsed_seconds();
    {
        std::lock_guard lock(mutex_);
        outcome_ = std::move(outcome);
    }
    finished_.store(true);
}

}  // namespace actorgraph
