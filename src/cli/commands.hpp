#pragma once
// The CLI subcommands: each takes its parsed options and returns the process exit code.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace actorgraph {
struct GraphFilter;
class Graph;
}

namespace actorgraph::cli {

/// Exit codes: 0 success, 1 a failed check or an empty result, 2 usage or input errors.
inline constexpr int exit_ok = 0;
inline constexpr int exit_empty = 1;
inline constexpr int exit_input_error = 2;

/// Filter options shared by the query and export commands.
struct FilterArguments {
    std::string kinds;
    std::string types;
    std::optional<int> year_from;
    std::optional<int> year_to;
    bool dated_only = false;
    std::optional<int> as_of;
    std::string min_confidence;
    std::vector<std::string> where;
    std::vector<std::string> actor_where;
};

struct InfoArguments { std::string file; bool json = false; };
struct ValidateArguments { std::string file; bool strict = false; bool json = false; };

struct PathArguments {
    std::string file, from, to;
    FilterArguments filter;
    std::string direction = "follow";
    std::size_t k = 1;
    bool all = false;
    std::string weight;
    std::string weight_transform = "inverse";
    std::optional<std::size_t> max_hops;
    std::string rank_by = "hops";
    bool time_respecting = false;
    bool parallel = false;
    bool json = false;
};

struct NeighborsArguments {
    std::string file;
    std::vector<std::string> actors;
    std::size_t depth = 1;
    std::string direction = "any";
    std::size_t limit = 100;   ///< neighbours per expanded actor; 0 = all
    std::size_t offset = 0;    ///< neighbours of the given actors skipped (the next page starts at offset + limit)
    FilterArguments filter;
    bool json = false;
};

struct RankArguments {
    std::string file;
    std::string metric = "degree";
    std::size_t top = 10;
    bool undirected = false;
    std::size_t samples = 32;  ///< source actors betweenness samples on graphs above the exact limit
    FilterArguments filter;
    bool json = false;
};

struct ExportArguments {
    std::string file, output, format, layout = "auto", title;
    std::vector<std::string> focus;
    std::size_t depth = 1;
    std::vector<std::string> path;
    std::size_t k = 1;
    std::string direction = "follow";
    bool path_only = false;
    bool legend = false;
    bool hide_isolated = false;
    std::string size_by;
    std::string colour_by = "kind";  ///< kind or community
    std::string community_method;    ///< with --colour-by community: louvain (default) or leiden
    double resolution = 0;           ///< with --colour-by community; 0 = not given (1)
    FilterArguments filter;
    int timeout_seconds = 120;
    bool force = false;  ///< replace the input file when it is the output
    std::string stylesheet;  ///< laid over the built-in one; empty: the user's, "builtin": none
};

struct ConvertArguments { std::string input, output, format; bool force = false; };

struct GenerateArguments {
    std::size_t actors = 1000;
    double relations_per_actor = 4.0;
    std::uint64_t seed = 1;
    std::string output;
    std::string formats = "csv,dot,graphml";
};

/// The filter the shared options describe, its kinds and types spelled as the graph spells them;
/// throws Error for a malformed option or an unknown kind or type (with a suggestion).
[[nodiscard]] GraphFilter make_filter(const FilterArguments& arguments, const Graph& graph);

int run_info(const InfoArguments& arguments);
int run_validate(const ValidateArguments& arguments);
int run_path(const PathArguments& arguments);
int run_neighbors(const NeighborsArguments& arguments);
int run_rank(const RankArguments& arguments);
int run_export(const ExportArguments& arguments);
int run_convert(const ConvertArguments& arguments);
int run_generate(const GenerateArguments& arguments);

}  // namespace actorgraph::cli
