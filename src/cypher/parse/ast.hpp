#pragma once
// The syntax tree of a statement, every node with the position of its first token. The parser builds it;
// the binder checks it; the executor walks it.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "actorgraph/cypher/error.hpp"
#include "actorgraph/cypher/value.hpp"

namespace actorgraph::cypher::ast {

struct Expression;
using ExpressionPtr = std::unique_ptr<Expression>;
struct PatternPart;
struct Query;

enum class Operator {
    Or, Xor, And, Not,
    Equal, NotEqual, Less, Greater, LessEqual, GreaterEqual,
    Add, Subtract, Multiply, Divide, Modulo, Power, Negate, Plus,
    In, StartsWith, EndsWith, Contains, RegexMatch, IsNull, IsNotNull,
};

enum class ExpressionKind {
    Literal,               ///< literal
    Parameter,             ///< name
    Variable,              ///< name
    Property,              ///< children[0].name
    Subscript,             ///< children[0][children[1]]
    Slice,                 ///< children[0][children[1]..children[2]] (either bound may be null)
    ListLiteral,           ///< children
    MapLiteral,            ///< keys[i]: children[i]
    Unary,                 ///< op children[0]
    Binary,                ///< children[0] op children[1]
    FunctionCall,          ///< name(distinct? children...)
    CountStar,             ///< count(*)
    Case,                  ///< [subject] (when, then)... [else]: see has_subject / has_else
    ListComprehension,     ///< [name IN children[0] WHERE children[1] | children[2]] (1 and 2 may be null)
    Quantifier,            ///< name(variable IN children[0] WHERE children[1]); keys[0] is all/any/none/single
    Reduce,                ///< reduce(keys[0] = children[0], name IN children[1] | children[2])
    PatternComprehension,  ///< [name = pattern WHERE children[0] | children[1]] (children[0] may be null)
    PatternPredicate,      ///< a relationship pattern used as a boolean
    MapProjection,         ///< children[0]{items}; see map_items
    LabelCheck,            ///< children[0]:keys[0]:keys[1]...
    Comparison,            ///< children[0] operators[0] children[1] operators[1] children[2]... (a < b < c)
    Existential,           ///< EXISTS { subquery }: true when the subquery, correlated with the row, yields a row
    CountSubquery,         ///< COUNT { subquery }: the number of rows the correlated subquery yields
    CollectSubquery,       ///< COLLECT { subquery }: the list of the values of its one returned column
};

/// One entry of a map projection `n{.name, .*, key: expression, variable}`.
struct MapProjectionItem {
    enum class Kind { Property, AllProperties, Entry, Variable } kind = Kind::Property;
    std::string key;
    int child = -1;  ///< index into children for Entry
};

/// A label expression (the grammar's <label expression>): a name, `%` (any label), `!e`, `e&f`, `e|f`.
struct LabelExpression {
    enum class Kind { Name, Any, Not, And, Or };
    Kind kind = Kind::Name;
    std::string name;                      ///< Name
    std::vector<LabelExpression> operands; ///< Not (one), And, Or
};
using LabelExpressionPtr = std::shared_ptr<const LabelExpression>;

struct Expression {
    ExpressionKind kind = ExpressionKind::Literal;
    QueryPosition where;
    int height = 1;  ///< levels of the tree below and including this node (the parser bounds it)
    Operator op = Operator::And;
    Value literal;
    std::string name;
    bool distinct = false;
    bool has_subject = false;
    bool has_else = false;
    std::vector<ExpressionPtr> children;
    std::vector<std::string> keys;
    std::vector<MapProjectionItem> map_items;
    std::vector<Operator> operators;  ///< Comparison chains
    std::shared_ptr<PatternPart> pattern;
    LabelExpressionPtr label_expression;  ///< LabelCheck beyond `n:A:B` (`n:A|B`, `n IS !A`): then keys is empty
    std::shared_ptr<Query> subquery;  ///< EXISTS/COUNT/COLLECT: the short form `{ pattern [WHERE ...] }` is one MATCH
};

enum class Direction { Outgoing, Incoming, Either };

struct NodePattern {
    std::string variable;  ///< empty when anonymous
    std::vector<std::string> labels;
    LabelExpressionPtr label_expression;  ///< when the labels are more than `:A:B` (then `labels` is empty)
    ExpressionPtr properties;  ///< a map literal or a parameter, or null
    ExpressionPtr predicate;   ///< (n WHERE ...): checked on each match, or null
    QueryPosition where;
};

struct RelationshipPattern {
    std::string variable;
    std::vector<std::string> types;  ///< any of these; empty means any type
    LabelExpressionPtr type_expression;  ///< when the types are more than `:A|B` (then `types` is empty)
    ExpressionPtr properties;
    Direction direction = Direction::Either;
    bool variable_length = false;
    std::optional<std::int64_t> min_hops, max_hops;  ///< with variable_length; absent bounds are 1 and unbounded
    ExpressionPtr predicate;  ///< -[r WHERE ...]-: checked on each match (fixed length only), or null
    QueryPosition where;
};

/// (a)-[r]->(b)... optionally named `p = ...` or wrapped in shortestPath(...).
struct PatternPart {
    std::string path_variable;
    std::string shortest;  ///< "", "shortestPath" or "allShortestPaths"
    std::vector<NodePattern> nodes;                  ///< n + 1 nodes
    std::vector<RelationshipPattern> relationships;  ///< n relationships
    QueryPosition where;
};

using Pattern = std::vector<PatternPart>;

struct SortItem {
    ExpressionPtr expression;
    bool descending = false;
};

struct ProjectionItem {
    ExpressionPtr expression;
    std::string alias;  ///< the column name: the alias, or the expression as written
    bool has_alias = false;
};

/// The body of WITH and RETURN.
struct Projection {
    bool distinct = false;
    bool star = false;
    std::vector<ProjectionItem> items;
    std::vector<SortItem> order_by;
    ExpressionPtr skip, limit;
    ExpressionPtr where;  ///< WITH ... WHERE
};

struct SetItem {
    enum class Kind { Property, Replace, Merge, Labels } kind = Kind::Property;
    ExpressionPtr target;       ///< Property: the property expression (x.key)
    std::string variable;       ///< Replace/Merge/Labels
    std::vector<std::string> labels;
    ExpressionPtr value;
    QueryPosition where;
};

/// One output of a procedure a CALL ... YIELD takes: `field [AS alias]`.
struct YieldItem {
    std::string field;
    std::string alias;  ///< the variable it binds (the field's name without AS)
    QueryPosition where;
};

/// CALL name.space.proc(arguments) [YIELD items [WHERE predicate]].
struct ProcedureCall {
    std::string name;                     ///< dotted, as written
    std::vector<ExpressionPtr> arguments;
    bool implicit_arguments = false;      ///< no parentheses: the arguments are the parameters named like the inputs
    bool has_yield = false;
    bool yield_star = false;              ///< YIELD *
    std::vector<YieldItem> yields;
    QueryPosition arguments_where;        ///< the '(' (or the name when implicit)
};

enum class ClauseKind { Match, Unwind, With, Return, Create, Merge, Set, Remove, Delete, Call, Subquery };

struct Clause {
    ClauseKind kind = ClauseKind::Match;
    QueryPosition where;
    bool optional = false;            ///< OPTIONAL MATCH
    Pattern pattern;                  ///< MATCH, CREATE, MERGE (one part)
    ExpressionPtr predicate;          ///< MATCH ... WHERE
    ExpressionPtr expression;         ///< UNWIND
    std::string variable;             ///< UNWIND ... AS variable
    Projection projection;            ///< WITH, RETURN
    std::vector<SetItem> items;       ///< SET, REMOVE (Property items' value is null)
    std::vector<SetItem> on_create, on_match;  ///< MERGE
    bool detach = false;              ///< DETACH DELETE
    std::vector<ExpressionPtr> deleted;
    ProcedureCall call;               ///< CALL (its WHERE is `predicate`)
    std::shared_ptr<Query> subquery;  ///< Subquery: CALL { ... }
};

struct SingleQuery {
    std::vector<Clause> clauses;
};

/// Single queries joined by UNION (all_flags[i] joins parts[i] and parts[i + 1]).
struct Query {
    std::vector<SingleQuery> parts;
    std::vector<bool> union_all;
};

}  // namespace actorgraph::cypher::ast
