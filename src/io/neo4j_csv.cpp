#include "actorgraph/io/neo4j_csv.hpp"

#include <algorithm>
#include <array>
#include <functional>
#include <optional>
#include <set>
#include <unordered_map>

#include "actorgraph/io/file_io.hpp"
#include "io/csv_parser.hpp"
#include "io/mapped_text.hpp"
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
using csv::Cell;
using csv::CsvParser;
using csv::first_invalid_utf8;
using csv::Record;
using csv::Release;

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

// Reads records' property cells into sets that share one list of names per combination of present
// columns (PropertyNames), so millions of relations with the same columns keep their names once.
class PropertyColumns {
public:
    explicit PropertyColumns(const Table& table) : table_(table)
    {
        for (std::size_t i = 0; i < table.columns.size(); ++i) {
            if (table.roles[i] == Role::property) columns_.push_back(i);
        }
        std::vector<std::size_t> by_name = columns_;
        std::stable_sort(by_name.begin(), by_name.end(),
                         [&](std::size_t a, std::size_t b) { return table.columns[a].name < table.columns[b].name; });
        auto same_name = [&](std::size_t a, std::size_t b) { return table.columns[a].name == table.columns[b].name; };
        // Repeated names (the last present one wins) and very wide tables take the general path.
        shareable_ = by_name.size() <= 64 && std::adjacent_find(by_name.begin(), by_name.end(), same_name) == by_name.end();
        if (shareable_) columns_ = std::move(by_name);
    }

    /// The record's properties: its present property cells.
    [[nodiscard]] Properties read(const Record& record)
    {
        if (!shareable_) return read_entries(record);
        std::uint64_t present = 0;
        values_.clear();
        for (std::size_t k = 0; k < columns_.size(); ++k) {
            const auto& cell = record.cells[columns_[k]];
            if (cell.absent()) continue;
            present |= std::uint64_t{1} << k;
            values_.push_back(cell.text());
        }
        if (present == 0) return {};
        auto list = lists_.find(present);
        if (list == lists_.end()) {
            if (lists_.size() >= max_lists) return read_entries(record);
            list = lists_.emplace(present, names_of(present)).first;
        }
        return Properties::from_values(list->second, values_);
    }

private:
    // Bounds the lists a file of sparse, wide records could make; beyond it sets keep their own names.
    static constexpr std::size_t max_lists = 4096;

    [[nodiscard]] PropertyNames names_of(std::uint64_t present) const
    {
        std::vector<std::string_view> names;
        for (std::size_t k = 0; k < columns_.size(); ++k) {
            if (present & (std::uint64_t{1} << k)) names.push_back(table_.columns[columns_[k]].name);
        }
        return PropertyNames(names);
    }

    [[nodiscard]] Properties read_entries(const Record& record)
    {
        entries_.clear();
        for (auto column : columns_) {
            const auto& cell = record.cells[column];
            if (!cell.absent()) entries_.emplace_back(table_.columns[column].name, cell.text());
        }
        return Properties::from_entries(entries_);
    }

    const Table& table_;
    std::vector<std::size_t> columns_;  // the property columns, by name when shareable_
    bool shareable_ = false;
    std::unordered_map<std::uint64_t, PropertyNames> lists_;
    std::vector<std::string_view> values_;
    std::vector<Properties::value_type> entries_;
};

Actor read_actor(const Record& record, const Table& table, const FileName& file, PropertyColumns& properties)
{
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
            default: break;
        }
    }
    actor.properties = properties.read(record);
    neo4j::set_kind_from_labels(actor, labels);
    return actor;
}

void read_nodes(Graph& graph, std::string_view text, const FileName& file, const InputLimits& limits,
                const Release& release)
{
    CsvParser parser(text, file, limits, release);
    Record record;
    if (!parser.next(record)) throw Error({file, 1}, "empty file; expected a header with an id:ID column");
    auto table = read_header(record, true);
    parser.set_width(table.columns.size());
    require_column(table, Role::id, "id:ID", file);
    graph.reserve(parser.line_count(), 0);
    PropertyColumns properties(table);
    while (parser.next(record)) {
        require_width(record, table, file);
        graph.add_actor(read_actor(record, table, file, properties));
    }
}

// A relation read but not yet added: endpoints are looked up a batch at a time (Graph::find_by_ids).
struct PendingRelation {
    Relation relation;
    std::string start, end;  // copies: an escaped cell's text lives in the reused record
};

PendingRelation read_relationship(const Record& record, const Table& table, const FileName& file,
                                  PropertyColumns& properties)
{
    PendingRelation pending;
    auto& relation = pending.relation;
    relation.where = {file, record.line};
    for (std::size_t i = 0; i < record.cells.size(); ++i) {
        const auto& cell = record.cells[i];
        switch (table.roles[i]) {
            case Role::start: pending.start = cell.text(); break;
            case Role::end: pending.end = cell.text(); break;
            case Role::type: relation.type = normalize_relation_type(cell.text()); break;
            default: break;
        }
    }
    relation.properties = properties.read(record);
    return pending;
}

// Adds the batch in file order; a relation with an unknown endpoint becomes a warning.
void add_relations(Graph& graph, std::vector<PendingRelation>& batch, const std::string& nodes_name)
{
    std::vector<std::string_view> ids;
    ids.reserve(2 * batch.size());
    for (const auto& pending : batch) {
        ids.push_back(pending.start);
        ids.push_back(pending.end);
    }
    auto found = graph.find_by_ids(ids);
    for (std::size_t i = 0; i < batch.size(); ++i) {
        auto& [relation, from, to] = batch[i];
        auto source = found[2 * i], target = found[2 * i + 1];
        if (!source || !target) {
            std::string unknown = !source && !target && from != to ? "endpoints '" + from + "' and '" + to + "'"
                                                                   : "endpoint '" + (source ? to : from) + "'";
            graph.warn(relation.where, "relationship from '" + from + "' to '" + to + "': unknown " + unknown +
                                           " (not in " + nodes_name + "); skipped");
            continue;
        }
        relation.source = *source;
        relation.target = *target;
        graph.add_relation(std::move(relation));
    }
    batch.clear();
}

void read_relationships(Graph& graph, std::string_view text, const FileName& file, const std::string& nodes_name,
                        const InputLimits& limits, const Release& release)
{
    CsvParser parser(text, file, limits, release);
    Record record;
    if (!parser.next(record)) {
        throw Error({file, 1}, "empty file; expected a header with :START_ID and :END_ID columns");
    }
    auto table = read_header(record, false);
    parser.set_width(table.columns.size());
    require_column(table, Role::start, ":START_ID", file);
    require_column(table, Role::end, ":END_ID", file);
    graph.reserve(0, parser.line_count());
    constexpr std::size_t batch_size = 256;
    std::vector<PendingRelation> batch;
    batch.reserve(batch_size);
    PropertyColumns properties(table);
    while (parser.next(record)) {
        require_width(record, table, file);
        batch.push_back(read_relationship(record, table, file, properties));
        if (batch.size() == batch_size) add_relations(graph, batch, nodes_name);
    }
    add_relations(graph, batch, nodes_name);
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
    Release keep = [](std::size_t) {};
    read_nodes(graph, nodes, nodes_name, limits, keep);
    read_relationships(graph, relationships, relationships_name, fs::path(nodes_name).filename().string(), limits,
                       keep);
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
    // Mapped, read one after the other and released as parsed: the texts of a big graph (~280 MB for 4M
    // relations) would otherwise stay resident beside the graph.
    Graph graph;
    {
        MappedText text(nodes, limits.max_file_bytes);
        read_nodes(graph, text.text(), nodes.string(), limits, [&](std::size_t done) { text.release_before(done); });
    }
    MappedText text(relationships, limits.max_file_bytes);
    read_relationships(graph, text.text(), relationships.string(), nodes.filename().string(), limits,
                       [&](std::size_t done) { text.release_before(done); });
    return graph;
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
