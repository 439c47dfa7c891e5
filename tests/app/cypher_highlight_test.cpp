#include "actorgraph/app/cypher_highlight.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <random>
#include <string>

#include "actorgraph/io/file_io.hpp"
#include "cypher/parse/lexer.hpp"
#include "test_support.hpp"

namespace actorgraph {
namespace {

const char* name_of(CypherSpanKind kind)
{
    switch (kind) {
    case CypherSpanKind::plain: return "plain";
    case CypherSpanKind::keyword: return "keyword";
    case CypherSpanKind::function: return "function";
    case CypherSpanKind::label: return "label";
    case CypherSpanKind::string: return "string";
    case CypherSpanKind::number: return "number";
    case CypherSpanKind::parameter: return "parameter";
    case CypherSpanKind::comment: return "comment";
    }
    return "?";
}

// The coloured spans as "kind:text" words, plain ones left out: short enough to read in an assertion.
std::string coloured(std::string_view text)
{
    std::string out;
    for (const auto& span : highlight_cypher(text)) {
        if (span.kind == CypherSpanKind::plain) continue;
        out += (out.empty() ? "" : " ") + std::string(name_of(span.kind)) + ":" + std::string(text.substr(span.offset, span.length));
    }
    return out;
}

// Every byte in exactly one span, in order, and no span holding a line end together with other text.
void expect_spans_tile(std::string_view text)
{
    std::size_t at = 0;
    for (const auto& span : highlight_cypher(text)) {
        ASSERT_EQ(span.offset, at) << text;
        ASSERT_GT(span.length, 0u) << text;
        auto piece = text.substr(span.offset, span.length);
        if (piece.find('\n') != std::string_view::npos) {
            ASSERT_EQ(piece, "\n") << text;
        }
        at += span.length;
    }
    EXPECT_EQ(at, text.size()) << text;
}

TEST(CypherHighlight, KeywordsLabelsTypesStringsNumbersParametersAndFunctionsAreTold)
{
    EXPECT_EQ(coloured("MATCH (a:company)-[r:investment|pressure]->(b {id: $target})\n"
                       "where r.year >= 2010 RETURN toUpper(a.label), sum(r.amount_usd) / 1.5e3, 'x'"),
              "keyword:MATCH label:company label:investment label:pressure parameter:$target keyword:where number:2010 "
              "keyword:RETURN function:toUpper function:sum number:1.5e3 string:'x'");
}

TEST(CypherHighlight, AMapValueAfterAColonIsNotALabelButAWhereLabelTestIs)
{
    EXPECT_EQ(coloured("MATCH (n {kind: x, since: 3}) WHERE n:state:`Big Org` SET n:official"),
              "keyword:MATCH number:3 keyword:WHERE label:state label:`Big Org` keyword:SET label:official");
}

TEST(CypherHighlight, PropertyKeysSpelledLikeKeywordsStayNames)
{
    EXPECT_EQ(coloured("RETURN n.end, n.count, r . match"), "keyword:RETURN");
}

TEST(CypherHighlight, CommentsAndUnterminatedTextColourToTheirEnd)
{
    EXPECT_EQ(coloured("MATCH (n) // who?\nRETURN /* all */ n"), "keyword:MATCH comment:// who? keyword:RETURN comment:/* all */");
    EXPECT_EQ(coloured("RETURN 'it\\'s unfinished"), "keyword:RETURN string:'it\\'s unfinished");
    EXPECT_EQ(coloured("RETURN 1 /* open\nstill open"), "keyword:RETURN number:1 comment:/* open comment:still open");
    EXPECT_EQ(coloured("RETURN $"), "keyword:RETURN parameter:$");
}

TEST(CypherHighlight, RangesAndPropertyDotsAreNotDecimals)
{
    EXPECT_EQ(coloured("MATCH p = (a)-[*1..3]->(b) RETURN a.x1, .5"),
              "keyword:MATCH number:1 number:3 keyword:RETURN number:.5");
}

TEST(CypherHighlight, SpansCoverEveryByteOnceAndNeverCrossALine)
{
    for (std::string_view text : {"", "\n", "MATCH\n(n)\r\n", "'a\nb'", "/*\n\n*/x", "`a\nb`:c", "\xff\xfe(:\xc3\xa9)", "(((((:"}) {
        expect_spans_tile(text);
    }
    std::mt19937 random(14);
    const std::string alphabet = "ab1.e+-:'\"`$/*\\\n (){}[]|\xc3";
    for (int i = 0; i < 2000; ++i) {
        std::string text;
        auto length = random() % 40;
        for (std::size_t j = 0; j < length; ++j) text += alphabet[random() % alphabet.size()];
        expect_spans_tile(text);
    }
}

// The TCK's queries, read with the engine's lexer: where it finds a string, number or parameter, the
// colouring finds the same bytes.
TEST(CypherHighlightCorpus, TheTckQueriesAreColouredWhereTheEnginesLexerFindsTheirTokens)
{
    auto features = testing::corpus_dir() / "opencypher-tck/features";
    if (testing::corpus_dir().empty() || !std::filesystem::exists(features)) GTEST_SKIP() << "../shared/corpus is absent";
    std::size_t queries = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(features)) {
        if (entry.path().extension() != ".feature") continue;
        auto text = read_file(entry.path());
        // Docstrings: the lines between two lines of """.
        std::size_t at = 0;
        while ((at = text.find("\"\"\"\n", at)) != std::string::npos) {
            auto end = text.find("\"\"\"", at + 4);
            if (end == std::string::npos) break;
            auto query = text.substr(at + 4, end - at - 4);
            at = end + 3;
            expect_spans_tile(query);
            std::vector<cypher::Token> tokens;
            try {
                tokens = cypher::tokenize(query);
            } catch (const cypher::Error&) {
                continue;  // the TCK's own syntax-error queries
            }
            ++queries;
            auto spans = highlight_cypher(query);
            for (const auto& token : tokens) {
                CypherSpanKind expected = token.kind == cypher::TokenKind::String      ? CypherSpanKind::string
                                          : token.kind == cypher::TokenKind::Parameter ? CypherSpanKind::parameter
                                          : token.kind == cypher::TokenKind::Integer || token.kind == cypher::TokenKind::Float
                                              ? CypherSpanKind::number
                                              : CypherSpanKind::plain;
                if (expected == CypherSpanKind::plain || query.find('\n', token.offset) < token.offset + token.length) continue;
                CypherSpan want{expected, token.offset, token.length};
                EXPECT_NE(std::find(spans.begin(), spans.end(), want), spans.end())
                    << entry.path().filename() << ": " << query.substr(token.offset, token.length) << " in\n" << query;
            }
        }
    }
    EXPECT_GT(queries, 1000u);
}

}  // namespace
}  // namespace actorgraph
