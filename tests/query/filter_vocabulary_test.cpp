// Kinds and types in a filter are matched ignoring case; an unknown one is an error that names the
// known ones; a malformed property condition points at its operator.
#include <gtest/gtest.h>

#include "actorgraph/io/dot_reader.hpp"
#include "actorgraph/query/filter.hpp"
#include "actorgraph/query/paths.hpp"

namespace actorgraph {
namespace {

Graph sample()
{
    return read_dot("digraph { a [kind=state]; b [kind=Lobby]; a -> b [type=investment, amount_usd=5, source=x]; "
                    "b -> a [type=FUNDS]; }",
                    "v.gv");
}

std::string error_of(auto action)
{
    try {
        action();
    } catch (const Error& error) {
        return error.what();
    }
    return "no error";
}

TEST(FilterVocabulary, KindsAndTypesAreMatchedIgnoringCaseAndSpelledAsTheGraphSpellsThem)
{
    auto graph = sample();
    GraphFilter filter;
    filter.kinds = {"State", "LOBBY"};
    filter.types = {"funds", "Investment"};
    resolve_vocabulary(filter, graph);
    EXPECT_EQ(filter.kinds, (std::set<std::string>{"Lobby", "state"}));
    EXPECT_EQ(filter.types, (std::set<std::string>{"FUNDS", "investment"}));
    EXPECT_EQ(apply_filter(graph, filter).relations.size(), 2u);
}

TEST(FilterVocabulary, ABuiltInTypeTheGraphLacksIsNoErrorButAMisspeltOneIs)
{
    auto graph = sample();
    GraphFilter filter;
    filter.types = {"pressure"};
    EXPECT_NO_THROW(resolve_vocabulary(filter, graph));
    filter.types = {"investmnet"};
    auto message = error_of([&] { resolve_vocabulary(filter, graph); });
    EXPECT_NE(message.find("unknown relation type 'investmnet'. Did you mean 'investment'?"), std::string::npos) << message;
    EXPECT_NE(message.find("FUNDS"), std::string::npos) << message;
    filter = {};
    filter.kinds = {"stat"};
    EXPECT_NE(error_of([&] { resolve_vocabulary(filter, graph); }).find("Did you mean 'state'?"), std::string::npos);
}

TEST(FilterVocabulary, AMalformedConditionPointsAtItsOperator)
{
    auto message = error_of([] { (void)PropertyCondition::parse("amount_usd=>1e8"); });
    EXPECT_NE(message.find("operator '=>' at column 11; did you mean '>='?"), std::string::npos) << message;
    EXPECT_NE(message.find("\n  amount_usd=>1e8\n            ^^\n"), std::string::npos) << message;
    EXPECT_NE(error_of([] { (void)PropertyCondition::parse("year==2001"); }).find("did you mean '='?"), std::string::npos);
    EXPECT_NO_THROW((void)PropertyCondition::parse("amount_usd>=1e8"));
    EXPECT_NO_THROW((void)PropertyCondition::parse("note~a=b"));
}

TEST(FilterVocabulary, AnUnknownOrNonNumericWeightIsAnError)
{
    auto graph = sample();
    auto unknown = error_of([&] { (void)relation_costs(graph, "amount", WeightTransform::inverse); });
    EXPECT_NE(unknown.find("unknown weight property 'amount'. Did you mean 'amount_usd'?"), std::string::npos) << unknown;
    auto text = error_of([&] { (void)relation_costs(graph, "source", WeightTransform::inverse); });
    EXPECT_NE(text.find("'source' has no numeric value; numeric relation properties: amount_usd"), std::string::npos) << text;
    EXPECT_EQ(relation_costs(graph, "amount_usd", WeightTransform::inverse).size(), 2u);
    EXPECT_EQ(numeric_relation_properties(graph), (std::vector<std::string>{"amount_usd"}));
}

}  // namespace
}  // namespace actorgraph
