#pragma once
// Reads the openCypher TCK's Gherkin feature files: features, backgrounds, scenarios and Scenario Outlines
// (expanded once per Examples row), each step with its doc string or table.
#include <filesystem>
#include <string>
#include <vector>

namespace actorgraph::tck {

struct Step {
    std::string keyword;  ///< Given, When, Then, And, But
    std::string text;     ///< the step without its keyword, e.g. "executing query:"
    std::string doc_string;
    std::vector<std::vector<std::string>> table;  ///< cells as written (trimmed), header row first
    int line = 0;
};

struct Scenario {
    std::string feature_file;  ///< relative to the features folder
    std::string name;
    int line = 0;
    std::vector<Step> steps;  ///< the background's steps first
};

/// The scenarios of a feature file, outlines expanded; throws std::runtime_error naming file:line on bad syntax.
[[nodiscard]] std::vector<Scenario> read_feature(const std::filesystem::path& path, const std::string& relative_name);

}  // namespace actorgraph::tck
