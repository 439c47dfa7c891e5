#include "actorgraph/io/neo4j_csv.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <set>

#include "actorgraph/io/file_io.hpp"
#include "io/neo4j_labels.hpp"

// Choices that keep read(write(g)) == g for any UTF-8 text:
// - as in neo4j-admin import, an empty unquoted cell is an absent property and a quoted empty cell ("")
//   a present, empty one;
// - a header is `name:type` only when `type` is a Neo4j type or field keyword (ID, LABEL, int, string[]...),
//   else the whole header is the property name; the writer adds `:string` to a property whose name has a
//   colon or is `name`, `label` or `aliases`, so such names come back unchanged;
// - the label column is the first of `name`, `label`, `name:string`, `label:string`, so with the writer's
//   `name` column a property called `label` stays a property;
// - labels and aliases are split on ';' and trimmed of spaces, so the writer refuses kinds and aliases that
//   would not come back the same (a ';', outer spaces, an empty alias) with an Error naming the actor;
// - of several labels the first known kind becomes the kind, the others the property `labels`.

namespace actorgraph {

namespace {

namespace fs = std::filesystem;

bool is_line_break(char c)
{
    return c == '\n' || c == '\r';
}

// Counts LF, CRLF and a lone CR as one line break each, as the parser does.
int line_at(std::string_view text, std::size_t offset)
{
    int line = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'))) ++line;
    }
    return line;
}

// An upper bound on the records of a text (a quoted cell may hold line breaks), to size the graph once.
std::size_t line_count(std::string_view text)
{
    return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
}

std::optional<std::size_t> first_invalid_utf8(std::string_view text)
{
    for (std::size_t pos = 0; pos < text.size();) {
        auto lead = static_cast<unsigned char>(text[pos]);
        std::size_t length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0;
        if (length == 0 || lead > 0xF4 || pos + length > text.size()) return pos;
        char32_t code = length == 1 ? lead : lead & (0x3Fu >> (length - 1));
        for (std::size_t i = 1; i < length; ++i) {
            auto byte = static_cast<unsigned char>(text[pos + i]);
            if ((byte & 0xC0) != 0x80) return pos;
            code = (code << 6) | (byte & 0x3Fu);
        }
        constexpr char32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
        if (code < smallest[length] || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return pos;
        pos += length;
    }
    return std::nullopt;
}

// ---------------------------------------------------------------------------------------------- parsing

// A cell points into the input; only a quoted cell with a doubled quote needs its own copy.
struct Cell {
    std::string_view raw;
    std::string unescaped;
    bool escaped = false;
    bool quoted = false;

    [[nodiscard]] std::string_view text() const { return escaped ? std::string_view(unescaped) : raw; }
    [[nodiscard]] bool absent() const { return raw.empty() && !quoted; }
};

struct Record {
    int line = 0;  // the physical line the record starts on
    std::vector<Cell> cells;
};

// RFC 4180 with LF, CRLF or CR line ends; quoted cells may span lines, which the line count follows.
// Records are read one at a time into a reused Record, so a big file is never held twice.
class CsvParser {
public:
    CsvParser(std::string_view text, const FileName& file, const InputLimits& limits)
        : text_(text), file_(file), limits_(limits)
    {
        require_input_size(text_.size(), file_, limits_);
        if (text_.starts_with("\xEF\xBB\xBF")) text_.remove_prefix(3);
        if (auto bad = first_invalid_utf8(text_)) throw Error({file_, line_at(text_, *bad)}, "invalid UTF-8");
    }

    /// Reads the next non-blank record; false at the end of the text.
    bool next(Record& record)
    {
        while (pos_ < text_.size()) {
            record.line = line_;
            record.cells.clear();
            read_cells(record);
            if (pos_ < text_.size()) skip_line_break();
            bool blank = record.cells.size() == 1 && record.cells.front().absent();
            if (!blank) return true;
        }
        return false;
    }

    /// Records after the header may have at most this many cells (the header's width).
    void set_width(std::size_t width)
    {
        max_width_ = width;
        header_read_ = true;
    }

private:
    // A record wider than the header is an error anyway; its extra cells are only counted, never held,
    // so one record costs at most the header's width however many commas it has.
    [[noreturn]] void too_wide(const Record& record)
    {
        if (!header_read_) {
            throw Error({file_, record.line}, "more than " + std::to_string(max_width_) +
                                                  " columns; see the README for the limits");
        }
        auto fields = record.cells.size();
        Cell extra;
        do {
            count_cell();
            ++fields;
            read_cell(extra);
        } while (pos_ < text_.size() && text_[pos_++] == ',');
        throw Error({file_, record.line}, "record has " + std::to_string(fields) + " fields, but the header has " +
                                              std::to_string(max_width_));
    }

    void count_cell()
    {
        // Checked per cell, so a text of commas cannot grow a record or the graph past the limits.
        if (++cells_ > limits_.max_cells) {
            throw Error({file_, line_}, "more than " + std::to_string(limits_.max_cells) +
                                            " cells; see the README for the limits");
        }
    }

    void read_cell(Cell& cell)
    {
        cell = Cell{};
        if (pos_ < text_.size() && text_[pos_] == '"') {
            quoted_cell(cell);
        } else {
            plain_cell(cell);
        }
    }

    void read_cells(Record& record)
    {
        while (true) {
            if (record.cells.size() == max_width_) too_wide(record);
            count_cell();
            read_cell(record.cells.emplace_back());
            if (pos_ >= text_.size() || text_[pos_] != ',') return;
            ++pos_;
        }
    }

    // The cells stop only at a comma, a line break or the end, so here a line break begins.
    void skip_line_break()
    {
        if (text_[pos_++] == '\r' && pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
        ++line_;
    }

    void plain_cell(Cell& cell)
    {
        auto end = pos_;
        while (end < text_.size() && text_[end] != ',' && !is_line_break(text_[end])) ++end;
        cell.raw = text_.substr(pos_, end - pos_);
        pos_ = end;
    }

    void quoted_cell(Cell& cell)
    {
        int start_line = line_;
        cell.quoted = true;
        auto start = ++pos_;
        while (true) {
            if (pos_ >= text_.size()) {
                throw Error({file_, start_line}, "unterminated quoted field (its opening quote is on this line)");
            }
            char c = text_[pos_++];
            if (c == '"') {
                if (pos_ >= text_.size() || text_[pos_] != '"') break;
                cell.escaped = true;
                ++pos_;
            } else if (c == '\n' || (c == '\r' && (pos_ == text_.size() || text_[pos_] != '\n'))) {
                ++line_;
            }
        }
        cell.raw = text_.substr(start, pos_ - 1 - start);
        if (cell.escaped) cell.unescaped = unescape_quotes(cell.raw);
        if (pos_ < text_.size() && text_[pos_] != ',' && !is_line_break(text_[pos_])) {
            throw Error({file_, line_},
                        "unexpected text after a closing quote (write a quote inside a quoted field as \"\")");
        }
    }

    static std::string unescape_quotes(std::string_view raw)
    {
        std::string text;
        text.reserve(raw.size());
        for (std::size_t i = 0; i < raw.size(); ++i) {
            text += raw[i];
            if (raw[i] == '"') ++i;  // the second quote of a doubled pair
        }
        return text;
    }

    std::string_view text_;
    FileName file_;
    const InputLimits& limits_;
    std::size_t pos_ = 0;
    std::size_t cells_ = 0;
    std::size_t max_width_ = limits_.max_attribute_names;  // the header is bounded like other attribute names
    bool header_read_ = false;
    int line_ = 1;
};

// ---------------------------------------------------------------------------------------------- headers

// Neo4j's field keywords and property types, lower-cased.
constexpr std::array<std::string_view, 22> header_types{
    "id",    "label",     "start_id", "end_id",        "type",     "ignore",  "int",    "long",
    "float", "double",    "boolean",  "byte",          "short",    "char",    "string", "point",
    "date",  "localtime", "time",     "localdatetime", "datetime", "duration"};

struct Column {
    std::string name;
    std::string type;  // lower-cased keyword or type without group or [], empty when the header has none
    bool array = false;
};

Column parse_header(std::string_view header)
{
    auto colon = header.rfind(':');
    if (colon == std::string_view::npos) return {std::string(header), {}, false};
    auto suffix = header.substr(colon + 1);
    if (auto group = suffix.find('('); group != std::string_view::npos && suffix.ends_with(')')) {
        suffix = suffix.substr(0, group);
    }
    bool array = suffix.ends_with("[]");
    if (array) suffix.remove_suffix(2);
    auto type = fold_case(suffix);
    if (std::find(header_types.begin(), header_types.end(), type) == header_types.end()) {
        return {std::string(header), {}, false};
    }
    return {std::string(header.substr(0, colon)), type, array};
}

enum class Role { property, id, label, kind, aliases, start, end, type, ignore };

struct Table {
    std::vector<Column> columns;
    std::vector<Role> roles;
};

std::size_t find_column(const Table& table, std::string_view name, std::string_view type)
{
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
        const auto& column = table.columns[i];
        if (table.roles[i] == Role::property && column.name == name && column.type == type && !column.array) return i;
    }
    return table.columns.size();
}

Role node_role(const Column& column)
{
    if (column.type == "ignore") return Role::ignore;
    if (column.type == "id") return Role::id;
    if (column.type == "label") return Role::kind;
    bool aliases_type = column.type.empty() || (column.type == "string" && column.array);
    return column.name == "aliases" && aliases_type ? Role::aliases : Role::property;
}

Role relationship_role(const Column& column)
{
    if (column.type == "ignore") return Role::ignore;
    if (column.type == "start_id") return Role::start;
    if (column.type == "end_id") return Role::end;
    if (column.type == "type") return Role::type;
    return Role::property;
}

Table read_header(const Record& header, bool nodes)
{
    Table table;
    for (const auto& cell : header.cells) {
        auto column = parse_header(cell.text());
        table.roles.push_back(nodes ? node_role(column) : relationship_role(column));
        table.columns.push_back(std::move(column));
    }
    if (nodes) {
        using Candidate = std::pair<std::string_view, std::string_view>;
        constexpr std::array<Candidate, 4> label_columns{
            {{"name", ""}, {"label", ""}, {"name", "string"}, {"label", "string"}}};
        for (auto [name, type] : label_columns) {
            if (auto index = find_column(table, name, type); index < table.columns.size()) {
                table.roles[index] = Role::label;
                break;
            }
        }
    }
    return table;
}

void require_column(const Table& table, Role role, std::string_view header, const FileName& file)
{
    auto count = std::count(table.roles.begin(), table.roles.end(), role);
    if (count == 0) throw Error({file, 1}, "missing the required column " + std::string(header));
    if (count > 1) throw Error({file, 1}, "more than one " + std::string(header) + " column");
}

void require_width(const Record& record, const Table& table, const FileName& file)
{
    if (record.cells.size() != table.columns.size()) {
        throw Error({file, record.line}, "record has " + std::to_string(record.cells.size()) +
                                             " fields, but the header has " + std::to_string(table.columns.size()));
    }
}

// ---------------------------------------------------------------------------------------------- reading

// `entries` is scratch space reused across records, so an actor's properties cost one allocation.
Actor read_actor(const Record& record, const Table& table, const FileName& file,
                 std::vector<Properties::value_type>& entries)
{
    entries.clear();
    Actor actor;
    actor.where = {file, record.line};
    std::vector<std::string> labels;
    for (std::size_t i = 0; i < record.cells.size(); ++i) {
        const auto& cell = record.cells[i];
        switch (table.roles[i]) {
            case Role::id: actor.id = cell.text(); break;
            case Role::label: actor.label = cell.text(); break;
            case Role::kind:
                for (auto& label : split_list(cell.text())) labels.push_back(std::move(label));
                break;
            case Role::aliases: actor.aliases = split_list(cell.text()); break;
            case Role::property:
                if (!cell.absent()) entries.emplace_back(table.columns[i].name, cell.text());
                break;
            default: break;
        }
    }
    actor.properties = Properties::from_entries(entries);
    neo4j::set_kind_from_labels(actor, labels);
    return actor;
}

void read_nodes(Graph& graph, std::string_view text, const FileName& file, const InputLimits& limits)
{
    CsvParser parser(text, file, limits);
    Record record;
    if (!parser.next(record)) throw Error({file, 1}, "empty file; expected a header with an id:ID column");
    auto table = read_header(record, true);
    parser.set_width(table.columns.size());
    require_column(table, Role::id, "id:ID", file);
    graph.reserve(line_count(text), 0);
    std::vector<Properties::value_type> entries;
    while (parser.next(record)) {
        require_width(record, table, file);
        graph.add_actor(read_actor(record, table, file, entries));
    }
}

// `entries` is scratch space reused across records, so a relation's properties cost one allocation.
void read_relationship(Graph& graph, const Record& record, const Table& table, const FileName& file,
                       const std::string& nodes_name, std::vector<Properties::value_type>& entries)
{
    entries.clear();
    Relation relation;
    relation.where = {file, record.line};
    std::string_view start, end;
    for (std::size_t i = 0; i < record.cells.size(); ++i) {
        const auto& cell = record.cells[i];
        switch (table.roles[i]) {
            case Role::start: start = cell.text(); break;
            case Role::end: end = cell.text(); break;
            case Role::type: relation.type = normalize_relation_type(cell.text()); break;
            case Role::property:
                if (!cell.absent()) entries.emplace_back(table.columns[i].name, cell.text());
                break;
            default: break;
        }
    }
    auto source = graph.find_by_id(start);
    auto target = graph.find_by_id(end);
    if (!source || !target) {
        std::string from(start), to(end);
        std::string unknown = !source && !target && start != end ? "endpoints '" + from + "' and '" + to + "'"
                                                                 : "endpoint '" + (source ? to : from) + "'";
        graph.warn(relation.where, "relationship from '" + from + "' to '" + to + "': unknown " + unknown +
                                       " (not in " + nodes_name + "); skipped");
        return;
    }
    relation.source = *source;
    relation.target = *target;
    relation.properties = Properties::from_entries(entries);
    graph.add_relation(std::move(relation));
}

void read_relationships(Graph& graph, std::string_view text, const FileName& file, const std::string& nodes_name,
                        const InputLimits& limits)
{
    CsvParser parser(text, file, limits);
    Record record;
    if (!parser.next(record)) {
        throw Error({file, 1}, "empty file; expected a header with :START_ID and :END_ID columns");
    }
    auto table = read_header(record, false);
    parser.set_width(table.columns.size());
    require_column(table, Role::start, ":START_ID", file);
    require_column(table, Role::end, ":END_ID", file);
    graph.reserve(0, line_count(text));
    std::vector<Properties::value_type> entries;
    while (parser.next(record)) {
        require_width(record, table, file);
        read_relationship(graph, record, table, file, nodes_name, entries);
    }
}

// ---------------------------------------------------------------------------------------------- writing

void append_cell(std::string& out, std::string_view text, bool present)
{
    bool needs_quotes =
        text.find_first_of(",\"\r\n") != std::string_view::npos ||
        (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.back() == ' ' || text.back() == '\t')) ||
        (text.empty() && present);
    if (!needs_quotes) {
        out += text;
        return;
    }
    out += '"';
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

void append_row(std::string& out, const std::vector<std::pair<std::string_view, bool>>& cells)
{
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i > 0) out += ',';
        append_cell(out, cells[i].first, cells[i].second);
    }
    out += '\n';
}

// `:int`/`:float` only when every value parses, so neo4j-admin import never rejects the file.
std::string property_header(const std::string& name, const std::vector<const Properties*>& owners, bool nodes)
{
    bool year = name == schema::year || name == schema::since || name == schema::until;
    if (year || name == schema::amount_usd) {
        bool typed = std::all_of(owners.begin(), owners.end(), [&](const Properties* properties) {
            auto found = properties->find(name);
            if (found == properties->end()) return true;
            return year ? parse_year(found->second).has_value() : parse_number(found->second).has_value();
        });
        if (typed) return name + (year ? ":int" : ":float");
    }
    bool reserved = nodes && (name == "name" || name == "label" || name == "aliases");
    bool ambiguous = name.empty() || name.find(':') != std::string::npos;
    return reserved || ambiguous ? name + ":string" : name;
}

std::vector<std::string> property_names(const std::vector<const Properties*>& owners)
{
    std::set<std::string> names;
    for (const auto* properties : owners) {
        for (const auto& [name, value] : *properties) names.emplace(name);
    }
    return {names.begin(), names.end()};
}

void require_utf8(std::string_view text, const std::string& owner)
{
    if (first_invalid_utf8(text)) throw Error(owner + ": text is not valid UTF-8 and cannot be saved as CSV");
}

void require_writable(const Actor& actor)
{
    auto owner = "actor '" + actor.id + "'";
    for (const auto* text : {&actor.id, &actor.label, &actor.kind}) require_utf8(*text, owner);
    for (const auto& [name, value] : actor.properties) {
        require_utf8(name, owner);
        require_utf8(value, owner);
    }
    if (actor.kind.find(';') != std::string::npos || trim_spaces(actor.kind) != actor.kind) {
        throw Error(owner + ": kind '" + actor.kind +
                    "' cannot be saved as a Neo4j label (it has a ';' or outer spaces)");
    }
    for (const auto& alias : actor.aliases) {
        require_utf8(alias, owner);
        if (alias.empty() || alias.find(';') != std::string::npos || trim_spaces(alias) != alias) {
            throw Error(owner + ": alias '" + alias +
                        "' cannot be saved: aliases are joined with ';' and read back trimmed of spaces");
        }
    }
}

void append_properties(std::vector<std::pair<std::string_view, bool>>& cells, const Properties& properties,
                       const std::vector<std::string>& names)
{
    for (const auto& name : names) {
        auto found = properties.find(name);
        bool present = found != properties.end();
        cells.emplace_back(present ? std::string_view(found->second) : std::string_view{}, present);
    }
}

std::string write_nodes(const Graph& graph)
{
    std::vector<const Properties*> owners;
    for (const auto& actor : graph.actors()) owners.push_back(&actor.properties);
    auto names = property_names(owners);
    std::vector<std::string> header{"id:ID", "name", ":LABEL", "aliases:string[]"};
    for (const auto& name : names) header.push_back(property_header(name, owners, true));
    std::string out;
    std::vector<std::pair<std::string_view, bool>> cells;
    for (const auto& column : header) cells.emplace_back(column, true);
    append_row(out, cells);
    for (const auto& actor : graph.actors()) {
        require_writable(actor);
        std::string aliases;
        for (const auto& alias : actor.aliases) aliases += (aliases.empty() ? "" : ";") + alias;
        cells = {{actor.id, true}, {actor.label, false}, {actor.kind, false}, {aliases, false}};
        append_properties(cells, actor.properties, names);
        append_row(out, cells);
    }
    return out;
}

std::string write_relationships(const Graph& graph)
{
    std::vector<const Properties*> owners;
    for (const auto& relation : graph.relations()) owners.push_back(&relation.properties);
    auto names = property_names(owners);
    std::vector<std::string> header{":START_ID", ":END_ID", ":TYPE"};
    for (const auto& name : names) header.push_back(property_header(name, owners, false));
    std::string out;
    std::vector<std::pair<std::string_view, bool>> cells;
    for (const auto& column : header) cells.emplace_back(column, true);
    append_row(out, cells);
    for (const auto& relation : graph.relations()) {
        auto owner = "relation " + graph.actor(relation.source).id + " -> " + graph.actor(relation.target).id;
        require_utf8(relation.type, owner);
        for (const auto& [name, value] : relation.properties) {
            require_utf8(name, owner);
            require_utf8(value, owner);
        }
        cells = {
            {graph.actor(relation.source).id, true}, {graph.actor(relation.target).id, true}, {relation.type, false}};
        append_properties(cells, relation.properties, names);
        append_row(out, cells);
    }
    return out;
}

}  // namespace

Graph read_neo4j_csv(std::string_view nodes, const std::string& nodes_name, std::string_view relationships,
                     const std::string& relationships_name, const InputLimits& limits)
{
    Graph graph;
    read_nodes(graph, nodes, nodes_name, limits);
    read_relationships(graph, relationships, relationships_name, fs::path(nodes_name).filename().string(), limits);
    return graph;
}

Graph read_neo4j_csv_folder(const fs::path& folder, const InputLimits& limits)
{
    auto nodes = folder / csv_nodes_file;
    auto relationships = folder / csv_relationships_file;
    for (const auto& file : {nodes, relationships}) {
        std::error_code error;
        if (!fs::exists(file, error)) {
            throw Error({file.string(), 0},
                        "file not found; a CSV graph is a folder with nodes.csv and relationships.csv");
        }
    }
    return read_neo4j_csv(read_file(nodes, limits.max_file_bytes), nodes.string(),
                          read_file(relationships, limits.max_file_bytes), relationships.string(), limits);
}

CsvDocuments write_neo4j_csv(const Graph& graph)
{
    return {write_nodes(graph), write_relationships(graph)};
}

void save_neo4j_csv_folder(const Graph& graph, const fs::path& folder)
{
    auto documents = write_neo4j_csv(graph);
    std::error_code error;
    fs::create_directories(folder, error);
    if (error) throw Error({folder.string(), 0}, "cannot create folder: " + error.message());
    write_file_atomically(folder / csv_nodes_file, documents.nodes);
    write_file_atomically(folder / csv_relationships_file, documents.relationships);
}

}  // namespace actorgraph
