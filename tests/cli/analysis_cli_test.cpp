// End-to-end: cut, what-if, dependence, communities and the new path options on the bundled graph,
// through the built binary's JSON output.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <set>
#include <nlohmann/json.hpp>

#include "test_support.hpp"

namespace actorgraph {
namespace {

struct Answer {
    int exit_code = -1;
    std::string text;  ///< stdout and stderr together
};

Answer run(const std::string& arguments)
{
    std::string command = "cd '" + testing::source_dir().string() + "' && '" + ACTORGRAPH_CLI + "' " + arguments + " 2>&1";
    Answer answer;
    FILE* pipe = ::popen(command.c_str(), "r");
    std::array<char, 4096> buffer{};
    while (auto count = std::fread(buffer.data(), 1, buffer.size(), pipe)) answer.text.append(buffer.data(), count);
    int status = ::pclose(pipe);
    answer.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return answer;
}

nlohmann::json json_of(const std::string& arguments)
{
    auto answer = run(arguments + " --json");
    EXPECT_LE(answer.exit_code, 1) << answer.text;
    return nlohmann::json::parse(answer.text);
}

TEST(AnalysisCli, CutPrintsTheActorsAndTheDirectRelations)
{
    auto cut = json_of("cut graphs/nato_mongolia.gv Russia NATO");
    EXPECT_TRUE(cut["connected"].get<bool>());
    EXPECT_EQ(cut["size"].get<std::size_t>(), cut["actors"].size());
    EXPECT_GE(cut["direct"].size(), 1u);
    auto relations = json_of("cut graphs/nato_mongolia.gv Russia NATO --relations");
    EXPECT_EQ(relations["size"].get<std::size_t>(), relations["relations"].size());
}

TEST(AnalysisCli, WhatIfReportsCutOffActorsAndBrokenRoutes)
{
    auto answer = json_of("what-if graphs/nato_mongolia.gv --remove China --between Mongolia 'Inner Mongolia' --direction any");
    EXPECT_EQ(answer["removed"], nlohmann::json::array({"china"}));
    ASSERT_EQ(answer["fragments"].size(), 1u);
    EXPECT_EQ(answer["fragments"][0]["actors"], nlohmann::json::array({"inner_mongolia"}));
    EXPECT_TRUE(answer["between"]["remaining"].empty());
    EXPECT_TRUE(answer["between"]["shortest_after"].is_null());
}

TEST(AnalysisCli, WhatIfNamesTheHeaviestLostPairsAndWhichWayTheyWereLost)
{
    auto answer = json_of("what-if graphs/nato_mongolia.gv --remove China --pairs 2");
    EXPECT_EQ(answer["important_pairs_ranking"], "degree product");
    EXPECT_TRUE(answer["important_pairs_complete"].get<bool>());
    ASSERT_EQ(answer["important_pairs"].size(), 2u);
    const auto& top = answer["important_pairs"][0];
    EXPECT_EQ(top["a"], "mongolia");
    EXPECT_EQ(top["b"], "inner_mongolia");
    EXPECT_EQ(top["lost"], "both");
    // The port of Tianjin reached Mongolia only through China; Mongolia never reached the port.
    const auto& port = answer["important_pairs"][1];
    EXPECT_EQ(port["b"], "port_of_tianjin");
    EXPECT_EQ(port["lost"], "b->a");
    EXPECT_FALSE(port["a_to_b"].get<bool>());
    auto either = json_of("what-if graphs/nato_mongolia.gv --remove China --pairs 1 --direction any");
    EXPECT_EQ(either["important_pairs"][0]["lost"], "either way");
    auto text = run("what-if graphs/nato_mongolia.gv --remove China --pairs 3");
    EXPECT_NE(text.text.find("Most important pairs that lose every route (directed; ranked by the product of their degrees"),
              std::string::npos) << text.text;
    EXPECT_NE(text.text.find("Mongolia  <->   Inner Mongolia"), std::string::npos) << text.text;
}

TEST(AnalysisCli, DependenceSharesSumToOneAndCountMissingAmounts)
{
    auto answer = json_of("dependence graphs/nato_mongolia.gv Mongolia");
    double shares = 0, hhi = 0;
    std::size_t missing = 0;
    for (const auto& source : answer["sources"]) {
        shares += source["share"].get<double>();
        hhi += source["share"].get<double>() * source["share"].get<double>();
        missing += source["relations_without_amount"].get<std::size_t>();
    }
    EXPECT_NEAR(shares, 1.0, 1e-9);
    EXPECT_NEAR(answer["hhi"].get<double>(), hhi, 1e-12);
    // Rio Tinto's undated, unquantified investment counts for both its home states.
    EXPECT_EQ(answer["relations_without_amount"].get<std::size_t>() + 1, missing);
    EXPECT_GT(missing, 0u);
}

TEST(AnalysisCli, CommunitiesCoverEveryActorOnce)
{
    auto answer = json_of("communities graphs/nato_mongolia.gv --method leiden");
    std::set<std::string> seen;
    for (const auto& community : answer["communities"]) {
        for (const auto& id : community["actors"]) EXPECT_TRUE(seen.insert(id.get<std::string>()).second);
    }
    EXPECT_EQ(seen.size(), 91u) << "every actor of the bundled graph";
    EXPECT_GT(answer["modularity"].get<double>(), 0.2);
}

TEST(AnalysisCli, MisspeltGradesAndBadCombinationsAreUsageErrors)
{
    auto grade = run("path graphs/nato_mongolia.gv Mongolia NATO --min-confidence meduim");
    EXPECT_EQ(grade.exit_code, 2);
    EXPECT_NE(grade.text.find("did you mean 'medium'"), std::string::npos) << grade.text;
    auto combined = run("path graphs/nato_mongolia.gv Mongolia NATO --time-respecting --k 2");
    EXPECT_EQ(combined.exit_code, 2);
    auto cap = run("dependence graphs/nato_mongolia.gv Mongolia --cap 3");
    EXPECT_EQ(cap.exit_code, 2);
    EXPECT_NE(cap.text.find("fraction"), std::string::npos) << cap.text;
}

TEST(AnalysisCli, EvidenceRankedPathsPutTheStrongestWeakestLinkFirst)
{
    auto answer = json_of("path graphs/nato_mongolia.gv Mongolia NATO --rank-by evidence --k 3 --min-confidence low");
    ASSERT_FALSE(answer["paths"].empty());
    // The direct partnership is graded B1 and A2 in the bundled graph (equal on the scale, graphs/README.md),
    // stronger than every two-hop route's weakest link (B2 at best).
    auto weakest = answer["paths"][0]["weakest_evidence"].get<std::string>();
    EXPECT_TRUE(weakest == "A2" || weakest == "B1") << weakest;
    EXPECT_EQ(answer["paths"][0]["actors"].size(), 2u) << answer.dump();
}

}  // namespace
}  // namespace actorgraph
