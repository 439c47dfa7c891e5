// The data table's rows, filter, sort and cell edits, on the bundled graph.
#include "actorgraph/app/data_table.hpp"
#include "explorer_fixture.hpp"

namespace actorgraph::testing {
namespace {

class DataTableTest : public ExplorerOnACopyTest {
protected:
    [[nodiscard]] const Graph& graph() const { return *explorer_->graph(); }
    [[nodiscard]] std::size_t column(const DataTable& table, std::string_view name) const
    {
        const auto& columns = table.columns();
        auto found = std::find(columns.begin(), columns.end(), name);
        EXPECT_NE(found, columns.end()) << name;
        return static_cast<std::size_t>(found - columns.begin());
    }
};

TEST_F(DataTableTest, ListsWhatTheViewShowsWithAColumnPerProperty)
{
    DataTable actors(TableKind::actors);
    actors.rebuild(graph(), explorer_->composed().scene.visible);
    EXPECT_EQ(actors.rows().size(), graph().actor_count());
    EXPECT_EQ(actors.columns()[0], "id");
    EXPECT_EQ(actors.cell(graph(), actor("rio_tinto"), column(actors, "label")), "Rio Tinto");
    DataTable relations(TableKind::relations);
    relations.rebuild(graph(), explorer_->composed().scene.visible);
    EXPECT_EQ(relations.rows().size(), graph().relation_count());
    EXPECT_EQ(relations.cell(graph(), 0, 0), "r0");
    EXPECT_FALSE(relations.editable(1)) << "a relation's ends are not edited in the table";
    EXPECT_TRUE(relations.editable(column(relations, "source")));
}

TEST_F(DataTableTest, FollowsTheViewsFilters)
{
    GraphFilter filter;
    filter.kinds = {"company"};
    explorer_->set_filter(filter);
    settle();
    DataTable actors(TableKind::actors);
    actors.rebuild(graph(), explorer_->composed().scene.visible);
    ASSERT_FALSE(actors.rows().empty());
    for (auto row : actors.rows()) EXPECT_EQ(graph().actor(row).kind.str(), "company");
}

TEST_F(DataTableTest, TheFilterTextKeepsRowsWithACellContainingItInAnyCase)
{
    DataTable actors(TableKind::actors);
    actors.rebuild(graph(), explorer_->composed().scene.visible);
    actors.set_filter(graph(), "OYU TOLGOI");
    ASSERT_FALSE(actors.rows().empty());
    EXPECT_NE(std::find(actors.rows().begin(), actors.rows().end(), actor("oyu_tolgoi")), actors.rows().end());
    EXPECT_LT(actors.rows().size(), actors.shown_count());
    actors.set_filter(graph(), "no such text anywhere");
    EXPECT_TRUE(actors.rows().empty());
}

TEST_F(DataTableTest, SortsNumbersAsNumbersEitherWay)
{
    DataTable relations(TableKind::relations);
    relations.rebuild(graph(), explorer_->composed().scene.visible);
    auto year = column(relations, "year");
    relations.sort_by(graph(), year, true);
    std::vector<double> years;
    for (auto row : relations.rows()) {
        if (auto value = parse_number(relations.cell(graph(), row, year))) years.push_back(*value);
    }
    ASSERT_GT(years.size(), 10u);
    EXPECT_TRUE(std::is_sorted(years.begin(), years.end()));
    relations.sort_by(graph(), year, false);
    EXPECT_EQ(relations.cell(graph(), relations.rows().front(), year), std::to_string(static_cast<int>(years.back())));
    EXPECT_TRUE(relations.cell(graph(), relations.rows().back(), year).empty()) << "relations without a year come last";
    relations.sort_by(graph(), 0, true);
    EXPECT_EQ(relations.cell(graph(), relations.rows()[2], 0), "r2") << "relation numbers sort as numbers";
    relations.sort_by(graph(), 0, false);
    EXPECT_EQ(relations.rows().front(), graph().relation_count() - 1);
}

TEST_F(DataTableTest, ACellEditIsOneUndoableChangeAndAnEmptiedPropertyIsRemoved)
{
    DataTable actors(TableKind::actors);
    actors.rebuild(graph(), explorer_->composed().scene.visible);
    auto rio = actor("rio_tinto");
    auto change = actors.edit(graph(), rio, column(actors, "label"), "Rio Tinto Group");
    ASSERT_TRUE(change);
    ASSERT_TRUE(explorer_->apply_edit(*change).empty());
    EXPECT_EQ(graph().actor(rio).label, "Rio Tinto Group");
    settle();  // the view of the edited graph is composed in the background
    actors.rebuild(graph(), explorer_->composed().scene.visible);
    auto removal = actors.edit(graph(), rio, column(actors, "description"), "");
    ASSERT_TRUE(removal);
    ASSERT_TRUE(explorer_->apply_edit(*removal).empty());
    EXPECT_TRUE(property_or_empty(graph().actor(rio).properties, "description").empty());
    ASSERT_TRUE(explorer_->undo());
    ASSERT_TRUE(explorer_->undo());
    EXPECT_EQ(graph().actor(rio).label, "Rio Tinto");
    DataTable relations(TableKind::relations);
    relations.rebuild(graph(), explorer_->composed().scene.visible);
    EXPECT_FALSE(relations.edit(graph(), 0, 1, "china"));
    EXPECT_EQ(relations.actor_of(graph(), 0), graph().relation(0).source);
}

}  // namespace
}  // namespace actorgraph::testing
