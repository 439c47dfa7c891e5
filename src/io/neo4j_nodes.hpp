#pragma once
// The node files of a Neo4j import CSV: records become actors (id, caption, kind from the labels, properties).
#include <optional>
#include <string>
#include <vector>

#include "actorgraph/model/graph.hpp"
#include "io/csv_parser.hpp"
#include "io/neo4j_labels.hpp"
#include "io/neo4j_table.hpp"

namespace actorgraph::neo4j {

/// Reads node records into actors; never touches the graph, so the second half of a big file is read
/// on a second thread while the first half's actors are added (csv_halves.hpp).
class NodeReader {
public:
    /// `options` (may be null: a plain nodes.csv) must outlive the reader, as must the table.
    NodeReader(const Table& table, const FileName& file, PropertyArena& arena, const ReadOptions* options = nullptr);

    /// Reads until the parser stops, giving each actor to `add(Actor&&)`; asks `keep_going()` every 256.
    template <typename Add, typename Warn, typename KeepGoing>
    void read(csv::CsvParser& parser, Add add, Warn /*no warnings*/, KeepGoing keep_going)
    {
        csv::Record record;
        for (std::size_t count = 1; parser.next(record); ++count) {
            require_width(record, table_, file_);
            add(actor(record));
            if (count % 256 == 0 && !keep_going()) return;
        }
    }

private:
    Actor actor(const csv::Record& record);
    [[nodiscard]] std::string caption(const csv::Record& record) const;

    const Table& table_;
    FileName file_;
    const ReadOptions* options_;
    PropertyColumns properties_;
    std::string_view array_delimiter_;
    std::string id_property_;                    // the :ID column's name, kept as a property as neo4j-admin does
    std::optional<CaptionTemplate> caption_;     // when the file has no name/label column
    std::vector<std::size_t> caption_columns_;   // the template's columns (size() = absent)
    mutable std::vector<std::string_view> caption_values_;
};

}  // namespace actorgraph::neo4j
