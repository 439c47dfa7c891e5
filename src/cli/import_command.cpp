#include "cli/import_command.hpp"

#include <CLI/CLI.hpp>
#include <iostream>

#include "actorgraph/io/file_format.hpp"
#include "actorgraph/io/graph_mapping.hpp"
#include "actorgraph/io/import_mapping.hpp"
#include "actorgraph/io/neo4j_import_set.hpp"
#include "actorgraph/io/table_import.hpp"
#include "actorgraph/model/census.hpp"
#include "cli/cli_output.hpp"
#include "cli/commands.hpp"

namespace actorgraph::cli {

namespace {

using nlohmann::json;
namespace fs = std::filesystem;

// Warnings printed in full; the rest are counted (the graph keeps them all).
constexpr std::size_t printed_warnings = 25;

// "Date of Birth:date=born" -> column "Date of Birth", type date, name "born"; the type only when it is one.
PropertyMapping parse_property(std::string_view text)
{
    PropertyMapping property;
    auto equals = text.rfind('=');
    if (equals != std::string_view::npos) {
        property.name = std::string(trim_spaces(text.substr(equals + 1)));
        text = text.substr(0, equals);
    }
    auto colon = text.rfind(':');
    if (colon != std::string_view::npos && colon > 0) {
        try {
            property.type = parse_value_type(text.substr(colon + 1));
            text = text.substr(0, colon);
        } catch (const Error&) {
            // not a type: the colon is part of the column's name
        }
    }
    property.column = std::string(trim_spaces(text));
    if (property.column.empty()) throw Error("property '" + std::string(text) + "': expected COLUMN[:TYPE][=NAME]");
    return property;
}

void set_if_given(std::string& field, const std::string& flag)
{
    if (!flag.empty()) field = flag;
}

// Flags override what a mapping file says.
ImportMapping mapping_from(const ImportArguments& arguments)
{
    auto mapping = arguments.mapping.empty() ? ImportMapping{} : load_mapping(arguments.mapping);
    for (const auto& text : arguments.kind_map) parse_vocabulary_map(text, mapping.kinds, "--kind-map");
    for (const auto& text : arguments.type_map) parse_vocabulary_map(text, mapping.types, "--type-map");
    if (!arguments.caption_from.empty()) {
        (void)CaptionTemplate(arguments.caption_from);  // an unclosed brace fails before any file is read
        mapping.caption = arguments.caption_from;
    }
    if (!arguments.delimiter.empty()) mapping.csv.delimiter = parse_csv_character(arguments.delimiter, "--delimiter");
    if (!arguments.quote.empty()) mapping.csv.quote = parse_csv_character(arguments.quote, "--quote");
    if (!arguments.array_delimiter.empty()) {
        mapping.csv.array_delimiter = parse_csv_character(arguments.array_delimiter, "--array-delimiter");
    }
    if (mapping.csv.delimiter && *mapping.csv.delimiter == mapping.csv.quote) {
        throw Error("--delimiter and --quote must differ");
    }
    auto& nodes = mapping.nodes;
    set_if_given(nodes.id, arguments.id);
    set_if_given(nodes.kind, arguments.kind);
    set_if_given(nodes.kind_column, arguments.kind_column);
    auto& edges = mapping.edges;
    set_if_given(edges.source, arguments.source);
    set_if_given(edges.target, arguments.target);
    set_if_given(edges.type, arguments.type);
    set_if_given(edges.type_column, arguments.type_column);
    set_if_given(edges.source_kind, arguments.source_kind);
    set_if_given(edges.target_kind, arguments.target_kind);
    if (!arguments.node_properties.empty()) nodes.properties.clear();
    for (const auto& text : arguments.node_properties) nodes.properties.push_back(parse_property(text));
    if (!arguments.edge_properties.empty()) edges.properties.clear();
    for (const auto& text : arguments.edge_properties) edges.properties.push_back(parse_property(text));
    return mapping;
}

// One positional FILE (DOT, GraphML, GEXF) or a folder of our own nodes.csv/relationships.csv, without
// --nodes/--relationships: a graph file read as it is and then mapped (vocabulary and caption).
bool is_graph_file_input(const ImportArguments& arguments)
{
    if (arguments.folders.size() != 1 || !arguments.nodes.empty() || !arguments.relationships.empty()) return false;
    const fs::path& path = arguments.folders.front();
    std::error_code ec;
    if (!fs::is_directory(path, ec)) return true;
    return !is_import_set_folder(path);
}

Neo4jImportSet import_set_from(const ImportArguments& arguments, const ImportMapping& mapping)
{
    Neo4jImportSet set;
    for (const auto& folder : arguments.folders) {
        auto scanned = scan_import_folder(folder, mapping.csv);
        for (auto* list : {&scanned.nodes, &scanned.relationships}) {
            auto& into = list == &scanned.nodes ? set.nodes : set.relationships;
            into.insert(into.end(), list->begin(), list->end());
        }
        set.ignored.insert(set.ignored.end(), scanned.ignored.begin(), scanned.ignored.end());
    }
    for (const auto& text : arguments.nodes) set.nodes.push_back(parse_import_group(text));
    for (const auto& text : arguments.relationships) set.relationships.push_back(parse_import_group(text));
    if (set.nodes.empty()) throw Error("no node files: give a folder or --nodes=[LABELS=]FILE[,FILE...]");
    return set;
}

std::string joined(const std::vector<std::string>& names, std::string_view separator)
{
    std::string out;
    for (const auto& name : names) out += (out.empty() ? "" : std::string(separator)) + name;
    return out;
}

void print_groups(std::ostream& out, const Neo4jImportSet& set)
{
    auto print = [&](const std::vector<ImportGroup>& groups, std::string_view what) {
        for (const auto& group : groups) {
            out << what << (group.names.empty() ? "" : " (" + joined(group.names, ":") + ")") << ":";
            for (const auto& file : group.files) out << ' ' << file.string();
            out << '\n';
        }
    };
    print(set.nodes, "nodes");
    print(set.relationships, "relationships");
    for (const auto& file : set.ignored) out << "ignored (no :ID or :START_ID/:END_ID header): " << file.string() << '\n';
}

void print_preview(std::ostream& out, const fs::path& file, const CsvOptions& csv)
{
    auto preview = preview_table(file, csv);
    out << file.string() << ": " << preview.total_rows << " rows, delimiter "
        << (preview.delimiter == '\t' ? std::string("TAB") : "'" + std::string(1, preview.delimiter) + "'") << '\n';
    TextTable table(preview.header);
    for (auto row : preview.rows) {
        row.resize(preview.header.size());
        table.add_row(std::move(row));
    }
    table.print(out);
    out << '\n';
}

json tally_json(const Tally& tally)
{
    json out = json::object();
    for (const auto& [name, count] : tally) out[name.empty() ? "(none)" : name] = count;
    return out;
}

void print_summary(const Graph& graph, const std::string& source, bool as_json)
{
    auto census = census_of(graph);
    const auto& warnings = graph.diagnostics();
    if (as_json) {
        auto list = json::array();
        for (const auto& warning : warnings) {
            list.push_back({{"file", warning.where.file}, {"line", warning.where.line}, {"message", warning.message}});
        }
        json out{{"source", source},          {"actors", graph.actor_count()}, {"relations", graph.relation_count()},
                 {"kinds", tally_json(census.kinds)}, {"types", tally_json(census.types)}, {"warnings", list}};
        std::cout << out.dump(2, ' ', false, json::error_handler_t::replace) << '\n';
        return;
    }
    std::cout << source << ": " << graph.actor_count() << " actors, " << graph.relation_count() << " relations\n";
    auto line = [](const Tally& tally) {
        std::string out;
        for (const auto& [name, count] : tally) {
            out += (out.empty() ? "" : ", ") + (name.empty() ? std::string("(none)") : name) + " " + std::to_string(count);
        }
        return out;
    };
    std::cout << "kinds: " << line(census.kinds) << "\ntypes: " << line(census.types) << '\n';
    if (warnings.empty()) return;
    std::cout << warnings.size() << " warning(s):\n";
    for (std::size_t i = 0; i < warnings.size() && i < printed_warnings; ++i) {
        std::cout << "  " << warnings[i].to_string() << '\n';
    }
    if (warnings.size() > printed_warnings) std::cout << "  ... and " << warnings.size() - printed_warnings << " more\n";
}

}  // namespace

void add_import_command(CLI::App& app, ImportArguments& arguments, int& exit_code)
{
    auto* command = app.add_subcommand(
        "import", "Import a Neo4j import set (a folder, or --nodes/--relationships as neo4j-admin takes them), a graph file, or "
                  "plain tables (--node-table/--edge-table) through a column and vocabulary mapping");
    command->add_option("INPUT", arguments.folders,
                        "Folders of Neo4j import CSV files (classified by their headers), or one graph file "
                        "(.gv, .graphml, .gexf) to map through --kind-map, --type-map and --caption-from");
    command->add_option("-o,--output", arguments.output, "Output file (.gv, .graphml) or folder (CSV)");
    command->add_option("--to", arguments.format, "Output format (default: from the output's name)");
    command->add_option("--nodes", arguments.nodes, "[Label1:Label2=]FILE[,FILE...]: a node file group (header in the first file's first line)")
        ->expected(1)->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    command->add_option("--relationships", arguments.relationships, "[TYPE=]FILE[,FILE...]: a relationship file group")
        ->expected(1)->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    command->add_option("--delimiter", arguments.delimiter, "Field delimiter: one character, TAB or U+XXXX (tables: sniffed when not given)");
    command->add_option("--array-delimiter", arguments.array_delimiter, "Delimiter inside array cells and :LABEL (default ;)");
    command->add_option("--quote", arguments.quote, "Quote character (default \")");
    command->add_option("--kind-map", arguments.kind_map, "Labels or kinds onto ours: Legislator=official,Committee=organization")
        ->expected(1)->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    command->add_option("--type-map", arguments.type_map, "Relationship types onto ours: OWNS=investment")
        ->expected(1)->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    command->add_option("--caption-from", arguments.caption_from, "The caption: a column, or a template such as '{firstName} {lastName}'");
    command->add_option("--mapping", arguments.mapping, "Read the mapping from this JSON file (flags override it)");
    command->add_option("--save-mapping", arguments.save_mapping, "Write the mapping (file plus flags) to this JSON file");
    command->add_option("--node-table", arguments.node_table, "A plain CSV/TSV table of actors, one per row");
    command->add_option("--edge-table", arguments.edge_table, "A plain CSV/TSV table of relations, one per row");
    command->add_option("--id", arguments.id, "Node table: the id column (default: 'id', else the first)");
    command->add_option("--kind", arguments.kind, "Node table: the kind of every actor");
    command->add_option("--kind-column", arguments.kind_column, "Node table: the column holding each actor's kind");
    command->add_option("--source", arguments.source, "Edge table: the source column (default: 'source'/'from', else the first)");
    command->add_option("--target", arguments.target, "Edge table: the target column (default: 'target'/'to', else the second)");
    command->add_option("--type", arguments.type, "Edge table: the type of every relation");
    command->add_option("--type-column", arguments.type_column, "Edge table: the column holding each relation's type");
    command->add_option("--source-kind", arguments.source_kind, "Edge table: the kind of actors made for sources the node table lacks");
    command->add_option("--target-kind", arguments.target_kind, "Edge table: the kind of actors made for targets the node table lacks");
    command->add_option("--node-property", arguments.node_properties,
                        "Node table: keep COLUMN[:TYPE][=NAME] as a property (text, integer, number, boolean, date, "
                        "datetime); default: every other column as text")
        ->expected(1)->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    command->add_option("--edge-property", arguments.edge_properties, "Edge table: keep COLUMN[:TYPE][=NAME] as a property")
        ->expected(1)->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    command->add_flag("--preview", arguments.preview, "Show the files' first rows, the counts and the warnings; write nothing");
    command->add_flag("--json", arguments.json, "Print the summary as JSON");
    command->callback([&] { exit_code = run_import(arguments); });
}

int run_import(const ImportArguments& arguments)
{
    auto mapping = mapping_from(arguments);
    bool tables = !arguments.node_table.empty() || !arguments.edge_table.empty();
    bool graph_file = is_graph_file_input(arguments);
    bool neo4j = !graph_file && (!arguments.folders.empty() || !arguments.nodes.empty() || !arguments.relationships.empty());
    if (tables && (neo4j || graph_file)) {
        throw Error("give either a Neo4j import set (FOLDER, --nodes), a graph file, or plain tables (--node-table, --edge-table), not several");
    }
    if (!tables && !neo4j && !graph_file) {
        throw Error("nothing to import: give a FOLDER or graph FILE, --nodes/--relationships, or --node-table/--edge-table");
    }
    if (arguments.output.empty() && !arguments.preview) throw Error("give -o OUTPUT (or --preview to write nothing)");
    std::optional<FileFormat> format;
    if (!arguments.format.empty()) {
        format = parse_file_format(arguments.format);
        if (!format) throw Error("--to: unknown format '" + arguments.format + "'");
    }
    auto& log = arguments.json ? std::cerr : std::cout;
    Graph graph;
    std::string source;
    if (graph_file) {
        source = arguments.folders.front();
        graph = load_graph_mapped(source, mapping);
    } else if (neo4j) {
        auto set = import_set_from(arguments, mapping);
        if (arguments.preview) print_groups(log, set);
        graph = read_import_set(set, mapping);
        source = "import set";
    } else {
        TableFiles files{arguments.node_table, arguments.edge_table};
        for (const auto& file : {files.nodes, files.edges}) {
            if (arguments.preview && !file.empty()) print_preview(log, file, mapping.csv);
        }
        graph = import_tables(files, mapping);
        source = "tables";
    }
    if (!arguments.save_mapping.empty()) {
        save_mapping(mapping, arguments.save_mapping);
        log << "wrote mapping " << arguments.save_mapping << '\n';
    }
    print_summary(graph, source, arguments.json);
    if (arguments.preview) return exit_ok;
    save_graph(graph, arguments.output, format);
    log << "wrote " << arguments.output << '\n';
    return exit_ok;
}

}  // namespace actorgraph::cli
