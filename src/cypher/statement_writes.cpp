#include "actorgraph/cypher/statement_writes.hpp"

#include "cypher/bind/binder.hpp"
#include "cypher/parse/parser.hpp"

namespace actorgraph::cypher {

// The same test Session::run makes to decide whether to keep the graph for putting it back on failure.
bool statement_writes(std::string_view statement) { return writes(parse_query(statement)); }

}  // namespace actorgraph::cypher
