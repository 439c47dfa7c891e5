#pragma once
// cgraph does not tell where a node or edge was written, so a light tokenizer over the
// same text finds the line of each node's first mention and of each edge statement. The same
// pass checks the text against InputLimits before cgraph sees it.
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "actorgraph/io/limits.hpp"

namespace actorgraph::dot {

/// Lines of node mentions and edge operators in a DOT text.
class LineIndex {
public:
    /// Throws Error naming `file` when the text breaks a limit (tokens, nesting, attribute slots).
    LineIndex(std::string_view text, const std::string& file, const InputLimits& limits);

    /// The line where the node is first mentioned, or 0 when not found.
    [[nodiscard]] int node_line(const std::string& name) const;
    /// The line of the `occurrence`-th (0-based) edge written from tail to head, or 0.
    [[nodiscard]] int edge_line(const std::string& tail, const std::string& head, std::size_t occurrence) const;

private:
    std::unordered_map<std::string, int> node_lines_;
    std::map<std::pair<std::string, std::string>, std::vector<int>> edge_lines_;
};

}  // namespace actorgraph::dot
