// The explorer's analyses (dependence, what-if, cut, communities): part of the view, so they run in the
// background compose, are cancelled with it, and reach the canvas and exports as its highlight.
// And time: the "as of" year and playing through the years.
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

bool Explorer::set_communities(std::optional<CommunityRequest> request)
{
    if (request && !graph_) {
        error("open a graph before colouring by community");
        return false;
    }
    if (request && !(request->resolution > 0 && request->resolution < 1e6)) {
        error("the community resolution must be a positive number (1 is the classic modularity), got " +
              std::to_string(request->resolution));
        return false;
    }
    // The panel's fields show what was asked last, wherever it was asked from.
    if (request) community_choice_ = *request;
    if (view_.communities == request) return true;
    view_.communities = request;
    announce_communities_ = request.has_value();
    apply_view();
    return true;
}

// Once per run: what the analysis found, or why it could not run (the view is shown regardless);
// the same for the communities.
void Explorer::announce_analysis()
{
    if (announce_communities_ && composed_.communities) {
        announce_communities_ = false;
        if (!composed_.communities->error.empty()) error(community_summary(*composed_.communities));
        else info("coloured by community: " + community_summary(*composed_.communities));
    }
    if (!announce_analysis_ || !composed_.analysis) return;
    announce_analysis_ = false;
    const auto& outcome = *composed_.analysis;
    if (!outcome.error.empty()) error(outcome.error);
    else info(outcome.summary);
}

void Explorer::set_as_of(std::optional<int> year, bool keep_undated)
{
    view_.filter.as_of = year;
    if (year) {
        // As of a year replaces the year range; undated relations are the user's explicit choice.
        view_.filter.year_from.reset();
        view_.filter.year_to.reset();
        view_.filter.dated_only = !keep_undated;
    }
    apply_view();
}

void Explorer::play_years(double seconds_per_year)
{
    if (!graph_ || !facts_.years) {
        error("no relation carries a year: nothing to play through");
        return;
    }
    auto [first, last] = *facts_.years;
    auto from = view_.filter.as_of && *view_.filter.as_of < last ? *view_.filter.as_of : first;
    player_.seconds_per_year = seconds_per_year > 0 ? seconds_per_year : 1.0;
    player_.start(first, last, from);
}

void Explorer::tick(double seconds)
{
    if (!player_.playing()) return;
    if (!graph_) {
        player_.stop();
        return;
    }
    // The next year waits until the last one is drawn.
    if (auto year = player_.advance(seconds, !busy())) set_as_of(*year, !view_.filter.dated_only);
}

}  // namespace actorgraph
