#include "actorgraph/io/neo4j_import_set.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "actorgraph/io/neo4j_csv.hpp"
#include "io/csv_halves.hpp"
#include "io/csv_parser.hpp"
#include "io/mapped_text.hpp"
#include "io/neo4j_nodes.hpp"
#include "io/neo4j_relationships.hpp"
#include "io/neo4j_table.hpp"

namespace actorgraph {

namespace {

namespace fs = std::filesystem;
using csv::CsvParser;
using csv::Record;
using neo4j::IdSpaces;
using neo4j::Role;
using neo4j::Table;

constexpr std::size_t listed_skipped_relationships = 20;

// The given delimiter, else a tab for a .tsv file and a comma for others.
csv::Dialect dialect_of(const CsvOptions& options, const fs::path& file)
{
    bool tsv = fold_case(file.extension().string()) == ".tsv";
    return {options.delimiter.value_or(tsv ? '\t' : ','), options.quote};
}

enum class FileRole { nodes, relationships, other };

FileRole role_of(const Record& header)
{
    auto nodes = neo4j::read_header(header, true), relationships = neo4j::read_header(header, false);
    auto has = [](const Table& table, Role role) {
        return std::find(table.roles.begin(), table.roles.end(), role) != table.roles.end();
    };
    if (has(relationships, Role::start) && has(relationships, Role::end)) return FileRole::relationships;
    if (has(nodes, Role::id)) return FileRole::nodes;
    return FileRole::other;
}

// What a file's header (its first line, within the first 1 MiB) makes it.
FileRole role_of_file(const fs::path& file, const CsvOptions& options, const InputLimits& limits)
{
    MappedText text(file, limits.max_file_bytes);
    auto head = text.text().substr(0, std::size_t{1} << 20);
    if (auto feed = head.find('\n'); feed != std::string_view::npos) head = head.substr(0, feed + 1);
    csv::Release keep = [](std::size_t, std::size_t) {};
    CsvParser parser(head, file.string(), limits, keep, dialect_of(options, file));
    Record record;
    if (!parser.next(record)) return FileRole::other;
    return role_of(record);  // the cells point into the mapped text: used before it is unmapped
}

bool is_csv_name(const fs::path& file)
{
    auto extension = fold_case(file.extension().string());
    return extension == ".csv" || extension == ".tsv";
}

// "movies_header.csv" -> "movies"; empty when the name is not a header file's.
std::string header_stem(const fs::path& file)
{
    auto stem = file.stem().string();
    for (std::string_view suffix : {"_header", "-header", ".header"}) {
        if (stem.size() > suffix.size() && fold_case(stem).ends_with(suffix)) return stem.substr(0, stem.size() - suffix.size());
    }
    return {};
}

// An actor read from a node file, with the ID space of its file. All node files are read before any actor
// is added, so ids that two ID spaces share are known first.
struct GatheredActor {
    Actor actor;
    std::uint32_t space;
};

class SetReader {
public:
    SetReader(const ImportMapping& mapping, const InputLimits& limits, ImportReport& report)
        : mapping_(mapping), limits_(limits), report_(report)
    {
    }

    Graph read(const Neo4jImportSet& set)
    {
        for (const auto& group : set.nodes) read_node_group(group);
        add_actors();
        for (const auto& group : set.relationships) read_relationship_group(group);
        report_skipped();
        return std::move(graph_);
    }

private:
    neo4j::ReadOptions options_for(const ImportGroup& group, bool nodes) const
    {
        neo4j::ReadOptions options;
        options.array_delimiter = mapping_.csv.array_delimiter;
        options.mapping = &mapping_;
        options.check_types = true;
        if (nodes) options.labels = group.names;
        if (!nodes && !group.names.empty()) options.type = group.names.front();
        return options;
    }

    // Reads the group's files one after the other as one file: `make_table` turns the first file's first record
    // (the group's header) into the table, then `read_file(parser, table, file)` reads each file's data records.
    template <typename MakeTable, typename ReadFile>
    void for_each_file(const ImportGroup& group, MakeTable make_table, ReadFile read_file)
    {
        std::optional<Table> table;
        for (const auto& path : group.files) {
            MappedText text(path, limits_.max_file_bytes);
            FileName file = path.string();
            csv::Release release = [&](std::size_t from, std::size_t to) { text.release(from, to); };
            CsvParser parser(text.text(), file, limits_, release, dialect_of(mapping_.csv, path));
            if (!table) {
                Record header;
                if (!parser.next(header)) throw Error({file, 1}, "empty file; expected the group's header line");
                table = make_table(header, file);
            }
            parser.set_width(table->columns.size());
            read_file(parser, *table, file);
        }
    }

    void read_node_group(const ImportGroup& group)
    {
        auto options = options_for(group, true);
        std::uint32_t space = 0;
        auto make_table = [&](const Record& header, const FileName& file) {
            auto table = neo4j::read_header(header, true);
            neo4j::require_column(table, Role::id, ":ID", file);
            neo4j::declare_column_types(table, graph_.actor_property_types);
            for (std::size_t i = 0; i < table.columns.size(); ++i) {
                if (table.roles[i] == Role::id) space = spaces_.intern(table.columns[i].group);
            }
            return table;
        };
        for_each_file(group, make_table, [&](CsvParser& parser, const Table& table, const FileName& file) {
            neo4j::NodeReader reader(table, file, graph_.new_property_arena(), &options);
            auto add = [&](Actor&& actor) { gathered_.push_back({std::move(actor), space}); };
            auto warn = [&](Diagnostic&& warning) { graph_.warn(std::move(warning.where), std::move(warning.message)); };
            // Both halves only gather actors here (nothing is added yet), so they split the text evenly.
            csv::read_in_two_halves<Actor>(parser, limits_, 0.5, reader,
                                           neo4j::NodeReader(table, file, graph_.new_property_arena(), &options), add,
                                           warn);
        });
    }

    // Ids held by two spaces become `Space:id` in the named spaces; then every actor is added in file order.
    void add_actors()
    {
        std::unordered_map<std::string_view, std::uint32_t> first_space;
        std::unordered_set<std::string> shared;
        for (const auto& [actor, space] : gathered_) {
            auto [found, added] = first_space.try_emplace(actor.id, space);
            if (!added && found->second != space) shared.insert(actor.id);
        }
        first_space.clear();
        report_.shared_ids = shared.size();
        spaces_.set_shared_ids(std::move(shared));
        graph_.reserve(gathered_.size(), 0);
        std::vector<Actor> batch;
        auto flush = [&] {
            graph_.add_actors(batch);
            batch.clear();
        };
        for (auto& [actor, space] : gathered_) {
            actor.id = spaces_.actor_id(space, actor.id);
            spaces_.add_actor(space);
            batch.push_back(std::move(actor));
            if (batch.size() == 256) flush();
        }
        flush();
        gathered_.clear();
        gathered_.shrink_to_fit();
    }

    void read_relationship_group(const ImportGroup& group)
    {
        auto options = options_for(group, false);
        neo4j::RelationshipContext context;
        context.nodes_name = "the node files";
        context.options = &options;
        context.spaces = &spaces_;
        context.warn = [this](Diagnostic&& warning) {
            if (++report_.skipped_relationships <= listed_skipped_relationships) skipped_.push_back(std::move(warning));
        };
        for_each_file(group, neo4j::relationship_table, [&](CsvParser& parser, const Table& table, const FileName& file) {
            neo4j::read_relationship_records(graph_, parser, table, file, limits_, context);
        });
    }

    void report_skipped()
    {
        auto count = report_.skipped_relationships;
        if (count == 0) return;
        auto listed = std::min(count, listed_skipped_relationships);
        graph_.warn({}, std::to_string(count) + " relationship(s) skipped because an endpoint is missing (as " +
                            "neo4j-admin --skip-bad-relationships); " +
                            (listed == count ? "all" : "the first " + std::to_string(listed)) + " follow");
        for (auto& warning : skipped_) graph_.warn(std::move(warning.where), std::move(warning.message));
    }

    const ImportMapping& mapping_;
    const InputLimits& limits_;
    ImportReport& report_;
    Graph graph_;
    IdSpaces spaces_;
    std::vector<GatheredActor> gathered_;
    Diagnostics skipped_;
};

}  // namespace

ImportGroup parse_import_group(std::string_view text)
{
    ImportGroup group;
    auto files = text;
    if (auto equals = text.find('='); equals != std::string_view::npos) {
        group.names = split_list(text.substr(0, equals), ":");
        files = text.substr(equals + 1);
    }
    for (const auto& file : split_list(files, ",")) group.files.emplace_back(file);
    if (group.files.empty()) throw Error("expected [LABELS=]FILE[,FILE...], got '" + std::string(text) + "'");
    return group;
}

Neo4jImportSet scan_import_folder(const fs::path& folder, const CsvOptions& csv)
{
    std::error_code error;
    if (!fs::is_directory(folder, error)) throw Error({folder.string(), 0}, "not a folder");
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(folder, error)) {
        if (entry.is_regular_file() && is_csv_name(entry.path())) files.push_back(entry.path());
    }
    if (error) throw Error({folder.string(), 0}, "cannot list the folder: " + error.message());
    std::sort(files.begin(), files.end());
    InputLimits limits;
    Neo4jImportSet set;
    std::vector<bool> taken(files.size(), false);
    // Header files first: a header-only file claims the files named after it as its data.
    for (std::size_t i = 0; i < files.size(); ++i) {
        auto stem = header_stem(files[i]);
        if (stem.empty()) continue;
        auto role = role_of_file(files[i], csv, limits);
        if (role == FileRole::other) continue;
        ImportGroup group{{}, {files[i]}};
        taken[i] = true;
        for (std::size_t j = 0; j < files.size(); ++j) {
            auto name = files[j].filename().string();
            if (taken[j] || !header_stem(files[j]).empty() || !name.starts_with(stem)) continue;
            group.files.push_back(files[j]);
            taken[j] = true;
        }
        (role == FileRole::nodes ? set.nodes : set.relationships).push_back(std::move(group));
    }
    for (std::size_t i = 0; i < files.size(); ++i) {
        if (taken[i]) continue;
        auto role = role_of_file(files[i], csv, limits);
        if (role == FileRole::other) {
            set.ignored.push_back(files[i]);
            continue;
        }
        (role == FileRole::nodes ? set.nodes : set.relationships).push_back(ImportGroup{{}, {files[i]}});
    }
    if (set.nodes.empty()) {
        throw Error({folder.string(), 0}, "no node file: expected a CSV file whose header has an :ID column");
    }
    return set;
}

bool is_import_set_folder(const fs::path& folder)
{
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(folder, error)) {
        if (!entry.is_regular_file() || !is_csv_name(entry.path())) continue;
        auto name = entry.path().filename().string();
        if (name != csv_nodes_file && name != csv_relationships_file) return true;
    }
    return false;
}

Graph read_import_set(const Neo4jImportSet& set, const ImportMapping& mapping, const InputLimits& limits,
                      ImportReport* report)
{
    ImportReport local;
    SetReader reader(mapping, limits, report ? *report : local);
    return reader.read(set);
}

}  // namespace actorgraph
