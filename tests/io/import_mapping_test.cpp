#include "actorgraph/io/import_mapping.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "actorgraph/io/file_io.hpp"
#include "test_support.hpp"

namespace actorgraph {
namespace {

using testing::scratch_dir;

ImportMapping full_mapping()
{
    ImportMapping mapping;
    parse_vocabulary_map("Legislator=official, Committee=organization", mapping.kinds, "--kind-map");
    parse_vocabulary_map("OWNS=investment", mapping.types, "--type-map");
    mapping.caption = "{firstName} {lastName}";
    mapping.csv.delimiter = '\t';
    mapping.csv.array_delimiter = '|';
    mapping.nodes = {"bioguide_id", "", "type", {{"birthday", "born", ValueType::date}}};
    mapping.edges.source = "Sender";
    mapping.edges.target = "Receiver";
    mapping.edges.type = "transfer";
    mapping.edges.target_kind = "company";
    mapping.edges.properties = {{"Amount", "amount_usd", ValueType::number}};
    return mapping;
}

TEST(ImportMapping, ASavedMappingReadsBackTheSame)
{
    auto file = scratch_dir("import_mapping") / "mapping.json";
    save_mapping(full_mapping(), file);
    auto back = load_mapping(file);
    EXPECT_EQ(mapping_to_json(back), mapping_to_json(full_mapping()));
    EXPECT_EQ(back.kinds.at("Legislator"), "official");
    EXPECT_EQ(back.csv.delimiter, '\t');
    EXPECT_EQ(back.nodes.properties.at(0).type, ValueType::date);
    EXPECT_EQ(back.edges.target_kind, "company");
    EXPECT_NE(read_file(file).find("\"delimiter\": \"TAB\""), std::string::npos);
}

TEST(ImportMapping, VocabularyIsMatchedIgnoringCaseAndUnmappedNamesStay)
{
    auto mapping = full_mapping();
    EXPECT_EQ(mapping.map_kind("LEGISLATOR"), "official");
    EXPECT_EQ(mapping.map_kind("Lobbyist"), "Lobbyist");
    EXPECT_EQ(mapping.map_type("owns"), "investment");
}

TEST(ImportMapping, BadMappingFilesAndFlagsAreErrorsNamingWhatIsWrong)
{
    auto file = scratch_dir("import_mapping_bad") / "bad.json";
    write_file_atomically(file, "{\"kinds\": [\"official\"]}");
    try {
        (void)load_mapping(file);
        FAIL() << "expected an Error";
    } catch (const Error& error) {
        EXPECT_EQ(error.where().file, file.string());
        EXPECT_NE(error.message().find("'kinds'"), std::string::npos) << error.message();
    }
    write_file_atomically(file, "{\"kind\": {\"Legislator\": \"official\"}}");
    try {
        (void)load_mapping(file);
        FAIL() << "expected an Error";
    } catch (const Error& error) {
        EXPECT_NE(error.message().find("unknown key 'kind'"), std::string::npos) << error.message();
        EXPECT_NE(error.message().find("kinds"), std::string::npos) << error.message();
    }
    write_file_atomically(file, "{not json");
    EXPECT_THROW((void)load_mapping(file), Error);
    std::map<std::string, std::string> map;
    EXPECT_THROW(parse_vocabulary_map("Legislator", map, "--kind-map"), Error);
    EXPECT_THROW((void)parse_value_type("nubmer"), Error);
    EXPECT_THROW((void)parse_csv_character("ab", "--delimiter"), Error);
    EXPECT_THROW((void)CaptionTemplate("{firstName"), Error);
}

TEST(ImportMapping, CsvCharactersAreTakenAsNeo4jAdminTakesThem)
{
    EXPECT_EQ(parse_csv_character("TAB", "--delimiter"), '\t');
    EXPECT_EQ(parse_csv_character("U+007C", "--array-delimiter"), '|');
    EXPECT_EQ(parse_csv_character(";", "--delimiter"), ';');
    EXPECT_THROW((void)parse_csv_character("U+20AC", "--delimiter"), Error);  // not one byte of UTF-8
}

TEST(ImportMapping, CaptionTemplatesJoinColumnsAndCollapseMissingParts)
{
    CaptionTemplate name("{first} {middle} {last}");
    EXPECT_EQ(name.columns(), (std::vector<std::string>{"first", "middle", "last"}));
    EXPECT_EQ(name.fill({"Sherrod", "", "Brown"}), "Sherrod Brown");
    EXPECT_EQ(name.fill({"Benjamin", "L.", "Cardin"}), "Benjamin L. Cardin");
    CaptionTemplate column("fullName");
    EXPECT_EQ(column.fill({"Maria Cantwell"}), "Maria Cantwell");
}

TEST(ImportMapping, ValuesAreConvertedToTheirTypesCanonicalForm)
{
    EXPECT_EQ(convert_value("5.689852347E7", ValueType::number), "56898523.47");
    EXPECT_EQ(convert_value("1.5e3", ValueType::integer), "1500");
    EXPECT_EQ(convert_value("2.5", ValueType::integer), std::nullopt);
    EXPECT_EQ(convert_value("Mar 25, 2015", ValueType::date), "2015-03-25");
    EXPECT_EQ(convert_value("25 March 2015", ValueType::date), "2015-03-25");
    EXPECT_EQ(convert_value("25/03/2015", ValueType::date), "2015-03-25");
    EXPECT_EQ(convert_value("2015-02-30", ValueType::date), std::nullopt);
    EXPECT_EQ(convert_value("2015-03-25 14:05:00", ValueType::datetime), "2015-03-25T14:05:00");
    EXPECT_EQ(convert_value("Yes", ValueType::boolean), "true");
    EXPECT_EQ(convert_value("maybe", ValueType::boolean), std::nullopt);
}

}  // namespace
}  // namespace actorgraph
