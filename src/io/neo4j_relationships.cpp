#include "io/neo4j_relationships.hpp"

#include <vector>

#include "io/csv_halves.hpp"
#include "io/neo4j_table.hpp"

// A big file is read in two halves at once (csv_halves.hpp): the second half's reader looks endpoints up
// while the first half's relations are added, which changes neither the actors nor the id index.

namespace actorgraph::neo4j {

namespace {

using csv::CsvParser;
using csv::Record;

// A relation read but not yet added: endpoints are looked up a batch at a time (Graph::find_by_ids).
struct PendingRelation {
    Relation relation;
    std::string start, end;  // copies: an escaped cell's text lives in the reused record
};

// Reads relationship records into relations of a graph whose actors are all read; only reads the graph,
// so two readers can run on two threads while one of them adds to it.
class RelationReader {
public:
    RelationReader(const Graph& graph, const Table& table, const FileName& file, const RelationshipContext& context,
                   PropertyArena& arena)
        : graph_(graph), table_(table), file_(file), context_(context),
          properties_(table, &arena, context.options, file)
    {
        if (!context.spaces) return;
        for (std::size_t i = 0; i < table.columns.size(); ++i) {
            if (table.roles[i] == Role::start) start_space_ = context.spaces->find(table.columns[i].group);
            if (table.roles[i] == Role::end) end_space_ = context.spaces->find(table.columns[i].group);
        }
    }

    // Reads until the parser stops. `add(Relation&&)` gets each relation whose endpoints are actors and
    // `warn(Diagnostic&&)` each one skipped, in file order; `keep_going()` is asked after every batch.
    template <typename Add, typename Warn, typename KeepGoing>
    void read(CsvParser& parser, Add add, Warn warn, KeepGoing keep_going)
    {
        Record record;
        while (parser.next(record)) {
            require_width(record, table_, file_);
            batch_.push_back(pending(record));
            if (batch_.size() < batch_size) continue;
            flush(add, warn);
            if (!keep_going()) return;
        }
        flush(add, warn);
    }

private:
    static constexpr std::size_t batch_size = 256;

    PendingRelation pending(const Record& record)
    {
        PendingRelation pending;
        auto& relation = pending.relation;
        relation.where = {file_, record.line};
        for (std::size_t i = 0; i < record.cells.size(); ++i) {
            const auto& cell = record.cells[i];
            switch (table_.roles[i]) {
                case Role::start: set_endpoint(pending.start, start_space_, cell.text()); break;
                case Role::end: set_endpoint(pending.end, end_space_, cell.text()); break;
                case Role::type: relation.type = type(cell.text()); break;
                default: break;
            }
        }
        if (context_.options && relation.type.empty() && !context_.options->type.empty()) {
            relation.type = type(context_.options->type);
        }
        relation.properties = properties_.read(record);
        return pending;
    }

    // Without ID spaces the id as written (assigned in place: this runs for every endpoint of a big file).
    void set_endpoint(std::string& id, std::uint32_t space, std::string_view raw) const
    {
        if (!context_.spaces || space == IdSpaces::none) {
            id = raw;
            return;
        }
        id = context_.spaces->actor_id(space, raw);
    }

    [[nodiscard]] std::string type(std::string_view text) const
    {
        const auto* mapping = context_.options ? context_.options->mapping : nullptr;
        return normalize_relation_type(mapping ? std::string_view(mapping->map_type(text)) : text);
    }

    // Found, and (with ID spaces) in the space the column names.
    [[nodiscard]] bool resolved(const std::optional<ActorIndex>& actor, std::uint32_t space) const
    {
        if (!actor) return false;
        if (!context_.spaces) return true;
        return space != IdSpaces::none && context_.spaces->holds(*actor, space);
    }

    [[nodiscard]] std::string space_note(std::uint32_t space) const
    {
        if (!context_.spaces) return "not in " + context_.nodes_name;
        if (space == IdSpaces::none) return "no node file has this ID space";
        const auto& name = context_.spaces->name(space);
        return name.empty() ? "not in the global ID space" : "not in ID space " + name;
    }

    template <typename Add, typename Warn>
    void flush(Add& add, Warn& warn)
    {
        ids_.clear();
        for (const auto& pending : batch_) {
            ids_.push_back(pending.start);
            ids_.push_back(pending.end);
        }
        auto found = graph_.find_by_ids(ids_);
        for (std::size_t i = 0; i < batch_.size(); ++i) {
            auto& [relation, from, to] = batch_[i];
            bool source = resolved(found[2 * i], start_space_), target = resolved(found[2 * i + 1], end_space_);
            if (source && target) {
                relation.source = *found[2 * i];
                relation.target = *found[2 * i + 1];
                add(std::move(relation));
                continue;
            }
            std::string unknown = !source && !target && from != to ? "endpoints '" + from + "' and '" + to + "'"
                                                                   : "endpoint '" + (source ? to : from) + "'";
            auto note = space_note(source ? end_space_ : start_space_);
            warn(Diagnostic{relation.where,
                            "relationship from '" + from + "' to '" + to + "': unknown " + unknown + " (" + note + "); skipped"});
        }
        batch_.clear();
    }

    const Graph& graph_;
    const Table& table_;
    FileName file_;
    const RelationshipContext& context_;
    PropertyColumns properties_;
    std::uint32_t start_space_ = IdSpaces::none, end_space_ = IdSpaces::none;
    std::vector<PendingRelation> batch_;
    std::vector<std::string_view> ids_;
};

// Neo4j has no undirected relationships, so write_neo4j_csv keeps actorgraph's in a `directed:boolean`
// column; read back, a `directed` of false makes the relation undirected. The column is read under a name
// no header can give a property, so a property that is itself called `directed` (written `directed:string`)
// stays a property.
constexpr std::string_view direction_key = "\x01directed";

Orientation take_orientation(Relation& relation)
{
    auto found = relation.properties.find(std::string(direction_key));
    if (found == relation.properties.end()) return Orientation::directed;
    bool undirected = fold_case(found->second) == "false";
    relation.properties.erase(std::string(direction_key));
    return undirected ? Orientation::undirected : Orientation::directed;
}

// The table with its `directed:boolean` column renamed to direction_key; false when it has none.
bool mark_direction_column(Table& table)
{
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
        auto& column = table.columns[i];
        if (table.roles[i] != Role::property || column.name != "directed" || column.type != "boolean") continue;
        column.name = std::string(direction_key);
        return true;
    }
    return false;
}

}  // namespace

std::uint32_t IdSpaces::intern(std::string_view space)
{
    auto [found, added] = numbers_.try_emplace(std::string(space), static_cast<std::uint32_t>(names_.size()));
    if (added) names_.emplace_back(space);
    return found->second;
}

std::uint32_t IdSpaces::find(std::string_view space) const
{
    auto found = numbers_.find(std::string(space));
    return found == numbers_.end() ? none : found->second;
}

std::string IdSpaces::actor_id(std::uint32_t space, std::string_view raw) const
{
    const auto& name = names_.at(space);
    if (name.empty() || shared_.empty() || !shared_.contains(std::string(raw))) return std::string(raw);
    return name + ":" + std::string(raw);
}

Table relationship_table(const Record& header, const FileName& file)
{
    auto table = read_header(header, false);
    require_column(table, Role::start, ":START_ID", file);
    require_column(table, Role::end, ":END_ID", file);
    return table;
}

void read_relationships(Graph& graph, std::string_view text, const FileName& file, const std::string& nodes_name,
                        const InputLimits& limits, const csv::Release& release)
{
    CsvParser parser(text, file, limits, release);
    Record record;
    if (!parser.next(record)) {
        throw Error({file, 1}, "empty file; expected a header with :START_ID and :END_ID columns");
    }
    auto table = relationship_table(record, file);
    parser.set_width(table.columns.size());
    RelationshipContext context;
    context.nodes_name = nodes_name;
    read_relationship_records(graph, parser, table, file, limits, context);
}

void read_relationship_records(Graph& graph, CsvParser& parser, const Table& header, const FileName& file,
                               const InputLimits& limits, const RelationshipContext& context)
{
    graph.reserve(0, parser.estimated_records());
    auto table = header;
    bool directions = mark_direction_column(table);
    declare_column_types(table, graph.relation_property_types);
    RelationReader reader(graph, table, file, context, graph.new_property_arena());
    auto add = [&](Relation&& relation) {
        auto orientation = directions ? take_orientation(relation) : Orientation::directed;
        graph.add_relation(std::move(relation), orientation);
    };
    auto warn = [&](Diagnostic&& warning) {
        if (context.warn) return context.warn(std::move(warning));
        graph.warn(std::move(warning.where), std::move(warning.message));
    };
    // The first thread also appends every relation to the graph: with 47% of the text the two threads finish
    // together (measured at 4M relations).
    constexpr double relationships_first_share = 0.47;
    csv::read_in_two_halves<Relation>(parser, limits, relationships_first_share, reader,
                                      RelationReader(graph, table, file, context, graph.new_property_arena()), add,
                                      warn);
}

}  // namespace actorgraph::neo4j
