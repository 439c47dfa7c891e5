#include "actorgraph/app/display_text.hpp"

#include <gtest/gtest.h>

#include <string>

namespace actorgraph {
namespace {

// What ImGui would show of a label: the text before the first "##".
std::string shown_part(const std::string& label) { return label.substr(0, label.find("##")); }
// What ImGui would take the id from when the label has "###": the text after the last "###".
std::string id_part(const std::string& label) { return label.substr(label.rfind("###") + 3); }

TEST(DisplayText, KeepsPlainAndMultiByteTextAsItIs)
{
    EXPECT_EQ(display_text("Mongolia"), "Mongolia");
    EXPECT_EQ(display_text("Улаанбаатар – 中国 🇲🇳"), "Улаанбаатар – 中国 🇲🇳");
    EXPECT_EQ(display_text("100% sure"), "100% sure");
}

TEST(DisplayText, ReplacesInvalidUtf8AndControlCharactersWithTheReplacementCharacter)
{
    EXPECT_EQ(display_text("a\xFF" "b"), "a\xEF\xBF\xBD" "b");
    EXPECT_EQ(display_text("\xC3"), "\xEF\xBF\xBD");                 // truncated sequence
    EXPECT_EQ(display_text("\xC0\xAF"), "\xEF\xBF\xBD\xEF\xBF\xBD");  // overlong '/'
    EXPECT_EQ(display_text("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // a surrogate
    EXPECT_EQ(display_text(std::string("a\0b\x07" "c", 5)), "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c");
    EXPECT_EQ(display_text("line\none\ttab\r"), "line one tab ");
}

TEST(DisplayText, CutsLongTextAtTheLimitWithAnEllipsis)
{
    std::string huge(1 << 20, 'x');
    auto shown = display_text(huge, 10);
    EXPECT_EQ(shown, "xxxxxxxxxx\xE2\x80\xA6");
    EXPECT_EQ(display_text("abc", 3), "abc");
    // The cut falls between code points, never inside one.
    EXPECT_EQ(display_text("ééé", 2), "éé\xE2\x80\xA6");
}

TEST(DisplayText, ShowsAPlaceholderForEmptyOrBlankText)
{
    EXPECT_EQ(display_text_or("", "(untyped)"), "(untyped)");
    EXPECT_EQ(display_text_or(" \n", "(untyped)"), "(untyped)");
    EXPECT_EQ(display_text_or("pressure", "(untyped)"), "pressure");
}

TEST(WidgetLabel, ShowsTheWholeTextAndTakesItsIdOnlyFromTheGivenId)
{
    auto label = widget_label("Ministry ## of Defence", "actor7");
    EXPECT_EQ(id_part(label), "actor7");
    EXPECT_EQ(shown_part(label), "Ministry #\xE2\x80\x8A# of Defence");

    auto sharp = widget_label("C#", "kind1");
    EXPECT_EQ(shown_part(sharp), "C#\xE2\x80\x8A");
    EXPECT_EQ(id_part(sharp), "kind1");

    auto empty = widget_label("", "type0");
    EXPECT_EQ(shown_part(empty), "");
    EXPECT_EQ(id_part(empty), "type0");
    EXPECT_NE(widget_label("same", "a"), widget_label("same", "b"));
}

}  // namespace
}  // namespace actorgraph
