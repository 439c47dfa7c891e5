#pragma once
// Bounds on what the readers accept, so a hostile or broken file gets a clear Error instead of
// exhausting memory, the stack or the CPU. Each default is far above any real influence network;
// README.md ("What inputs are rejected, and why") explains each one.
#include <cstddef>
#include <string>

namespace actorgraph {

struct InputLimits {
    /// Bytes of one input file or text (read_file stops reading there, readers check text length).
    std::size_t max_file_bytes = std::size_t{256} << 20;
    /// DOT tokens of a file, or one per `min_bytes_per_token` bytes of it when that is more (see
    /// token_limit); the reader indexes every token (32 bytes) before building the graph.
    std::size_t max_tokens = 8'000'000;
    /// What we write never has fewer bytes per token than this (`  ab -> cd;` has 3; generated graphs about
    /// 5), so any DOT file we write reads back, while a file of bare `;` still meets a limit.
    std::size_t min_bytes_per_token = 3;
    /// CSV cells of one file. The reader streams records, so a cell costs only the property it becomes; a
    /// 1M-actor, 4M-relation export has 37 million.
    std::size_t max_cells = 64'000'000;
    /// Depth of DOT `{ }` nesting; cgraph's parser gives up (and its teardown recurses) beyond a few thousand.
    std::size_t max_nesting = 1000;
    /// Distinct DOT attribute names, GraphML keys, or CSV columns (a CSV record may not be wider than its header).
    std::size_t max_attribute_names = 10'000;
    /// Objects times attribute names: cgraph stores a value slot for every declared attribute on every
    /// node and edge, and GraphML key defaults apply to every element, so this product is the real cost.
    std::size_t max_attribute_slots = 50'000'000;
    /// Not a bound: a CSV file of at least this many bytes is read in two halves on two threads (same
    /// result; tests set 0 to read small files that way).
    std::size_t parallel_csv_bytes = std::size_t{16} << 20;
};

/// The DOT tokens a text of `bytes` bytes may hold: max_tokens, or bytes / min_bytes_per_token when more.
[[nodiscard]] std::size_t token_limit(std::size_t bytes, const InputLimits& limits);

/// Throws Error naming the file when a file of `bytes` could not be read back with the default limits
/// (over max_file_bytes): what we save, we read back, so it is refused before anything is written.
void require_readable_size(std::size_t bytes, const std::string& file);

/// Throws Error naming the file when `bytes` is above limits.max_file_bytes.
void require_input_size(std::size_t bytes, const std::string& file, const InputLimits& limits);

}  // namespace actorgraph
