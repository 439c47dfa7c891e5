#include "cypher/bind/pattern_predicates.hpp"

#include "actorgraph/model/graph.hpp"  // fold_case

namespace actorgraph::cypher {

void mark_predicate_operands(const ast::Expression& e, PredicatePositions& positions)
{
    using K = ast::ExpressionKind;
    using O = ast::Operator;
    auto mark = [&](const ast::ExpressionPtr& child) {
        if (child) positions.insert(child.get());
    };
    bool logical = (e.kind == K::Unary && e.op == O::Not) ||
                   (e.kind == K::Binary && (e.op == O::And || e.op == O::Or || e.op == O::Xor));
    if (logical) {
        for (const auto& child : e.children) mark(child);
    }
    if (e.kind == K::FunctionCall && !e.children.empty() && fold_case(e.name) == "exists") mark(e.children[0]);
    if ((e.kind == K::ListComprehension || e.kind == K::Quantifier) && e.children.size() > 1) mark(e.children[1]);
    if (e.kind == K::PatternComprehension && !e.children.empty()) mark(e.children[0]);
    if (e.kind == K::Case && !e.has_subject) {
        std::size_t conditions_end = e.children.size() - (e.has_else ? 1 : 0);
        for (std::size_t i = 0; i < conditions_end; i += 2) mark(e.children[i]);
    }
}

void check_pattern_predicate(const ast::Expression& e, const PredicatePositions& positions,
                             const std::function<bool(const std::string&)>& is_bound)
{
    if (!positions.contains(&e)) {
        throw Error(ErrorClass::SyntaxError, "UnexpectedSyntax", Phase::compile,
                    "a pattern can only be used as a predicate (in WHERE, NOT, AND, OR or exists()); "
                    "for a list use a pattern comprehension such as [(a)-->(b) | b]",
                    e.where);
    }
    auto bound = [&](const std::string& name, QueryPosition where) {
        if (name.empty() || is_bound(name)) return;
        throw Error(ErrorClass::SyntaxError, "UndefinedVariable", Phase::compile,
                    "variable `" + name + "` not defined (a pattern predicate cannot introduce variables; "
                    "use EXISTS { MATCH ... } for that)",
                    where);
    };
    for (const auto& node : e.pattern->nodes) bound(node.variable, node.where);
    for (const auto& r : e.pattern->relationships) bound(r.variable, r.where);
}

}  // namespace actorgraph::cypher
