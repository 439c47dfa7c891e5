// The expression half of the parser: precedence climbing from OR down to atoms, as openCypher's grammar
// layers it (OR < XOR < AND < NOT < comparison < IN/STARTS WITH/IS NULL < + - < * / % < ^ < unary < postfix).
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <limits>

#include "cypher/parse/parser.hpp"

namespace actorgraph::cypher {

using ast::ExpressionKind;
using ast::ExpressionPtr;
using ast::Operator;

ExpressionPtr Parser::make(ExpressionKind kind, const Token& at) const
{
    auto expression = std::make_unique<ast::Expression>();
    expression->kind = kind;
    expression->where = at.where;
    return expression;
}

ExpressionPtr Parser::seal(ExpressionPtr expression, const Token& at) const
{
    int height = 0;
    for (const auto& child : expression->children) {
        if (child) height = std::max(height, child->height);
    }
    expression->height = height + 1;
    if (expression->height > max_expression_height) {
        fail_detail(at, "NestingTooDeep",
                    "the expression is deeper than " + std::to_string(max_expression_height) + " levels");
    }
    return expression;
}

ExpressionPtr Parser::make_binary(Operator op, ExpressionPtr left, ExpressionPtr right, const Token& at)
{
    auto expression = make(ExpressionKind::Binary, at);
    expression->where = left->where;
    expression->op = op;
    expression->children.push_back(std::move(left));
    expression->children.push_back(std::move(right));
    return seal(std::move(expression), at);
}

ExpressionPtr Parser::expression()
{
    Nesting nesting(*this);
    return or_expression();
}

ExpressionPtr Parser::or_expression()
{
    auto left = xor_expression();
    while (at_keyword("OR")) {
        const Token& at = next();
        left = make_binary(Operator::Or, std::move(left), xor_expression(), at);
    }
    return left;
}

ExpressionPtr Parser::xor_expression()
{
    auto left = and_expression();
    while (at_keyword("XOR")) {
        const Token& at = next();
        left = make_binary(Operator::Xor, std::move(left), and_expression(), at);
    }
    return left;
}

ExpressionPtr Parser::and_expression()
{
    auto left = not_expression();
    while (at_keyword("AND")) {
        const Token& at = next();
        left = make_binary(Operator::And, std::move(left), not_expression(), at);
    }
    return left;
}

ExpressionPtr Parser::not_expression()
{
    if (!at_keyword("NOT")) return comparison();
    Nesting nesting(*this);
    const Token& at = next();
    auto expression = make(ExpressionKind::Unary, at);
    expression->op = Operator::Not;
    expression->children.push_back(not_expression());
    return seal(std::move(expression), at);
}

// a < b <= c means a < b AND b <= c, with b evaluated once: a chain node holds the operands and operators.
ExpressionPtr Parser::comparison()
{
    auto first = predicate_expression();
    ExpressionPtr chain;
    while (true) {
        const Token& at = peek();
        Operator op;
        if (at.is("=")) op = Operator::Equal;
        else if (at.is("<>") || at.is("!=")) op = Operator::NotEqual;
        else if (at.is("<")) op = Operator::Less;
        else if (at.is(">")) op = Operator::Greater;
        else if (at.is("<=")) op = Operator::LessEqual;
        else if (at.is(">=")) op = Operator::GreaterEqual;
        else break;
        next();
        if (!chain) {
            chain = make(ExpressionKind::Comparison, at);
            chain->where = first->where;
            chain->children.push_back(std::move(first));
        }
        chain->operators.push_back(op);
        chain->children.push_back(predicate_expression());
        if (chain->children.size() > static_cast<std::size_t>(max_expression_height)) {
            fail_detail(at, "NestingTooDeep", "too long a chain of comparisons");
        }
    }
    if (!chain) return first;
    if (chain->operators.size() == 1) {
        auto op = chain->operators[0];
        auto right = std::move(chain->children[1]);
        return make_binary(op, std::move(chain->children[0]), std::move(right), peek());
    }
    return seal(std::move(chain), peek());
}

// IN, STARTS WITH, ENDS WITH, CONTAINS, =~, IS [NOT] NULL, all left to right at one level.
ExpressionPtr Parser::predicate_expression()
{
    auto left = additive();
    while (true) {
        const Token& at = peek();
        Operator op;
        if (at_keyword("IN")) {
            next();
            op = Operator::In;
        } else if (at_keyword("STARTS") && at_keyword("WITH", 1)) {
            next();
            next();
            op = Operator::StartsWith;
        } else if (at_keyword("ENDS") && at_keyword("WITH", 1)) {
            next();
            next();
            op = Operator::EndsWith;
        } else if (at_keyword("CONTAINS")) {
            next();
            op = Operator::Contains;
        } else if (at.is("=~")) {
            next();
            op = Operator::RegexMatch;
        } else if (at_keyword("IS") && at_label_start(1) && !at_keyword("NOT", 1) && !at_keyword("NULL", 1)) {
            next();  // n IS A: the label predicate's other spelling
            auto check = make(ExpressionKind::LabelCheck, at);
            check->where = left->where;
            check->children.push_back(std::move(left));
            label_check(*check);
            left = seal(std::move(check), at);
            continue;
        } else if (at_keyword("IS")) {
            next();
            bool negated = accept_keyword("NOT");
            expect_keyword("NULL");
            auto test = make(ExpressionKind::Unary, at);
            test->where = left->where;
            test->op = negated ? Operator::IsNotNull : Operator::IsNull;
            test->children.push_back(std::move(left));
            left = seal(std::move(test), at);
            continue;
        } else {
            return left;
        }
        left = make_binary(op, std::move(left), additive(), at);
    }
}

ExpressionPtr Parser::additive()
{
    auto left = multiplicative();
    while (peek().is("+") || peek().is("-")) {
        const Token& at = next();
        left = make_binary(at.text == "+" ? Operator::Add : Operator::Subtract, std::move(left), multiplicative(), at);
    }
    return left;
}

ExpressionPtr Parser::multiplicative()
{
    auto left = power();
    while (peek().is("*") || peek().is("/") || peek().is("%")) {
        const Token& at = next();
        auto op = at.text == "*" ? Operator::Multiply : at.text == "/" ? Operator::Divide : Operator::Modulo;
        left = make_binary(op, std::move(left), power(), at);
    }
    return left;
}

ExpressionPtr Parser::power()
{
    auto left = unary();
    while (peek().is("^")) {
        const Token& at = next();
        left = make_binary(Operator::Power, std::move(left), unary(), at);
    }
    return left;
}

ExpressionPtr Parser::unary()
{
    if (!peek().is("-") && !peek().is("+")) return postfix();
    Nesting nesting(*this);
    const Token& at = next();
    // -9223372036854775808 is a literal, though 9223372036854775808 alone overflows.
    if (at.text == "-" && (peek().kind == TokenKind::Integer || peek().kind == TokenKind::Float)) {
        auto literal = number_literal(true);
        return literal;
    }
    auto expression = make(ExpressionKind::Unary, at);
    expression->op = at.text == "-" ? Operator::Negate : Operator::Plus;
    expression->children.push_back(unary());
    return seal(std::move(expression), at);
}

ExpressionPtr Parser::postfix()
{
    const Token& start = peek();
    auto base = seal(atom(), start);
    while (true) {
        const Token& at = peek();
        if (accept(".")) {
            auto property = make(ExpressionKind::Property, at);
            property->where = base->where;
            property->name = name("a property name");
            property->children.push_back(std::move(base));
            base = seal(std::move(property), at);
        } else if (at.is("[")) {
            next();
            auto access = make(ExpressionKind::Subscript, at);
            access->where = base->where;
            access->children.push_back(std::move(base));
            ExpressionPtr from = peek().is("..") ? nullptr : expression();
            if (accept("..")) {
                access->kind = ExpressionKind::Slice;
                access->children.push_back(std::move(from));
                access->children.push_back(peek().is("]") ? nullptr : expression());
            } else {
                access->children.push_back(std::move(from));
            }
            expect("]");
            base = seal(std::move(access), at);
        } else if (at.is(":") && at_label_start(1)) {
            next();
            auto check = make(ExpressionKind::LabelCheck, at);
            check->where = base->where;
            check->children.push_back(std::move(base));
            label_check(*check);
            base = seal(std::move(check), at);
        } else {
            return base;
        }
    }
}

ExpressionPtr Parser::atom()
{
    const Token& token = peek();
    switch (token.kind) {
    case TokenKind::Integer:
    case TokenKind::Float: return number_literal(false);
    case TokenKind::String: {
        auto literal = make(ExpressionKind::Literal, token);
        literal->literal = Value::string(next().text);
        return literal;
    }
    case TokenKind::Parameter: {
        auto parameter = make(ExpressionKind::Parameter, token);
        parameter->name = next().text;
        return parameter;
    }
    case TokenKind::Identifier: return name_atom();
    case TokenKind::InvalidNumber: invalid_number(token);
    case TokenKind::End: fail(token, "expected an expression but the query ended");
    case TokenKind::Punctuation: break;
    }
    if (token.is("[")) return bracket_atom();
    if (token.is("(")) return parenthesized_atom();
    if (token.is("{")) return map_literal();
    fail(token, "expected an expression but found " + describe_token(token));
}

void Parser::invalid_number(const Token& token) const
{
    const auto& t = token.text;
    std::string what = "number";
    if (t.size() > 1 && (t[1] == 'x' || t[1] == 'X')) what = "hexadecimal";
    if (t.size() > 1 && (t[1] == 'o' || t[1] == 'O')) what = "octal";
    fail_detail(token, "InvalidNumberLiteral", "invalid " + what + " literal '" + t + "'");
}

ExpressionPtr Parser::number_literal(bool negative)
{
    const Token& token = next();
    auto literal = make(ExpressionKind::Literal, token);
    const std::string& text = token.text;
    if (token.kind == TokenKind::Float) {
        errno = 0;
        double value = std::strtod(text.c_str(), nullptr);
        if (std::isinf(value)) fail_detail(token, "FloatingPointOverflow", "the number " + text + " is too large");
        literal->literal = Value::floating(negative ? -value : value);
        return literal;
    }
    int base = 10;
    std::size_t digits_from = 0;
    if (text.size() > 1 && (text[1] == 'x' || text[1] == 'X')) base = 16, digits_from = 2;
    if (text.size() > 1 && (text[1] == 'o' || text[1] == 'O')) base = 8, digits_from = 2;
    // Accumulate as a negative number, which reaches one further than a positive one.
    std::int64_t value = 0;
    for (std::size_t i = digits_from; i < text.size(); ++i) {
        char c = text[i];
        int digit = c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
        if (__builtin_mul_overflow(value, base, &value) || __builtin_sub_overflow(value, digit, &value)) {
            fail_detail(token, "IntegerOverflow", "the integer " + std::string(negative ? "-" : "") + text + " is too large");
        }
    }
    if (!negative) {
        if (value == std::numeric_limits<std::int64_t>::min()) {
            fail_detail(token, "IntegerOverflow", "the integer " + text + " is too large");
        }
        value = -value;
    }
    literal->literal = Value::integer(value);
    return literal;
}

ExpressionPtr Parser::map_literal()
{
    const Token& start = expect("{");
    auto map = make(ExpressionKind::MapLiteral, start);
    if (!peek().is("}")) {
        do {
            map->keys.push_back(name("a map key"));
            expect(":");
            map->children.push_back(expression());
        } while (accept(","));
    }
    expect("}");
    return map;
}

ExpressionPtr Parser::bracket_atom()
{
    const Token& start = next();
    // [x IN list WHERE ... | ...]
    if (peek().kind == TokenKind::Identifier && at_keyword("IN", 1)) {
        return filter_form(start, ExpressionKind::ListComprehension, "");
    }
    if (peek().is("(") || (peek().kind == TokenKind::Identifier && peek(1).is("=") && peek(2).is("("))) {
        if (auto comprehension = try_pattern_comprehension(start)) return comprehension;
    }
    auto list = make(ExpressionKind::ListLiteral, start);
    if (!peek().is("]")) {
        do {
            list->children.push_back(expression());
        } while (accept(","));
    }
    expect("]");
    return list;
}

// [p = (a)-->(b) WHERE ... | projection]; nullptr (and nothing consumed) when the brackets hold a list.
ExpressionPtr Parser::try_pattern_comprehension(const Token& start)
{
    auto saved = at_;
    std::shared_ptr<ast::PatternPart> part;
    try {
        part = std::make_shared<ast::PatternPart>(pattern_part());
    } catch (const Error&) {
        at_ = saved;
        return nullptr;
    }
    if (part->relationships.empty() || (!peek().is("|") && !at_keyword("WHERE"))) {
        at_ = saved;
        return nullptr;
    }
    auto comprehension = make(ExpressionKind::PatternComprehension, start);
    comprehension->pattern = std::move(part);
    comprehension->children.push_back(accept_keyword("WHERE") ? comprehension_predicate() : nullptr);
    expect("|");
    comprehension->children.push_back(expression());
    expect("]");
    return comprehension;
}

ExpressionPtr Parser::parenthesized_atom()
{
    if (auto predicate = try_pattern_predicate()) return predicate;
    next();
    auto inner = expression();
    expect(")");
    return inner;
}

// (a)-[:T]->(b) used as a predicate; nullptr (and nothing consumed) when the parentheses hold an expression.
ExpressionPtr Parser::try_pattern_predicate()
{
    auto saved = at_;
    const Token& start = peek();
    std::shared_ptr<ast::PatternPart> part;
    try {
        part = std::make_shared<ast::PatternPart>(pattern_part());
    } catch (const Error&) {
        at_ = saved;
        return nullptr;
    }
    if (part->relationships.empty()) {
        at_ = saved;
        return nullptr;
    }
    auto predicate = make(ExpressionKind::PatternPredicate, start);
    predicate->pattern = std::move(part);
    return predicate;
}

ExpressionPtr Parser::case_expression()
{
    const Token& start = next();
    auto expression = make(ExpressionKind::Case, start);
    if (!at_keyword("WHEN")) {
        expression->has_subject = true;
        expression->children.push_back(this->expression());
    }
    if (!at_keyword("WHEN")) fail(peek(), "expected WHEN in CASE");
    while (accept_keyword("WHEN")) {
        expression->children.push_back(this->expression());
        expect_keyword("THEN");
        expression->children.push_back(this->expression());
    }
    if (accept_keyword("ELSE")) {
        expression->has_else = true;
        expression->children.push_back(this->expression());
    }
    expect_keyword("END");
    return expression;
}

ExpressionPtr Parser::name_atom()
{
    const Token& token = peek();
    if (!token.quoted) {
        if (at_keyword("true") || at_keyword("false")) {
            auto literal = make(ExpressionKind::Literal, token);
            literal->literal = Value::boolean(at_keyword("true"));
            next();
            return literal;
        }
        if (at_keyword("null")) {
            next();
            return make(ExpressionKind::Literal, token);
        }
        if (at_keyword("CASE")) return case_expression();
        if (peek(1).is("{") && (at_keyword("EXISTS") || at_keyword("COUNT") || at_keyword("COLLECT"))) {
            return subquery_expression();
        }
        if (peek(1).is("(")) {
            for (std::string_view quantifier : {"all", "any", "none", "single"}) {
                if (at_keyword(quantifier) && peek(2).kind == TokenKind::Identifier && at_keyword("IN", 3)) {
                    next();
                    return filter_form(token, ExpressionKind::Quantifier, std::string(quantifier));
                }
            }
            if (at_keyword("reduce")) return reduce_form(token);
        }
    }
    // A function name may have namespaces: a.b.c(...).
    std::size_t length = 1;
    while (peek(length).is(".") && peek(length + 1).kind == TokenKind::Identifier) length += 2;
    if (peek(length).is("(") && !token.quoted) {
        std::string function;
        for (std::size_t i = 0; i < length; ++i) function += next().text;
        return function_call(token, std::move(function));
    }
    auto variable = make(ExpressionKind::Variable, token);
    variable->name = next().text;
    if (peek().is("{")) return map_projection(std::move(variable));
    return variable;
}

ExpressionPtr Parser::function_call(const Token& name_token, std::string function)
{
    expect("(");
    auto call = make(ExpressionKind::FunctionCall, name_token);
    call->name = std::move(function);
    if (accept("*")) {
        // count(*) is the only call with a star.
        if (call->name.size() != 5 || fold_case(call->name) != "count") fail(name_token, "only count takes *");
        call->kind = ExpressionKind::CountStar;
        expect(")");
        return call;
    }
    call->distinct = accept_keyword("DISTINCT");
    if (!peek().is(")")) {
        do {
            call->children.push_back(expression());
        } while (accept(","));
    }
    expect(")");
    return call;
}

// [x IN list WHERE predicate | projection] and all/any/none/single(x IN list WHERE predicate).
ExpressionPtr Parser::filter_form(const Token& start, ExpressionKind kind, std::string quantifier)
{
    if (kind == ExpressionKind::Quantifier) expect("(");
    auto expression = make(kind, start);
    expression->name = name("a variable");
    if (!quantifier.empty()) expression->keys.push_back(std::move(quantifier));
    expect_keyword("IN");
    expression->children.push_back(this->expression());
    expression->children.push_back(accept_keyword("WHERE") ? comprehension_predicate() : nullptr);
    if (kind == ExpressionKind::ListComprehension) {
        expression->children.push_back(accept("|") ? this->expression() : nullptr);
        expect("]");
    } else {
        if (!expression->children[1]) fail(peek(), "a quantifier needs WHERE and a predicate");
        expect(")");
    }
    return expression;
}

ExpressionPtr Parser::reduce_form(const Token& start)
{
    next();
    expect("(");
    auto expression = make(ExpressionKind::Reduce, start);
    expression->keys.push_back(name("an accumulator"));
    expect("=");
    expression->children.push_back(this->expression());
    expect(",");
    expression->name = name("a variable");
    expect_keyword("IN");
    expression->children.push_back(this->expression());
    expect("|");
    expression->children.push_back(this->expression());
    expect(")");
    return expression;
}

ExpressionPtr Parser::map_projection(ExpressionPtr base)
{
    const Token& start = expect("{");
    auto projection = make(ExpressionKind::MapProjection, start);
    projection->where = base->where;
    projection->children.push_back(std::move(base));
    if (!peek().is("}")) {
        do {
            ast::MapProjectionItem item;
            if (accept(".")) {
                if (accept("*")) {
                    item.kind = ast::MapProjectionItem::Kind::AllProperties;
                } else {
                    item.kind = ast::MapProjectionItem::Kind::Property;
                    item.key = name("a property name");
                }
            } else if (peek().kind == TokenKind::Identifier && peek(1).is(":")) {
                item.kind = ast::MapProjectionItem::Kind::Entry;
                item.key = next().text;
                next();
                item.child = static_cast<int>(projection->children.size());
                projection->children.push_back(expression());
            } else {
                item.kind = ast::MapProjectionItem::Kind::Variable;
                item.key = name("a property selector");
            }
            projection->map_items.push_back(std::move(item));
        } while (accept(","));
    }
    expect("}");
    return projection;
}

// The WHERE of a list or pattern comprehension or a quantifier: there `|` ends it (the projection follows), so a
// label expression in it takes `|` only inside parentheses.
ExpressionPtr Parser::comprehension_predicate()
{
    bool bar_allowed = label_bar_allowed_;
    label_bar_allowed_ = false;
    auto predicate = expression();
    label_bar_allowed_ = bar_allowed;
    return predicate;
}

}  // namespace actorgraph::cypher
