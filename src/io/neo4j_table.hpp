#pragma once
// The columns of a Neo4j import CSV (`id:ID`, `:START_ID`, `name:int`...) and the property sets read from
// them; shared by the node and relationship readers.
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "actorgraph/io/import_mapping.hpp"
#include "actorgraph/model/file_name.hpp"
#include "actorgraph/model/properties.hpp"
#include "actorgraph/model/property_types.hpp"
#include "io/csv_parser.hpp"

namespace actorgraph::neo4j {

/// One header cell: `name:type`, split.
struct Column {
    std::string name;
    std::string type;  ///< lower-cased keyword or type without group or [], empty when the header has none
    bool array = false;
    std::string group;  ///< the ID space of an :ID, :START_ID or :END_ID column (`:ID(Person)`), else empty
};

/// How the records of one --nodes or --relationships group become actors or relations (the delimiter and
/// quote are the parser's, csv::Dialect).
struct ReadOptions {
    char array_delimiter = ';';
    std::vector<std::string> labels;  ///< labels every node of the group has (`--nodes=Person:Official=...`)
    std::string type;                 ///< the type of relationships whose :TYPE is empty (`--relationships=OWNS=...`)
    const ImportMapping* mapping = nullptr;  ///< kinds, types and caption; none keeps them as written
    /// Check typed cells (int, float, boolean, arrays of them) as neo4j-admin does: a bad one is an Error.
    bool check_types = false;
};

/// What a column is for.
enum class Role { property, id, label, kind, aliases, start, end, type, ignore };

/// A file's header: its columns and their roles.
struct Table {
    std::vector<Column> columns;
    std::vector<Role> roles;
};

/// The table of a nodes (`nodes` true) or relationships file's header record.
[[nodiscard]] Table read_header(const csv::Record& header, bool nodes);
/// Throws Error unless exactly one column has the role (`header` names it in the message).
void require_column(const Table& table, Role role, std::string_view header, const FileName& file);
/// Throws Error unless the record has as many cells as the header.
void require_width(const csv::Record& record, const Table& table, const FileName& file);

/// Reads records' property cells into sets that share one list of names per combination of present
/// columns (PropertyNames), so millions of relations with the same columns keep their names once.
/// Not shared between threads: each reading thread has its own.
class PropertyColumns {
public:
    /// The property columns of the table (which must outlive this); sets go into the arena when one is given.
    /// With options, typed cells are checked (check_types) and arrays rejoined with ';' (the model's list
    /// separator) when the array delimiter is another; `file` names the file in those errors.
    explicit PropertyColumns(const Table& table, PropertyArena* arena = nullptr, const ReadOptions* options = nullptr,
                             FileName file = {});
    /// The record's properties: its present property cells.
    [[nodiscard]] Properties read(const csv::Record& record);

private:
    // Bounds the lists a file of sparse, wide records could make; beyond it sets keep their own names.
    static constexpr std::size_t max_lists = 4096;

    [[nodiscard]] PropertyNames names_of(std::uint64_t present) const;
    [[nodiscard]] Properties read_entries(const csv::Record& record);
    // The cell's value: the cell itself, or (for a checked or rejoined column) a checked copy in scratch_.
    [[nodiscard]] std::string_view value(const csv::Record& record, std::size_t column);

    const Table& table_;
    PropertyArena* arena_;
    std::vector<std::size_t> columns_;  // the property columns, by name when shareable_
    bool shareable_ = false;
    std::unordered_map<std::uint64_t, PropertyNames> lists_;
    std::vector<std::string_view> values_;
    std::vector<Properties::value_type> entries_;
    const ReadOptions* options_;
    FileName file_;
    std::vector<char> special_;           // by column: 1 when its cells are checked or rejoined
    bool any_special_ = false;
    std::vector<std::string> scratch_;    // by column: the last converted value
};

/// Declares the types of the table's typed property columns (`at:date`, `xs:long[]`), so their values read back
/// typed (PropertyTypes); untyped columns and types actorgraph does not keep (point) declare nothing.
void declare_column_types(const Table& table, PropertyTypes& types);

/// The Neo4j type of a column as a value type to check against (text for strings and temporal types).
[[nodiscard]] ValueType column_value_type(const Column& column);

}  // namespace actorgraph::neo4j
