#include "actorgraph/app/community_view.hpp"

#include <array>
#include <cstdio>
#include <memory>

#include "actorgraph/query/query_cache.hpp"

namespace actorgraph {

namespace {

// ColorBrewer Set3 (qualitative, pastel: black labels read on every colour) without its grey #d9d9d9,
// which is the neutral colour of the communities beyond the palette.
constexpr std::array<const char*, 11> palette{"#8dd3c7", "#ffffb3", "#bebada", "#fb8072", "#80b1d3", "#fdb462",
                                              "#b3de69", "#fccde5", "#bc80bd", "#ccebc5", "#ffed6f"};

std::string number_text(double value, const char* format)
{
    char text[48];
    std::snprintf(text, sizeof text, format, value);
    return text;
}

std::string plural(std::size_t count, const char* one, const char* many)
{
    return with_thousands(count) + " " + (count == 1 ? one : many);
}

// The highest-degree actor of a group (the lowest index among equals).
ActorIndex best_connected(const QueryIndex& index, const std::vector<ActorIndex>& group)
{
    ActorIndex best = group.front();
    for (auto actor : group) {
        if (index.degree(actor) > index.degree(best)) best = actor;
    }
    return best;
}

std::string row_text(const Graph& graph, const CommunityRow& row)
{
    return plural(row.size, "actor", "actors") + ", e.g. " + graph.actor(row.representative).display_name();
}

}  // namespace

const char* community_method_name(CommunityMethod method) { return method == CommunityMethod::leiden ? "leiden" : "louvain"; }

std::span<const char* const> community_palette() { return palette; }

std::optional<std::size_t> CommunityColouring::community_of(ActorIndex actor) const
{
    if (actor >= communities.of.size() || communities.of[actor] == Communities::none) return std::nullopt;
    return static_cast<std::size_t>(communities.of[actor]);
}

std::size_t CommunityColouring::coloured() const { return std::min(rows.size(), palette.size()); }

CommunityColouring colour_by_community(const Graph& graph, QueryCache* queries, const GraphFilter& filter,
                                       const CommunityRequest& request)
{
    CommunityColouring colouring;
    colouring.request = request;
    try {
        CommunityOptions options{filter, request.method, request.resolution, request.seed};
        auto index = queries ? queries->index(filter, Direction::follow)
                             : std::make_shared<const QueryIndex>(graph, filter, Direction::follow);
        colouring.communities = find_communities(*index, options);
        const auto& groups = colouring.communities.groups;
        for (std::size_t i = 0; i < groups.size(); ++i) {
            colouring.rows.push_back({groups[i].size(), best_connected(*index, groups[i]),
                                      i < palette.size() ? palette[i] : community_neutral_colour});
        }
    } catch (const std::exception& failure) {
        colouring = CommunityColouring{};
        colouring.request = request;
        colouring.error = failure.what();
    }
    return colouring;
}

std::vector<LegendSwatch> community_key(const Graph& graph, const CommunityColouring& colouring)
{
    std::vector<LegendSwatch> key;
    const auto& rows = colouring.rows;
    auto coloured = colouring.coloured();
    for (std::size_t i = 0; i < coloured; ++i) key.push_back({rows[i].colour, row_text(graph, rows[i])});
    if (rows.size() == coloured) return key;
    std::size_t actors = 0;
    for (std::size_t i = coloured; i < rows.size(); ++i) actors += rows[i].size;
    auto rest = rows.size() - coloured;
    key.push_back({community_neutral_colour, plural(rest, "smaller community", "smaller communities") + ", " +
                                                 plural(actors, "actor", "actors") + " (one colour)"});
    return key;
}

ActorColouring actor_colouring(const Graph& graph, const CommunityColouring& colouring)
{
    ActorColouring out;
    out.heading = community_summary(colouring);
    out.swatches = community_key(graph, colouring);
    auto coloured = colouring.coloured();
    const auto& of = colouring.communities.of;
    out.swatch_of.assign(of.size(), ActorColouring::kind_fill);
    for (std::size_t actor = 0; actor < of.size(); ++actor) {
        if (of[actor] == Communities::none) continue;
        out.swatch_of[actor] = static_cast<std::uint16_t>(std::min(static_cast<std::size_t>(of[actor]), coloured));
    }
    return out;
}

std::string community_summary(const CommunityColouring& colouring)
{
    const auto& request = colouring.request;
    auto how = std::string(community_method_name(request.method)) + ", resolution " + number_text(request.resolution, "%g");
    if (!colouring.error.empty()) return "communities (" + how + "): " + colouring.error;
    return plural(colouring.rows.size(), "community", "communities") + " (" + how + "), modularity " +
           number_text(colouring.communities.modularity, "%.3f");
}

std::string community_text(const Graph& graph, const CommunityColouring& colouring, ActorIndex actor)
{
    auto community = colouring.community_of(actor);
    if (!community) return "(not in the view's graph)";
    const auto& row = colouring.rows[*community];
    auto text = std::to_string(*community + 1) + " of " + std::to_string(colouring.rows.size()) + ": " + row_text(graph, row);
    if (*community >= colouring.coloured()) text += " (neutral colour)";
    return text;
}

std::shared_ptr<const CommunityColouring> CommunityCache::find(const CommunityKey& key) const
{
    for (const auto& [stored, colouring] : entries_) {
        if (stored == key) return colouring;
    }
    return nullptr;
}

void CommunityCache::store(CommunityKey key, CommunityColouring colouring)
{
    ++computed_;
    std::erase_if(entries_, [&](const auto& entry) { return entry.first.graph_generation != key.graph_generation || entry.first == key; });
    entries_.emplace_front(std::move(key), std::make_shared<const CommunityColouring>(std::move(colouring)));
    if (entries_.size() > capacity) entries_.pop_back();
}

}  // namespace actorgraph
