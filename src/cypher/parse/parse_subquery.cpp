// Subqueries: EXISTS { ... }, COUNT { ... } and COLLECT { ... } in expressions, CALL { ... } as a clause.
// The full form holds clauses (`EXISTS { MATCH ... RETURN ... }`, UNION allowed); the short form of EXISTS and
// COUNT a pattern with an optional WHERE (`COUNT { (a)-->(b) WHERE ... }`), which the parser turns into a
// one-clause MATCH so that binding and execution have a single shape to handle.
#include "cypher/parse/parser.hpp"

namespace actorgraph::cypher {

// A clause starts with a keyword; a pattern with '(' or a path name followed by '='.
bool Parser::at_subquery_clause() const
{
    return peek().kind == TokenKind::Identifier && !peek().quoted && !peek(1).is("=");
}

// `start` is the keyword before the '{'; the body ends at its '}'.
std::shared_ptr<ast::Query> Parser::subquery_body(const Token& start, const std::string& what, bool short_form)
{
    Nesting nesting(*this);
    if (subquery_depth_ >= max_subquery_nesting) {
        fail_detail(start, "NestingTooDeep",
                    "subqueries nest deeper than " + std::to_string(max_subquery_nesting) + " levels");
    }
    // Restored however the parse ends: a failed pattern comprehension backtracks and parses on.
    struct DepthGuard {
        int& depth;
        explicit DepthGuard(int& d) : depth(d) { ++depth; }
        ~DepthGuard() { --depth; }
        DepthGuard(const DepthGuard&) = delete;
        DepthGuard& operator=(const DepthGuard&) = delete;
    } guard(subquery_depth_);
    expect("{");
    auto query = std::make_shared<ast::Query>();
    if (!short_form || at_subquery_clause()) {
        query->parts.push_back(single_query());
        while (accept_keyword("UNION")) {
            query->union_all.push_back(accept_keyword("ALL"));
            query->parts.push_back(single_query());
        }
    } else {
        ast::Clause match;
        match.kind = ast::ClauseKind::Match;
        match.where = peek().where;
        match_clause(match);
        query->parts.emplace_back().clauses.push_back(std::move(match));
    }
    if (!peek().is("}")) fail(peek(), "expected '}' to close " + what + " { ... } but found " + describe_token(peek()));
    next();
    return query;
}

ast::ExpressionPtr Parser::subquery_expression()
{
    ast::ExpressionKind kind = ast::ExpressionKind::Existential;
    std::string what = "EXISTS";
    if (at_keyword("COUNT")) {
        kind = ast::ExpressionKind::CountSubquery;
        what = "COUNT";
    } else if (at_keyword("COLLECT")) {
        kind = ast::ExpressionKind::CollectSubquery;
        what = "COLLECT";
    }
    const Token& start = next();
    // COLLECT needs a RETURN, so it has no short form (the binder says so when the clauses lack one).
    auto query = subquery_body(start, what, kind != ast::ExpressionKind::CollectSubquery);
    auto expression = make(kind, start);
    expression->subquery = std::move(query);
    return expression;
}

// CALL { ... } [IN TRANSACTIONS is not supported]: the '{' is next.
void Parser::call_subquery(ast::Clause& clause)
{
    const Token& start = peek();
    clause.kind = ast::ClauseKind::Subquery;
    clause.subquery = subquery_body(start, "CALL", false);
    if (at_keyword("IN") && at_keyword("TRANSACTIONS", 1)) {
        fail_detail(peek(), "UnsupportedClause", "CALL { ... } IN TRANSACTIONS is not supported: a statement is one transaction");
    }
}

}  // namespace actorgraph::cypher
