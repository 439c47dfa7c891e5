#pragma once
// Investment dependence: how the investment flowing into an actor splits among its sources, how
// concentrated it is (the Herfindahl-Hirschman index), and which sources exceed a cap, such as
// Mongolia's 2010 rule that no single country should hold more than a third.
#include <set>
#include <string>
#include <vector>

#include "actorgraph/query/filter.hpp"

namespace actorgraph {

enum class DependenceGrouping {
    state,  ///< investors count for their home state (see DependenceResult)
    actor,  ///< each investor on its own
};

/// Parses "state" or "actor"; throws Error otherwise.
[[nodiscard]] DependenceGrouping parse_dependence_grouping(std::string_view text);
/// Parses a cap as a fraction: "1/3", "0.25" or "40%"; throws Error unless it lies in (0, 1].
[[nodiscard]] double parse_share(std::string_view text);

struct DependenceOptions {
    GraphFilter filter;                          ///< years, kinds and property tests the relations must pass
    std::set<std::string> types{"investment"};   ///< relation types that count as investment
    double cap = 1.0 / 3.0;                      ///< a source above this share of the total raises an alert
    DependenceGrouping group_by = DependenceGrouping::state;
};

/// One source of investment (a state, or an investor not attributed to any state).
struct InvestmentSource {
    ActorIndex actor = 0;             ///< the state, or the investor itself
    bool is_state = false;            ///< the source is a state the investors were attributed to
    std::vector<ActorIndex> investors;  ///< the actors whose relations count for this source, sorted
    double amount_usd = 0;            ///< sum of the known amounts (split evenly across home states)
    std::size_t relations = 0;        ///< investment relations counted (one split across home states counts for each)
    std::size_t without_amount = 0;   ///< of them, relations with no usable amount_usd
    double share = 0;                 ///< amount_usd over the total known amount of all foreign sources
    bool over_cap = false;            ///< share above the cap
};

/// The investment flowing into a target. Recipients are the target and, when the target is a
/// state, the companies whose `affiliation` leads to it (its mines, railroads, ventures). With
/// grouping by state an investor counts for a state when it is one, when an `affiliation`
/// relation leads from it to states (its home states; the amount is split evenly across them),
/// or when a state holds a `stake` above 50 (percent) in it through an investment relation.
/// Investment from the target's own side (domestic) is reported apart and not in the shares.
struct DependenceResult {
    ActorIndex target = 0;
    std::vector<ActorIndex> recipients;       ///< the target first, then its companies
    std::vector<InvestmentSource> sources;    ///< foreign sources, largest known amount first
    InvestmentSource domestic;                ///< investment attributed to the target itself
    double total_usd = 0;                     ///< known foreign amount
    std::size_t relations = 0;                ///< foreign investment relations counted
    std::size_t without_amount = 0;           ///< of them, relations with no usable amount
    std::size_t undated = 0;                  ///< of them, relations carrying no year
    double hhi = 0;                           ///< sum of squared shares, 0..1 (times 10,000 for the usual points)
    double cap = 1.0 / 3.0;
    std::vector<RelationIndex> counted;       ///< every relation counted (foreign and domestic), sorted

    /// The sources over the cap, in the order of `sources`.
    [[nodiscard]] std::vector<InvestmentSource> alerts() const;
    /// The recipients, the sources, their investors and the counted relations, for highlighting.
    [[nodiscard]] Selection selection() const;
};

/// The dependence of the target on its investors.
[[nodiscard]] DependenceResult investment_dependence(const Graph& graph, ActorIndex target, const DependenceOptions& options);

}  // namespace actorgraph
