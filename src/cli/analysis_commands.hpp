#pragma once
// The analyst's questions as subcommands: cut, what-if, dependence and communities.
#include <optional>
#include <string>
#include <vector>

#include "cli/commands.hpp"

namespace actorgraph::cli {

struct CutArguments {
    std::string file, from, to;
    FilterArguments filter;
    std::string direction = "follow";
    bool relations = false;  ///< cut relations instead of actors
    bool json = false;
};

struct WhatIfArguments {
    std::string file;
    std::string remove;                ///< comma-separated actors
    std::vector<std::string> between;  ///< FROM TO, or empty
    FilterArguments filter;
    std::string direction = "follow";
    std::size_t k = 10;
    std::size_t top = 10;  ///< fragments and actors listed in text output
    std::size_t pairs = 10;  ///< most important lost pairs listed
    bool json = false;
};

struct DependenceArguments {
    std::string file, target;
    FilterArguments filter;
    std::string cap = "1/3";
    std::string group_by = "state";
    std::string types = "investment";
    bool json = false;
};

struct CommunitiesArguments {
    std::string file;
    FilterArguments filter;
    std::string method = "louvain";
    double resolution = 1.0;
    std::uint64_t seed = 1;
    bool json = false;
};

int run_cut(const CutArguments& arguments);
int run_what_if(const WhatIfArguments& arguments);
int run_dependence(const DependenceArguments& arguments);
int run_communities(const CommunitiesArguments& arguments);

}  // namespace actorgraph::cli
