// End-to-end: values Cypher writes keep their types through `actorgraph query --save` and a reload, in
// every format that can say a type (Neo4j CSV headers, GraphML attr.type, GEXF attribute types), and DOT's
// untyped text follows the documented rule.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "actorgraph/io/file_io.hpp"
#include "cli/cli_runner.hpp"
#include "test_support.hpp"

namespace actorgraph {
namespace {

namespace fs = std::filesystem;

testing::CliRun actorgraph(const std::vector<std::string>& arguments)
{
    return testing::run_cli_in(fs::current_path(), arguments);
}

// Every type a Cypher property can hold, on a node and on a relationship.
constexpr const char* write_every_type =
    "CREATE (a:Person {id: 'a'})-[:KNOWS {since: date('2015-07-21'), weight: 0.5, tags: ['x', 'y']}]->"
    "(:Person {id: 'b'}) "
    "SET a.at = date('2015-07-21'), a.ok = true, a.no = false, a.n = 3, a.x = 2.5, a.xs = [1, 2], "
    "a.fs = [1.5, -2.0], a.bs = [true, false], a.ss = ['p', 'q'], a.ds = [date('2001-02-03')], "
    "a.dt = datetime('2015-07-21T10:20:30.5+02:00'), a.ldt = localdatetime('2015-07-21T10:20:30'), "
    "a.t = time('10:20:30Z'), a.lt = localtime('10:20'), a.d = duration('P1Y2DT3H'), a.s = '42', a.word = 'true'";

constexpr const char* read_every_type =
    "MATCH (a {id: 'a'})-[r:KNOWS]->() RETURN a.at, a.ok, a.no, a.n, a.x, a.xs, a.fs, a.bs, a.ss, a.ds, a.dt, "
    "a.ldt, a.t, a.lt, a.d, a.s, a.word, r.since, r.weight, r.tags";

nlohmann::json rows_of(const testing::CliRun& run)
{
    EXPECT_EQ(run.exit_code, 0) << run.err << run.out;
    std::string last = run.out.substr(0, run.out.find_last_not_of('\n') + 1);
    last = last.substr(last.rfind('\n') == std::string::npos ? 0 : last.rfind('\n') + 1);
    return nlohmann::json::parse(last)["rows"];
}

// The RETURN of every type before saving to `saved` and after reading it back.
std::pair<nlohmann::json, nlohmann::json> round_trip(const fs::path& saved)
{
    auto before = actorgraph({"query", "--json", "-e", write_every_type, "-e", read_every_type, "--save", saved.string()});
    auto after = actorgraph({"query", saved.string(), "--json", "-e", read_every_type});
    return {rows_of(before), rows_of(after)};
}

TEST(CliTypedSave, EveryCypherTypeSurvivesANeo4jCsvFolder)
{
    auto folder = testing::scratch_dir("cli-typed-save-csv") / "graph";
    auto [before, after] = round_trip(folder);
    EXPECT_EQ(after, before);
    auto nodes = read_file(folder / "nodes.csv");
    for (const char* header : {"at:date", "ok:boolean", "n:long", "x:double", "xs:long[]", "ss:string[]", "ds:date[]",
                               "dt:datetime", "ldt:localdatetime", "t:time", "lt:localtime", "d:duration", "s:string"}) {
        EXPECT_NE(nodes.find(header), std::string::npos) << header << " in\n" << nodes;
    }
    EXPECT_NE(read_file(folder / "relationships.csv").find("since:date"), std::string::npos);
}

// Saves every type to `name` in a scratch folder, expects them all back and the file to hold `declaration`.
void expect_every_type_back_from_xml(const std::string& name, const std::string& declaration)
{
    auto file = testing::scratch_dir("cli-typed-save-" + name) / name;
    auto [before, after] = round_trip(file);
    EXPECT_EQ(after, before);
    auto text = read_file(file);
    EXPECT_NE(text.find(declaration), std::string::npos) << text;
}

TEST(CliTypedSave, EveryCypherTypeSurvivesGraphml)
{
    expect_every_type_back_from_xml("graph.graphml", "attr.name=\"ok\" attr.type=\"boolean\"");
    expect_every_type_back_from_xml("graph.graphml", "attr.name=\"at\" attr.type=\"string\" actorgraph:type=\"date\"");
}

TEST(CliTypedSave, EveryCypherTypeSurvivesGexf)
{
    expect_every_type_back_from_xml("graph.gexf", "title=\"xs\" type=\"string\" actorgraph:type=\"long[]\"");
    expect_every_type_back_from_xml("graph.gexf", "title=\"n\" type=\"long\"");
}

TEST(CliTypedSave, DotKeepsNumbersAndReadsBooleansDatesAndListsBackAsText)
{
    auto file = testing::scratch_dir("cli-typed-save-dot") / "graph.gv";
    auto [before, after] = round_trip(file);
    const auto& row = after.at(0);
    EXPECT_EQ(row[3], 3);
    EXPECT_EQ(row[4], 2.5);
    EXPECT_EQ(row[1], "true");
    EXPECT_EQ(row[0], "2015-07-21");
    EXPECT_EQ(row[5], "1;2");
    EXPECT_EQ(row[15], 42);  // DOT cannot tell the string '42' from the number
    EXPECT_EQ(row[16], "true");
    EXPECT_NE(before.at(0)[1], row[1]);
}

// Typed files as neo4j-admin import documents them, written by hand.
TEST(CliTypedSave, ReadsNeo4jTypedHeadersWrittenByHand)
{
    auto folder = testing::scratch_dir("cli-typed-neo4j-by-hand");
    write_file_atomically(folder / "nodes.csv",
               "id:ID,name,:LABEL,born:date,alive:boolean,age:int,score:float,seen:datetime,nick:string,"
               "codes:long[],span:duration\n"
               "p1,Ann,Person,1970-01-02,true,54,1.5,2020-01-01T10:00:00Z,007,3;4,P2D\n");
    write_file_atomically(folder / "relationships.csv", ":START_ID,:END_ID,:TYPE,at:localtime\np1,p1,KNOWS,09:30\n");
    auto run = actorgraph({"query", folder.string(), "--json", "-e",
                           "MATCH (p {id: 'p1'})-[r]->() RETURN p.born.year, p.alive, p.age, p.score, p.seen, "
                           "p.nick, p.codes, p.span.days, r.at.hour"});
    auto row = rows_of(run).at(0);
    EXPECT_EQ(row[0], 1970);
    EXPECT_EQ(row[1], true);
    EXPECT_EQ(row[2], 54);
    EXPECT_EQ(row[3], 1.5);
    EXPECT_EQ(row[4], (nlohmann::json{{"datetime", "2020-01-01T10:00Z"}}));
    EXPECT_EQ(row[5], "007");
    EXPECT_EQ(row[6], (nlohmann::json{3, 4}));
    EXPECT_EQ(row[7], 2);
    EXPECT_EQ(row[8], 9);
}

TEST(CliTypedSave, ReadsGraphmlAndGexfTypesOfOtherProgramsAndIgnoresAStringType)
{
    auto folder = testing::scratch_dir("cli-typed-xml-by-hand");
    write_file_atomically(folder / "g.graphml",
               "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">"
               "<key id=\"k0\" for=\"node\" attr.name=\"ok\" attr.type=\"boolean\"/>"
               "<key id=\"k1\" for=\"node\" attr.name=\"code\" attr.type=\"string\"/>"
               "<graph edgedefault=\"directed\"><node id=\"a\"><data key=\"k0\">false</data>"
               "<data key=\"k1\">12</data></node></graph></graphml>");
    write_file_atomically(folder / "g.gexf",
               "<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\"><graph><attributes class=\"node\">"
               "<attribute id=\"0\" title=\"ok\" type=\"boolean\"/><attribute id=\"1\" title=\"n\" type=\"double\"/>"
               "</attributes><nodes><node id=\"a\"><attvalues><attvalue for=\"0\" value=\"true\"/>"
               "<attvalue for=\"1\" value=\"3\"/></attvalues></node></nodes></graph></gexf>");
    auto graphml = rows_of(actorgraph({"query", (folder / "g.graphml").string(), "--json", "-e",
                                       "MATCH (n {id: 'a'}) RETURN n.ok, n.code"}));
    EXPECT_EQ(graphml.at(0), (nlohmann::json{false, 12}));  // an untyped writer's "string" keeps the old rule
    auto gexf = rows_of(actorgraph({"query", (folder / "g.gexf").string(), "--json", "-e",
                                    "MATCH (n {id: 'a'}) RETURN n.ok, n.n"}));
    EXPECT_EQ(gexf.at(0), (nlohmann::json{true, 3.0}));
}

}  // namespace
}  // namespace actorgraph
