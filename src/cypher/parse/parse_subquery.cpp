// EXISTS { ... }: a subquery in an expression. The full form holds clauses (`EXISTS { MATCH ... RETURN ... }`,
// UNION allowed); the short form a pattern with an optional WHERE (`EXISTS { (a)-->(b) WHERE ... }`), which
// the parser turns into a one-clause MATCH so that binding and execution have a single shape to handle.
#include "cypher/parse/parser.hpp"

namespace actorgraph::cypher {

// A clause starts with a keyword; a pattern with '(' or a path name followed by '='.
bool Parser::at_subquery_clause() const
{
    return peek().kind == TokenKind::Identifier && !peek().quoted && !peek(1).is("=");
}

ast::ExpressionPtr Parser::existential_subquery()
{
    const Token& start = next();  // EXISTS
    Nesting nesting(*this);
    if (subquery_depth_ >= max_subquery_nesting) {
        fail_detail(start, "NestingTooDeep",
                    "EXISTS subqueries nest deeper than " + std::to_string(max_subquery_nesting) + " levels");
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
    if (at_subquery_clause()) {
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
    if (!peek().is("}")) fail(peek(), "expected '}' to close EXISTS { ... } but found " + describe_token(peek()));
    next();
    auto expression = make(ast::ExpressionKind::Existential, start);
    expression->subquery = std::move(query);
    return expression;
}

}  // namespace actorgraph::cypher
