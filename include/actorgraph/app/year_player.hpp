#pragma once
// Play through the years: the view's "as of" year steps from one year to the next, one step per
// `seconds_per_year` of the frames' clock (no thread sleeps), and waits while the previous year's
// view is still being prepared, so every year is shown before the next.
#include <optional>

namespace actorgraph {

class YearPlayer {
public:
    /// Plays from `from` (clamped into first..last) to `last`; the first step shows `from` at once.
    void start(int first, int last, int from);
    void stop() noexcept { playing_ = false; }
    [[nodiscard]] bool playing() const noexcept { return playing_; }
    /// The frame's elapsed seconds; `ready` is false while the last year's view is being prepared
    /// (the clock then waits). Returns the year to show when a step is due; stops after the last year.
    [[nodiscard]] std::optional<int> advance(double seconds, bool ready);

    double seconds_per_year = 1.0;

private:
    bool playing_ = false;
    int next_ = 0;
    int last_ = 0;
    double waited_ = 0;
    bool first_step_ = true;
};

}  // namespace actorgraph
