#pragma once
// A recursive-descent parser for openCypher statements. Nesting is bounded (max_nesting) so no input can
// exhaust the stack; past the bound the statement fails with a SyntaxError naming the position.
#include <string_view>
#include <vector>

#include "cypher/parse/ast.hpp"
#include "actorgraph/cypher/output.hpp"  // split_statements
#include "cypher/parse/lexer.hpp"

namespace actorgraph::cypher {

/// The deepest nesting of expressions and patterns a statement may have.
inline constexpr int max_nesting = 400;

/// The tallest expression tree (a long chain like 1+1+...+1 is tall without being nested).
inline constexpr int max_expression_height = 1000;

/// The deepest nesting of subqueries, EXISTS/COUNT/COLLECT/CALL { ... } (each level costs the executor a clause
/// run on the stack).
inline constexpr int max_subquery_nesting = 40;

/// Parses one statement (optionally ending in ';'); throws Error(SyntaxError) with line:column.
[[nodiscard]] ast::Query parse_query(std::string_view query);

/// A token as an error message names it: 'MATCH', a string, the end of the query.
[[nodiscard]] std::string describe_token(const Token& token);


class Parser {
public:
    explicit Parser(std::string_view query);
    ast::Query query();

private:
    // Clauses (parser.cpp).
    ast::SingleQuery single_query();
    ast::Clause clause();
    void match_clause(ast::Clause& clause);
    void call_clause(ast::Clause& clause);
    void call_subquery(ast::Clause& clause);  // parse_subquery.cpp
    void projection(ast::Projection& projection, bool is_with);
    std::vector<ast::SetItem> set_items();
    std::vector<ast::SetItem> remove_items();
    void merge_actions(ast::Clause& clause);

    // Patterns (parser.cpp).
    ast::Pattern pattern();
    ast::PatternPart pattern_part();
    void pattern_element(ast::PatternPart& part);
    ast::NodePattern node_pattern();
    [[nodiscard]] bool at_quantifier() const;
    std::string path_search_prefix();
    std::optional<std::int64_t> hop_bound();
    void quantify(ast::RelationshipPattern& relationship);
    ast::RelationshipPattern relationship_pattern();
    void relationship_detail(ast::RelationshipPattern& relationship);
    ast::ExpressionPtr properties_or_null();
    [[nodiscard]] bool at_element_filler() const;

    // Label expressions (parse_labels.cpp).
    [[nodiscard]] bool at_label_start(std::size_t ahead) const;
    /// Takes `:` or IS when a label expression follows.
    bool accept_label_prefix();
    ast::LabelExpression label_expression_after_colon();
    ast::LabelExpression label_disjunction();
    ast::LabelExpression label_conjunction();
    ast::LabelExpression label_factor();
    void node_labels(ast::NodePattern& node);
    void relationship_types(ast::RelationshipPattern& relationship);
    /// The labels of a LabelCheck, after its `:` or IS.
    void label_check(ast::Expression& check);

    // Expressions (parse_expression.cpp).
    ast::ExpressionPtr expression();
    ast::ExpressionPtr or_expression();
    ast::ExpressionPtr xor_expression();
    ast::ExpressionPtr and_expression();
    ast::ExpressionPtr not_expression();
    ast::ExpressionPtr comparison();
    ast::ExpressionPtr predicate_expression();
    ast::ExpressionPtr additive();
    ast::ExpressionPtr multiplicative();
    ast::ExpressionPtr power();
    ast::ExpressionPtr unary();
    ast::ExpressionPtr postfix();
    ast::ExpressionPtr atom();
    ast::ExpressionPtr number_literal(bool negative);
    [[noreturn]] void invalid_number(const Token& token) const;
    ast::ExpressionPtr bracket_atom();
    ast::ExpressionPtr parenthesized_atom();
    ast::ExpressionPtr map_literal();
    ast::ExpressionPtr case_expression();
    ast::ExpressionPtr name_atom();
    ast::ExpressionPtr function_call(const Token& name_token, std::string name);
    ast::ExpressionPtr comprehension_predicate();
    ast::ExpressionPtr filter_form(const Token& start, ast::ExpressionKind kind, std::string quantifier);
    ast::ExpressionPtr reduce_form(const Token& start);
    ast::ExpressionPtr map_projection(ast::ExpressionPtr base);
    ast::ExpressionPtr try_pattern_comprehension(const Token& start);
    ast::ExpressionPtr try_pattern_predicate();
    ast::ExpressionPtr subquery_expression();  // parse_subquery.cpp: EXISTS/COUNT/COLLECT { ... }
    std::shared_ptr<ast::Query> subquery_body(const Token& start, const std::string& what, bool short_form);
    [[nodiscard]] bool at_subquery_clause() const;

    // Tokens.
    [[nodiscard]] const Token& peek(std::size_t ahead = 0) const;
    const Token& next();
    [[nodiscard]] bool at_keyword(std::string_view word, std::size_t ahead = 0) const;
    bool accept_keyword(std::string_view word);
    void expect_keyword(std::string_view word);
    bool accept(std::string_view punctuation);
    const Token& expect(std::string_view punctuation);
    std::string name(std::string_view what);
    [[noreturn]] void fail(const Token& at, const std::string& message) const;
    [[noreturn]] void fail_detail(const Token& at, const std::string& detail, const std::string& message) const;
    [[nodiscard]] std::string text_since(const Token& start) const;
    ast::ExpressionPtr make(ast::ExpressionKind kind, const Token& at) const;
    ast::ExpressionPtr seal(ast::ExpressionPtr expression, const Token& at) const;
    ast::ExpressionPtr make_binary(ast::Operator op, ast::ExpressionPtr left, ast::ExpressionPtr right, const Token& at);

    // Bounds the recursion: one level per nested expression or pattern.
    struct Nesting {
        explicit Nesting(Parser& parser);
        ~Nesting() { --parser.depth_; }
        Nesting(const Nesting&) = delete;
        Nesting& operator=(const Nesting&) = delete;
        Parser& parser;
    };

    std::string_view text_;
    std::vector<Token> tokens_;
    std::size_t at_ = 0;
    int depth_ = 0;
    int subquery_depth_ = 0;
    bool label_bar_allowed_ = true;  ///< false in a comprehension's WHERE, where `|` starts the projection
};

}  // namespace actorgraph::cypher
