#include "cypher/bind/aggregation_rules.hpp"

#include <algorithm>

#include "cypher/execute/aggregation.hpp"
#include "cypher/execute/functions.hpp"

namespace actorgraph::cypher {

namespace {

using K = ast::ExpressionKind;

bool same_expression(const ast::Expression& a, const ast::Expression& b)
{
    if (a.kind != b.kind || a.op != b.op || a.name != b.name || a.distinct != b.distinct || a.keys != b.keys ||
        a.operators != b.operators || a.children.size() != b.children.size() || a.pattern || b.pattern || a.subquery ||
        b.subquery || !a.map_items.empty() || !b.map_items.empty()) {
        return false;
    }
    if (a.kind == K::Literal) {
        if (a.literal.is_null() || b.literal.is_null()) return a.literal.is_null() && b.literal.is_null();
        if (a.literal.type() != b.literal.type()) return false;
        auto same = equals(a.literal, b.literal);
        if (!same || !*same) return false;
    }
    for (std::size_t i = 0; i < a.children.size(); ++i) {
        const auto &x = a.children[i], &y = b.children[i];
        if (!x || !y) {
            if (x || y) return false;
            continue;
        }
        if (!same_expression(*x, *y)) return false;
    }
    return true;
}

bool is_aggregate_call(const ast::Expression& e)
{
    return e.kind == K::CountStar || (e.kind == K::FunctionCall && is_aggregate_function(e.name));
}

bool aggregates(const ast::Expression& e)
{
    std::vector<const ast::Expression*> found;
    collect_aggregates(e, found);
    return !found.empty();
}

// Forms that bind variables of their own or match patterns: their insides are not checked here.
bool opaque(const ast::Expression& e)
{
    switch (e.kind) {
    case K::ListComprehension:
    case K::Quantifier:
    case K::Reduce:
    case K::PatternComprehension:
    case K::PatternPredicate:
    case K::Existential:
    case K::CountSubquery:
    case K::CollectSubquery:
    case K::MapProjection: return true;
    default: return false;
    }
}

bool simple(const ast::Expression& e)
{
    return e.kind == K::Variable || (e.kind == K::Property && e.children[0]->kind == K::Variable);
}

[[noreturn]] void ambiguous(const ast::Expression& e)
{
    throw Error(ErrorClass::SyntaxError, "AmbiguousAggregationExpression", Phase::compile,
                "beside an aggregation only grouping keys that are variables or their properties, literals and "
                "parameters may stand; project this expression as a grouping key and use its name",
                e.where);
}

class Check {
public:
    Check(const ast::Projection& projection, bool aggregating, const std::vector<std::string>& names)
        : projection_(projection), aggregating_(aggregating), names_(names)
    {
    }

    void run()
    {
        for (const auto& item : projection_.items) {
            if (aggregating_ && aggregates(*item.expression)) item_part(*item.expression);
        }
        for (const auto& sort : projection_.order_by) {
            if (projection_.distinct || (aggregating_ && aggregates(*sort.expression))) sort_part(*sort.expression);
        }
    }

private:
    const ast::Expression* projected(const ast::Expression& e) const
    {
        for (const auto& item : projection_.items) {
            if (same_expression(*item.expression, e)) return item.expression.get();
        }
        return nullptr;
    }

    bool grouping_variable(const std::string& name) const
    {
        return std::any_of(projection_.items.begin(), projection_.items.end(), [&](const ast::ProjectionItem& item) {
            return item.expression->kind == K::Variable && item.expression->name == name;
        }) || (projection_.star && std::find(names_.begin(), names_.end(), name) != names_.end());
    }

    // Inside a projection item that aggregates.
    void item_part(const ast::Expression& e) const
    {
        if (is_aggregate_call(e) || e.kind == K::Literal || e.kind == K::Parameter || opaque(e)) return;
        if (const auto* key = projected(e); key && !aggregates(*key)) {
            if (simple(e)) return;
            ambiguous(e);
        }
        if (e.kind == K::Variable) {
            if (grouping_variable(e.name)) return;
            ambiguous(e);
        }
        if (e.kind == K::Property && e.children[0]->kind == K::Variable && grouping_variable(e.children[0]->name)) return;
        for (const auto& child : e.children) {
            if (child) item_part(*child);
        }
    }

    // Inside an ORDER BY item that reads only what the projection keeps.
    void sort_part(const ast::Expression& e) const
    {
        if (e.kind == K::Literal || e.kind == K::Parameter || opaque(e)) return;
        if (const auto* item = projected(e)) {
            if (!aggregating_ || aggregates(*item) || simple(e)) return;
            ambiguous(e);
        }
        if (e.kind == K::Variable) {
            if (std::find(names_.begin(), names_.end(), e.name) != names_.end()) return;
            throw Error(ErrorClass::SyntaxError, "UndefinedVariable", Phase::compile,
                        "variable `" + e.name + "` not defined: after " +
                            (aggregating_ ? std::string("aggregation") : std::string("DISTINCT")) +
                            " ORDER BY reads only what the projection returns",
                        e.where);
        }
        for (const auto& child : e.children) {
            if (child) sort_part(*child);
        }
    }

    const ast::Projection& projection_;
    bool aggregating_;
    const std::vector<std::string>& names_;
};

}  // namespace

void check_projection_aggregation(const ast::Projection& projection, bool aggregating, const std::vector<std::string>& names)
{
    Check(projection, aggregating, names).run();
}

}  // namespace actorgraph::cypher
