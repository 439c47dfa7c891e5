// The plan of a ScanAggregation (scan_aggregation.hpp): whether a MATCH and its grouping have a shape the scan
// answers, and what it reads: the relationships, their number columns, the conditions and calls.
#include <algorithm>
#include <optional>

#include "cypher/execute/expression_reads.hpp"
#include "cypher/execute/functions.hpp"
#include "cypher/execute/scan_aggregation.hpp"

namespace actorgraph::cypher {

namespace {

// A node of the pattern with at most plain labels: a property map or WHERE inside it goes the general way.
bool plain_node(const ast::NodePattern& node)
{
    return !node.label_expression && !node.properties && !node.predicate;
}

bool plain_relationship(const ast::RelationshipPattern& relationship)
{
    return !relationship.variable_length && !relationship.type_expression && !relationship.properties &&
           !relationship.predicate && relationship.direction != ast::Direction::Either;
}

// The key of `r.key` when the expression reads a property of the relationship variable, else null.
const std::string* relationship_key(const ast::Expression& expression, const std::string& variable)
{
    if (variable.empty() || expression.kind != ast::ExpressionKind::Property) return nullptr;
    const auto& subject = *expression.children[0];
    if (subject.kind != ast::ExpressionKind::Variable || subject.name != variable) return nullptr;
    return &expression.name;
}

// A MATCH of one fixed relationship between two nodes with at most plain labels, directed, nothing bound or
// named twice; on a graph the statement has not changed, with no undirected relations (those match both ways
// round, which the matcher's adjacency walk does).
bool scannable(const Context& context, const ast::Clause& match)
{
    if (match.optional || match.pattern.size() != 1 || !context.graph.unchanged_by_statement()) return false;
    const auto& part = match.pattern[0];
    if (!part.path_variable.empty() || !part.shortest.empty() || part.relationships.size() != 1) return false;
    if (!plain_relationship(part.relationships[0]) || !plain_node(part.nodes[0]) || !plain_node(part.nodes[1])) {
        return false;
    }
    const auto& graph = context.graph.graph();
    if (graph.undirected_count() != 0) return false;
    // The matcher starts from the first node's label list when it has one: a selective label (under half the
    // actors) is walked faster from its nodes than every relationship is read.
    return std::all_of(part.nodes[0].labels.begin(), part.nodes[0].labels.end(), [&](const std::string& label) {
        return 2 * context.graph.nodes_with_label(label).size() >= graph.actor_count();
    });
}

// The pattern's variables in the order ScanAggregation binds them (source, relationship, target); none when one
// is named twice (`(a)-[r]->(a)` asks for more than one relationship's ends).
std::optional<std::vector<std::string>> pattern_variables(const ast::NodePattern& source,
                                                          const ast::RelationshipPattern& relationship,
                                                          const ast::NodePattern& target)
{
    std::vector<std::string> variables;
    for (const auto* name : {&source.variable, &relationship.variable, &target.variable}) {
        if (name->empty()) continue;
        if (std::find(variables.begin(), variables.end(), *name) != variables.end()) return std::nullopt;
        variables.push_back(*name);
    }
    return variables;
}

// Plans the conditions and calls one by one; each one it cannot take makes the plan null (the general way
// answers).
class ScanAggregationPlanner {
public:
    ScanAggregationPlanner(Context& context, std::size_t relationships_read, std::string relationship_variable,
                           const std::vector<std::string>& pattern_variables)
        : context_(context), relationships_read_(relationships_read),
          relationship_variable_(std::move(relationship_variable)), pattern_variables_(pattern_variables)
    {
    }

    // The column of a relationship property, when one may be read: built already, or worth building for a
    // scan of a quarter of all relationships or more (as GraphAccess::relationship_number decides).
    const LabelIndex::NumberColumn* column(const std::string& key) const
    {
        const auto* built = context_.graph.built_relationship_numbers(key);
        auto relation_count = context_.graph.graph().relation_count();
        if (!built && relationships_read_ < std::max<std::size_t>(relation_count / 4, 1024)) return nullptr;
        const auto& column = built ? *built : context_.graph.relationship_numbers(key);
        return column.any_other || !context_.graph.column_reads_as_typed(key, column) ? nullptr : &column;
    }

    bool add_condition(const ast::Expression& conjunct)
    {
        auto reads = plain_reads(conjunct);
        if (!reads) return false;
        for (const auto& name : *reads) {
            if (!in_pattern(name)) return false;
        }
        if (auto test = number_test(conjunct)) {
            tests.push_back(std::move(*test));
        } else {
            others.push_back(&conjunct);
        }
        return true;
    }

    bool add_call(const ast::Expression& call)
    {
        using CallKind = ScanAggregation::Call::Kind;
        ScanAggregation::Call planned{CallKind::count_rows, nullptr, call.where};
        if (call.kind == ast::ExpressionKind::CountStar) {
            calls.push_back(planned);
            return true;
        }
        if (call.distinct || call.children.size() != 1) return false;
        auto name = fold_case(call.name);
        const auto& argument = *call.children[0];
        bool counts_variable = name == "count" && argument.kind == ast::ExpressionKind::Variable &&
                               in_pattern(argument.name);
        if (counts_variable) {  // a pattern variable is never null: count(b) counts the matches
            calls.push_back(planned);
            return true;
        }
        const auto* key = relationship_key(argument, relationship_variable_);
        if (!key || !(planned.column = column(*key))) return false;
        if (name == "count") planned.kind = CallKind::count;
        else if (name == "sum") planned.kind = CallKind::sum;
        else if (name == "avg") planned.kind = CallKind::avg;
        else if (name == "min") planned.kind = CallKind::min;
        else if (name == "max") planned.kind = CallKind::max;
        else return false;
        calls.push_back(planned);
        return true;
    }

    std::vector<ScanAggregation::NumberTest> tests;
    std::vector<const ast::Expression*> others;
    std::vector<ScanAggregation::Call> calls;

private:
    [[nodiscard]] bool in_pattern(const std::string& name) const
    {
        return std::find(pattern_variables_.begin(), pattern_variables_.end(), name) != pattern_variables_.end();
    }

    // `r.key IS [NOT] NULL`, or `r.key <op> literal` either way round (a binary comparison or a chain of one).
    std::optional<ScanAggregation::NumberTest> number_test(const ast::Expression& conjunct) const
    {
        using TestKind = ScanAggregation::NumberTest::Kind;
        using ast::Operator;
        ScanAggregation::NumberTest test;
        if (conjunct.kind == ast::ExpressionKind::Unary &&
            (conjunct.op == Operator::IsNull || conjunct.op == Operator::IsNotNull)) {
            const auto* key = relationship_key(*conjunct.children[0], relationship_variable_);
            if (!key || !(test.column = column(*key))) return std::nullopt;
            test.kind = conjunct.op == Operator::IsNull ? TestKind::is_null : TestKind::is_not_null;
            return test;
        }
        bool chain = conjunct.kind == ast::ExpressionKind::Comparison && conjunct.operators.size() == 1;
        bool binary = conjunct.kind == ast::ExpressionKind::Binary && conjunct.op >= Operator::Equal &&
                      conjunct.op <= Operator::GreaterEqual;
        if (!chain && !binary) return std::nullopt;
        for (std::size_t side = 0; side < 2; ++side) {
            const auto* key = relationship_key(*conjunct.children[side], relationship_variable_);
            const auto& literal = *conjunct.children[1 - side];
            if (!key || literal.kind != ast::ExpressionKind::Literal) continue;
            if (!(test.column = column(*key))) return std::nullopt;
            test.op = chain ? conjunct.operators.front() : conjunct.op;
            test.literal = literal.literal;
            test.literal_first = side == 1;
            return test;
        }
        return std::nullopt;
    }

    Context& context_;
    std::size_t relationships_read_;
    std::string relationship_variable_;
    const std::vector<std::string>& pattern_variables_;
};

}  // namespace

std::unique_ptr<ScanAggregation> ScanAggregation::plan(Context& context, const ast::Clause& match,
                                                       const std::vector<const ast::Expression*>& keys,
                                                       const std::vector<const ast::Expression*>& calls)
{
    if (!scannable(context, match)) return nullptr;
    const auto& part = match.pattern[0];
    const auto& relationship = part.relationships[0];
    bool outgoing = relationship.direction == ast::Direction::Outgoing;
    const auto& source = part.nodes[outgoing ? 0 : 1];
    const auto& target = part.nodes[outgoing ? 1 : 0];
    auto variables = pattern_variables(source, relationship, target);
    if (!variables) return nullptr;

    std::unique_ptr<ScanAggregation> scan(new ScanAggregation(context, keys));
    scan->read_pattern(source, relationship, target);
    if (!scan->plan_keys()) return nullptr;
    auto read = scan->any_type_ ? context.graph.graph().relation_count() : scan->scanned_.size();
    ScanAggregationPlanner planner(context, read, relationship.variable, *variables);
    if (match.predicate) {
        for (const auto* conjunct : conjuncts(*match.predicate)) {
            if (!planner.add_condition(*conjunct)) return nullptr;
        }
    }
    for (const auto* call : calls) {
        if (!planner.add_call(*call)) return nullptr;
    }
    scan->tests_ = std::move(planner.tests);
    scan->other_conditions_ = std::move(planner.others);
    scan->calls_ = std::move(planner.calls);
    scan->pattern_columns_ = std::move(*variables);
    scan->pattern_row_.resize(scan->pattern_columns_.size());
    scan->choose_grouping(read);
    return scan;
}

void ScanAggregation::read_pattern(const ast::NodePattern& source, const ast::RelationshipPattern& relationship,
                                   const ast::NodePattern& target)
{
    source_ = {source.variable, &source.labels};
    target_ = {target.variable, &target.labels};
    relationship_variable_ = relationship.variable;
    any_type_ = relationship.types.empty();
    if (relationship.types.size() == 1) {
        scanned_ = context_.graph.relationships_of_type(relationship.types[0]);
    } else if (!any_type_) {
        relationships_ = context_.graph.relationships_of_types(relationship.types);
        scanned_ = relationships_;
    }
}

// The keys read one end of the relationship (the grouped node), or nothing; one may name that node.
bool ScanAggregation::plan_keys()
{
    for (const auto* key : key_expressions_) {
        auto reads = plain_reads(*key);
        if (!reads) return false;
        for (const auto& name : *reads) {
            int end = !source_.variable.empty() && name == source_.variable   ? 0
                      : !target_.variable.empty() && name == target_.variable ? 1
                                                                              : -2;
            if (end < 0 || (grouped_end_ >= 0 && grouped_end_ != end)) return false;
            grouped_end_ = end;
        }
    }
    if (grouped_end_ < 0) return true;
    const auto& variable = grouped_end_ == 0 ? source_.variable : target_.variable;
    key_columns_ = {variable};
    key_row_.resize(1);
    // A key that names the node (`b`, `b.id`) makes each node's group its own (see names_node).
    for (std::size_t k = 0; k < key_expressions_.size(); ++k) {
        const auto& key = *key_expressions_[k];
        bool node = key.kind == ast::ExpressionKind::Variable && key.name == variable;
        bool id = key.kind == ast::ExpressionKind::Property && key.name == "id" &&
                  key.children[0]->kind == ast::ExpressionKind::Variable && key.children[0]->name == variable;
        if (node || id) naming_key_ = static_cast<int>(k);
    }
    return true;
}

// Totals by node when a key names the node, no call keeps a value (min and max are grouped by keys) and the
// scan reads relationships for a quarter of the actors or more (totals for every actor, 32 bytes a call, would
// cost more than a few matches); keys read lazily when every node's key names it.
void ScanAggregation::choose_grouping(std::size_t relationships_read)
{
    any_extreme_ = std::any_of(calls_.begin(), calls_.end(), [](const Call& call) {
        return call.kind == Call::Kind::min || call.kind == Call::Kind::max;
    });
    bool many = 4 * relationships_read >= context_.graph.graph().actor_count();
    by_node_ = naming_key_ >= 0 && !any_extreme_ && many;
    if (!by_node_) return;
    const auto& naming = *key_expressions_[static_cast<std::size_t>(naming_key_)];
    lazy_keys_ = naming.kind == ast::ExpressionKind::Variable || !context_.graph.any_generated_id();
}

}  // namespace actorgraph::cypher
