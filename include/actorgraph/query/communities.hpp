#pragma once
// Communities of densely related actors, by Louvain or Leiden modularity optimisation through
// igraph's C library, with the partition's modularity. Relations count as undirected ties;
// parallel relations between two actors add up to one tie of that weight.
#include <cstdint>
#include <string_view>
#include <vector>

#include "actorgraph/query/query_index.hpp"

namespace actorgraph {

class QueryCache;

enum class CommunityMethod { louvain, leiden };

/// Parses "louvain" or "leiden"; throws Error otherwise.
[[nodiscard]] CommunityMethod parse_community_method(std::string_view text);

struct CommunityOptions {
    GraphFilter filter;                          ///< the actors and relations that count
    CommunityMethod method = CommunityMethod::louvain;
    double resolution = 1.0;                     ///< above 1 favours smaller communities
    std::uint64_t seed = 1;                      ///< both methods are randomised; the same seed gives the same answer
};

/// A partition of the kept actors.
struct Communities {
    static constexpr std::int64_t none = -1;
    std::vector<std::int64_t> of;                 ///< community of each actor of the graph; `none` when dropped
    std::vector<std::vector<ActorIndex>> groups;  ///< the communities, largest first (ties by lowest actor), each in index order
    double modularity = 0;                        ///< of the partition, at the resolution asked for
};

/// The communities of the index's kept actors (its direction does not matter).
[[nodiscard]] Communities find_communities(const QueryIndex& index, const CommunityOptions& options);
/// find_communities through the cache's index for the options' filter.
[[nodiscard]] Communities find_communities(QueryCache& cache, const CommunityOptions& options);
/// find_communities over an index built for this call.
[[nodiscard]] Communities find_communities(const Graph& graph, const CommunityOptions& options);

}  // namespace actorgraph
