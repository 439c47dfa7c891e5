// Evidence in the explorer: the min-confidence filter and paths ranked by their weakest evidence,
// driven through the script verbs as a user would through the Filters and Paths panels.
#include <algorithm>

#include "actorgraph/app/script.hpp"
#include "actorgraph/query/evidence.hpp"
#include "explorer_fixture.hpp"

namespace actorgraph::testing {
namespace {

class ExplorerEvidenceTest : public QuickExplorerTest {
protected:
    [[nodiscard]] std::optional<ConfidenceGrade> weakest(const Path& path) const
    {
        std::optional<ConfidenceGrade> worst;
        for (auto relation : path.relations) {
            auto grade = parse_confidence(property_or_empty(explorer_->graph()->relation(relation).properties, "confidence"));
            if (!grade) return std::nullopt;  // ungraded ranks below every grade
            if (!worst || *grade < *worst) worst = grade;
        }
        return worst;
    }
};

TEST_F(ExplorerEvidenceTest, AMinimumConfidenceShowsOnlyRelationsGradedAtLeastThat)
{
    open_nato();
    run("filter confidence high\n");
    ASSERT_TRUE(explorer_->view().filter.min_confidence);
    const auto& graph = *explorer_->graph();
    const auto& shown = explorer_->composed().scene.visible.relations;
    ASSERT_FALSE(shown.empty());
    std::size_t high = 0;
    for (RelationIndex r = 0; r < graph.relation_count(); ++r) {
        auto grade = parse_confidence(property_or_empty(graph.relation(r).properties, "confidence"));
        bool kept = grade && *grade >= *parse_confidence("high");
        high += kept;
        EXPECT_EQ(std::binary_search(shown.begin(), shown.end(), r), kept) << r;
    }
    EXPECT_EQ(shown.size(), high);
    EXPECT_LT(high, graph.relation_count()) << "the bundled graph grades some relations below high";
    run("filter confidence any\n");
    EXPECT_FALSE(explorer_->view().filter.min_confidence);
}

TEST_F(ExplorerEvidenceTest, AMisspeltGradeIsAnErrorWithASuggestion)
{
    open_nato();
    auto message = script_error("filter confidence hihg\n");
    EXPECT_EQ(message.rfind("session.txt:1:", 0), 0u) << message;
    EXPECT_NE(message.find("high"), std::string::npos) << message;
    EXPECT_FALSE(explorer_->view().filter.min_confidence);
}

TEST_F(ExplorerEvidenceTest, PathsRankedByEvidenceComeWeakestLinkBestFirst)
{
    open_nato();
    run("path russia nato k=5 direction=any evidence\n");
    ASSERT_TRUE(explorer_->view().path->options.rank_by_evidence);
    const auto& paths = explorer_->paths();
    ASSERT_GE(paths.size(), 2u);
    for (std::size_t i = 1; i < paths.size(); ++i) EXPECT_GE(weakest(paths[i - 1]), weakest(paths[i])) << i;
}

}  // namespace
}  // namespace actorgraph::testing
