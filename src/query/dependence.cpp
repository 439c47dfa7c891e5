#include "actorgraph/query/dependence.hpp"

#include <algorithm>
#include <map>

namespace actorgraph {

namespace {

bool is_state(const Graph& graph, ActorIndex actor) { return graph.actor(actor).kind == "state"; }

// The states an investor counts for: itself when it is a state; otherwise the states its
// `affiliation` relations lead to and the states holding a majority `stake` in it.
std::vector<ActorIndex> home_states(const Graph& graph, ActorIndex actor)
{
    if (is_state(graph, actor)) return {actor};
    std::vector<ActorIndex> states;
    for (auto index : graph.out_relations(actor)) {
        const auto& relation = graph.relation(index);
        if (relation.type == "affiliation" && is_state(graph, relation.target)) states.push_back(relation.target);
    }
    for (auto index : graph.in_relations(actor)) {
        const auto& relation = graph.relation(index);
        auto stake = parse_number(property_or_empty(relation.properties, "stake"));
        if (relation.type == "investment" && stake && *stake > 50 && is_state(graph, relation.source)) {
            states.push_back(relation.source);
        }
    }
    std::sort(states.begin(), states.end());
    states.erase(std::unique(states.begin(), states.end()), states.end());
    return states;
}

// The target and, for a state, the companies affiliated with it.
std::vector<ActorIndex> recipients_of(const Graph& graph, ActorIndex target)
{
    std::vector<ActorIndex> recipients{target};
    if (!is_state(graph, target)) return recipients;
    for (auto index : graph.in_relations(target)) {
        const auto& relation = graph.relation(index);
        if (relation.type == "affiliation" && graph.actor(relation.source).kind == "company") recipients.push_back(relation.source);
    }
    std::sort(recipients.begin() + 1, recipients.end());
    recipients.erase(std::unique(recipients.begin() + 1, recipients.end()), recipients.end());
    return recipients;
}

void add_to(InvestmentSource& source, ActorIndex investor, std::optional<double> amount, double part)
{
    if (std::find(source.investors.begin(), source.investors.end(), investor) == source.investors.end()) {
        source.investors.push_back(investor);
        std::sort(source.investors.begin(), source.investors.end());
    }
    ++source.relations;
    if (amount) source.amount_usd += *amount * part;
    else ++source.without_amount;
}

std::optional<double> usable_amount(const Relation& relation)
{
    auto amount = parse_number(property_or_empty(relation.properties, schema::amount_usd));
    if (amount && *amount >= 0) return amount;
    return std::nullopt;
}

}  // namespace

DependenceGrouping parse_dependence_grouping(std::string_view text)
{
    if (text == "state") return DependenceGrouping::state;
    if (text == "actor") return DependenceGrouping::actor;
    throw Error("unknown grouping '" + std::string(text) + "'; expected state or actor");
}

double parse_share(std::string_view text)
{
    auto trimmed = trim_spaces(text);
    std::optional<double> value;
    if (auto slash = trimmed.find('/'); slash != std::string_view::npos) {
        auto top = parse_number(trimmed.substr(0, slash));
        auto bottom = parse_number(trimmed.substr(slash + 1));
        if (top && bottom && *bottom != 0) value = *top / *bottom;
    } else if (trimmed.ends_with('%')) {
        if (auto percent = parse_number(trimmed.substr(0, trimmed.size() - 1))) value = *percent / 100;
    } else {
        value = parse_number(trimmed);
    }
    if (!value || *value <= 0 || *value > 1) {
        throw Error("bad share '" + std::string(text) + "'; expected a fraction in (0, 1] such as 1/3, 0.25 or 40%");
    }
    return *value;
}

std::vector<InvestmentSource> DependenceResult::alerts() const
{
    std::vector<InvestmentSource> over;
    std::copy_if(sources.begin(), sources.end(), std::back_inserter(over), [](const auto& source) { return source.over_cap; });
    return over;
}

Selection DependenceResult::selection() const
{
    Selection selection{recipients, counted};
    for (const auto& source : sources) {
        selection.actors.push_back(source.actor);
        selection.actors.insert(selection.actors.end(), source.investors.begin(), source.investors.end());
    }
    selection.actors.insert(selection.actors.end(), domestic.investors.begin(), domestic.investors.end());
    selection.normalize();
    return selection;
}

DependenceResult investment_dependence(const Graph& graph, ActorIndex target, const DependenceOptions& options)
{
    DependenceResult result;
    result.target = target;
    result.cap = options.cap;
    result.recipients = recipients_of(graph, target);
    result.domestic.actor = target;
    result.domestic.is_state = is_state(graph, target);
    std::map<ActorIndex, InvestmentSource> sources;
    for (auto recipient : result.recipients) {
        for (auto index : graph.in_relations(recipient)) {
            const auto& relation = graph.relation(index);
            auto investor = relation.source;
            if (!options.types.contains(relation.type) || investor == recipient) continue;
            if (!options.filter.keeps_relation(relation) || !options.filter.keeps_actor(graph.actor(investor))) continue;
            result.counted.push_back(index);
            auto amount = usable_amount(relation);
            auto states = home_states(graph, investor);
            bool own = std::find(result.recipients.begin(), result.recipients.end(), investor) != result.recipients.end();
            if (own || std::find(states.begin(), states.end(), target) != states.end()) {
                add_to(result.domestic, investor, amount, 1.0);
                continue;
            }
            ++result.relations;
            if (!amount) ++result.without_amount;
            if (!year_span(relation.properties)) ++result.undated;
            bool by_state = options.group_by == DependenceGrouping::state && !states.empty();
            if (!by_state) states = {investor};
            for (auto state : states) {
                auto& source = sources[state];
                source.actor = state;
                source.is_state = by_state;
                add_to(source, investor, amount, 1.0 / static_cast<double>(states.size()));
            }
        }
    }
    for (auto& [actor, source] : sources) {
        result.total_usd += source.amount_usd;
        result.sources.push_back(std::move(source));
    }
    for (auto& source : result.sources) {
        source.share = result.total_usd > 0 ? source.amount_usd / result.total_usd : 0;
        source.over_cap = source.share > options.cap;
        result.hhi += source.share * source.share;
    }
    std::sort(result.sources.begin(), result.sources.end(), [&](const auto& a, const auto& b) {
        return std::make_tuple(-a.amount_usd, -static_cast<long>(a.relations), graph.actor(a.actor).id) <
               std::make_tuple(-b.amount_usd, -static_cast<long>(b.relations), graph.actor(b.actor).id);
    });
    std::sort(result.counted.begin(), result.counted.end());
    return result;
}

}  // namespace actorgraph
