#pragma once
// Colour by community: the view's actors filled by their Louvain or Leiden community (query/communities
// does the work through igraph), with a key naming each community by its size and best connected member.
// Part of the view (ViewSpec::communities): computed in the background compose, drawn on the canvas and
// carried into exports through the same scene.
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "actorgraph/query/communities.hpp"
#include "actorgraph/render/scene.hpp"

namespace actorgraph {

class QueryCache;

/// Which partition to colour by.
struct CommunityRequest {
    CommunityMethod method = CommunityMethod::louvain;
    double resolution = 1.0;
    std::uint64_t seed = 1;
    friend bool operator==(const CommunityRequest&, const CommunityRequest&) = default;
};

/// "louvain" or "leiden".
[[nodiscard]] const char* community_method_name(CommunityMethod method);

/// The qualitative palette (ColorBrewer Set3 without its grey, light enough for dark labels): the
/// largest communities get these colours in order; the rest share community_neutral_colour.
[[nodiscard]] std::span<const char* const> community_palette();
inline constexpr const char* community_neutral_colour = "#d9d9d9";

/// One community as the key lists it.
struct CommunityRow {
    std::size_t size = 0;
    ActorIndex representative = 0;  ///< its highest-degree actor (the lowest index among equals)
    std::string colour;             ///< its palette colour, or the neutral one
};

/// The partition of the view's graph (its filter) and how it is coloured.
struct CommunityColouring {
    CommunityRequest request;
    Communities communities;
    std::vector<CommunityRow> rows;  ///< one per community, largest first (as communities.groups)
    std::string error;               ///< why it could not be computed; empty on success

    /// The community (0-based, as rows) of an actor, or nullopt when the filter dropped it.
    [[nodiscard]] std::optional<std::size_t> community_of(ActorIndex actor) const;
    /// How many communities got a colour of their own (the rest are neutral).
    [[nodiscard]] std::size_t coloured() const;
};

/// Finds the communities of the actors and relations `filter` keeps and colours them. Never throws:
/// a failure is `error`. `queries`, when given, is the graph's query cache.
[[nodiscard]] CommunityColouring colour_by_community(const Graph& graph, QueryCache* queries, const GraphFilter& filter,
                                                     const CommunityRequest& request);

/// The key: one swatch per coloured community ("23 actors, e.g. Mongolia"), then one for all the
/// smaller ones together when there are any ("5 smaller communities, 7 actors (one colour)").
[[nodiscard]] std::vector<LegendSwatch> community_key(const Graph& graph, const CommunityColouring& colouring);
/// The fills and the key for a scene.
[[nodiscard]] ActorColouring actor_colouring(const Graph& graph, const CommunityColouring& colouring);

/// "12 communities (louvain, resolution 1), modularity 0.412": the key's heading and the log's line.
[[nodiscard]] std::string community_summary(const CommunityColouring& colouring);

/// What the inspector says of an actor: "3 of 12: 23 actors, e.g. Mongolia", "(not in the view's graph)".
[[nodiscard]] std::string community_text(const Graph& graph, const CommunityColouring& colouring, ActorIndex actor);

/// What a colouring depends on: the graph (its generation: each load or edit is a new one), the
/// view's filter and the request. A view change that keeps all three keeps the communities.
struct CommunityKey {
    std::size_t graph_generation = 0;
    GraphFilter filter;
    CommunityRequest request;
    friend bool operator==(const CommunityKey&, const CommunityKey&) = default;
};

/// The colourings the explorer found last, so that a pan, a focus or a new layout does not run
/// Louvain or Leiden again. Holds a few keys (switching method and back is free); storing one for a
/// newer graph forgets those of older graphs. Used from the UI thread only.
class CommunityCache {
public:
    static constexpr std::size_t capacity = 4;
    /// The colouring found for the key, or nullptr.
    [[nodiscard]] std::shared_ptr<const CommunityColouring> find(const CommunityKey& key) const;
    void store(CommunityKey key, CommunityColouring colouring);
    /// How many colourings were stored: each is one computation.
    [[nodiscard]] std::size_t computed() const noexcept { return computed_; }

private:
    std::deque<std::pair<CommunityKey, std::shared_ptr<const CommunityColouring>>> entries_;  ///< newest first
    std::size_t computed_ = 0;
};

}  // namespace actorgraph
