// CALL { ... }: runs once per input row from the variables its importing WITH names (or from none). A
// returning subquery multiplies each row by the rows it returns (a row it returns nothing for is dropped); a
// unit subquery (no RETURN) runs for its changes and passes each row on unchanged. Its writes are the
// statement's: the session puts the graph back if anything after them fails.
#include <algorithm>
#include <iterator>

#include "cypher/bind/clause_rules.hpp"
#include "cypher/execute/executor.hpp"

namespace actorgraph::cypher {

void Executor::call_subquery(Table& table, const ast::Clause& clause)
{
    const auto& query = *clause.subquery;
    auto is_outer = [&](const std::string& name) {
        return std::find(table.columns.begin(), table.columns.end(), name) != table.columns.end();
    };
    std::vector<bool> imports;
    for (const auto& part : query.parts) imports.push_back(is_importing_with(part.clauses[0], is_outer));
    Columns added;
    std::vector<Row> output;
    for (const auto& input : table.rows) {
        std::vector<Table> sides;
        for (std::size_t i = 0; i < query.parts.size(); ++i) {
            // Only an importing WITH reads the outer row: anything else inside starts from one empty row.
            Table start = imports[i] ? Table{table.columns, {input}} : Table{{}, {Row{}}};
            sides.push_back(single_query(query.parts[i], std::move(start)));
        }
        Table returned = union_of(query, std::move(sides));
        if (returned.columns.empty()) {  // a unit subquery: the row passes on
            output.push_back(input);
            continue;
        }
        added = returned.columns;
        for (auto& inner : returned.rows) {
            Row row = input;
            row.insert(row.end(), std::make_move_iterator(inner.begin()), std::make_move_iterator(inner.end()));
            output.push_back(std::move(row));
            context_.check_rows(output.size());
        }
    }
    const auto& last = query.parts[0].clauses.back();
    if (table.rows.empty() && last.kind == ast::ClauseKind::Return) {
        // No input row ran the subquery: its columns are still bound for the clauses after it.
        for (const auto& item : last.projection.items) added.push_back(item.alias);
    }
    table.columns.insert(table.columns.end(), added.begin(), added.end());
    table.rows = std::move(output);
}

}  // namespace actorgraph::cypher
