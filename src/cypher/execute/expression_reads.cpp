#include "cypher/execute/expression_reads.hpp"

#include <algorithm>

#include "cypher/execute/functions.hpp"

namespace actorgraph::cypher {

namespace {

// Functions whose answer is not fixed by their arguments.
bool is_volatile_function(const std::string& name)
{
    auto folded = fold_case(name);
    return folded == "rand" || folded == "randomuuid" || folded == "timestamp";
}

bool collect_plain_reads(const ast::Expression& expression, std::vector<std::string>& names)
{
    using Kind = ast::ExpressionKind;
    switch (expression.kind) {
    case Kind::Variable:
        if (std::find(names.begin(), names.end(), expression.name) == names.end()) names.push_back(expression.name);
        return true;
    case Kind::FunctionCall:
        // A call without arguments may read the clock (date(), datetime()) or be random.
        if (expression.children.empty() || is_aggregate_function(expression.name) ||
            is_volatile_function(expression.name)) {
            return false;
        }
        break;
    case Kind::Literal:
    case Kind::Parameter:
    case Kind::Property:
    case Kind::Subscript:
    case Kind::Slice:
    case Kind::ListLiteral:
    case Kind::MapLiteral:
    case Kind::Unary:
    case Kind::Binary:
    case Kind::Case:
    case Kind::LabelCheck:
    case Kind::Comparison: break;
    default: return false;
    }
    return std::all_of(expression.children.begin(), expression.children.end(),
                       [&](const auto& child) { return !child || collect_plain_reads(*child, names); });
}

void collect_variables(const ast::Expression& expression, std::vector<std::string>& names)
{
    if (expression.kind == ast::ExpressionKind::Variable) names.push_back(expression.name);
    for (const auto& child : expression.children) {
        if (child) collect_variables(*child, names);
    }
}

void collect_conjuncts(const ast::Expression& expression, std::vector<const ast::Expression*>& found)
{
    if (expression.kind == ast::ExpressionKind::Binary && expression.op == ast::Operator::And) {
        collect_conjuncts(*expression.children[0], found);
        collect_conjuncts(*expression.children[1], found);
        return;
    }
    found.push_back(&expression);
}

}  // namespace

std::optional<std::vector<std::string>> plain_reads(const ast::Expression& expression)
{
    std::vector<std::string> names;
    if (!collect_plain_reads(expression, names)) return std::nullopt;
    return names;
}

std::vector<std::string> variables_read(const ast::Expression& expression)
{
    std::vector<std::string> names;
    collect_variables(expression, names);
    return names;
}

std::vector<const ast::Expression*> conjuncts(const ast::Expression& expression)
{
    std::vector<const ast::Expression*> found;
    collect_conjuncts(expression, found);
    return found;
}

}  // namespace actorgraph::cypher
