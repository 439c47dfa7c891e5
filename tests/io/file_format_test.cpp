// Which format a path is read and written as: decided by what the path is (file or folder), its
// extension and, for a file without one, its content; never a silent guess, never over the input.
#include <gtest/gtest.h>

#include "actorgraph/io/file_format.hpp"
#include "actorgraph/io/file_io.hpp"
#include "graph_fixtures.hpp"
#include "test_support.hpp"

namespace actorgraph {
namespace {

namespace fs = std::filesystem;

void write(const fs::path& path, std::string_view text) { write_file_atomically(path, text); }

bool message_has(const Error& error, std::string_view part)
{
    return std::string(error.what()).find(part) != std::string::npos;
}

TEST(FileFormat, AFileWithoutExtensionIsReadByItsContentAndSaysSo)
{
    auto folder = testing::scratch_dir("format-content");
    write(folder / "nodes.csv", "id:ID,name\nx,X\n");  // a folder's CSV beside it must not be what is read
    write(folder / "relationships.csv", ":START_ID,:END_ID,:TYPE\n");
    write(folder / "dotfile", "# a comment\n/* more */ digraph { a -> b }\n");
    write(folder / "xmlfile", "\xEF\xBB\xBF<?xml version=\"1.0\"?><graphml><graph edgedefault=\"directed\">"
                               "<node id=\"n\"/></graph></graphml>");
    auto dot = load_graph(folder / "dotfile");
    EXPECT_EQ(dot.actor_count(), 2u);
    ASSERT_FALSE(dot.diagnostics().empty());
    EXPECT_NE(dot.diagnostics().front().message.find("read as DOT by its content"), std::string::npos);
    auto graphml = load_graph(folder / "xmlfile");
    EXPECT_EQ(graphml.actor_count(), 1u);
    EXPECT_EQ(read_plan(folder / "xmlfile").assumed, "no extension: read as GraphML by its content");
}

// What we save we read back: a text over the read limit (256 MiB; a 1M-actor DOT file is ~450 MB)
// is refused before anything is written, naming the file and what to do instead.
TEST(FileFormat, ASaveTooBigToReadBackIsRefusedBeforeItIsWritten)
{
    auto limit = InputLimits{}.max_file_bytes;
    EXPECT_NO_THROW(require_readable_size(limit, "big.gv"));
    EXPECT_THROW(require_readable_size(limit + 1, "big/relationships.csv"), Error);
    try {
        require_readable_size(limit + 1, "big.gv");
        FAIL() << "a file over the read limit was accepted";
    } catch (const Error& error) {
        EXPECT_EQ(error.where().file, "big.gv");
        EXPECT_NE(error.message().find("save it as Neo4j CSV"), std::string::npos) << error.what();
    }
}

TEST(FileFormat, OurOwnXdotExportsAreReadAsDot)
{
    auto folder = testing::scratch_dir("format-xdot");
    write(folder / "picture.xdot", "digraph { a [_draw_=\"c 7 -#000000 e 1 2 3 4 \"]; a -> b }");
    EXPECT_EQ(load_graph(folder / "picture.xdot").relation_count(), 1u);
}

TEST(FileFormat, AFileWithoutExtensionAndUnknownContentIsAnErrorNotTheFoldersCsv)
{
    auto folder = testing::scratch_dir("format-unknown");
    write(folder / "nodes.csv", "id:ID,name\nx,X\n");
    write(folder / "relationships.csv", ":START_ID,:END_ID,:TYPE\n");
    write(folder / "notes", "shopping list\n");
    try {
        (void)load_graph(folder / "notes");
        FAIL() << "expected an Error";
    } catch (const Error& error) {
        EXPECT_TRUE(message_has(error, "has no extension")) << error.what();
    }
}

TEST(FileFormat, AFolderNamedLikeAFileIsNeitherReadNorWrittenAsCsv)
{
    auto folder = testing::scratch_dir("format-folder");
    for (std::string name : {"x.graphml", "x.gv", "x.dot", "x.xml"}) {
        fs::create_directories(folder / name);
        EXPECT_THROW((void)format_for_path(folder / name), Error) << name;
        EXPECT_THROW(save_graph(testing::sample_graph(), folder / name), Error) << name;
        EXPECT_FALSE(fs::exists(folder / name / "nodes.csv")) << name;
    }
}

TEST(FileFormat, AnExplicitFormatMustFitWhatThePathIs)
{
    auto folder = testing::scratch_dir("format-explicit");
    fs::create_directories(folder / "plain-folder");
    write(folder / "plain-file", "x");
    EXPECT_THROW(save_graph(testing::sample_graph(), folder / "plain-folder", FileFormat::graphml), Error);
    EXPECT_THROW(save_graph(testing::sample_graph(), folder / "plain-file", FileFormat::csv), Error);
    EXPECT_THROW((void)format_for_path(folder / "plain-file"), Error) << "an existing file without extension";
    EXPECT_EQ(read_file(folder / "plain-file"), "x");
}

TEST(FileFormat, WritingOverTheInputIsRefusedUnlessForced)
{
    auto folder = testing::scratch_dir("format-overwrite");
    auto input = folder / "in.gv";
    write(input, "digraph { a -> b }");
    fs::create_symlink(input, folder / "link.gv");
    EXPECT_THROW(refuse_overwriting_input(input, {input}, false), Error);
    EXPECT_THROW(refuse_overwriting_input(input, {folder / "." / "in.gv"}, false), Error);
    EXPECT_THROW(refuse_overwriting_input(input, {folder / "link.gv"}, false), Error) << "the same file by another name";
    EXPECT_NO_THROW(refuse_overwriting_input(input, {input}, true));
    EXPECT_NO_THROW(refuse_overwriting_input(input, {folder / "out.gv"}, false));
    // A CSV folder is read from its two files: writing either of them, or the folder, is refused.
    auto csv = folder / "csv";
    save_graph(testing::sample_graph(), csv);
    EXPECT_THROW(refuse_overwriting_input(csv, files_written(csv, FileFormat::csv), false), Error);
    EXPECT_THROW(refuse_overwriting_input(csv, {csv / "nodes.csv"}, false), Error);
    EXPECT_THROW(refuse_overwriting_input(csv / "nodes.csv", {csv / "relationships.csv"}, false), Error);
    EXPECT_NO_THROW(refuse_overwriting_input(csv, {csv / "picture.svg"}, false));
}

}  // namespace
}  // namespace actorgraph
