#include "actorgraph/app/year_player.hpp"

#include <algorithm>

namespace actorgraph {

void YearPlayer::start(int first, int last, int from)
{
    if (last < first) return;
    playing_ = true;
    last_ = last;
    next_ = std::clamp(from, first, last);
    waited_ = 0;
    first_step_ = true;
}

std::optional<int> YearPlayer::advance(double seconds, bool ready)
{
    if (!playing_) return std::nullopt;
    if (!ready) return std::nullopt;  // the year shown is not drawn yet: its time starts once it is
    waited_ += std::max(0.0, seconds);
    if (!first_step_ && waited_ < seconds_per_year) return std::nullopt;
    if (next_ > last_) {
        playing_ = false;
        return std::nullopt;
    }
    first_step_ = false;
    waited_ = 0;
    return next_++;
}

}  // namespace actorgraph
