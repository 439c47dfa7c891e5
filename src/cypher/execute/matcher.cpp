#include "cypher/execute/matcher.hpp"

#include <algorithm>

#include "cypher/execute/evaluator.hpp"
#include "cypher/execute/expression_reads.hpp"
#include "cypher/execute/incidence.hpp"
#include "cypher/execute/label_expression.hpp"

namespace actorgraph::cypher {

namespace {

ast::Direction flipped(ast::Direction direction)
{
    if (direction == ast::Direction::Outgoing) return ast::Direction::Incoming;
    if (direction == ast::Direction::Incoming) return ast::Direction::Outgoing;
    return direction;
}

}  // namespace

PatternMatcher::PatternMatcher(Context& context, std::span<const ast::PatternPart> parts, const Columns& input)
    : context_(context), columns_(input), input_size_(input.size())
{
    std::vector<std::string> known(input.begin(), input.end());
    for (const auto& syntax : parts) {
        Part part;
        part.syntax = &syntax;
        plan(part, known);
        parts_.push_back(std::move(part));
    }
    add_element_predicates();
}

int PatternMatcher::slot_of(const std::string& variable)
{
    if (variable.empty()) return -1;
    auto found = std::find(columns_.begin(), columns_.end(), variable);
    if (found != columns_.end()) return static_cast<int>(found - columns_.begin());
    columns_.push_back(variable);
    return static_cast<int>(columns_.size() - 1);
}

// Starts from the end that is already bound (or looked up by id) so a part anchored at its last node does not
// scan the graph; creates the part's slots.
void PatternMatcher::plan(Part& part, std::vector<std::string>& known)
{
    const auto& syntax = *part.syntax;
    auto anchored = [&](const ast::NodePattern& node) {
        if (!node.variable.empty() && std::find(known.begin(), known.end(), node.variable) != known.end()) return 2;
        if (node.properties && node.properties->kind == ast::ExpressionKind::MapLiteral &&
            std::find(node.properties->keys.begin(), node.properties->keys.end(), "id") != node.properties->keys.end()) {
            return 1;
        }
        return 0;
    };
    part.reversed = syntax.nodes.size() > 1 && anchored(syntax.nodes.back()) > anchored(syntax.nodes.front());
    part.path_slot = slot_of(syntax.path_variable);
    std::vector<std::string> own;
    auto element_for = [&](const std::string& variable, const ast::Expression* properties) {
        Element element;
        element.slot = slot_of(variable);
        auto used = properties ? variables_read(*properties) : std::vector<std::string>{};
        element.dynamic_properties = std::any_of(used.begin(), used.end(), [&](const std::string& name) {
            return std::find(known.begin(), known.end(), name) == known.end();
        });
        return element;
    };
    for (std::size_t i = 0; i < syntax.nodes.size(); ++i) {
        part.nodes.push_back(element_for(node_syntax(part, i).variable, node_syntax(part, i).properties.get()));
    }
    for (std::size_t i = 0; i < syntax.relationships.size(); ++i) {
        const auto& r = relationship_syntax(part, i);
        part.relationships.push_back(element_for(r.variable, r.properties.get()));
    }
    for (const auto& node : syntax.nodes) {
        if (!node.variable.empty()) known.push_back(node.variable);
    }
    for (const auto& r : syntax.relationships) {
        if (!r.variable.empty()) known.push_back(r.variable);
    }
    if (!syntax.path_variable.empty()) known.push_back(syntax.path_variable);
}

const ast::NodePattern& PatternMatcher::node_syntax(const Part& part, std::size_t i) const
{
    const auto& nodes = part.syntax->nodes;
    return part.reversed ? nodes[nodes.size() - 1 - i] : nodes[i];
}

const ast::RelationshipPattern& PatternMatcher::relationship_syntax(const Part& part, std::size_t i) const
{
    const auto& relationships = part.syntax->relationships;
    return part.reversed ? relationships[relationships.size() - 1 - i] : relationships[i];
}

ast::Direction PatternMatcher::direction(const Part& part, std::size_t i) const
{
    auto d = relationship_syntax(part, i).direction;
    return part.reversed ? flipped(d) : d;
}

void PatternMatcher::prepare(const Row& input)
{
    row_ = input;
    row_.resize(columns_.size());
    bound_.assign(columns_.size(), 0);
    std::fill(bound_.begin(), bound_.begin() + static_cast<std::ptrdiff_t>(input_size_), 1);
    used_.clear();
    Evaluator evaluator(context_, columns_, row_);
    for (auto& part : parts_) {
        for (std::size_t i = 0; i < part.nodes.size(); ++i) {
            const auto* properties = node_syntax(part, i).properties.get();
            if (properties && !part.nodes[i].dynamic_properties) part.nodes[i].properties = evaluator.eval(*properties);
        }
        for (std::size_t i = 0; i < part.relationships.size(); ++i) {
            const auto* properties = relationship_syntax(part, i).properties.get();
            if (properties && !part.relationships[i].dynamic_properties) {
                part.relationships[i].properties = evaluator.eval(*properties);
            }
        }
    }
}

void PatternMatcher::match(const Row& input, const std::function<bool(const Row&)>& found)
{
    prepare(input);
    found_ = &found;
    start_part(0);
    found_ = nullptr;
}

void PatternMatcher::match(const Row& input, const std::function<void(const Row&)>& found)
{
    std::function<bool(const Row&)> always = [&](const Row& row) {
        found(row);
        return true;
    };
    match(input, always);
}

bool PatternMatcher::exists(const Row& input)
{
    bool any = false;
    std::function<bool(const Row&)> first = [&](const Row&) {
        any = true;
        return false;
    };
    match(input, first);
    return any;
}

Value PatternMatcher::element_properties(const Element& element, const ast::Expression& syntax)
{
    if (!element.dynamic_properties) return element.properties;
    Evaluator evaluator(context_, columns_, row_);
    return evaluator.eval(syntax);
}

bool PatternMatcher::properties_match(const Element& element, const ast::Expression* syntax, const Value& subject)
{
    if (!syntax) return true;
    auto wanted = element_properties(element, *syntax);
    if (wanted.is_null()) return true;
    if (!wanted.is_map()) {
        runtime_error(ErrorClass::TypeError, "InvalidArgumentType", "a pattern's properties must be a map", syntax->where);
    }
    for (const auto& [key, value] : wanted.as_map()) {
        auto same = equals(property_of(context_, subject, key, syntax->where), value);
        if (!same || !*same) return false;
    }
    return true;
}

std::vector<ActorIndex> PatternMatcher::start_candidates(const Part& part)
{
    const auto& syntax = node_syntax(part, 0);
    const auto& element = part.nodes[0];
    const auto& graph = context_.graph.graph();
    if (element.slot >= 0 && bound_[static_cast<std::size_t>(element.slot)]) {
        const auto& value = row_[static_cast<std::size_t>(element.slot)];
        if (value.is_node()) {
            if (context_.graph.node_deleted(value.as_node())) return {};
            return {value.as_node()};
        }
        if (!value.is_null()) {
            runtime_error(ErrorClass::TypeError, "VariableTypeConflict",
                          "`" + syntax.variable + "` is a " + type_name(value.type()) + ", not a node", syntax.where);
        }
        return {};
    }
    // An id in the property map is a lookup in the id index.
    if (syntax.properties && !element.dynamic_properties && element.properties.is_map()) {
        auto id = element.properties.as_map().find("id");
        if (id != element.properties.as_map().end() && id->second.is_string()) {
            auto found = graph.find_by_id(id->second.as_string());
            if (!found || context_.graph.node_deleted(*found)) return {};
            return {*found};
        }
    }
    std::vector<ActorIndex> candidates;
    if (syntax.labels.empty()) {
        for (ActorIndex node = 0; node < graph.actor_count(); ++node) {
            context_.tick();
            if (!context_.graph.node_deleted(node)) candidates.push_back(node);
        }
        return candidates;
    }
    // The actors of the label with the fewest (match_node checks the others). Copied, since a write later in
    // the statement may rebuild the index while these are still being matched.
    auto fewest = context_.graph.nodes_with_label(syntax.labels[0]);
    for (std::size_t i = 1; i < syntax.labels.size(); ++i) {
        auto these = context_.graph.nodes_with_label(syntax.labels[i]);
        if (these.size() < fewest.size()) fewest = these;
    }
    candidates.reserve(fewest.size());
    for (auto node : fewest) {
        context_.tick();
        if (!context_.graph.node_deleted(node)) candidates.push_back(node);
    }
    return candidates;
}

// A part `()-[r:T]->(b)` whose first node is neither bound nor constrained is matched from the relationships
// themselves, in storage order: every relationship is read once and in sequence, instead of through each
// actor's adjacency (a random access per relationship), and actors that have none are not touched.
bool PatternMatcher::scans_relationships(const Part& part) const
{
    const auto& syntax = *part.syntax;
    if (part.reversed || syntax.nodes.size() != 2 || !syntax.shortest.empty()) return false;
    if (relationship_syntax(part, 0).variable_length || direction(part, 0) == ast::Direction::Either) return false;
    // Undirected relations are walked both ways by the adjacency; keep to it for them.
    if (context_.graph.graph().undirected_count() != 0) return false;
    const auto& first = node_syntax(part, 0);
    if (!first.labels.empty() || first.properties) return false;
    auto unbound = [&](const Element& element) {
        return element.slot < 0 || !bound_[static_cast<std::size_t>(element.slot)];
    };
    return unbound(part.nodes[0]) && unbound(part.nodes[1]) && unbound(part.relationships[0]);
}

bool PatternMatcher::scan_relationships(std::size_t part_index)
{
    auto& part = parts_[part_index];
    const auto& graph = context_.graph.graph();
    bool outgoing = direction(part, 0) == ast::Direction::Outgoing;
    // The relationship is bound before its ends are visited, so the filters that read only it (WHERE r.amount >
    // x) reject it without reading its end nodes; expand_fixed then finds it bound.
    auto slot = part.relationships[0].slot;
    bool binds_first = slot >= 0 && !filters_.empty() && !filters_of_slot_[static_cast<std::size_t>(slot)].empty();
    auto visit = [&](RelationIndex relationship) {
        context_.tick();
        if (binds_first) {
            if (context_.graph.relationship_deleted(relationship)) return true;
            row_[static_cast<std::size_t>(slot)] = Value::relationship(relationship);
            bound_[static_cast<std::size_t>(slot)] = 1;
            if (!filters_hold(slot)) return true;
        }
        const auto& relation = graph.relation(relationship);
        part.scanning = true;
        part.scanned = relationship;
        bool go_on = match_node(part_index, 0, outgoing ? relation.source : relation.target);
        part.scanning = false;
        return go_on;
    };
    bool go_on = true;
    const auto& types = relationship_syntax(part, 0).types;
    if (!types.empty()) {
        for (auto relationship : context_.graph.relationships_of_types(types)) {
            if (!(go_on = visit(relationship))) break;
        }
    } else {
        // Every relationship there is when the scan starts: none a later clause of the statement creates.
        for (RelationIndex relationship = 0, count = graph.relation_count(); relationship < count && go_on; ++relationship) {
            go_on = visit(relationship);
        }
    }
    if (binds_first) bound_[static_cast<std::size_t>(slot)] = 0;
    return go_on;
}

bool PatternMatcher::start_part(std::size_t part_index)
{
    if (part_index == parts_.size()) return !end_checks_hold() || (*found_)(row_);
    auto& part = parts_[part_index];
    path_nodes_.clear();
    path_relationships_.clear();
    if (scans_relationships(part)) return scan_relationships(part_index);
    for (auto node : start_candidates(part)) {
        if (!match_node(part_index, 0, node)) return false;
    }
    return true;
}

bool PatternMatcher::match_node(std::size_t part_index, std::size_t i, ActorIndex node)
{
    context_.tick();
    auto& part = parts_[part_index];
    const auto& syntax = node_syntax(part, i);
    const auto& element = part.nodes[i];
    if (context_.graph.node_deleted(node)) return true;
    for (const auto& label : syntax.labels) {
        if (!context_.graph.has_label(node, label)) return true;
    }
    if (syntax.label_expression && !node_fits(context_.graph, node, *syntax.label_expression)) return true;
    auto slot = element.slot;
    bool binds = slot >= 0 && !bound_[static_cast<std::size_t>(slot)];
    if (slot >= 0 && !binds) {
        const auto& value = row_[static_cast<std::size_t>(slot)];
        if (!value.is_node() || value.as_node() != node) return true;
    }
    if (binds) {
        row_[static_cast<std::size_t>(slot)] = Value::node(node);
        bound_[static_cast<std::size_t>(slot)] = 1;
    }
    bool go_on = true;
    if (properties_match(element, syntax.properties.get(), Value::node(node)) && (!binds || filters_hold(slot))) {
        path_nodes_.push_back(node);
        go_on = i + 1 == part.nodes.size() ? finish_part(part_index) : expand(part_index, i, node);
        path_nodes_.pop_back();
    }
    if (binds) {
        bound_[static_cast<std::size_t>(slot)] = 0;
        row_[static_cast<std::size_t>(slot)] = Value();
    }
    return go_on;
}

bool PatternMatcher::finish_part(std::size_t part_index)
{
    auto& part = parts_[part_index];
    if (part.path_slot >= 0) {
        Path path{path_nodes_, path_relationships_};
        if (part.reversed) {
            std::reverse(path.nodes.begin(), path.nodes.end());
            std::reverse(path.relationships.begin(), path.relationships.end());
        }
        row_[static_cast<std::size_t>(part.path_slot)] = Value::path(std::move(path));
        bound_[static_cast<std::size_t>(part.path_slot)] = 1;
    }
    // The next part starts a path of its own; this part's walk is restored when we come back.
    auto nodes = std::move(path_nodes_);
    auto relationships = std::move(path_relationships_);
    bool go_on = start_part(part_index + 1);
    path_nodes_ = std::move(nodes);
    path_relationships_ = std::move(relationships);
    if (part.path_slot >= 0) bound_[static_cast<std::size_t>(part.path_slot)] = 0;
    return go_on;
}

bool PatternMatcher::expand(std::size_t part_index, std::size_t i, ActorIndex from)
{
    if (!parts_[part_index].syntax->shortest.empty()) return expand_shortest(part_index, from);
    if (relationship_syntax(parts_[part_index], i).variable_length) return expand_variable(part_index, i, from);
    return expand_fixed(part_index, i, from);
}

bool PatternMatcher::relationship_fits(const Part& part, std::size_t i, RelationIndex relationship)
{
    if (std::find(used_.begin(), used_.end(), relationship) != used_.end()) return false;
    if (context_.graph.relationship_deleted(relationship)) return false;
    const auto& syntax = relationship_syntax(part, i);
    // A scan by type chose this relationship among its type's: its type is known to fit.
    bool scanned = part.scanning && i == 0 && part.scanned == relationship;
    if (!syntax.types.empty() && !scanned) {
        const auto& type = context_.graph.type(relationship);
        if (std::find(syntax.types.begin(), syntax.types.end(), type) == syntax.types.end()) return false;
    }
    if (syntax.type_expression && !cypher::relationship_fits(context_.graph, relationship, *syntax.type_expression)) {
        return false;
    }
    return properties_match(part.relationships[i], syntax.properties.get(), Value::relationship(relationship));
}

std::optional<bool> PatternMatcher::bind_or_check(int slot, Value value)
{
    if (slot < 0) return false;
    auto at = static_cast<std::size_t>(slot);
    if (bound_[at]) {
        auto same = equals(row_[at], value);
        if (!same || !*same) return std::nullopt;
        return false;
    }
    row_[at] = std::move(value);
    bound_[at] = 1;
    return true;
}

bool PatternMatcher::expand_fixed(std::size_t part_index, std::size_t i, ActorIndex from)
{
    auto& part = parts_[part_index];
    const auto& graph = context_.graph.graph();
    auto slot = part.relationships[i].slot;
    bool binds = slot >= 0 && !bound_[static_cast<std::size_t>(slot)];
    auto d = direction(part, i);
    // A relationship scan chose the step (directed, so it is met once): the actor's adjacency is not read.
    std::span<const RelationIndex> one(&part.scanned, 1);
    auto at = !(part.scanning && i == 0)           ? incident(graph, from, d)
              : d == ast::Direction::Outgoing ? Incident{one, {}}
                                              : Incident{{}, one};
    for (std::size_t k = 0; k < at.size(); ++k) {
        context_.tick();
        auto relationship = at[k];
        if (is_self_loop_seen_twice(graph, at, k, d)) continue;
        if (slot >= 0 && !binds) {
            const auto& value = row_[static_cast<std::size_t>(slot)];
            if (!value.is_relationship() || value.as_relationship() != relationship) continue;
        }
        if (!relationship_fits(part, i, relationship)) continue;
        if (binds) {
            row_[static_cast<std::size_t>(slot)] = Value::relationship(relationship);
            bound_[static_cast<std::size_t>(slot)] = 1;
            if (!filters_hold(slot)) {
                bound_[static_cast<std::size_t>(slot)] = 0;
                continue;
            }
        }
        used_.push_back(relationship);
        path_relationships_.push_back(relationship);
        bool go_on = match_node(part_index, i + 1, other_end(graph.relation(relationship), from));
        path_relationships_.pop_back();
        used_.pop_back();
        if (binds) bound_[static_cast<std::size_t>(slot)] = 0;
        if (!go_on) return false;
    }
    return true;
}

// Depth-first over walks of min..max relationships, with an explicit stack of (node, next candidate).
bool PatternMatcher::expand_variable(std::size_t part_index, std::size_t i, ActorIndex from)
{
    auto& part = parts_[part_index];
    const auto& syntax = relationship_syntax(part, i);
    const auto& graph = context_.graph.graph();
    auto d = direction(part, i);
    auto min = syntax.min_hops.value_or(1);
    auto max = syntax.max_hops.value_or(std::numeric_limits<std::int64_t>::max());
    auto slot = part.relationships[i].slot;
    std::size_t walked_from = path_relationships_.size();

    auto try_end = [&](ActorIndex end) {
        List walked;
        for (auto k = walked_from; k < path_relationships_.size(); ++k) {
            walked.push_back(Value::relationship(path_relationships_[k]));
        }
        if (part.reversed) std::reverse(walked.begin(), walked.end());
        auto binding = bind_or_check(slot, Value::list(std::move(walked)));
        if (!binding) return true;
        bool binds = *binding;
        // Intermediate nodes are on the path; match_node adds the end node itself. After zero hops the end is
        // the start, already on the path: take it off so the path does not hold it twice.
        bool zero_hops = path_relationships_.size() == walked_from;
        if (zero_hops) path_nodes_.pop_back();
        bool go_on = match_node(part_index, i + 1, end);
        if (zero_hops) path_nodes_.push_back(end);
        if (binds) bound_[static_cast<std::size_t>(slot)] = 0;
        return go_on;
    };

    if (min <= 0 && !try_end(from)) return false;
    if (max <= 0) return true;
    struct Frame {
        ActorIndex node;
        std::size_t next = 0;
    };
    std::vector<Frame> stack{{from}};
    std::size_t saved_nodes = path_nodes_.size();
    bool go_on = true;
    while (!stack.empty() && go_on) {
        auto& top = stack.back();
        auto at = incident(graph, top.node, d);
        if (top.next >= at.size()) {
            stack.pop_back();
            if (!stack.empty()) {
                used_.pop_back();
                path_relationships_.pop_back();
                path_nodes_.pop_back();
            }
            continue;
        }
        auto k = top.next++;
        context_.tick();
        if (is_self_loop_seen_twice(graph, at, k, d)) continue;
        auto relationship = at[k];
        if (!relationship_fits(part, i, relationship)) continue;
        auto next = other_end(graph.relation(relationship), top.node);
        used_.push_back(relationship);
        path_relationships_.push_back(relationship);
        auto depth = static_cast<std::int64_t>(stack.size());
        if (depth >= min) go_on = try_end(next);
        if (depth < max && go_on) {
            path_nodes_.push_back(next);
            stack.push_back({next});
        } else {
            used_.pop_back();
            path_relationships_.pop_back();
        }
    }
    // Stopped early: unwind what the stack still holds.
    while (stack.size() > 1) {
        stack.pop_back();
        used_.pop_back();
        path_relationships_.pop_back();
    }
    path_nodes_.resize(saved_nodes);
    path_relationships_.resize(walked_from);
    return go_on;
}

}  // namespace actorgraph::cypher
