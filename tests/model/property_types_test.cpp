#include "actorgraph/model/property_types.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace actorgraph {
namespace {

TEST(PropertyTypes, FoldsNeo4jTypeAliasesToOneKeywordAndRejectsTypesItCannotKeep)
{
    EXPECT_EQ(canonical_property_type("INT"), "long");
    EXPECT_EQ(canonical_property_type("float[]"), "double[]");
    EXPECT_EQ(canonical_property_type("LocalDateTime"), "localdatetime");
    EXPECT_EQ(canonical_property_type("char"), "string");
    EXPECT_EQ(canonical_property_type("point"), "");
    EXPECT_EQ(canonical_property_type("colour"), "");
}

TEST(PropertyTypes, TellsWhichTextsAValueOfATypeCanHave)
{
    EXPECT_TRUE(text_fits_property_type("boolean", "false"));
    EXPECT_FALSE(text_fits_property_type("boolean", "yes"));
    EXPECT_TRUE(text_fits_property_type("long", "-12"));
    EXPECT_FALSE(text_fits_property_type("long", "1.5"));
    EXPECT_TRUE(text_fits_property_type("double", "1e3"));
    EXPECT_TRUE(text_fits_property_type("date", "2015-07-21"));
    EXPECT_FALSE(text_fits_property_type("date", "July"));
    EXPECT_TRUE(text_fits_property_type("duration", "P1D"));
    EXPECT_TRUE(text_fits_property_type("long[]", "1;2;3"));
    EXPECT_FALSE(text_fits_property_type("long[]", "1;two"));
    EXPECT_TRUE(text_fits_property_type("string", ""));
}

TEST(PropertyTypes, DeclaresATypeOnlyWhenEveryValueOfTheNameFitsIt)
{
    PropertyTypes types;
    types.declare("at", "date");
    types.declare("n", "long");
    Properties first{{"at", "2015-07-21"}, {"n", "3"}};
    Properties second{{"n", "three"}};
    std::vector<const Properties*> sets{&first, &second};
    EXPECT_EQ(fitting_property_type(types, "at", sets), "date");
    EXPECT_EQ(fitting_property_type(types, "n", sets), "");
    EXPECT_EQ(fitting_property_type(types, "other", sets), "");
    types.declare("at", "");
    EXPECT_EQ(types.of("at"), "");
}

}  // namespace
}  // namespace actorgraph
