#include <algorithm>
#include <fstream>

#include "actorgraph/app/explorer.hpp"
#include "actorgraph/render/drawing.hpp"
#include "explorer_fixture.hpp"

namespace actorgraph::testing {
namespace {

void write_text(const std::filesystem::path& file, std::string_view text)
{
    std::ofstream(file, std::ios::binary) << text;
}

// True when some drawn actor is filled with the colour: what the canvas paints, from Graphviz's layout.
bool an_actor_is_filled_with(const Drawing& drawing, std::string_view colour)
{
    auto wanted = parse_color(colour);
    return std::any_of(drawing.elements.begin(), drawing.elements.end(), [&](const Element& element) {
        return element.kind == ElementKind::actor &&
               std::any_of(element.shapes.begin(), element.shapes.end(), [&](const Shape& shape) { return shape.filled && shape.fill == wanted; });
    });
}

class ExplorerStyleTest : public ExplorerTest {};

TEST_F(ExplorerStyleTest, TheUsersStylesheetInTheConfigFolderChangesTheCanvas)
{
    write_text(config_ / "stylesheet.json", R"({"kinds": {"state": {"fill": "#102030"}}})");
    explorer_ = std::make_unique<Explorer>(ExplorerOptions{config_});
    EXPECT_EQ(explorer_->stylesheet().kind("state").fill, "#102030");
    EXPECT_EQ(explorer_->stylesheet().kind("state").shape, Stylesheet::builtin().kind("state").shape);
    open_nato();
    EXPECT_TRUE(an_actor_is_filled_with(*explorer_->drawing(), "#102030"));
    EXPECT_FALSE(an_actor_is_filled_with(*explorer_->drawing(), Stylesheet::builtin().kind("state").fill));
}

TEST_F(ExplorerStyleTest, AMistakeInTheStylesheetIsAMessageWithFileAndLineAndTheOldLookStays)
{
    write_text(config_ / "stylesheet.json", "{\n  \"kinds\": {\n    \"state\": {\"fil\": \"#102030\"}}}");
    explorer_ = std::make_unique<Explorer>(ExplorerOptions{config_});
    EXPECT_NE(explorer_->last_error().find("stylesheet.json:3: 'kinds.state.fil': unknown kind style key 'fil'. Did you mean 'fill'?"),
              std::string::npos)
        << explorer_->last_error();
    EXPECT_EQ(explorer_->stylesheet().kind("state").fill, Stylesheet::builtin().kind("state").fill);
    open_nato();
    EXPECT_TRUE(an_actor_is_filled_with(*explorer_->drawing(), Stylesheet::builtin().kind("state").fill));

    // Fixed and reloaded from the View menu (or the script verb): the canvas is redrawn in the new look.
    write_text(config_ / "stylesheet.json", R"({"kinds": {"state": {"fill": "#102030"}}})");
    EXPECT_TRUE(explorer_->reload_stylesheet()) << explorer_->last_error();
    settle();
    EXPECT_TRUE(an_actor_is_filled_with(*explorer_->drawing(), "#102030"));

    // Broken again: the last good look stays.
    write_text(config_ / "stylesheet.json", "{");
    auto errors = explorer_->error_count();
    EXPECT_FALSE(explorer_->reload_stylesheet());
    EXPECT_EQ(explorer_->error_count(), errors + 1);
    EXPECT_EQ(explorer_->stylesheet().kind("state").fill, "#102030");
}

}  // namespace
}  // namespace actorgraph::testing
