#include "actorgraph/model/term.hpp"

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <sstream>
#include <string>

namespace actorgraph {
namespace {

TEST(Term, ReadsAndComparesLikeTheStringItWasMadeFrom)
{
    Term built_in = std::string("investment");
    Term custom = "advises";
    EXPECT_EQ(built_in, "investment");
    EXPECT_EQ(custom, std::string("advises"));
    EXPECT_NE(custom, built_in);
    EXPECT_LT(custom, built_in);
    EXPECT_LT(built_in, std::string("investmentz"));
    EXPECT_EQ("type: " + custom, "type: advises");
    EXPECT_EQ(custom.size(), 7u);
    EXPECT_TRUE(Term().empty());
    std::ostringstream out;
    out << built_in;
    EXPECT_EQ(out.str(), "investment");
}

TEST(Term, CopiesOfACustomWordOwnTheirOwnText)
{
    auto original = std::make_unique<Term>("a custom relation type longer than sixteen bytes");
    Term copy = *original;
    Term assigned;
    assigned = copy;
    original.reset();
    EXPECT_EQ(copy, "a custom relation type longer than sixteen bytes");
    EXPECT_EQ(assigned, copy);
    Term moved = std::move(copy);
    EXPECT_EQ(moved, "a custom relation type longer than sixteen bytes");
}

TEST(Term, BuiltInWordsShareOneString)
{
    Term a = "pressure";
    Term b = std::string("pressure");
    EXPECT_EQ(&a.str(), &b.str());
    Term c = "Pressure";
    EXPECT_NE(&a.str(), &c.str());
}

TEST(Term, WorksAsAKeyOfAStringMap)
{
    std::map<std::string, int> counts;
    ++counts[Term("state")];
    ++counts[Term("state")];
    EXPECT_EQ(counts.at("state"), 2);
}

}  // namespace
}  // namespace actorgraph
