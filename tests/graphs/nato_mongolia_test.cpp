// The bundled NATO–Mongolia graph: loads cleanly, encodes the paper's facts, and every
// relation's quote can be found in the paper.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "actorgraph/io/dot_reader.hpp"
#include "actorgraph/io/file_io.hpp"
#include "actorgraph/model/validation.hpp"
#include "actorgraph/query/paths.hpp"
#include "test_support.hpp"

namespace actorgraph {
namespace {

Graph nato_mongolia() { return read_dot_file(testing::source_dir() / "graphs/nato_mongolia.gv"); }

std::vector<std::vector<std::string>> read_tsv(const std::string& name)
{
    std::ifstream in(testing::test_data(name));
    std::vector<std::vector<std::string>> rows;
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
        std::vector<std::string> cells;
        std::stringstream stream(line);
        std::string cell;
        while (std::getline(stream, cell, '\t')) cells.push_back(cell);
        if (line.ends_with('\t')) cells.emplace_back();
        rows.push_back(cells);
    }
    return rows;
}

std::string collapse_whitespace(std::string_view text)
{
    std::string out;
    for (char c : text) {
        bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
        if (space && (out.empty() || out.back() == ' ')) continue;
        out += space ? ' ' : c;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

bool has_relation(const Graph& graph, const std::vector<std::string>& fact)
{
    auto from = graph.find_by_id(fact[0]);
    auto to = graph.find_by_id(fact[1]);
    if (!from || !to) return false;
    for (auto index : graph.out_relations(*from)) {
        const auto& relation = graph.relation(index);
        if (relation.target != *to || relation.type != fact[2]) continue;
        const auto& p = relation.properties;
        auto year = property_or_empty(p, schema::year).empty() ? property_or_empty(p, schema::since) : property_or_empty(p, schema::year);
        if (!fact[3].empty() && year != fact[3]) continue;
        if (!fact[4].empty() && parse_number(property_or_empty(p, schema::amount_usd)) != parse_number(fact[4])) continue;
        if (property_or_empty(p, schema::source).find(fact[5]) == std::string_view::npos) continue;
        return true;
    }
    return false;
}

TEST(NatoMongoliaGraph, LoadsWithNoWarningsEvenWhenStrict)
{
    auto graph = nato_mongolia();
    EXPECT_GT(graph.actor_count(), 60u);
    EXPECT_GT(graph.relation_count(), 120u);
    for (const auto& finding : validate(graph, {true})) ADD_FAILURE() << finding.to_string();
}

TEST(NatoMongoliaGraph, EncodesThePapersFacts)
{
    auto graph = nato_mongolia();
    auto facts = read_tsv("nato_mongolia_facts.tsv");
    ASSERT_GE(facts.size(), 40u);
    for (const auto& fact : facts) {
        ASSERT_EQ(fact.size(), 6u);
        EXPECT_TRUE(has_relation(graph, fact)) << fact[0] << " -" << fact[2] << "-> " << fact[1] << " (" << fact[5] << ")";
    }
}

TEST(NatoMongoliaGraph, KeyFactsAreThereWithTheirDates)
{
    auto graph = nato_mongolia();
    EXPECT_TRUE(has_relation(graph, {"mongolia", "nato", "partnership", "2012", "", "formal partnership"}));
    bool russia_pressures_mongolia = false;
    bool russia_invests_in_mongolia = false;
    for (auto index : graph.out_relations(graph.resolve("Russia"))) {
        const auto& relation = graph.relation(index);
        if (relation.target != graph.resolve("Mongolia")) continue;
        russia_pressures_mongolia |= relation.type == "pressure";
        russia_invests_in_mongolia |= relation.type == "investment";
    }
    EXPECT_TRUE(russia_pressures_mongolia);
    EXPECT_TRUE(russia_invests_in_mongolia);
    EXPECT_EQ(graph.resolve("Ulaanbaatar"), graph.resolve("mongolia"));
    EXPECT_EQ(graph.resolve("the Kremlin"), graph.resolve("russia"));
    EXPECT_EQ(graph.resolve("Beijing"), graph.resolve("china"));
}

TEST(NatoMongoliaGraph, PathsThePaperDescribesExist)
{
    auto graph = nato_mongolia();
    auto rows = read_tsv("nato_mongolia_paths.tsv");
    ASSERT_GE(rows.size(), 6u);
    for (const auto& row : rows) {
        ASSERT_EQ(row.size(), 3u);
        auto from = graph.resolve(row[0]), via = graph.resolve(row[2]), to = graph.resolve(row[1]);
        EXPECT_FALSE(find_paths(graph, from, via, {}).empty()) << row[0] << " -> " << row[2];
        EXPECT_FALSE(find_paths(graph, via, to, {}).empty()) << row[2] << " -> " << row[1];
    }
    PathOptions options;
    options.k = 5;
    bool through_rio_tinto = false;
    for (const auto& path : find_paths(graph, graph.resolve("russia"), graph.resolve("oyu_tolgoi"), options)) {
        for (auto actor : path.actors) through_rio_tinto |= graph.actor(actor).id == "rio_tinto";
    }
    EXPECT_TRUE(through_rio_tinto);
    PathOptions any;
    any.direction = Direction::any;
    EXPECT_FALSE(find_paths(graph, graph.resolve("russia"), graph.resolve("nato"), any).empty());
}

TEST(NatoMongoliaGraph, EveryRelationQuotesThePaper)
{
    auto paper_file = testing::seed_paper();
    if (paper_file.empty()) GTEST_SKIP() << "../shared/seed is absent; cannot check quotes";
    auto paper = collapse_whitespace(read_file(paper_file));
    auto graph = nato_mongolia();
    for (const auto& relation : graph.relations()) {
        std::string source(property_or_empty(relation.properties, schema::source));
        auto start = source.find(": \"");
        auto end = source.rfind('"');
        ASSERT_TRUE(start != std::string::npos && end > start + 3) << "no quote in source: " << source;
        auto quote = collapse_whitespace(source.substr(start + 3, end - start - 3));
        EXPECT_NE(paper.find(quote), std::string::npos) << "not in the paper: " << quote;
    }
}

}  // namespace
}  // namespace actorgraph
