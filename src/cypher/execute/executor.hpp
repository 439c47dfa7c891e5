#pragma once
// Runs a checked statement clause by clause over a table of rows (columns named by variable). Each clause
// reads the table the previous one produced; the first reads one empty row.
#include <functional>
#include <optional>
#include <vector>

#include "cypher/execute/context.hpp"
#include "cypher/parse/ast.hpp"

namespace actorgraph::cypher {

class PatternMatcher;

struct Table {
    Columns columns;
    std::vector<Row> rows;
};

/// Takes one row (valid only during the call); a RowSource calls it for each row it produces, in order.
using RowSink = std::function<void(const Row&)>;
using RowSource = std::function<void(const RowSink&)>;

class Executor {
public:
    explicit Executor(Context& context) : context_(context) {}
    Result run(const ast::Query& query);
    /// EXISTS { query }: whether the subquery, started from the one row given, yields a row (subquery.cpp).
    bool exists(const ast::Query& query, const Columns& columns, const Row& row);
    /// COUNT { query }: how many rows the subquery yields from the one row given (subquery.cpp).
    std::int64_t count(const ast::Query& query, const Columns& columns, const Row& row);
    /// COLLECT { query }: the rows the subquery yields from the one row given (subquery.cpp).
    Table subquery_rows(const ast::Query& query, const Columns& columns, const Row& row);

private:
    /// Runs every single query of `query` from the rows of `start` and joins what they return (UNION).
    Table run_from(const ast::Query& query, const Table& start);
    /// What the single queries of `query` returned, joined as its UNION [ALL] says (columns matched by name).
    Table union_of(const ast::Query& query, std::vector<Table> sides);
    Table single_query(const ast::SingleQuery& query, Table table);
    void call_subquery(Table& table, const ast::Clause& clause);  // call_subquery.cpp
    // subquery.cpp
    void each_match(const ast::Clause& clause, const Columns& columns, const Row& row, const std::function<bool()>& found);
    void run_clauses(Table& table, const ast::SingleQuery& part);
    void run_clause(Table& table, const ast::Clause& clause);
    void match(Table& table, const ast::Clause& clause);
    static bool streams_into_next(const ast::SingleQuery& query, std::size_t i);
    /// MATCH then WITH/RETURN without the table between them: matches stream into the projection.
    void match_then_project(Table& table, const ast::Clause& match_clause, const ast::Projection& projection);
    /// Answers a lone label count from the label index; false (changing nothing) for any other shape.
    bool count_label(Table& table, const ast::Clause& match_clause, const ast::Projection& projection);
    void match_rows(const Table& table, const ast::Clause& clause, PatternMatcher& matcher, const RowSink& take);
    void unwind(Table& table, const ast::Clause& clause);
    void call(Table& table, const ast::Clause& clause, bool standalone);  // call.cpp
    void project(Table& table, const ast::Projection& projection, bool is_return);
    void project(Table& table, const Columns& input_columns, const RowSource& inputs, const ast::Projection& projection,
                 const ast::Clause* lone_match = nullptr);
    void create(Table& table, const ast::Clause& clause);
    void merge(Table& table, const ast::Clause& clause);
    void set(Table& table, const std::vector<ast::SetItem>& items);
    void set_rows(const Columns& columns, std::vector<Row>& rows, const std::vector<ast::SetItem>& items);
    void remove(Table& table, const ast::Clause& clause);
    void delete_entities(Table& table, const ast::Clause& clause);
    void delete_value(const Value& value, bool detach, QueryPosition where);
    void create_part(const ast::PatternPart& part, const Columns& columns, Row& row);
    std::int64_t count_argument(const ast::Expression& expression, const char* clause);
    std::optional<std::size_t> rows_wanted(const ast::Projection& projection);

    Context& context_;
};

}  // namespace actorgraph::cypher
