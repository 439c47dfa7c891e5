#include "actorgraph/cypher/engine.hpp"

#include "cypher/bind/binder.hpp"
#include "cypher/execute/executor.hpp"
#include "cypher/execute/graph_access.hpp"
#include "cypher/parse/parser.hpp"
#include "cypher/procedures/procedure.hpp"

namespace actorgraph::cypher {

class SessionState {
public:
    TypedOverlay overlay;
    std::vector<Procedure> procedures;  ///< defined for this session (define_procedure)
    LabelIndex label_index;             ///< rebuilt when the graph's version moves on
};

bool Statistics::changed_anything() const noexcept
{
    return nodes_created || nodes_deleted || relationships_created || relationships_deleted || labels_added ||
           labels_removed || properties_set || properties_removed;
}

std::string Statistics::summary() const
{
    std::string text;
    auto add = [&](std::int64_t count, const char* one, const char* many) {
        if (count == 0) return;
        if (!text.empty()) text += ", ";
        text += std::to_string(count) + " " + (count == 1 ? one : many);
    };
    add(nodes_created, "node created", "nodes created");
    add(nodes_deleted, "node deleted", "nodes deleted");
    add(relationships_created, "relationship created", "relationships created");
    add(relationships_deleted, "relationship deleted", "relationships deleted");
    add(labels_added, "label added", "labels added");
    add(labels_removed, "label removed", "labels removed");
    add(properties_set, "property set", "properties set");
    add(properties_removed, "property removed", "properties removed");
    return text;
}

Session::Session(Graph& graph) : graph_(graph), state_(std::make_unique<SessionState>()) {}

Session::~Session() = default;

Result Session::run(std::string_view statement, const Map& parameters, const Limits& limits)
{
    auto query = parse_query(statement);
    cypher::bind(query, std::span<const Procedure>(state_->procedures));  // qualified: ADL would find std::bind
    check_parameters(query, parameters, state_->procedures);
    Statistics stats;
    GraphAccess access(graph_, state_->overlay, &state_->label_index);
    Context context{access, parameters, stats, limits};
    context.procedures = &state_->procedures;
    try {
        Executor executor(context);
        auto result = executor.run(query);
        access.commit_deletions();
        if (stats.nodes_deleted || stats.relationships_deleted) {
            for (auto& row : result.rows) {
                for (auto& value : row) value = access.after_deletions(value);
            }
        }
        result.stats = stats;
        result.changes = access.take_changes();
        return result;
    } catch (...) {
        // A statement is atomic: one that fails takes back what it wrote (GraphAccess logs it) and copies nothing.
        access.undo_writes();
        throw;
    }
}

void Session::define_procedure(const TableProcedure& procedure)
{
    auto made = table_procedure(procedure);
    std::erase_if(state_->procedures, [&](const Procedure& p) { return p.name == made.name; });
    state_->procedures.push_back(std::move(made));
}

std::vector<std::string> Session::labels(ActorIndex node) const
{
    return GraphAccess(graph_, state_->overlay).labels(node);
}

Map Session::properties(ActorIndex node) const
{
    return GraphAccess(graph_, state_->overlay).node_properties(node);
}

Map Session::relationship_properties(RelationIndex relationship) const
{
    return GraphAccess(graph_, state_->overlay).relationship_properties(relationship);
}

const std::string& Session::type(RelationIndex relationship) const
{
    return graph_.relation(relationship).type;
}

}  // namespace actorgraph::cypher
