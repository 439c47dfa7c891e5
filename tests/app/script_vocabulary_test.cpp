// The GUI script's filters and paths turn a misspelt kind, type or weight into an error on its line,
// never into an empty view; the right words match ignoring case.
#include "actorgraph/app/script.hpp"

#include "explorer_fixture.hpp"

namespace actorgraph::testing {
namespace {

std::string script_error(Explorer& explorer, const std::string& script)
{
    ScriptRunner runner(parse_script(script, "session.txt"));
    try {
        runner.run_to_end(explorer, layout_timeout);
    } catch (const Error& failure) {
        return failure.what();
    }
    return "no error";
}

TEST_F(ExplorerTest, ScriptFilterTypesWithAMisspeltTypeFailsWithASuggestion)
{
    open_nato();
    auto message = script_error(*explorer_, "filter types investmnet\n");
    EXPECT_EQ(message.rfind("session.txt:1: unknown relation type 'investmnet'. Did you mean 'investment'?", 0), 0u) << message;
    EXPECT_TRUE(explorer_->view().filter.types.empty()) << "the filter is left as it was";
    EXPECT_EQ(script_error(*explorer_, "filter kinds State\nfilter types INVESTMENT,pressure\n"), "no error");
    EXPECT_EQ(explorer_->view().filter.kinds, (std::set<std::string>{"state"}));
    EXPECT_EQ(explorer_->view().filter.types, (std::set<std::string>{"investment", "pressure"}));
}

TEST_F(ExplorerTest, ScriptPathWithAnUnknownWeightOrTypeFails)
{
    open_nato();
    auto weight = script_error(*explorer_, "path russia nato weight=amount\n");
    EXPECT_NE(weight.find("unknown weight property (one with numeric values) 'amount'. Did you mean 'amount_usd'?"),
              std::string::npos) << weight;
    auto type = script_error(*explorer_, "path russia nato types=presure\n");
    EXPECT_NE(type.find("Did you mean 'pressure'?"), std::string::npos) << type;
    EXPECT_FALSE(explorer_->view().path.has_value());
}

}  // namespace
}  // namespace actorgraph::testing
