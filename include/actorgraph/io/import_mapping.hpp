#pragma once
// One description of how foreign files become our graph: the vocabulary (labels -> kinds, types -> types),
// the caption, the CSV dialect, and for plain tables which column is what. The CLI flags, saved mapping
// files (JSON) and the GUI's import dialog all produce this one type.
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "actorgraph/model/graph.hpp"

namespace actorgraph {

/// How a table cell becomes a property value.
enum class ValueType { text, integer, number, boolean, date, datetime };

/// The name of a value type as mapping files and flags write it ("text", "integer", "number"...).
[[nodiscard]] std::string_view value_type_name(ValueType type);
/// Parses a value type name, also Neo4j's (int, long, float, double, string...); throws Error with a suggestion.
[[nodiscard]] ValueType parse_value_type(std::string_view name);

/// A table column kept as a property.
struct PropertyMapping {
    std::string column;  ///< the header of the column
    std::string name;    ///< the property's name (the column's header when empty)
    ValueType type = ValueType::text;
};

/// The columns of a plain node table (one actor per row).
struct NodeTableMapping {
    std::string id;           ///< column holding the actor's id
    std::string kind;         ///< the kind of every actor (when no kind column)
    std::string kind_column;  ///< column holding each actor's kind (mapped through ImportMapping::kinds)
    /// Columns kept as properties; empty means every column not used above, as text.
    std::vector<PropertyMapping> properties;
};

/// The columns of a plain edge table (one relation per row).
struct EdgeTableMapping {
    std::string source;       ///< column holding the source actor's id
    std::string target;       ///< column holding the target actor's id
    std::string type;         ///< the type of every relation (when no type column)
    std::string type_column;  ///< column holding each relation's type (mapped through ImportMapping::types)
    std::string source_kind;  ///< the kind of actors made for sources the node table lacks
    std::string target_kind;  ///< the kind of actors made for targets the node table lacks
    /// Columns kept as properties; empty means every column not used above, as text.
    std::vector<PropertyMapping> properties;
};

/// The separator, quote and array separator of the CSV files; nullopt delimiter means "sniff it".
struct CsvOptions {
    std::optional<char> delimiter;
    char quote = '"';
    char array_delimiter = ';';
};

struct ImportMapping {
    /// Foreign label -> kind; matched ignoring case. Labels not listed stay custom kinds.
    std::map<std::string, std::string> kinds;
    /// Foreign relationship type -> type; matched ignoring case. Types not listed stay custom types.
    std::map<std::string, std::string> types;
    /// The actors' caption when a file has no name/label column: a column name ("fullName") or a template
    /// of columns ("{firstName} {lastName}"); empty means the `title` column when there is one.
    std::string caption;
    CsvOptions csv;
    NodeTableMapping nodes;
    EdgeTableMapping edges;

    /// The kind a foreign label maps to, or the label as it is.
    [[nodiscard]] std::string map_kind(std::string_view label) const;
    /// The type a foreign relationship type maps to, or the type as it is.
    [[nodiscard]] std::string map_type(std::string_view type) const;
};

/// The mapping as JSON (the saved mapping file's content).
[[nodiscard]] nlohmann::json mapping_to_json(const ImportMapping& mapping);
/// A mapping from JSON; throws Error naming `source` and the offending key.
[[nodiscard]] ImportMapping mapping_from_json(const nlohmann::json& json, const std::string& source);
/// Reads a mapping file; throws Error naming the file.
[[nodiscard]] ImportMapping load_mapping(const std::filesystem::path& file);
/// Writes a mapping file atomically.
void save_mapping(const ImportMapping& mapping, const std::filesystem::path& file);

/// Parses "A=b,C=d" (the --kind-map and --type-map flags) into the map; throws Error on a pair without '='.
void parse_vocabulary_map(std::string_view text, std::map<std::string, std::string>& into, std::string_view flag);
/// Parses a delimiter or quote as neo4j-admin takes it: one ASCII character, "TAB", "\t" or "U+007C".
[[nodiscard]] char parse_csv_character(std::string_view text, std::string_view flag);

/// A caption template's parts: literal text and column references, resolved against a header.
class CaptionTemplate {
public:
    /// "{firstName} {lastName}", or a bare column name; throws Error on an unclosed brace.
    explicit CaptionTemplate(std::string_view text);
    /// The columns it names, in order.
    [[nodiscard]] const std::vector<std::string>& columns() const noexcept { return columns_; }
    /// The caption from the cells of the named columns (same order as columns()); spaces between absent
    /// parts are collapsed and the result trimmed.
    [[nodiscard]] std::string fill(const std::vector<std::string_view>& values) const;

private:
    std::vector<std::string> literals_;  // literals_[i] comes before columns_[i]; one more than columns_
    std::vector<std::string> columns_;
};

/// Parses a cell as the type: integers and numbers in their shortest form ("5.689852347E7" -> "56898523.47"),
/// booleans as true/false, dates as YYYY-MM-DD ("Mar 25, 2015", "25/03/2015", "2015-03-25"), date-times as
/// ISO 8601; nullopt when the text is not one.
[[nodiscard]] std::optional<std::string> convert_value(std::string_view text, ValueType type);

}  // namespace actorgraph
