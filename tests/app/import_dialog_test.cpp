#include "actorgraph/app/import_dialog.hpp"

#include "actorgraph/app/script.hpp"
#include "explorer_fixture.hpp"

namespace actorgraph::testing {
namespace {

TEST(ImportDialog, PreviewsATableAndGuessesTheUsualColumns)
{
    ImportDialog dialog;
    dialog.files.edges = test_data("tables/edge_list.tsv");
    dialog.refresh_previews();
    ASSERT_TRUE(dialog.edges_preview()) << dialog.edges_error();
    EXPECT_EQ(dialog.edges_preview()->delimiter, '\t');
    EXPECT_EQ(dialog.edges_preview()->header.front(), "from");
    dialog.guess_columns();
    EXPECT_EQ(dialog.mapping.edges.source, "from");
    EXPECT_EQ(dialog.mapping.edges.target, "to");
    EXPECT_TRUE(dialog.problems().empty());
}

TEST(ImportDialog, SaysWhatIsMissingAndAnUnreadableTable)
{
    ImportDialog dialog;
    EXPECT_EQ(dialog.problems().size(), 1u) << "no table chosen";
    EXPECT_FALSE(dialog.start_check());
    dialog.files.edges = test_data("tables/bank_transfers.csv");
    dialog.refresh_previews();
    auto problems = dialog.problems();
    ASSERT_EQ(problems.size(), 2u);
    EXPECT_NE(problems[0].find("source column"), std::string::npos);
    dialog.files.nodes = test_data("tables/no_such_table.csv");
    dialog.refresh_previews();
    EXPECT_NE(dialog.nodes_error().find("no_such_table.csv"), std::string::npos) << dialog.nodes_error();
}

TEST(ImportDialog, ChecksInTheBackgroundAndKnowsWhenTheCheckIsStale)
{
    ImportDialog dialog;
    dialog.files.edges = test_data("tables/bank_transfers.csv");
    dialog.refresh_previews();
    dialog.mapping.edges.source = "Sender";
    dialog.mapping.edges.target = "Receiver";
    dialog.mapping.edges.type = "investment";
    dialog.mapping.nodes.kind = "company";
    ASSERT_TRUE(dialog.start_check());
    ASSERT_TRUE(dialog.wait(std::chrono::seconds(30)));
    ASSERT_TRUE(dialog.check()) << dialog.check_error();
    const auto& graph = *dialog.check()->graph;
    EXPECT_GT(graph.relation_count(), 0u);
    ASSERT_TRUE(graph.find_by_id("Acme Holdings Ltd"));
    EXPECT_EQ(graph.actor(*graph.find_by_id("Acme Holdings Ltd")).kind, "company") << "the dialog's one kind";
    EXPECT_TRUE(dialog.check_is_current());
    dialog.mapping.edges.type = "pressure";
    EXPECT_FALSE(dialog.check_is_current()) << "a changed mapping needs a new check";
}

TEST(ImportDialog, AMappingSavedFromTheDialogLoadsBackTheSame)
{
    ImportDialog dialog;
    dialog.mapping.nodes.id = "bioguide_id";
    dialog.mapping.caption = "{first_name} {last_name}";
    dialog.mapping.kinds["sen"] = "official";
    auto file = scratch_dir("import-dialog-mapping") / "mapping.json";
    dialog.save_mapping_file(file);
    ImportDialog other;
    other.load_mapping_file(file);
    EXPECT_EQ(other.mapping.nodes.id, "bioguide_id");
    EXPECT_EQ(other.mapping.caption, "{first_name} {last_name}");
    EXPECT_EQ(other.mapping.kinds.at("sen"), "official");
    EXPECT_THROW(other.load_mapping_file(file.parent_path() / "missing.json"), Error);
}

// The legislators roster, as a user would import it through the window: captions from first and last
// names, so "Sherrod Brown" is found by name.
TEST_F(ExplorerTest, ImportedTablesOpenInTheExplorerAndAreFoundByTheirCaptions)
{
    auto script = "import-tables \"nodes=" + test_data("tables/legislators.csv").string() +
                  "\" id=bioguide_id \"caption={first_name} {last_name}\" kind=official\nimport-open\n";
    ScriptRunner runner(parse_script(script, "import.txt"));
    runner.run_to_end(*explorer_, layout_timeout);
    ASSERT_NE(explorer_->graph(), nullptr);
    EXPECT_EQ(explorer_->file(), test_data("tables/legislators.csv"));
    auto found = explorer_->graph()->find_by_name("Sherrod Brown");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(explorer_->graph()->actor(found.front()).id, "B000944");
    EXPECT_EQ(explorer_->graph()->actor(found.front()).kind, "official");
}

TEST_F(ExplorerTest, OpeningAnImportWithoutACurrentCheckIsRefusedWithAMessage)
{
    open_nato();
    EXPECT_FALSE(explorer_->open_import());
    EXPECT_NE(explorer_->last_error().find("check the tables"), std::string::npos) << explorer_->last_error();
    EXPECT_EQ(explorer_->file(), nato_file()) << "the open graph stays";
    ScriptRunner bad(parse_script("import-tables \"edges=" + test_data("tables/bank_transfers.csv").string() + "\" source=Sendr\n", "i.txt"));
    try {
        bad.run_to_end(*explorer_, layout_timeout);
        FAIL() << "a column the table lacks must fail the check";
    } catch (const Error& failure) {
        EXPECT_EQ(failure.where().line, 1);
        EXPECT_NE(std::string(failure.what()).find("Sendr"), std::string::npos) << failure.what();
    }
    EXPECT_EQ(explorer_->file(), nato_file()) << "the open graph stays";
}

TEST(ImportDialog, VocabularyTextIsTakenAsTheCommandLineTakesItAndABadTextKeepsTheOldMap)
{
    ImportDialog dialog;
    dialog.set_kind_map("Legislator=official, Committee = organization");
    EXPECT_EQ(dialog.mapping.kinds.size(), 2u);
    EXPECT_EQ(dialog.mapping.kinds.at("Committee"), "organization");
    EXPECT_EQ(ImportDialog::vocabulary_text(dialog.mapping.kinds), "Committee=organization, Legislator=official");
    EXPECT_THROW(dialog.set_kind_map("Legislator"), Error);
    EXPECT_EQ(dialog.mapping.kinds.size(), 2u) << "a text that is not pairs changes nothing";
    dialog.set_type_map("OWNS=investment");
    EXPECT_EQ(dialog.mapping.types.at("OWNS"), "investment");
}

// A GraphML export (Neo4j's shape: labels, first and last names, no caption) opened in the window
// through the dialog's caption and vocabulary, as the Import panel's "Graph file" choice does.
TEST_F(ExplorerTest, AGraphFileOpensThroughTheCaptionAndVocabularyChosenInTheWindow)
{
    auto file = test_data("graphml/neo4j_export.graphml");
    auto script = "open-mapped " + file.string() +
                  " \"caption={firstName} {lastName}\" kinds=Legislator=official,Committee=organization types=MEMBER_OF=affiliation\n";
    ScriptRunner runner(parse_script(script, "open.txt"));
    runner.run_to_end(*explorer_, layout_timeout);
    ASSERT_NE(explorer_->graph(), nullptr) << explorer_->last_error();
    EXPECT_EQ(explorer_->file(), file);
    EXPECT_EQ(explorer_->import_dialog().source, ImportSource::graph_file) << "the Import panel shows the graph-file choice";
    EXPECT_EQ(explorer_->import_dialog().mapping.caption, "{firstName} {lastName}");
    auto found = explorer_->graph()->find_by_name("Susan Collins");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(explorer_->graph()->actor(found.front()).kind, "official");
    const auto& kinds = explorer_->kinds_present();
    EXPECT_NE(std::find(kinds.begin(), kinds.end(), "organization"), kinds.end()) << "the legend and filters see our kinds";
    EXPECT_EQ(std::find(kinds.begin(), kinds.end(), "Legislator"), kinds.end());
}

TEST_F(ExplorerTest, AMisspeltVocabularyInTheWindowIsAMessageAndTheOpenGraphStays)
{
    open_nato();
    auto file = test_data("graphml/neo4j_export.graphml");
    ImportMapping mapping;
    mapping.kinds["Legislatr"] = "official";
    ASSERT_TRUE(explorer_->open_mapped(file, mapping));
    settle();
    EXPECT_NE(explorer_->last_error().find("Did you mean 'Legislator'"), std::string::npos) << explorer_->last_error();
    EXPECT_EQ(explorer_->file(), nato_file()) << "the open graph stays";
}

}  // namespace
}  // namespace actorgraph::testing
