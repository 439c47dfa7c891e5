#include "actorgraph/io/neo4j_csv.hpp"

#include <algorithm>
#include <functional>
#include <optional>
#include <set>

#include "actorgraph/io/file_io.hpp"
#include "actorgraph/io/neo4j_import_set.hpp"
#include "io/csv_halves.hpp"
#include "io/csv_parser.hpp"
#include "io/mapped_text.hpp"
#include "io/neo4j_nodes.hpp"
#include "io/neo4j_relationships.hpp"
#include "io/neo4j_table.hpp"

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
using csv::CsvParser;
using csv::first_invalid_utf8;
using csv::Record;
using csv::Release;
using neo4j::NodeReader;
using neo4j::Role;
using neo4j::Table;

// ---------------------------------------------------------------------------------------------- reading

void read_nodes(Graph& graph, std::string_view text, const FileName& file, const InputLimits& limits,
                const Release& release)
{
    CsvParser parser(text, file, limits, release);
    Record record;
    if (!parser.next(record)) throw Error({file, 1}, "empty file; expected a header with an id:ID column");
    auto table = neo4j::read_header(record, true);
    parser.set_width(table.columns.size());
    neo4j::require_column(table, Role::id, "id:ID", file);
    neo4j::declare_column_types(table, graph.actor_property_types);
    // Counted, not estimated: the name indexes are sized by it, and their memory is all in use at once.
    graph.reserve(parser.lines_left(), 0);
    NodeReader reader(table, file, graph.new_property_arena());
    // Added 256 at a time (Graph::add_actors); a batch is added before any later error is reported, so a
    // duplicate id still comes out before an error on a later line, as in reading one by one.
    std::vector<Actor> batch;
    // The first thread also adds every actor to the id and name indexes, and the second half's actors after
    // both are read: with 40% of the text the two threads finish together (measured at 1M actors).
    constexpr double nodes_first_share = 0.4;
    auto flush = [&] {
        graph.add_actors(batch);
        batch.clear();
    };
    auto add = [&](Actor&& actor) {
        batch.push_back(std::move(actor));
        if (batch.size() == 256) flush();
    };
    auto warn = [&](Diagnostic&& warning) { graph.warn(std::move(warning.where), std::move(warning.message)); };
    try {
        csv::read_in_two_halves<Actor>(parser, limits, nodes_first_share, reader,
                                       NodeReader(table, file, graph.new_property_arena()), add, warn);
    } catch (const Error&) {
        flush();
        throw;
    }
    flush();
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

// The declared type (PropertyTypes) when every value fits it, else `:int`/`:float` only when every value
// parses, so neo4j-admin import never rejects the file.
std::string property_header(const std::string& name, const std::vector<const Properties*>& owners, bool nodes,
                            const PropertyTypes& types)
{
    if (auto declared = fitting_property_type(types, name, owners); !declared.empty() && !name.empty()) {
        return name + ":" + std::string(declared);
    }
    bool year = name == schema::year || name == schema::since || name == schema::until;
    if (year || name == schema::amount_usd) {
        bool typed = std::all_of(owners.begin(), owners.end(), [&](const Properties* properties) {
            auto found = properties->find(name);
            if (found == properties->end()) return true;
            return year ? parse_year(found->second).has_value() : parse_number(found->second).has_value();
        });
        if (typed) return name + (year ? ":int" : ":float");
    }
    // These names are fields when a column has no type (or, for `directed`, the type boolean).
    bool reserved = nodes ? (name == "name" || name == "label" || name == "aliases") : name == "directed";
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
    for (const auto* text : {&actor.id, &actor.label, &actor.kind.str()}) require_utf8(*text, owner);
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
    for (const auto& name : names) header.push_back(property_header(name, owners, true, graph.actor_property_types));
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
    // Only a graph with undirected relations gets the column that says which (Neo4j has none of its own).
    bool directions = graph.undirected_count() > 0;
    if (directions) header.emplace_back("directed:boolean");
    for (const auto& name : names) header.push_back(property_header(name, owners, false, graph.relation_property_types));
    std::string out;
    std::vector<std::pair<std::string_view, bool>> cells;
    for (const auto& column : header) cells.emplace_back(column, true);
    append_row(out, cells);
    for (RelationIndex index = 0; index < graph.relation_count(); ++index) {
        const auto& relation = graph.relation(index);
        auto owner = "relation " + graph.actor(relation.source).id + " -> " + graph.actor(relation.target).id;
        require_utf8(relation.type, owner);
        for (const auto& [name, value] : relation.properties) {
            require_utf8(name, owner);
            require_utf8(value, owner);
        }
        cells = {
            {graph.actor(relation.source).id, true}, {graph.actor(relation.target).id, true}, {relation.type, false}};
        if (directions) cells.emplace_back(graph.is_undirected(index) ? "false" : "true", false);
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
    Release keep = [](std::size_t, std::size_t) {};
    read_nodes(graph, nodes, nodes_name, limits, keep);
    neo4j::read_relationships(graph, relationships, relationships_name, fs::path(nodes_name).filename().string(),
                              limits, keep);
    return graph;
}

Graph read_neo4j_csv_folder(const fs::path& folder, const InputLimits& limits)
{
    if (is_import_set_folder(folder)) return read_import_set(scan_import_folder(folder), {}, limits);
    auto nodes = folder / csv_nodes_file;
    auto relationships = folder / csv_relationships_file;
    for (const auto& file : {nodes, relationships}) {
        std::error_code error;
        if (!fs::exists(saved_version(file), error)) {
            throw Error({file.string(), 0},
                        "file not found; a CSV graph is a folder with nodes.csv and relationships.csv");
        }
    }
    // Mapped, read one after the other and released as parsed: the texts of a big graph (~280 MB for 4M
    // relations) would otherwise stay resident beside the graph.
    Graph graph;
    {
        MappedText text(saved_version(nodes), limits.max_file_bytes);
        read_nodes(graph, text.text(), nodes.string(), limits,
                   [&](std::size_t from, std::size_t to) { text.release(from, to); });
    }
    MappedText text(saved_version(relationships), limits.max_file_bytes);
    neo4j::read_relationships(graph, text.text(), relationships.string(), nodes.filename().string(), limits,
                              [&](std::size_t from, std::size_t to) { text.release(from, to); });
    return graph;
}

CsvDocuments write_neo4j_csv(const Graph& graph)
{
    return {write_nodes(graph), write_relationships(graph)};
}

void save_neo4j_csv_folder(const Graph& graph, const fs::path& folder)
{
    auto documents = write_neo4j_csv(graph);
    require_readable_size(documents.nodes.size(), (folder / csv_nodes_file).string());
    require_readable_size(documents.relationships.size(), (folder / csv_relationships_file).string());
    std::error_code error;
    fs::create_directories(folder, error);
    if (error) throw Error({folder.string(), 0}, "cannot create folder: " + error.message());
    write_files_atomically(folder, {{std::string(csv_nodes_file), documents.nodes},
                                    {std::string(csv_relationships_file), documents.relationships}});
}

}  // namespace actorgraph
