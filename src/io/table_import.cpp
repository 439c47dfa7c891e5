#include "actorgraph/io/table_import.hpp"

#include <algorithm>
#include <array>
#include <optional>

#include "io/csv_parser.hpp"
#include "io/mapped_text.hpp"

namespace actorgraph {

namespace {

namespace fs = std::filesystem;
using csv::CsvParser;
using csv::Record;

constexpr std::size_t listed_warnings = 20;

// Lower-cased without spaces, '_' and '-': "Sender Name" and "sender_name" are one column to a suggestion.
std::string loose(std::string_view text)
{
    std::string out;
    for (char c : fold_case(text)) {
        if (c != ' ' && c != '_' && c != '-') out += c;
    }
    return out;
}

// A table's text and parser, the header read.
class Table {
public:
    Table(const fs::path& path, const CsvOptions& options, const InputLimits& limits)
        : text_(path, limits.max_file_bytes), file_(path.string()),
          delimiter_(options.delimiter.value_or(sniff_delimiter(text_.text().substr(0, 1 << 16)))),
          parser_(text_.text(), file_, limits, release_, {delimiter_, options.quote})
    {
        Record header;
        if (!parser_.next(header)) throw Error({file_, 1}, "empty file; expected a header line naming the columns");
        for (const auto& cell : header.cells) header_.emplace_back(trim_spaces(cell.text()));
        parser_.set_width(header_.size());
    }

    [[nodiscard]] const FileName& file() const { return file_; }
    [[nodiscard]] char delimiter() const { return delimiter_; }
    [[nodiscard]] const std::vector<std::string>& header() const { return header_; }
    [[nodiscard]] bool next(Record& record) { return parser_.next(record); }

    /// The column's index: exact header, else the one equal ignoring case; nullopt when `name` is empty.
    [[nodiscard]] std::optional<std::size_t> column(std::string_view name, std::string_view role) const
    {
        if (name.empty()) return std::nullopt;
        for (std::size_t i = 0; i < header_.size(); ++i) {
            if (header_[i] == name) return i;
        }
        for (std::size_t i = 0; i < header_.size(); ++i) {
            if (fold_case(header_[i]) == fold_case(name)) return i;
        }
        std::string message = "no column '" + std::string(name) + "' for the " + std::string(role) + ";";
        for (const auto& header : header_) {
            if (loose(header) == loose(name)) message += " did you mean '" + header + "'?";
        }
        message += " the columns are:";
        for (const auto& header : header_) message += " '" + header + "'";
        throw Error({file_, 1}, message);
    }

    /// The first column whose name is one of the candidates (ignoring case), if any.
    [[nodiscard]] std::optional<std::size_t> first_of(std::initializer_list<std::string_view> names) const
    {
        for (auto name : names) {
            for (std::size_t i = 0; i < header_.size(); ++i) {
                if (fold_case(header_[i]) == name) return i;
            }
        }
        return std::nullopt;
    }

private:
    MappedText text_;
    FileName file_;
    char delimiter_;
    csv::Release release_ = [this](std::size_t from, std::size_t to) { text_.release(from, to); };
    CsvParser parser_;  // holds a reference to release_
    std::vector<std::string> header_;
};

// Cells a record may lack (a short row): absent.
std::string_view cell_at(const Record& record, std::optional<std::size_t> column)
{
    if (!column || *column >= record.cells.size()) return {};
    return record.cells[*column].text();
}

struct ResolvedProperty {
    std::size_t column;
    std::string name;
    ValueType type;
};

class TableImporter {
public:
    TableImporter(const ImportMapping& mapping, const InputLimits& limits, TableImportReport& report)
        : mapping_(mapping), limits_(limits), report_(report)
    {
    }

    Graph run(const TableFiles& files)
    {
        if (files.nodes.empty() && files.edges.empty()) throw Error("no table to import: give a node or an edge table");
        if (!files.nodes.empty()) read_nodes(files.nodes);
        if (!files.edges.empty()) read_edges(files.edges);
        flush_warnings();
        return std::move(graph_);
    }

private:
    // The listed properties, or every column the roles do not use, as text.
    std::vector<ResolvedProperty> properties(const Table& table, const std::vector<PropertyMapping>& listed,
                                             const std::vector<std::optional<std::size_t>>& used) const
    {
        std::vector<ResolvedProperty> out;
        if (!listed.empty()) {
            for (const auto& property : listed) {
                auto column = *table.column(property.column, "property '" + property.column + "'");
                out.push_back({column, property.name.empty() ? table.header()[column] : property.name, property.type});
            }
            return out;
        }
        for (std::size_t i = 0; i < table.header().size(); ++i) {
            bool taken = std::any_of(used.begin(), used.end(), [&](const auto& column) { return column == i; });
            if (!taken && !table.header()[i].empty()) out.push_back({i, table.header()[i], ValueType::text});
        }
        return out;
    }

    Properties read_properties(const Table& table, const Record& record, const std::vector<ResolvedProperty>& columns)
    {
        std::vector<Properties::value_type> entries;
        std::vector<std::string> converted(columns.size());
        for (std::size_t i = 0; i < columns.size(); ++i) {
            const auto& property = columns[i];
            auto text = cell_at(record, property.column);
            if (trim_spaces(text).empty()) continue;
            if (auto value = convert_value(text, property.type)) {
                converted[i] = std::move(*value);
            } else {
                converted[i] = std::string(text);
                ++report_.unconverted_cells;
                warn({table.file(), record.line}, "column '" + table.header()[property.column] + "': '" + std::string(text) +
                                                      "' is not a valid " + std::string(value_type_name(property.type)) +
                                                      "; kept as written");
            }
            entries.emplace_back(property.name, converted[i]);
        }
        return Properties::from_entries(entries);
    }

    std::string kind_of(std::string_view text) const { return normalize_kind(mapping_.map_kind(trim_spaces(text))); }

    void read_nodes(const fs::path& path)
    {
        Table table(path, mapping_.csv, limits_);
        report_.nodes_delimiter = table.delimiter();
        const auto& map = mapping_.nodes;
        auto id = map.id.empty() ? table.first_of({"id", ":id"}).value_or(0) : *table.column(map.id, "actor id");
        auto kind = table.column(map.kind_column, "actor kind");
        std::optional<CaptionTemplate> caption;
        std::vector<std::size_t> caption_columns;
        if (!mapping_.caption.empty()) {
            caption.emplace(mapping_.caption);
            for (const auto& column : caption->columns()) caption_columns.push_back(*table.column(column, "caption"));
        } else if (auto named = table.first_of({"name", "label", "title", "caption"})) {
            caption.emplace("{" + table.header()[*named] + "}");
            caption_columns.push_back(*named);
        }
        std::vector<std::optional<std::size_t>> used{id, kind};
        if (!map.properties.empty() || mapping_.caption.empty()) {
            for (auto column : caption_columns) used.emplace_back(column);
        }
        auto columns = properties(table, map.properties, used);
        Record record;
        std::vector<std::string_view> values;
        while (table.next(record)) {
            auto actor_id = std::string(trim_spaces(cell_at(record, id)));
            if (actor_id.empty()) {
                ++report_.skipped_rows;
                warn({table.file(), record.line}, "row without an id (column '" + table.header()[id] + "'); skipped");
                continue;
            }
            Actor actor;
            actor.id = actor_id;
            actor.where = {table.file(), record.line};
            if (caption) {
                values.clear();
                for (auto column : caption_columns) values.push_back(trim_spaces(cell_at(record, column)));
                actor.label = caption->fill(values);
            }
            auto kind_text = kind ? cell_at(record, kind) : std::string_view(map.kind);
            if (!trim_spaces(kind_text).empty()) actor.kind = kind_of(kind_text);
            actor.properties = read_properties(table, record, columns);
            graph_.add_actor(std::move(actor));
        }
    }

    ActorIndex endpoint(std::string_view id, const std::string& kind, const SourceLocation& where)
    {
        if (auto found = graph_.find_by_id(id)) return *found;
        Actor actor;
        actor.id = std::string(id);
        if (!kind.empty()) actor.kind = kind_of(kind);
        actor.where = where;
        if (has_node_table_ && ++report_.created_actors <= listed_warnings) {
            created_.push_back({where, "'" + actor.id + "' is not in the node table; added as an actor"});
        }
        return graph_.add_actor(std::move(actor));
    }

    void read_edges(const fs::path& path)
    {
        has_node_table_ = graph_.actor_count() > 0;
        Table table(path, mapping_.csv, limits_);
        report_.edges_delimiter = table.delimiter();
        const auto& map = mapping_.edges;
        auto source = map.source.empty() ? table.first_of({"source", "from", "src", ":start_id"}).value_or(0)
                                         : *table.column(map.source, "source");
        auto target = map.target.empty() ? table.first_of({"target", "to", "dst", ":end_id"}).value_or(1)
                                         : *table.column(map.target, "target");
        if (target >= table.header().size() || source == target) {
            throw Error({table.file(), 1}, "an edge table needs a source and a target column (--source, --target)");
        }
        auto type = table.column(map.type_column, "relation type");
        auto columns = properties(table, map.properties, {source, target, type});
        Record record;
        while (table.next(record)) {
            SourceLocation where{table.file(), record.line};
            auto from = trim_spaces(cell_at(record, source)), to = trim_spaces(cell_at(record, target));
            if (from.empty() || to.empty()) {
                ++report_.skipped_rows;
                warn(where, "row without a " + std::string(from.empty() ? "source" : "target") + " (column '" +
                                table.header()[from.empty() ? source : target] + "'); skipped");
                continue;
            }
            Relation relation;
            relation.source = endpoint(from, map.source_kind, where);
            relation.target = endpoint(to, map.target_kind, where);
            auto type_text = type ? cell_at(record, type) : std::string_view(map.type);
            if (!trim_spaces(type_text).empty()) {
                relation.type = normalize_relation_type(mapping_.map_type(trim_spaces(type_text)));
            }
            relation.properties = read_properties(table, record, columns);
            relation.where = where;
            graph_.add_relation(std::move(relation));
        }
    }

    void warn(SourceLocation where, std::string message)
    {
        if (++warned_ <= listed_warnings) listed_.push_back({std::move(where), std::move(message)});
    }

    // A count first, then the first ones, so a table of a million bad cells gives a readable report.
    void flush_warnings()
    {
        if (report_.created_actors > 0) {
            graph_.warn({}, std::to_string(report_.created_actors) +
                                " edge endpoint(s) not in the node table were added as actors; the first follow");
            for (auto& warning : created_) graph_.warn(std::move(warning.where), std::move(warning.message));
        }
        if (warned_ > listed_.size()) {
            graph_.warn({}, std::to_string(warned_) + " rows or cells had problems; the first " +
                                std::to_string(listed_.size()) + " follow");
        }
        for (auto& warning : listed_) graph_.warn(std::move(warning.where), std::move(warning.message));
    }

    const ImportMapping& mapping_;
    const InputLimits& limits_;
    TableImportReport& report_;
    Graph graph_;
    bool has_node_table_ = false;
    std::size_t warned_ = 0;
    Diagnostics listed_, created_;
};

}  // namespace

char sniff_delimiter(std::string_view head)
{
    constexpr std::array<char, 4> candidates{',', '\t', ';', '|'};
    std::vector<std::string_view> lines;
    for (std::size_t start = 0; start < head.size() && lines.size() < 10;) {
        auto end = head.find('\n', start);
        if (end == std::string_view::npos) end = head.size();
        if (end > start) lines.push_back(head.substr(start, end - start));
        start = end + 1;
    }
    char best = ',';
    std::size_t best_lines = 0;
    for (char candidate : candidates) {
        if (lines.empty()) break;
        auto first = std::count(lines[0].begin(), lines[0].end(), candidate);
        if (first == 0) continue;
        auto same = static_cast<std::size_t>(std::count_if(lines.begin(), lines.end(), [&](std::string_view line) {
            return std::count(line.begin(), line.end(), candidate) == first;
        }));
        if (same > best_lines) {
            best = candidate;
            best_lines = same;
        }
    }
    return best;
}

TablePreview preview_table(const fs::path& file, const CsvOptions& csv, std::size_t rows, const InputLimits& limits)
{
    Table table(file, csv, limits);
    TablePreview preview;
    preview.delimiter = table.delimiter();
    preview.header = table.header();
    Record record;
    while (table.next(record)) {
        ++preview.total_rows;
        if (preview.rows.size() >= rows) continue;
        auto& row = preview.rows.emplace_back();
        for (const auto& cell : record.cells) row.emplace_back(cell.text());
    }
    return preview;
}

Graph import_tables(const TableFiles& files, const ImportMapping& mapping, const InputLimits& limits,
                    TableImportReport* report)
{
    TableImportReport local;
    TableImporter importer(mapping, limits, report ? *report : local);
    return importer.run(files);
}

}  // namespace actorgraph
