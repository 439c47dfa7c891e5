// The window's editing forms without a window: what is typed becomes one change through the explorer's
// edit session, problems land on their fields and change nothing, and every form's edit undoes.
#include "actorgraph/app/edit_forms.hpp"
#include "actorgraph/edit/edit_session.hpp"
#include "explorer_fixture.hpp"

namespace actorgraph::testing {
namespace {


class EditFormsTest : public ExplorerOnACopyTest {
protected:
    [[nodiscard]] const Graph& graph() const { return *explorer_->graph(); }
};

TEST_F(EditFormsTest, NewActorAddsTheActorWithAliasesAndDescriptionSelectsItAndEmptiesTheForm)
{
    NewActorForm form;
    form.id = "erdenes";
    form.kind = "company";
    form.label = "Erdenes Oyu Tolgoi";
    form.aliases = "EOT; Erdenes OT";
    form.description = "State holding of the mine";
    form.properties = {{"country", "Mongolia"}, {"", ""}};
    ASSERT_TRUE(form.submit(*explorer_)) << form.problems.all().front().to_string();
    auto actor = graph().find_by_id("erdenes");
    ASSERT_TRUE(actor);
    const auto& added = graph().actor(*actor);
    EXPECT_EQ(added.label, "Erdenes Oyu Tolgoi");
    EXPECT_EQ(added.aliases, (std::vector<std::string>{"EOT", "Erdenes OT"}));
    EXPECT_EQ(property_or_empty(added.properties, "description"), "State holding of the mine");
    EXPECT_EQ(property_or_empty(added.properties, "country"), "Mongolia");
    EXPECT_EQ(explorer_->selection(), std::vector<ActorIndex>{*actor});
    EXPECT_TRUE(form.id.empty());
    EXPECT_TRUE(explorer_->undo());
    EXPECT_FALSE(graph().find_by_id("erdenes"));
}

TEST_F(EditFormsTest, NewActorWithADuplicateIdAndAMisspeltKindSaysSoOnEachFieldAndChangesNothing)
{
    auto actors = graph().actor_count();
    NewActorForm form;
    form.id = "mongolia";
    form.kind = "compnay";
    form.label = "Typed text stays";
    EXPECT_FALSE(form.submit(*explorer_));
    EXPECT_NE(form.problems.of("id").find("already exists"), std::string::npos) << form.problems.of("id");
    EXPECT_NE(form.problems.of("kind").find("Did you mean 'company'?"), std::string::npos) << form.problems.of("kind");
    EXPECT_EQ(graph().actor_count(), actors);
    EXPECT_FALSE(explorer_->dirty());
    EXPECT_EQ(form.label, "Typed text stays");
}

TEST_F(EditFormsTest, KindChoicesAreTheBuiltInOnesThenTheFilesOwn)
{
    auto kinds = kind_choices(*explorer_);
    ASSERT_GE(kinds.size(), 4u);
    EXPECT_EQ(kinds[0], "state");
    EXPECT_EQ(std::count(kinds.begin(), kinds.end(), "company"), 1);
    auto types = type_choices(*explorer_);
    EXPECT_EQ(types[0], "investment");
}

TEST_F(EditFormsTest, NewRelationTakesNamesForItsEndsAndNeedsASource)
{
    auto relations = graph().relation_count();
    NewRelationForm form;
    form.from = "Rio Tinto";  // a label, resolved to the id
    form.to = "mongolia";
    form.type = "investment";
    form.year = "2016";
    form.amount_usd = "5300000000";
    form.confidence = "B2";
    EXPECT_FALSE(form.submit(*explorer_));
    EXPECT_NE(form.problems.of("source").find("needs a source"), std::string::npos);
    EXPECT_EQ(graph().relation_count(), relations);
    form.source = "Rio Tinto annual report 2016";
    ASSERT_TRUE(form.submit(*explorer_)) << form.problems.all().front().to_string();
    ASSERT_EQ(graph().relation_count(), relations + 1);
    const auto& added = graph().relation(static_cast<RelationIndex>(relations));
    EXPECT_EQ(graph().actor(added.source).id, "rio_tinto");
    EXPECT_EQ(property_or_empty(added.properties, "year"), "2016");
    EXPECT_EQ(property_or_empty(added.properties, "confidence"), "B2");
    EXPECT_EQ(property_or_empty(added.properties, "amount_usd"), "5300000000");
    // The ends and type stay for the next relation; the facts are emptied.
    EXPECT_EQ(form.from, "Rio Tinto");
    EXPECT_TRUE(form.source.empty());
    EXPECT_TRUE(form.year.empty());
}

TEST_F(EditFormsTest, NewRelationReportsEveryBadFieldAtOnce)
{
    NewRelationForm form;
    form.from = "mongolia";
    form.to = "mongolia";
    form.type = "pressure";
    form.year = "twenty";
    form.confidence = "sure";
    form.source = "x";
    EXPECT_FALSE(form.submit(*explorer_));
    EXPECT_FALSE(form.problems.of("confidence").empty());
    EXPECT_NE(form.problems.of("year").find("is not a year"), std::string::npos) << form.problems.of("year");
    EXPECT_NE(form.problems.of("to").find("cannot join an actor to itself"), std::string::npos) << form.problems.of("to");
    EXPECT_FALSE(explorer_->dirty());
}

TEST_F(EditFormsTest, ThePropertyEditorSetsRenamesAndRemovesEachAsOneUndoableStep)
{
    PropertyEditor editor;
    editor.edit_actor(graph(), actor("oyu_tolgoi"));
    ASSERT_GE(editor.rows.size(), 5u);
    EXPECT_EQ(editor.rows[0].key, "id");
    EXPECT_FALSE(editor.rows[0].removable);
    editor.new_key = "founded";
    editor.new_value = "2001";
    ASSERT_TRUE(editor.add(*explorer_));
    EXPECT_EQ(property_or_empty(graph().actor(actor("oyu_tolgoi")).properties, "founded"), "2001");
    editor.edited[0] = "oyu_tolgoi_mine";
    ASSERT_TRUE(editor.set_row(*explorer_, 0));
    EXPECT_EQ(editor.target.actor, "oyu_tolgoi_mine");
    auto description = std::find_if(editor.rows.begin(), editor.rows.end(), [](const auto& row) { return row.key == "description"; });
    ASSERT_NE(description, editor.rows.end());
    ASSERT_TRUE(editor.remove_row(*explorer_, static_cast<std::size_t>(description - editor.rows.begin())));
    EXPECT_TRUE(property_or_empty(graph().actor(actor("oyu_tolgoi_mine")).properties, "description").empty());
    EXPECT_EQ(explorer_->undo_name(), "Undo change of description on Oyu Tolgoi");
    for (int i = 0; i < 3; ++i) ASSERT_TRUE(explorer_->undo());
    EXPECT_TRUE(graph().find_by_id("oyu_tolgoi"));
    EXPECT_FALSE(explorer_->can_undo());
}

TEST_F(EditFormsTest, ARelationsSourceCannotBeEmptiedOrRemoved)
{
    PropertyEditor editor;
    editor.edit_relation(graph(), 0);
    auto source = std::find_if(editor.rows.begin(), editor.rows.end(), [](const auto& row) { return row.key == "source"; });
    ASSERT_NE(source, editor.rows.end());
    auto index = static_cast<std::size_t>(source - editor.rows.begin());
    EXPECT_FALSE(editor.remove_row(*explorer_, index));
    editor.edited[index] = " ";
    EXPECT_FALSE(editor.set_row(*explorer_, index));
    EXPECT_NE(editor.problems.of("source").find("needs a source"), std::string::npos);
    EXPECT_FALSE(explorer_->dirty());
}

TEST_F(EditFormsTest, TheDeletionPreviewListsEveryRelationThatGoesWithTheActor)
{
    auto rio = actor("rio_tinto");
    auto preview = deletion_preview(graph(), rio);
    EXPECT_EQ(preview.relation_count, graph().out_relations(rio).size() + graph().in_relations(rio).size());
    EXPECT_EQ(preview.relations.size(), std::min(preview.relation_count, DeletionPreview::shown));
    EXPECT_NE(std::find(preview.relations.begin(), preview.relations.end(), "investment \u2192 Oyu Tolgoi (2015)"),
              preview.relations.end());
    auto relations = graph().relation_count();
    ASSERT_TRUE(explorer_->apply_edit(DeleteActor{preview.actor_id}).empty());
    EXPECT_EQ(graph().relation_count(), relations - preview.relation_count);
}

TEST_F(EditFormsTest, TheMergePreviewShowsWhatTheKeptActorBecomesWithoutChangingTheGraph)
{
    NewActorForm form;
    form.id = "oyu_tolgoi_llc";
    form.kind = "company";
    form.label = "Oyu Tolgoi LLC";
    form.description = "the operating company";
    ASSERT_TRUE(form.submit(*explorer_));
    auto preview = merge_preview(graph(), actor("oyu_tolgoi"), actor("oyu_tolgoi_llc"));
    EXPECT_TRUE(preview.problem.empty());
    auto aliases = std::find_if(preview.result.begin(), preview.result.end(), [](const auto& row) { return row.first == "aliases"; });
    ASSERT_NE(aliases, preview.result.end());
    EXPECT_NE(aliases->second.find("Oyu Tolgoi LLC"), std::string::npos) << aliases->second;
    EXPECT_EQ(preview.conflicts, std::vector<std::string>{"description"});
    EXPECT_TRUE(graph().find_by_id("oyu_tolgoi_llc"));
    ASSERT_TRUE(explorer_->apply_edit(MergeActors{preview.keep_id, preview.other_id}).empty());
    EXPECT_EQ(explorer_->undo_name(), "Undo merge of Oyu Tolgoi LLC into Oyu Tolgoi");
    EXPECT_FALSE(merge_preview(graph(), actor("oyu_tolgoi"), actor("oyu_tolgoi")).problem.empty());
    EXPECT_FALSE(merge_preview(graph(), actor("oyu_tolgoi"), static_cast<ActorIndex>(graph().actor_count())).problem.empty());
}

}  // namespace
}  // namespace actorgraph::testing
