#pragma once
// The ORDER BY and LIMIT part of a projection: rows in the order ORDER BY gives, ties in the order they came.
// With a LIMIT only the first SKIP + LIMIT rows are kept while rows arrive (a bounded heap over their sort
// keys), so a top 10 of 600k groups holds ten rows, not 600k.
#include <functional>
#include <optional>
#include <vector>

#include "cypher/execute/context.hpp"
#include "cypher/parse/ast.hpp"

namespace actorgraph::cypher {

class OrderedRows {
public:
    /// Fills `keys` with a row's sort keys, one per ORDER BY item.
    using KeysOf = std::function<void(const Row& row, Row& keys)>;
    /// `wanted`: SKIP + LIMIT, the rows that can be returned (nullopt: all).
    OrderedRows(const std::vector<ast::SortItem>& order_by, KeysOf keys_of, std::optional<std::size_t> wanted);

    /// Takes the row; its values may be moved from (the caller may reuse the vector).
    void add(Row& row);
    /// How many rows are kept now.
    [[nodiscard]] std::size_t size() const noexcept { return entries_.size(); }
    /// The rows kept, in order.
    [[nodiscard]] std::vector<Row> take();

private:
    struct Entry {
        Row keys;
        Row row;
        std::size_t sequence = 0;
    };
    [[nodiscard]] bool before(const Row& a_keys, std::size_t a_sequence, const Row& b_keys,
                              std::size_t b_sequence) const;
    [[nodiscard]] bool entry_before(const Entry& a, const Entry& b) const;

    const std::vector<ast::SortItem>& order_by_;
    KeysOf keys_of_;
    std::optional<std::size_t> wanted_;
    std::vector<Entry> entries_;  ///< a heap with the last in order on top when `wanted_` bounds it
    std::size_t added_ = 0;
    Row scratch_keys_;
};

}  // namespace actorgraph::cypher
