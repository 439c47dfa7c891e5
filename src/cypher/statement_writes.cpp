#include "actorgraph/cypher/statement_writes.hpp"

#include "cypher/bind/binder.hpp"
#include "cypher/parse/parser.hpp"

namespace actorgraph::cypher {

// Whether the statement has a writing clause (CREATE, MERGE, SET, REMOVE, DELETE), as the binder decides it.
bool statement_writes(std::string_view statement) { return writes(parse_query(statement)); }

}  // namespace actorgraph::cypher
