// The data table built in the background: on a graph too big to draw whole it lists every element the
// filters keep (not only the overview), a filter or sort refilters the rows read, Cancel stops a build
// and an edit during a build starts it again.
#include <algorithm>

#include "actorgraph/app/data_table_model.hpp"
#include "actorgraph/generate/synthetic_graph.hpp"
#include "explorer_fixture.hpp"

namespace actorgraph::testing {
namespace {

constexpr std::chrono::seconds build_timeout{60};

class DataTableModelTest : public QuickExplorerTest {
protected:
    // 5,000 actors: well above the overview's limit of 2,000, so the view draws a cut.
    void open_big_graph()
    {
        explorer_->adopt(std::make_shared<const Graph>(generate_synthetic_graph({5000, 4.0, 5})), config_ / "big.csv");
        settle();
        ASSERT_EQ(explorer_->composed().reduction.kind, ViewReduction::Kind::overview);
    }
    void build()
    {
        ASSERT_TRUE(model_.wait_until_built(*explorer_, build_timeout));
        ASSERT_TRUE(model_.current(*explorer_));
    }
    [[nodiscard]] const Graph& graph() const { return *explorer_->graph(); }
    [[nodiscard]] std::size_t column(TableKind kind, std::string_view name) const
    {
        const auto& columns = model_.table(kind).columns();
        auto found = std::find(columns.begin(), columns.end(), name);
        EXPECT_NE(found, columns.end()) << name;
        return static_cast<std::size_t>(found - columns.begin());
    }

    DataTableModel model_;
};

TEST_F(DataTableModelTest, OnAGraphTooBigToDrawListsEveryActorAndRelationTheFiltersKeep)
{
    open_big_graph();
    EXPECT_LT(explorer_->composed().scene.visible.actors.size(), graph().actor_count()) << "the overview draws a cut";
    build();
    EXPECT_EQ(model_.table(TableKind::actors).rows().size(), graph().actor_count());
    EXPECT_EQ(model_.table(TableKind::relations).rows().size(), graph().relation_count());
}

TEST_F(DataTableModelTest, OnAGraphTooBigToDrawFollowsTheFiltersNotTheOverview)
{
    open_big_graph();
    GraphFilter filter;
    filter.kinds = {"company"};
    explorer_->set_filter(filter);
    settle();
    build();
    const auto& rows = model_.table(TableKind::actors).rows();
    auto companies = std::count_if(rows.begin(), rows.end(), [&](auto actor) { return graph().actor(actor).kind.str() == "company"; });
    EXPECT_EQ(static_cast<std::size_t>(companies), rows.size());
    EXPECT_GT(rows.size(), explorer_->composed().scene.visible.actors.size()) << "more companies than the overview draws";
}

TEST_F(DataTableModelTest, BuildsInTheBackgroundAndShowsThePreviousRowsUntilTheNewOnesAreReady)
{
    open_big_graph();
    model_.update(*explorer_);
    EXPECT_TRUE(model_.building());
    EXPECT_NE(model_.status().find("building the table"), std::string::npos) << model_.status();
    EXPECT_TRUE(model_.table(TableKind::actors).rows().empty()) << "nothing until the first build ends";
    build();
    EXPECT_TRUE(model_.status().empty()) << model_.status();
    auto all = model_.table(TableKind::actors).rows().size();
    model_.set_filter("no such text anywhere");
    model_.update(*explorer_);
    EXPECT_TRUE(model_.building());
    EXPECT_EQ(model_.table(TableKind::actors).rows().size(), all) << "the previous rows stay meanwhile";
    build();
    EXPECT_TRUE(model_.table(TableKind::actors).rows().empty());
}

TEST_F(DataTableModelTest, SortsABigTableByAmountInTheBackground)
{
    open_big_graph();
    build();
    auto amount = column(TableKind::relations, "amount_usd");
    model_.sort_by(TableKind::relations, amount, false);
    build();
    const auto& table = model_.table(TableKind::relations);
    double largest = 0;
    for (RelationIndex relation = 0; relation < graph().relation_count(); ++relation) {
        largest = std::max(largest, parse_number(table.cell(graph(), relation, amount)).value_or(0));
    }
    ASSERT_GT(largest, 0);
    EXPECT_EQ(parse_number(table.cell(graph(), table.rows().front(), amount)), largest);
    EXPECT_EQ(table.rows().size(), graph().relation_count());
}

TEST_F(DataTableModelTest, CancelStopsTheBuildAndKeepsTheRowsShownUntilTheNextChange)
{
    open_big_graph();
    build();
    auto all = model_.table(TableKind::actors).rows().size();
    model_.set_filter("zzz no such text");
    model_.update(*explorer_);
    ASSERT_TRUE(model_.building());
    model_.cancel();
    EXPECT_FALSE(model_.building());
    EXPECT_NE(model_.status().find("cancelled"), std::string::npos) << model_.status();
    model_.update(*explorer_);
    EXPECT_FALSE(model_.building()) << "a cancelled build waits for the next change";
    EXPECT_EQ(model_.table(TableKind::actors).rows().size(), all);
    model_.build_again();
    model_.update(*explorer_);
    EXPECT_TRUE(model_.building()) << "or for Build again";
    build();
    EXPECT_TRUE(model_.table(TableKind::actors).rows().empty()) << "the filter matches no row";
    model_.set_filter("zzz no such text either");
    model_.update(*explorer_);
    model_.cancel();
    model_.set_filter("");
    model_.update(*explorer_);
    EXPECT_TRUE(model_.building());
    build();
    EXPECT_EQ(model_.table(TableKind::actors).rows().size(), all);
}

TEST_F(DataTableModelTest, AnEditDuringABuildStartsItAgainOnTheEditedGraph)
{
    open_big_graph();
    model_.update(*explorer_);
    ASSERT_TRUE(model_.building());
    ASSERT_TRUE(explorer_->apply_edit(SetProperty{EditTarget{graph().actor(7).id, std::nullopt}, "label", "Edited while building"}).empty());
    model_.update(*explorer_);
    EXPECT_FALSE(model_.current(*explorer_));
    settle();
    build();
    const auto& actors = model_.table(TableKind::actors);
    EXPECT_EQ(actors.cell(*model_.graph(), 7, column(TableKind::actors, "label")), "Edited while building");
    EXPECT_EQ(model_.graph(), explorer_->graph());
}

}  // namespace
}  // namespace actorgraph::testing
