#pragma once
// The script verbs of the explorer's analyses (see script.hpp):
//   dependence TARGET [from=Y] [to=Y] [cap=1/3] [group-by=state|actor]
//   what-if A[,B...] [C...]        cut FROM TO [relations] [direction=follow|reverse|any]
//   clear-analysis                 play [SECONDS_PER_YEAR]        stop-play
//   communities louvain|leiden [RESOLUTION]    communities off
#include <string>
#include <string_view>
#include <vector>

#include "actorgraph/app/explorer.hpp"

namespace actorgraph {

/// True for the verbs above (play's steps happen in Explorer::tick, which the window calls each frame).
[[nodiscard]] bool is_analysis_verb(std::string_view verb);
/// Runs one of them through the explorer; throws Error for a bad argument or a refused request.
void run_analysis_verb(Explorer& explorer, std::string_view verb, const std::vector<std::string>& arguments);

}  // namespace actorgraph
