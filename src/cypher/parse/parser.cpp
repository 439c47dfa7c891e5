#include "cypher/parse/parser.hpp"

#include <algorithm>

namespace actorgraph::cypher {

namespace {

bool same_word(std::string_view a, std::string_view b)
{
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char x = a[i], y = b[i];
        if (x >= 'a' && x <= 'z') x = static_cast<char>(x - 'a' + 'A');
        if (y >= 'a' && y <= 'z') y = static_cast<char>(y - 'a' + 'A');
        if (x != y) return false;
    }
    return true;
}

}  // namespace

std::string describe_token(const Token& token)
{
    if (token.kind == TokenKind::End) return "the end of the query";
    if (token.kind == TokenKind::String) return "a string";
    return "'" + (token.kind == TokenKind::Parameter ? "$" + token.text : token.text) + "'";
}

Parser::Parser(std::string_view query) : text_(query), tokens_(tokenize(query)) {}

Parser::Nesting::Nesting(Parser& owner) : parser(owner)
{
    if (++parser.depth_ > max_nesting) {
        --parser.depth_;
        parser.fail_detail(parser.peek(), "NestingTooDeep",
                           "the query nests deeper than " + std::to_string(max_nesting) + " levels");
    }
}

const Token& Parser::peek(std::size_t ahead) const
{
    return tokens_[std::min(at_ + ahead, tokens_.size() - 1)];
}

const Token& Parser::next()
{
    const Token& token = tokens_[at_];
    if (at_ + 1 < tokens_.size()) ++at_;
    return token;
}

bool Parser::at_keyword(std::string_view word, std::size_t ahead) const
{
    const auto& token = peek(ahead);
    return token.kind == TokenKind::Identifier && !token.quoted && same_word(token.text, word);
}

bool Parser::accept_keyword(std::string_view word)
{
    if (!at_keyword(word)) return false;
    next();
    return true;
}

void Parser::expect_keyword(std::string_view word)
{
    if (!accept_keyword(word)) fail(peek(), "expected " + std::string(word) + " but found " + describe_token(peek()));
}

bool Parser::accept(std::string_view punctuation)
{
    if (!peek().is(punctuation)) return false;
    next();
    return true;
}

const Token& Parser::expect(std::string_view punctuation)
{
    if (!peek().is(punctuation)) {
        fail(peek(), "expected '" + std::string(punctuation) + "' but found " + describe_token(peek()));
    }
    return next();
}

std::string Parser::name(std::string_view what)
{
    if (peek().kind != TokenKind::Identifier) {
        fail(peek(), "expected " + std::string(what) + " but found " + describe_token(peek()));
    }
    return next().text;
}

void Parser::fail(const Token& at, const std::string& message) const
{
    fail_detail(at, "UnexpectedSyntax", message);
}

void Parser::fail_detail(const Token& at, const std::string& detail, const std::string& message) const
{
    throw Error(ErrorClass::SyntaxError, detail, Phase::compile, message, at.where);
}

std::string Parser::text_since(const Token& start) const
{
    const auto& last = tokens_[at_ > 0 ? at_ - 1 : 0];
    auto end = last.offset + last.length;
    if (end <= start.offset) return {};
    return std::string(text_.substr(start.offset, end - start.offset));
}

ast::Query Parser::query()
{
    ast::Query result;
    result.parts.push_back(single_query());
    while (accept_keyword("UNION")) {
        result.union_all.push_back(accept_keyword("ALL"));
        result.parts.push_back(single_query());
    }
    accept(";");
    if (peek().kind != TokenKind::End) fail(peek(), "unexpected " + describe_token(peek()));
    return result;
}

ast::SingleQuery Parser::single_query()
{
    ast::SingleQuery query;
    while (peek().kind != TokenKind::End && !peek().is(";") && !peek().is("}") && !at_keyword("UNION")) {
        query.clauses.push_back(clause());
    }
    if (query.clauses.empty()) fail(peek(), "expected a clause (MATCH, RETURN, CREATE, ...) but found " + describe_token(peek()));
    return query;
}

ast::Clause Parser::clause()
{
    ast::Clause clause;
    const Token& start = peek();
    clause.where = start.where;
    if (accept_keyword("OPTIONAL")) {
        clause.optional = true;
        if (!at_keyword("MATCH")) fail(peek(), "expected MATCH after OPTIONAL");
    }
    if (accept_keyword("MATCH")) {
        clause.kind = ast::ClauseKind::Match;
        match_clause(clause);
    } else if (accept_keyword("UNWIND")) {
        clause.kind = ast::ClauseKind::Unwind;
        clause.expression = expression();
        expect_keyword("AS");
        clause.variable = name("a variable");
    } else if (accept_keyword("WITH")) {
        clause.kind = ast::ClauseKind::With;
        projection(clause.projection, true);
    } else if (accept_keyword("RETURN")) {
        clause.kind = ast::ClauseKind::Return;
        projection(clause.projection, false);
    } else if (accept_keyword("CREATE")) {
        clause.kind = ast::ClauseKind::Create;
        clause.pattern = pattern();
    } else if (accept_keyword("MERGE")) {
        clause.kind = ast::ClauseKind::Merge;
        clause.pattern.push_back(pattern_part());
        merge_actions(clause);
    } else if (accept_keyword("SET")) {
        clause.kind = ast::ClauseKind::Set;
        clause.items = set_items();
    } else if (accept_keyword("REMOVE")) {
        clause.kind = ast::ClauseKind::Remove;
        clause.items = remove_items();
    } else if (at_keyword("DETACH") || at_keyword("DELETE")) {
        clause.kind = ast::ClauseKind::Delete;
        clause.detach = accept_keyword("DETACH");
        expect_keyword("DELETE");
        do {
            clause.deleted.push_back(expression());
        } while (accept(","));
    } else if (accept_keyword("CALL")) {
        clause.kind = ast::ClauseKind::Call;
        call_clause(clause);
    } else {
        fail(peek(), "expected a clause (MATCH, RETURN, WITH, UNWIND, CREATE, MERGE, SET, REMOVE, DELETE) but found " +
                         describe_token(peek()));
    }
    return clause;
}

void Parser::match_clause(ast::Clause& clause)
{
    clause.pattern = pattern();
    if (accept_keyword("WHERE")) clause.predicate = expression();
}

void Parser::call_clause(ast::Clause& clause)
{
    auto& call = clause.call;
    if (peek().is("{")) return call_subquery(clause);
    call.name = name("a procedure name");
    while (accept(".")) call.name += "." + name("a procedure name");
    call.arguments_where = peek().where;
    if (accept("(")) {
        if (!peek().is(")")) {
            do {
                call.arguments.push_back(expression());
            } while (accept(","));
        }
        expect(")");
    } else {
        call.implicit_arguments = true;
    }
    if (!accept_keyword("YIELD")) return;
    call.has_yield = true;
    if (accept("*")) {
        call.yield_star = true;
    } else {
        do {
            ast::YieldItem item;
            item.where = peek().where;
            item.field = name("a procedure output");
            item.alias = accept_keyword("AS") ? name("a variable") : item.field;
            call.yields.push_back(std::move(item));
        } while (accept(","));
    }
    if (accept_keyword("WHERE")) clause.predicate = expression();
}

void Parser::projection(ast::Projection& projection, bool is_with)
{
    projection.distinct = accept_keyword("DISTINCT");
    if (accept("*")) {
        projection.star = true;
        if (!accept(",")) goto tail;
    }
    do {
        ast::ProjectionItem item;
        const Token& start = peek();
        item.expression = expression();
        item.alias = text_since(start);
        if (accept_keyword("AS")) {
            item.alias = name("an alias");
            item.has_alias = true;
        }
        projection.items.push_back(std::move(item));
    } while (accept(","));
tail:
    if (accept_keyword("ORDER")) {
        expect_keyword("BY");
        do {
            ast::SortItem item;
            item.expression = expression();
            if (accept_keyword("DESC") || accept_keyword("DESCENDING")) {
                item.descending = true;
            } else if (!accept_keyword("ASC")) {
                accept_keyword("ASCENDING");
            }
            projection.order_by.push_back(std::move(item));
        } while (accept(","));
    }
    if (accept_keyword("SKIP") || accept_keyword("OFFSET")) projection.skip = expression();  // OFFSET: the grammar's synonym
    if (accept_keyword("LIMIT")) projection.limit = expression();
    if (is_with && accept_keyword("WHERE")) projection.where = expression();
}

std::vector<ast::SetItem> Parser::set_items()
{
    std::vector<ast::SetItem> items;
    do {
        ast::SetItem item;
        const Token& start = peek();
        item.where = start.where;
        if (start.kind == TokenKind::Identifier && (peek(1).is("=") || peek(1).is("+=") || peek(1).is(":"))) {
            item.variable = next().text;
            if (accept(":")) {
                item.kind = ast::SetItem::Kind::Labels;
                do {
                    item.labels.push_back(name("a label"));
                } while (accept(":"));
            } else {
                item.kind = next().text == "=" ? ast::SetItem::Kind::Replace : ast::SetItem::Kind::Merge;
                item.value = expression();
            }
        } else {
            item.kind = ast::SetItem::Kind::Property;
            item.target = postfix();
            if (item.target->kind != ast::ExpressionKind::Property) fail(start, "expected a property to set (n.key = ...)");
            expect("=");
            item.value = expression();
        }
        items.push_back(std::move(item));
    } while (accept(","));
    return items;
}

std::vector<ast::SetItem> Parser::remove_items()
{
    std::vector<ast::SetItem> items;
    do {
        ast::SetItem item;
        const Token& start = peek();
        item.where = start.where;
        if (start.kind == TokenKind::Identifier && peek(1).is(":")) {
            item.kind = ast::SetItem::Kind::Labels;
            item.variable = next().text;
            while (accept(":")) item.labels.push_back(name("a label"));
        } else {
            item.kind = ast::SetItem::Kind::Property;
            item.target = postfix();
            if (item.target->kind != ast::ExpressionKind::Property) fail(start, "expected a property or labels to remove");
        }
        items.push_back(std::move(item));
    } while (accept(","));
    return items;
}

void Parser::merge_actions(ast::Clause& clause)
{
    while (at_keyword("ON")) {
        next();
        bool on_create = accept_keyword("CREATE");
        if (!on_create) expect_keyword("MATCH");
        expect_keyword("SET");
        auto items = set_items();
        auto& target = on_create ? clause.on_create : clause.on_match;
        for (auto& item : items) target.push_back(std::move(item));
    }
}

ast::Pattern Parser::pattern()
{
    ast::Pattern result;
    do {
        result.push_back(pattern_part());
    } while (accept(","));
    return result;
}

ast::PatternPart Parser::pattern_part()
{
    Nesting nesting(*this);
    ast::PatternPart part;
    part.where = peek().where;
    if (peek().kind == TokenKind::Identifier && peek(1).is("=")) {
        part.path_variable = next().text;
        next();
    }
    if ((at_keyword("shortestPath") || at_keyword("allShortestPaths")) && peek(1).is("(")) {
        part.shortest = next().text;
        expect("(");
        pattern_element(part);
        expect(")");
        return part;
    }
    part.shortest = path_search_prefix();
    pattern_element(part);
    return part;
}

void Parser::pattern_element(ast::PatternPart& part)
{
    // A pattern in extra parentheses: ((a)-->(b)).
    if (peek().is("(") && peek(1).is("(")) {
        Nesting nesting(*this);
        next();
        pattern_element(part);
        expect(")");
        if (at_quantifier()) {
            fail_detail(peek(), "UnsupportedPattern",
                        "a quantified path pattern is not supported yet; quantify one relationship "
                        "(-[:T]->{1,3}, -->+) or write -[:T*1..3]->");
        }
        return;
    }
    part.nodes.push_back(node_pattern());
    while (peek().is("-") || (peek().is("<") && peek(1).is("-"))) {
        part.relationships.push_back(relationship_pattern());
        if (at_quantifier()) quantify(part.relationships.back());
        part.nodes.push_back(node_pattern());
    }
}

// The grammar's <path search prefix>, as the legacy functions it means: ANY SHORTEST, SHORTEST 1 and ANY (one
// path per pair of ends: a shortest one is any one) are shortestPath; ALL SHORTEST and SHORTEST [1] GROUP(S)
// are allShortestPaths; ALL alone is every path, as without a prefix. More than one path or group per pair is
// not supported yet.
std::string Parser::path_search_prefix()
{
    auto only_one = [&] {
        const Token& at = peek();
        if (hop_bound().value_or(1) != 1) {
            fail_detail(at, "UnsupportedPattern",
                        "only one path or group per pair of ends is supported; write 1, ANY SHORTEST or ALL SHORTEST");
        }
    };
    auto path_keyword = [&] {
        if (!accept_keyword("PATHS")) accept_keyword("PATH");
    };
    bool shortest_follows = at_keyword("SHORTEST", 1);
    if (at_keyword("ALL") && (shortest_follows || at_keyword("PATH", 1) || at_keyword("PATHS", 1) || peek(1).is("("))) {
        next();
        bool shortest = accept_keyword("SHORTEST");
        path_keyword();
        return shortest ? "allShortestPaths" : "";
    }
    if (at_keyword("ANY") && (shortest_follows || peek(1).kind == TokenKind::Integer || at_keyword("PATH", 1) ||
                              at_keyword("PATHS", 1) || peek(1).is("("))) {
        next();
        if (!accept_keyword("SHORTEST")) only_one();
        path_keyword();
        return "shortestPath";
    }
    if (at_keyword("SHORTEST") && !peek(1).is("=")) {
        next();
        only_one();
        path_keyword();
        if (accept_keyword("GROUP") || accept_keyword("GROUPS")) return "allShortestPaths";
        return "shortestPath";
    }
    return "";
}

// An integer bound of a pattern (a variable length's, a quantifier's, a path search's count), if one is written.
std::optional<std::int64_t> Parser::hop_bound()
{
    if (peek().kind != TokenKind::Integer) return std::nullopt;
    return number_literal(false)->literal.as_integer();
}

bool Parser::at_quantifier() const { return peek().is("+") || peek().is("*") || peek().is("{"); }

// A quantified relationship (the grammar's <graph pattern quantifier> on one relationship): `+` is *1..,
// `*` is *0.., `{n}`, `{m,n}`, `{,n}`, `{m,}` are *n, *m..n, *0..n, *m.. ; the variable is a list, as with *.
void Parser::quantify(ast::RelationshipPattern& relationship)
{
    const Token& at = peek();
    if (relationship.variable_length || relationship.predicate) {
        fail_detail(at, "InvalidRelationshipPattern",
                    "a quantified relationship cannot also have * or WHERE inside its brackets");
    }
    relationship.variable_length = true;
    if (accept("+")) {
        relationship.min_hops = 1;
        return;
    }
    if (accept("*")) {
        relationship.min_hops = 0;
        return;
    }
    expect("{");
    relationship.min_hops = hop_bound();
    if (accept(",")) {
        relationship.min_hops = relationship.min_hops.value_or(0);
        relationship.max_hops = hop_bound();
    } else {
        if (!relationship.min_hops) fail(peek(), "expected a number of repetitions but found " + describe_token(peek()));
        relationship.max_hops = relationship.min_hops;
    }
    expect("}");
}

ast::NodePattern Parser::node_pattern()
{
    ast::NodePattern node;
    node.where = expect("(").where;
    if (peek().kind == TokenKind::Identifier && !at_element_filler()) node.variable = next().text;
    node_labels(node);
    if (accept_keyword("WHERE")) node.predicate = expression();
    else node.properties = properties_or_null();
    expect(")");
    return node;
}

// `(IS A)` and `(WHERE ...)` name no variable: IS or WHERE followed by what it takes is not a variable's name.
bool Parser::at_element_filler() const
{
    if (at_keyword("IS") && at_label_start(1)) return true;
    const auto& after = peek(1);
    return at_keyword("WHERE") && !after.is(")") && !after.is("]") && !after.is(":") && !after.is("{") && !after.is("*");
}

ast::ExpressionPtr Parser::properties_or_null()
{
    if (peek().is("{")) return map_literal();
    if (peek().kind == TokenKind::Parameter) {
        auto parameter = make(ast::ExpressionKind::Parameter, peek());
        parameter->name = next().text;
        return parameter;
    }
    return nullptr;
}

ast::RelationshipPattern Parser::relationship_pattern()
{
    ast::RelationshipPattern relationship;
    relationship.where = peek().where;
    bool left = accept("<");
    expect("-");
    if (accept("[")) {
        relationship_detail(relationship);
        expect("]");
    }
    expect("-");
    bool right = accept(">");
    // <--> is openCypher's spelling of "either direction", like --.
    relationship.direction = left == right ? ast::Direction::Either : left ? ast::Direction::Incoming : ast::Direction::Outgoing;
    return relationship;
}

void Parser::relationship_detail(ast::RelationshipPattern& relationship)
{
    if (peek().kind == TokenKind::Identifier && !at_element_filler()) relationship.variable = next().text;
    relationship_types(relationship);
    auto length_error = [&] {
        fail_detail(peek(), "InvalidRelationshipPattern",
                    "a variable length is written *, *2, *1..3, *..3 or *1.., not " + describe_token(peek()));
    };
    if (peek().is("..") || peek().kind == TokenKind::Integer) length_error();
    if (accept("*")) {
        relationship.variable_length = true;
        if (peek().is("-") || peek().is("+")) length_error();
        relationship.min_hops = hop_bound();
        if (accept("..")) {
            if (peek().is("-")) length_error();
            relationship.max_hops = hop_bound();
        } else {
            relationship.max_hops = relationship.min_hops;
        }
    }
    if (at_keyword("WHERE") && relationship.variable_length) {
        fail_detail(peek(), "InvalidRelationshipPattern",
                    "a variable-length relationship cannot take WHERE; filter its list in the MATCH's WHERE");
    }
    if (accept_keyword("WHERE")) relationship.predicate = expression();
    else relationship.properties = properties_or_null();
}

std::vector<std::string_view> split_statements(std::string_view script)
{
    std::vector<std::string_view> statements;
    std::size_t start = 0;
    char quote = 0;
    for (std::size_t i = 0; i < script.size(); ++i) {
        char c = script[i];
        if (quote != 0) {
            if (c == '\\' && quote != '`') {
                ++i;
            } else if (c == quote) {
                quote = 0;
            }
        } else if (c == '\'' || c == '"' || c == '`') {
            quote = c;
        } else if (c == '/' && i + 1 < script.size() && script[i + 1] == '/') {
            while (i < script.size() && script[i] != '\n') ++i;
        } else if (c == '/' && i + 1 < script.size() && script[i + 1] == '*') {
            auto end = script.find("*/", i + 2);
            i = end == std::string_view::npos ? script.size() : end + 1;
        } else if (c == ';') {
            statements.push_back(script.substr(start, i - start));
            start = i + 1;
        }
    }
    statements.push_back(script.substr(start));
    // Drop statements that are only spaces.
    std::erase_if(statements, [](std::string_view s) {
        return s.find_first_not_of(" \t\r\n") == std::string_view::npos;
    });
    return statements;
}

ast::Query parse_query(std::string_view query)
{
    return Parser(query).query();
}

}  // namespace actorgraph::cypher
