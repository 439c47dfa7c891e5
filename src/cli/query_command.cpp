#include "cli/query_command.hpp"

#include <algorithm>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <sstream>

#include "actorgraph/cypher/output.hpp"
#include "actorgraph/io/file_format.hpp"
#include "cli/commands.hpp"

namespace actorgraph::cli {

namespace {

std::string read_all(std::istream& in)
{
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

cypher::Map parse_parameters(const std::vector<std::string>& specs)
{
    cypher::Map parameters;
    for (const auto& spec : specs) {
        auto equals = spec.find('=');
        if (equals == std::string::npos || equals == 0) {
            throw Error("--param '" + spec + "': expected NAME=JSON, e.g. --param since=2010");
        }
        parameters.insert_or_assign(spec.substr(0, equals), cypher::value_from_json(spec.substr(equals + 1)));
    }
    return parameters;
}

// One statement to run, and where it came from: an -e, or a file (or standard input) at a line.
struct Statement {
    std::string text;
    std::string source;  ///< the -f file, "standard input", or empty for -e
    int first_line = 1;  ///< the source's line the statement starts on
    std::shared_ptr<const std::string> script;  ///< the whole file, to show an error's line from it
};

// The statements in the order they run: each -e, then those of -f, or of standard input when neither is given.
std::vector<Statement> statements_of(const QueryArguments& arguments)
{
    std::vector<Statement> statements;
    for (const auto& text : arguments.statements) statements.push_back({text, "", 1, nullptr});
    auto script = std::make_shared<std::string>();
    std::string source;
    if (!arguments.script.empty()) {
        std::ifstream in(arguments.script, std::ios::binary);
        if (!in) throw Error(arguments.script + ": cannot read");
        *script = read_all(in);
        source = arguments.script;
    } else if (arguments.statements.empty()) {
        *script = read_all(std::cin);
        source = "standard input";
    }
    for (auto statement : cypher::split_statements(*script)) {
        auto before = std::string_view(*script).substr(0, static_cast<std::size_t>(statement.data() - script->data()));
        int first_line = 1 + static_cast<int>(std::count(before.begin(), before.end(), '\n'));
        statements.push_back({std::string(statement), source, first_line, script});
    }
    return statements;
}

// A failing statement of a file reports the file's line (and names the file), so an editor can go to it.
void report_error(const cypher::Error& error, const Statement& statement, bool json)
{
    bool in_file = statement.script && error.position().line > 0;
    auto placed = in_file ? error.placed_at({statement.first_line + error.position().line - 1, error.position().column})
                          : error;
    if (json) {
        std::cout << cypher::error_to_json(placed) << '\n';
        return;
    }
    if (!in_file) {
        std::cerr << (statement.source.empty() ? "" : statement.source + ": ") << cypher::format_error(error, statement.text)
                  << '\n';
        return;
    }
    std::cerr << statement.source << ": " << cypher::format_error(placed, *statement.script) << '\n';
}

void print_table(const cypher::Session& session, const cypher::Result& result)
{
    if (!result.columns.empty()) {
        std::vector<std::vector<std::string>> cells;
        cells.push_back(result.columns);
        for (const auto& row : result.rows) {
            std::vector<std::string> texts;
            for (const auto& value : row) texts.push_back(cypher::to_cypher_text(session, value));
            cells.push_back(std::move(texts));
        }
        std::vector<std::size_t> widths(result.columns.size(), 0);
        for (const auto& row : cells) {
            for (std::size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], row[c].size());
        }
        for (std::size_t r = 0; r < cells.size(); ++r) {
            for (std::size_t c = 0; c < cells[r].size(); ++c) {
                std::cout << (c ? " | " : "") << cells[r][c];
                if (c + 1 < cells[r].size()) std::cout << std::string(widths[c] - cells[r][c].size(), ' ');
            }
            std::cout << '\n';
            if (r == 0) {
                for (std::size_t c = 0; c < widths.size(); ++c) std::cout << (c ? "-+-" : "") << std::string(widths[c], '-');
                std::cout << '\n';
            }
        }
        std::cout << result.rows.size() << (result.rows.size() == 1 ? " row" : " rows") << '\n';
    }
    auto summary = result.stats.summary();
    if (!summary.empty()) std::cout << summary << '\n';
}

}  // namespace

int run_query(const QueryArguments& arguments)
{
    if (arguments.save && arguments.file.empty() && arguments.save_to.empty()) {
        throw Error("--save needs OUT when no GRAPH was given");
    }
    auto parameters = parse_parameters(arguments.parameters);
    Graph graph = arguments.file.empty() ? Graph() : load_graph(arguments.file);
    cypher::Session session(graph);
    bool changed = false;
    for (const auto& statement : statements_of(arguments)) {
        try {
            auto result = session.run(statement.text, parameters);
            changed = changed || result.stats.changed_anything();
            if (arguments.json) {
                std::cout << cypher::result_to_json(session, result) << '\n';
            } else {
                print_table(session, result);
            }
        } catch (const cypher::Error& error) {
            report_error(error, statement, arguments.json);
            return exit_input_error;
        }
    }
    if (arguments.save) {
        auto target = arguments.save_to.empty() ? arguments.file : arguments.save_to;
        save_graph(graph, target);
        if (!arguments.json) std::cerr << "saved " << target << (changed ? "" : " (unchanged)") << '\n';
    }
    return exit_ok;
}

}  // namespace actorgraph::cli
