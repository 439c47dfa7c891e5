#include "tck_feature.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace actorgraph::tck {

namespace {

std::string trim(const std::string& text)
{
    auto begin = text.find_first_not_of(" \t\r");
    if (begin == std::string::npos) return {};
    auto end = text.find_last_not_of(" \t\r");
    return text.substr(begin, end - begin + 1);
}

// Splits "| a | b\| c |" into cells, honouring Gherkin's escapes in cells: \| for '|', \\ for '\', \n for a newline.
std::vector<std::string> table_cells(const std::string& line)
{
    std::vector<std::string> cells;
    std::string current;
    bool started = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        char c = line[i];
        char after = i + 1 < line.size() ? line[i + 1] : '\0';
        if (c == '\\' && (after == '|' || after == '\\' || after == 'n')) {
            current += after == 'n' ? '\n' : after;
            ++i;
        } else if (c == '|') {
            if (started) cells.push_back(trim(current));
            started = true;
            current.clear();
        } else {
            current += c;
        }
    }
    return cells;
}

std::string replace_all(std::string text, const std::string& from, const std::string& to)
{
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
        text.replace(at, from.size(), to);
    }
    return text;
}

struct Block {
    std::string name;
    int line = 0;
    bool outline = false;
    std::vector<Step> steps;
    std::vector<std::vector<std::vector<std::string>>> examples;
};

}  // namespace

std::vector<Scenario> read_feature(const std::filesystem::path& path, const std::string& relative_name)
{
    std::ifstream in(path);
    if (!in) throw std::runtime_error(path.string() + ": cannot read");
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) lines.push_back(line);

    std::vector<Step> background;
    std::vector<Block> blocks;
    std::vector<Step>* steps = nullptr;
    std::vector<std::vector<std::string>>* table = nullptr;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        auto text = trim(lines[i]);
        int number = static_cast<int>(i + 1);
        if (text.empty() || text[0] == '#') continue;
        if (text.starts_with("\"\"\"")) {
            if (!steps || steps->empty()) throw std::runtime_error(relative_name + ":" + std::to_string(number) + ": doc string without a step");
            auto indent = lines[i].find('"');
            std::string doc;
            for (++i; i < lines.size() && trim(lines[i]) != "\"\"\""; ++i) {
                const auto& raw = lines[i];
                std::size_t strip = 0;
                while (strip < indent && strip < raw.size() && raw[strip] == ' ') ++strip;
                doc += raw.substr(strip) + "\n";
            }
            steps->back().doc_string = doc;
            continue;
        }
        if (text[0] == '|') {
            if (!table) throw std::runtime_error(relative_name + ":" + std::to_string(number) + ": table without a step");
            table->push_back(table_cells(text));
            continue;
        }
        if (text.starts_with("Feature:")) continue;
        if (text.starts_with("Background:")) {
            steps = &background;
            table = nullptr;
            continue;
        }
        if (text.starts_with("Scenario Outline:") || text.starts_with("Scenario:") || text.starts_with("Scenario Template:")) {
            Block block;
            block.outline = !text.starts_with("Scenario:");
            block.name = trim(text.substr(text.find(':') + 1));
            block.line = number;
            blocks.push_back(std::move(block));
            steps = &blocks.back().steps;
            table = nullptr;
            continue;
        }
        if (text.starts_with("Examples:") || text.starts_with("Scenarios:")) {
            if (blocks.empty()) throw std::runtime_error(relative_name + ":" + std::to_string(number) + ": Examples outside a scenario");
            blocks.back().examples.emplace_back();
            table = &blocks.back().examples.back();
            continue;
        }
        if (text[0] == '@') continue;  // tags
        auto space = text.find(' ');
        Step step;
        step.keyword = text.substr(0, space);
        step.text = space == std::string::npos ? "" : trim(text.substr(space + 1));
        step.line = number;
        if (!steps) throw std::runtime_error(relative_name + ":" + std::to_string(number) + ": step outside a scenario");
        steps->push_back(std::move(step));
        table = &steps->back().table;
    }

    std::vector<Scenario> scenarios;
    for (const auto& block : blocks) {
        auto make = [&](const std::vector<std::string>* header, const std::vector<std::string>* row, std::size_t index) {
            Scenario scenario;
            scenario.feature_file = relative_name;
            scenario.line = block.line;
            scenario.name = block.name + (row ? " #" + std::to_string(index) : "");
            scenario.steps = background;
            for (auto step : block.steps) {
                if (row) {
                    for (std::size_t c = 0; c < header->size() && c < row->size(); ++c) {
                        auto placeholder = "<" + (*header)[c] + ">";
                        step.text = replace_all(step.text, placeholder, (*row)[c]);
                        step.doc_string = replace_all(step.doc_string, placeholder, (*row)[c]);
                        for (auto& cells : step.table) {
                            for (auto& cell : cells) cell = replace_all(cell, placeholder, (*row)[c]);
                        }
                    }
                }
                scenario.steps.push_back(std::move(step));
            }
            scenarios.push_back(std::move(scenario));
        };
        if (!block.outline) {
            make(nullptr, nullptr, 0);
            continue;
        }
        std::size_t index = 0;
        for (const auto& examples : block.examples) {
            for (std::size_t r = 1; r < examples.size(); ++r) make(&examples[0], &examples[r], ++index);
        }
    }
    return scenarios;
}

}  // namespace actorgraph::tck
