#include "actorgraph/edit/edit_script.hpp"

#include <gtest/gtest.h>

#include "actorgraph/io/dot_writer.hpp"
#include "test_support.hpp"

namespace actorgraph {
namespace {

namespace fs = std::filesystem;

EditSession bundled_session(const std::string& test)
{
    auto file = testing::scratch_dir("edit-script-" + test) / "nato_mongolia.gv";
    fs::copy_file(testing::source_dir() / "graphs/nato_mongolia.gv", file);
    return EditSession(file);
}

std::string run(EditSession& session, const std::string& verb, std::vector<std::string> arguments)
{
    return run_edit_verb(session, verb, arguments);
}

TEST(EditScript, VerbsNameActorsByIdLabelOrAliasAndRelationsByNumber)
{
    auto session = bundled_session("names");
    EXPECT_EQ(run(session, "add-actor", {"erdenes", "kind=company", "label=Erdenes Oyu Tolgoi", "aliases=EOT;Erdenes", "year=2009"}),
              "new actor Erdenes Oyu Tolgoi");
    EXPECT_EQ(run(session, "add-relation", {"EOT", "Oyu Tolgoi", "type=investment", "source=annual report", "year=2011"}),
              "new relation r219 (Erdenes Oyu Tolgoi → Oyu Tolgoi, investment)");
    EXPECT_EQ(run(session, "set", {"r219", "amount_usd=1e9"}), "change of amount_usd on r219 (Erdenes Oyu Tolgoi → Oyu Tolgoi, investment)");
    EXPECT_EQ(run(session, "set", {"Beijing", "note=southern neighbour"}), "change of note on China");
    EXPECT_EQ(run(session, "pin", {"erdenes", "100", "-20.5"}), "pin of Erdenes Oyu Tolgoi");
    EXPECT_EQ(run(session, "unset", {"china", "note"}), "change of note on China");
    EXPECT_EQ(run(session, "merge", {"Oyu Tolgoi", "erdenes"}), "merge of Erdenes Oyu Tolgoi into Oyu Tolgoi");
    EXPECT_EQ(run(session, "undo", {}), "undo of merge of Erdenes Oyu Tolgoi into Oyu Tolgoi");
    EXPECT_EQ(run(session, "redo", {}), "redo of merge of Erdenes Oyu Tolgoi into Oyu Tolgoi");
    const auto& graph = session.graph();
    auto ot = graph.resolve("EOT");
    EXPECT_EQ(graph.actor(ot).id, "oyu_tolgoi");
    EXPECT_EQ(graph.actor(ot).properties.at("pinned"), "true");
    EXPECT_EQ(graph.actor(ot).properties.at("x"), "100");
    EXPECT_EQ(run(session, "delete", {"r0"}).rfind("deletion of relation r0 (", 0), 0u);
    EXPECT_EQ(run(session, "delete", {"russia"}).rfind("deletion of Russia and its ", 0), 0u);
}

TEST(EditScript, ProblemsAreErrorsListingEveryFieldAndNothingChanges)
{
    auto session = bundled_session("problems");
    auto before = write_dot(session.graph());
    try {
        run(session, "add-relation", {"mongolia", "china", "type=investmnet", "year=soon"});
        FAIL() << "no error";
    } catch (const Error& error) {
        std::string message = error.message();
        EXPECT_NE(message.find("type: unknown type 'investmnet'. Did you mean 'investment'?"), std::string::npos) << message;
        EXPECT_NE(message.find("source: a relation needs a source"), std::string::npos) << message;
        EXPECT_NE(message.find("year: 'soon' is not a year"), std::string::npos) << message;
    }
    EXPECT_THROW(run(session, "set", {"mongolia", "novalue"}), Error);
    EXPECT_THROW(run(session, "delete", {"atlantis"}), Error);
    EXPECT_THROW(run(session, "pin", {"china", "left", "3"}), Error);
    EXPECT_THROW(run(session, "undo", {"twice"}), Error);
    EXPECT_THROW(run(session, "frobnicate", {}), Error);
    EXPECT_EQ(write_dot(session.graph()), before);
    EXPECT_FALSE(session.dirty());
    EXPECT_EQ(run(session, "undo", {}), "nothing to undo");
}

}  // namespace
}  // namespace actorgraph
