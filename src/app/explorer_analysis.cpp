// The explorer's analyses (dependence, what-if, cut): part of the view, so they run in the
// background compose, are cancelled with it, and reach the canvas and exports as its highlight.
#include "actorgraph/app/explorer.hpp"

namespace actorgraph {

bool Explorer::run_analysis(AnalysisRequest request)
{
    if (!graph_) {
        error("open a graph before running an analysis");
        return false;
    }
    if (auto problem = analysis_problem(*graph_, request); !problem.empty()) {
        error(problem);
        return false;
    }
    view_.analysis = std::move(request);
    announce_analysis_ = true;
    apply_view();
    return true;
}

void Explorer::clear_analysis()
{
    if (!view_.analysis) return;
    view_.analysis.reset();
    announce_analysis_ = false;
    apply_view();
}

// Once per run: what the analysis found, or why it could not run (the view is shown regardless).
void Explorer::announce_analysis()
{
    if (!announce_analysis_ || !composed_.analysis) return;
    announce_analysis_ = false;
    const auto& outcome = *composed_.analysis;
    if (!outcome.error.empty()) error(outcome.error);
    else info(outcome.summary);
}

}  // namespace actorgraph
