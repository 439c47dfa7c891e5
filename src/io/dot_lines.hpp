#pragma once
// cgraph does not tell where a node or edge was written, so a light tokenizer over the
// same text finds the line of each node's first mention and of each edge statement. The same
// pass checks the text against InputLimits before cgraph sees it.
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "actorgraph/io/limits.hpp"

namespace actorgraph::dot {

/// A change cgraph_text makes to the text: `erase` bytes at `at` replaced by `insert`.
struct TextEdit {
    std::size_t at = 0;
    std::size_t erase = 0;
    std::string insert;
};

/// Lines of node mentions and edge operators in a DOT text.
class LineIndex {
public:
    /// Throws Error naming `file` when the text breaks a limit (tokens, nesting, attribute slots).
    LineIndex(std::string_view text, const std::string& file, const InputLimits& limits);

    /// The line where the node is first mentioned, or 0 when not found.
    [[nodiscard]] int node_line(const std::string& name) const;
    /// The line of the `occurrence`-th (0-based) edge written from tail to head, or 0.
    [[nodiscard]] int edge_line(const std::string& tail, const std::string& head, std::size_t occurrence) const;

    /// Attribute names a node statement `name [x=""]` sets to the empty string: cgraph cannot tell
    /// them from attributes never set, and an empty property is still a property.
    [[nodiscard]] const std::vector<std::string>& empty_node_attributes(const std::string& name) const;
    /// The same for the `occurrence`-th edge statement `tail -> head [x=""]`.
    [[nodiscard]] const std::vector<std::string>& empty_edge_attributes(const std::string& tail, const std::string& head,
                                                                        std::size_t occurrence) const;

    /// The line of each graph the text holds (`graph` or `digraph` at the top level); cgraph reads the first.
    [[nodiscard]] const std::vector<int>& graph_lines() const { return graph_lines_; }

    /// Every attribute name the text assigns (`name = value`), as the limits counted them.
    [[nodiscard]] const std::unordered_set<std::string>& attribute_names() const { return attribute_names_; }

    /// The text to give cgraph, meaning the same but read in linear time and without renumbering:
    /// - every quoted or HTML-like id that starts with backslashes and '%' gets one more backslash in
    ///   front, since cgraph renumbers objects whose name starts with '%' (from_cgraph takes it off);
    /// - quoted strings are cut into short pieces by continuations (backslash-newline, which cgraph
    ///   drops), since its lexer reads one long piece in time growing with the square of its length;
    /// - comments are blanked (their line breaks kept), for the same reason.
    [[nodiscard]] std::string cgraph_text(std::string_view text) const;
    /// The file's line for a line number cgraph reports about cgraph_text (pieces add lines).
    [[nodiscard]] int original_line(int cgraph_line) const;

private:
    using EdgeKey = std::pair<std::string, std::string>;
    void note_empty_attributes(std::vector<std::string> names, const std::string& node);
    void note_empty_attributes(std::vector<std::string> names, const EdgeKey& edge);

    std::unordered_map<std::string, int> node_lines_;
    std::map<EdgeKey, std::vector<int>> edge_lines_;
    std::unordered_map<std::string, std::vector<std::string>> empty_node_attributes_;
    std::map<std::pair<EdgeKey, std::size_t>, std::vector<std::string>> empty_edge_attributes_;
    std::vector<TextEdit> edits_;
    std::vector<int> added_lines_;  // the file's line of each continuation that is not at a line break
    std::unordered_set<std::string> attribute_names_;
    std::vector<int> graph_lines_;
};

/// A string cgraph gives back for a text made by LineIndex::cgraph_text, as it was written in the file.
[[nodiscard]] std::string from_cgraph(std::string_view text);

}  // namespace actorgraph::dot
