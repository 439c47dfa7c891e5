#pragma once
// Work the explorer hands to a thread so the window keeps drawing: loading a file, composing a
// view. Such work cannot be interrupted halfway (a reader or a query runs to its end), so
// "cancel" means abandon: the explorer stops waiting and drops the result when it arrives.
#include <atomic>
#include <chrono>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace actorgraph {

/// Anything running on its own thread that the explorer may retire before it ends.
class BackgroundWork {
public:
    virtual ~BackgroundWork() = default;
    /// True once the thread has stored its outcome.
    [[nodiscard]] virtual bool finished() const noexcept = 0;
    /// Asks the work to stop early where it can; its outcome is then dropped.
    virtual void cancel() noexcept {}
};

/// One function run on a thread; the destructor joins.
template <typename Result>
class BackgroundTask final : public BackgroundWork {
public:
    /// What the function returned, or the message of what it threw.
    struct Outcome {
        std::optional<Result> value;
        std::string error;
        double seconds = 0;
    };

    /// Starts running the work on a new thread.
    explicit BackgroundTask(std::function<Result()> work)
        : started_(std::chrono::steady_clock::now()), thread_([this, work = std::move(work)] { run(work); })
    {
    }
    ~BackgroundTask() override
    {
        if (thread_.joinable()) thread_.join();
    }
    BackgroundTask(const BackgroundTask&) = delete;
    BackgroundTask& operator=(const BackgroundTask&) = delete;

    [[nodiscard]] bool finished() const noexcept override { return finished_.load(); }
    /// Seconds since the work started.
    [[nodiscard]] double elapsed_seconds() const
    {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
    }
    /// Blocks until finished or the timeout passes; true when finished.
    [[nodiscard]] bool wait(std::chrono::milliseconds timeout) const
    {
        auto deadline = std::chrono::steady_clock::now() + timeout;
        while (!finished()) {
            if (std::chrono::steady_clock::now() >= deadline) return false;
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
        return true;
    }
    /// The outcome; only meaningful once finished().
    [[nodiscard]] Outcome take_outcome()
    {
        std::lock_guard lock(mutex_);
        return std::move(outcome_);
    }

private:
    void run(const std::function<Result()>& work) noexcept
    {
        Outcome outcome;
        try {
            outcome.value = work();
        } catch (const std::exception& failure) {
            outcome.error = failure.what();
        } catch (...) {
            outcome.error = "unknown failure";
        }
        outcome.seconds = elapsed_seconds();
        {
            std::lock_guard lock(mutex_);
            outcome_ = std::move(outcome);
        }
        finished_.store(true);
    }

    std::chrono::steady_clock::time_point started_;
    std::atomic<bool> finished_{false};
    std::mutex mutex_;
    Outcome outcome_;
    std::thread thread_;  ///< last: starts once everything it touches exists
};

}  // namespace actorgraph
