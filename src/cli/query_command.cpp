#include "cli/query_command.hpp"

#include <algorithm>
#include <fstream>
#include <iostream>
#include <iterator>
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

// The statements in the order they run: each -e, then those of -f, or of standard input when neither is given.
std::vector<std::string> statements_of(const QueryArguments& arguments)
{
    std::vector<std::string> statements = arguments.statements;
    std::string script;
    if (!arguments.script.empty()) {
        std::ifstream in(arguments.script, std::ios::binary);
        if (!in) throw Error(arguments.script + ": cannot read");
        script = read_all(in);
    } else if (arguments.statements.empty()) {
        script = read_all(std::cin);
    }
    for (auto statement : cypher::split_statements(script)) statements.emplace_back(statement);
    return statements;
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
            auto result = session.run(statement, parameters);
            changed = changed || result.stats.changed_anything();
            if (arguments.json) {
                std::cout << cypher::result_to_json(session, result) << '\n';
            } else {
                print_table(session, result);
            }
        } catch (const cypher::Error& error) {
            if (arguments.json) {
                std::cout << cypher::error_to_json(error) << '\n';
            } else {
                std::cerr << cypher::format_error(error, statement) << '\n';
            }
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
