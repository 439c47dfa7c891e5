// End-to-end: the analysis procedures of `actorgraph query` answer what the `cut` and `dependence` commands
// answer on the bundled graph, both read through the built binary's JSON output.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "test_support.hpp"

namespace actorgraph {
namespace {

nlohmann::json json_of(const std::string& arguments)
{
    std::string command = "cd '" + testing::source_dir().string() + "' && '" + ACTORGRAPH_CLI + "' " + arguments + " --json";
    std::string text;
    FILE* pipe = ::popen(command.c_str(), "r");
    std::array<char, 4096> buffer{};
    while (auto count = std::fread(buffer.data(), 1, buffer.size(), pipe)) text.append(buffer.data(), count);
    int status = ::pclose(pipe);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) <= 1) << arguments << "\n" << text;
    return nlohmann::json::parse(text);
}

TEST(CypherProceduresCli, CutProcedureYieldsTheActorsTheCutCommandPrints)
{
    for (auto [from, to] : {std::pair{"Russia", "NATO"}, std::pair{"China", "Mongolia"}, std::pair{"United States", "Afghanistan"}}) {
        auto command = json_of(std::string("cut graphs/nato_mongolia.gv '") + from + "' '" + to + "'");
        std::set<std::string> expected;
        for (const auto& actor : command["actors"]) expected.insert(actor["id"].get<std::string>());

        auto query = json_of(std::string("query graphs/nato_mongolia.gv -e \"CALL actorgraph.cut('") + from + "', '" + to +
                             "') YIELD actor RETURN actor.id AS id\"");
        std::set<std::string> answered;
        for (const auto& row : query["rows"]) answered.insert(row[0].get<std::string>());
        EXPECT_EQ(answered, expected) << from << " -> " << to;
        EXPECT_EQ(answered.size(), command["size"].get<std::size_t>()) << from << " -> " << to;
    }
}

TEST(CypherProceduresCli, DependenceProcedureYieldsTheSharesTheDependenceCommandPrints)
{
    auto command = json_of("dependence graphs/nato_mongolia.gv Mongolia");
    auto query = json_of("query graphs/nato_mongolia.gv -e \"MATCH (m {id: 'mongolia'}) CALL actorgraph.dependence(m) "
                         "YIELD source, share, amount, over_cap RETURN source.id, share, amount, over_cap\"");
    ASSERT_EQ(query["rows"].size(), command["sources"].size());
    ASSERT_GE(query["rows"].size(), 3u);
    for (std::size_t i = 0; i < query["rows"].size(); ++i) {
        const auto& row = query["rows"][i];
        const auto& source = command["sources"][i];
        EXPECT_EQ(row[0], source["id"]);
        EXPECT_DOUBLE_EQ(row[1].get<double>(), source["share"].get<double>());
        EXPECT_DOUBLE_EQ(row[2].get<double>(), source["amount_usd"].get<double>());
        EXPECT_EQ(row[3], source["over_cap"]);
    }
    // The paper's one-third rule: Russia and the Soviet Union are each over it.
    EXPECT_EQ(query["rows"][0][0], "russia");
    EXPECT_TRUE(query["rows"][0][3].get<bool>());
}

}  // namespace
}  // namespace actorgraph
