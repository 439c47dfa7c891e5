// The limit pre-scan (io/dot_lines) tokenises as cgraph does: no comment, string or line break makes
// it miss a token that cgraph then reads, so the limits hold whatever hides around the tokens.
#include <gtest/gtest.h>

#include <graphviz/cgraph.h>

#include <algorithm>
#include <map>

#include "actorgraph/io/dot_reader.hpp"

namespace actorgraph {
namespace {

InputLimits small_limits()
{
    InputLimits limits;
    limits.max_attribute_names = 10;
    limits.max_nesting = 10;
    return limits;
}

// `count` statements each naming a new attribute, between an opener and a closer that a wrong
// tokeniser could take for one string or comment spanning them all.
std::string hidden_attributes(std::string_view opener, std::string_view closer, int count)
{
    std::string text = "digraph {\n  a [x=1] " + std::string(opener) + "\n";
    for (int i = 0; i < count; ++i) text += "  n" + std::to_string(i) + " [name" + std::to_string(i) + "=1];\n";
    text += "  b " + std::string(closer) + "\n}\n";
    return text;
}

std::string hidden_nesting(std::string_view opener, std::string_view closer, int depth)
{
    std::string text = "digraph { " + std::string(opener) + "\n";
    for (int i = 0; i < depth; ++i) text += "subgraph {\n";
    text += "a\n";
    for (int i = 0; i < depth; ++i) text += "}\n";
    return text + std::string(closer) + "\n}\n";
}

// Pairs that cgraph reads as comments or plain tokens around the statements, never as a string.
const std::vector<std::pair<std::string, std::string>> disguises{
    {"# \"", "# \""},        // '#' mid-line is a comment in cgraph, so the quotes are not a string
    {"#\"", "#\""},
    {"// \"", "// \""},
    {"/* \" */", "/* \" */"},
    {"# <", "# >"},          // nor an HTML-like string
    {"// /*", "// */"},      // nor a block comment
    {"# /*", "# */"},
};

TEST(DotLines, AttributeNamesBehindCommentsCountAgainstTheLimit)
{
    for (const auto& [opener, closer] : disguises) {
        auto text = hidden_attributes(opener, closer, 20);
        EXPECT_THROW((void)read_dot(text, "hidden.gv", small_limits()), Error) << opener;
        // cgraph itself reads it: the statements are really there.
        EXPECT_EQ(read_dot(text, "hidden.gv").actor_count(), 22u) << opener;
    }
}

TEST(DotLines, NestingBehindCommentsCountsAgainstTheLimit)
{
    for (const auto& [opener, closer] : disguises) {
        auto text = hidden_nesting(opener, closer, 20);
        EXPECT_THROW((void)read_dot(text, "deep.gv", small_limits()), Error) << opener;
        EXPECT_EQ(read_dot(text, "deep.gv").actor_count(), 1u) << opener;
    }
}

TEST(DotLines, LinesStayRightAfterMidLineComments)
{
    auto graph = read_dot("digraph { # \"\n a -> b # c\n // d\n c # \"\n}\n", "lines.gv");
    ASSERT_EQ(graph.actor_count(), 3u);
    EXPECT_EQ(graph.actor(0).where.line, 2);
    EXPECT_EQ(graph.actor(2).where.line, 4);
    EXPECT_EQ(graph.relation(0).where.line, 2);
}

// The node names cgraph itself reads from `text` as written, in its order.
std::vector<std::string> cgraph_node_names(const std::string& text)
{
    std::vector<std::string> names;
    Agraph_t* graph = agmemread(text.c_str());
    if (!graph) return names;
    for (Agnode_t* node = agfstnode(graph); node; node = agnxtnode(graph, node)) names.emplace_back(agnameof(node));
    agclose(graph);
    return names;
}

// A comment the reader blanks out before cgraph reads the text must still part the tokens around it
// (a fuzz finding: `a/**/b` became the one node `ab`).
TEST(DotLines, CommentsBetweenTokensStillPartThem)
{
    for (std::string text : {"digraph { a/**/b }", "digraph { a/* x */->/**/b }", "digraph { 1/**/2 }",
                             "digraph { \"a\"/**/\"b\" }", "digraph { a/*\n*/b }", "digraph { a#x\nb }",
                             "digraph { a//x\nb/**/c }"}) {
        auto graph = read_dot(text, "comments.gv");
        std::vector<std::string> ids;
        for (std::size_t i = 0; i < graph.actor_count(); ++i) ids.push_back(graph.actor(static_cast<ActorIndex>(i)).id);
        EXPECT_EQ(ids, cgraph_node_names(text)) << text;
        EXPECT_GE(ids.size(), 2u) << text;
    }
}

// cgraph drops a line break that starts one of its lexer's matches with no plain text after it (a fuzz
// finding: `"\n"` is the empty name to cgraph); the pre-scan must name the node as cgraph does, or the
// reader cannot say on which line it is.
TEST(DotLines, NamesWithLineBreaksAreFoundWhereCgraphDropsThem)
{
    EXPECT_EQ(cgraph_node_names("graph {\n\"\n\"\n}"), std::vector<std::string>{""});
    try {
        (void)read_dot("graph {\n  a\n  \"\n\" -- b\n}\n", "empty.gv");
        FAIL() << "an empty id must be refused";
    } catch (const Error& error) {
        EXPECT_EQ(error.where().line, 3) << error.what();
    }
    for (std::string name : {"x\n\\\"\n", "\n\n", "\\\\\n", "\\\n\n\\q", "a\n\\\\\n"}) {
        auto text = "graph {\n  \"" + name + "\" -- z\n}\n";
        auto graph = read_dot(text, "breaks.gv");
        ASSERT_EQ(cgraph_node_names(text).front(), graph.actor(0).id) << name;
        EXPECT_EQ(graph.actor(0).where.line, 2) << name;
        EXPECT_EQ(graph.actor(1).where.line, 2 + std::count(name.begin(), name.end(), '\n')) << name;
    }
}

// What cgraph itself reads for attribute `name` of the first node of `text`, given as it is.
std::string cgraph_value(const std::string& text, const char* name)
{
    Agraph_t* graph = agmemread(text.c_str());
    if (!graph) return "(no graph)";
    std::string value = agget(agfstnode(graph), const_cast<char*>(name));
    agclose(graph);
    return value;
}

// cgraph reads a quoted string's line breaks in time growing with their square (65,536 of them in a
// 256 KB file: over a minute); the reader hands it the string in pieces it reads linearly and that
// mean the same. What comes back is the string as written, and cgraph's own line numbers (in its error
// messages) now count the string's lines, so they name the file's line.
TEST(DotLines, QuotedStringsWithManyLineBreaksReadExactly)
{
    std::string label;
    for (int i = 0; i < 65'536; ++i) label += i % 7 == 0 ? "ab\\\\\n" : i % 5 == 0 ? "q\\\"\n" : "x\n";
    std::string text = "digraph {\n  a [label=\"" + label + "\", note=\"" + std::string(300'000, 'y') + "\"]\n  b\n}\n";
    auto graph = read_dot(text, "lines.gv");
    ASSERT_EQ(graph.actor_count(), 2u);
    // The last line break stands alone between an escaped quote and the end, which cgraph drops.
    EXPECT_EQ(std::count(graph.actor(0).label.begin(), graph.actor(0).label.end(), '\n'), 65'535);
    // Exactly what cgraph reads from the text as written (at a size cgraph reads that way in a second).
    auto small = "digraph {\n  a [label=\"" + label.substr(0, 16'000) + "\"]\n}\n";
    EXPECT_TRUE(read_dot(small, "small.gv").actor(0).label == cgraph_value(small, "label"));
    EXPECT_EQ(graph.actor(0).properties.at("note"), std::string(300'000, 'y'));
    EXPECT_EQ(graph.actor(1).where.line, 65'536 + 3);
}

TEST(DotLines, QuotedStringsReadAsCgraphReadsThemWhateverSurroundsTheirLineBreaks)
{
    // cgraph drops a line break that stands alone between two escapes (its lexer's own rule); the
    // pieces the reader hands it must not make it drop or keep any other.
    std::vector<std::string> bodies{"a\\\\\n\\\\\nb\n\n\\\"\nc", "\n\n" + std::string(9000, 'z') + "\n",
                                    "x\n\\q\n\n\n\\\"\n", std::string(5000, '\n') + "\\" + std::string(5000, 'k'),
                                    "\\\n\n\\\\\n\\\"\n\\\n"};
    for (const auto& body : bodies) {
        auto text = "digraph { a [x=\"" + body + "\"] }";
        Graph graph;
        ASSERT_NO_THROW(graph = read_dot(text, "breaks.gv")) << "body " << (&body - bodies.data()) << " cgraph: " << cgraph_value(text, "x").substr(0, 30);
        EXPECT_TRUE(std::string(property_or_empty(graph.actor(0).properties, "x")) == cgraph_value(text, "x"))
            << body.substr(0, 40);
    }
}

TEST(DotLines, BackslashesAndContinuationsInQuotedStringsReadAsCgraphReadsThem)
{
    // \\ stays two, \" is a quote, backslash-newline is dropped, a lone backslash stays.
    auto graph = read_dot("digraph { a [x=\"p\\\\\nq\", y=\"r\\\nq\", z=\"s\\t\\\"u\\\\\"] }", "bs.gv");
    const auto& properties = graph.actor(0).properties;
    EXPECT_EQ(properties.at("x"), "p\\\\\nq");
    EXPECT_EQ(properties.at("y"), "rq");
    EXPECT_EQ(properties.at("z"), "s\\t\"u\\\\");
}

TEST(DotLines, UnquotedNamesAndHtmlLinesTooLongForCgraphAreRefusedWithTheLine)
{
    std::string name(70'000, 'n');
    EXPECT_THROW((void)read_dot("digraph {\n" + name + "\n}", "name.gv"), Error);
    EXPECT_THROW((void)read_dot("digraph {\n a [label=<" + name + ">]\n}", "html.gv"), Error);
    EXPECT_EQ(read_dot("digraph {\n \"" + name + "\"\n}", "quoted.gv").actor(0).id, name);
}

// cgraph reads the first graph of a file; the others are not dropped without a word.
TEST(DotLines, AFileWithSeveralGraphsSaysThatOnlyTheFirstIsRead)
{
    auto graph = read_dot("digraph one { a -> b; graph [x=1] }\n/* two */\nstrict Graph two { c }\ndigraph { d }\n",
                          "several.gv");
    EXPECT_EQ(graph.actor_count(), 2u);
    ASSERT_EQ(graph.diagnostics().size(), 1u);
    EXPECT_EQ(graph.diagnostics()[0].where.line, 3);
    EXPECT_NE(graph.diagnostics()[0].message.find("holds 3 graphs; only the first is read"), std::string::npos);
    EXPECT_TRUE(read_dot("digraph { subgraph s { a } graph [x=1] }", "one.gv").diagnostics().empty());
}

// cgraph's lexer ends an unquoted number at a letter or a second '.', and a name at anything but a
// letter or digit ("badly delimited number ... splits into two tokens"), so `1F66B` is two nodes and
// `a -1` two. The pre-scan splits them the same way: every node cgraph makes has its line.
TEST(DotLines, UnquotedIdsSplitWhereCgraphSplitsThem)
{
    auto graph = read_dot("digraph {\n 1F66B\"C8C\" -> b\n x -1\n 1.5.3\n 2..5 -.5\n é2\n}\n", "split.gv");
    std::map<std::string, int> lines;
    for (std::size_t i = 0; i < graph.actor_count(); ++i) lines[graph.actor(i).id] = graph.actor(i).where.line;
    std::map<std::string, int> expected{{"1", 2},   {"F66B", 2}, {"C8C", 2}, {"b", 2},  {"x", 3},  {"-1", 3},
                                        {"1.5", 4}, {".3", 4},   {"2.", 5},  {".5", 5}, {"-.5", 5}, {"é2", 6}};
    EXPECT_EQ(lines, expected);
}

// A run like `1.1.1.1` is one node per `.1` to cgraph; each is a token the limits count.
TEST(DotLines, NodesInOneUnquotedRunCountAgainstTheTokenLimit)
{
    std::string run = "1";
    for (int i = 0; i < 2000; ++i) run += ".1";
    auto text = "digraph {\n" + run + "\n}\n";
    InputLimits limits;
    limits.max_tokens = 1000;
    EXPECT_THROW((void)read_dot(text, "run.gv", limits), Error);
    EXPECT_EQ(read_dot(text, "run.gv").actor_count(), 2u);  // "1.1" and ".1": cgraph merges equal names
}

}  // namespace
}  // namespace actorgraph
