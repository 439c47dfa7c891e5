// Runs the openCypher TCK's scenarios against the engine and prints passed/failed/skipped per top-level
// folder and in total. Each scenario runs in a child process on a fresh graph, with a time bound, so a crash
// or a hang fails that scenario only. The exit code is non-zero only when fewer scenarios pass than the floor
// recorded in tests/cypher/tck_floor.txt (or on a broken setup), so CI sees a falling count.
//
// Usage: actorgraph_tck [--features DIR] [--floor FILE] [--filter TEXT] [--verbose] [--no-fork]
//                       [--seconds N] [--failures FILE]
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <sstream>

#include "actorgraph/cypher/engine.hpp"
#include "tck_feature.hpp"
#include "tck_values.hpp"

namespace fs = std::filesystem;
using namespace actorgraph;

namespace {

enum class Outcome { Passed, Failed, Skipped };

struct Verdict {
    Outcome outcome = Outcome::Passed;
    std::string reason;
};

struct Skip {
    std::string reason;
};

struct Failure {
    std::string reason;
};

struct Options {
    fs::path features = ACTORGRAPH_TCK_DIR "/features";
    fs::path graphs = ACTORGRAPH_TCK_DIR "/graphs";
    fs::path floor = ACTORGRAPH_TCK_FLOOR;
    std::string filter;
    bool verbose = false;
    bool fork = true;
    int seconds = 10;
    fs::path failures;
};

// One scenario's run: the graph, the last result or error, and the side effects so far.
class ScenarioRun {
public:
    explicit ScenarioRun(const Options& options) : options_(options) {}

    void step(const tck::Step& step)
    {
        const auto& text = step.text;
        if (text == "an empty graph" || text == "any graph") return;
        if (text.starts_with("the ") && text.ends_with(" graph")) return named_graph(text.substr(4, text.size() - 10));
        if (text.starts_with("having executed")) return setup(step.doc_string);
        if (text.starts_with("parameters are")) return parameters(step.table);
        if (text.starts_with("there exists a procedure")) return procedure(text, step.table);
        if (text.starts_with("executing query")) return execute(step.doc_string, true);
        if (text.starts_with("executing control query")) return execute(step.doc_string, false);
        if (text.starts_with("the result should be empty")) return expect_rows({}, false, false);
        if (text.starts_with("the result should be")) {
            bool ordered = text.find("in order") != std::string::npos;
            bool ignore_list_order = text.find("ignoring element order for lists") != std::string::npos;
            return expect_rows(step.table, ordered, ignore_list_order);
        }
        if (text == "no side effects") return expect_side_effects({});
        if (text.starts_with("the side effects should be")) return expect_side_effects(step.table);
        if (text.find("should be raised") != std::string::npos) return expect_error(text);
        throw Skip{"unknown step '" + text + "'"};
    }

private:
    void named_graph(const std::string& name)
    {
        std::ifstream in(options_.graphs / name / (name + ".cypher"));
        if (!in) throw Skip{"named graph '" + name + "' is missing"};
        std::stringstream text;
        text << in.rdbuf();
        setup(text.str());
    }

    void setup(const std::string& statement)
    {
        try {
            session_.run(statement);
        } catch (const cypher::Error& error) {
            throw Failure{"setup failed: " + std::string(error.what())};
        }
    }

    // "there exists a procedure test.my.proc(in :: INTEGER?) :: (out :: STRING?):" with a table whose header
    // names the inputs, then the outputs, and whose cells are Cypher literals.
    void procedure(const std::string& text, const std::vector<std::vector<std::string>>& table)
    {
        auto signature = text.substr(std::string("there exists a procedure ").size());
        auto open = signature.find('(');
        auto close = signature.find(')', open);
        auto out_open = signature.find('(', close);
        auto out_close = signature.rfind(')');
        if (open == std::string::npos || close == std::string::npos || out_open == std::string::npos || out_close <= out_open) {
            throw Failure{"cannot read the procedure signature '" + signature + "'"};
        }
        cypher::TableProcedure procedure;
        procedure.name = signature.substr(0, open);
        procedure.inputs = signature_fields(signature.substr(open + 1, close - open - 1));
        procedure.outputs = signature_fields(signature.substr(out_open + 1, out_close - out_open - 1));
        for (std::size_t i = 1; i < table.size(); ++i) {
            std::vector<cypher::Value> row;
            for (const auto& cell : table[i]) row.push_back(literal(cell));
            procedure.rows.push_back(std::move(row));
        }
        try {
            session_.define_procedure(procedure);
        } catch (const cypher::Error& error) {
            throw Failure{"cannot define procedure " + procedure.name + ": " + error.what()};
        }
    }

    // "name :: STRING?, in :: INTEGER?" as (name, type) pairs.
    static std::vector<std::pair<std::string, std::string>> signature_fields(const std::string& text)
    {
        std::vector<std::pair<std::string, std::string>> fields;
        std::stringstream in(text);
        std::string field;
        while (std::getline(in, field, ',')) {
            auto colons = field.find("::");
            if (colons == std::string::npos) continue;
            auto trimmed = [](std::string s) {
                s.erase(0, s.find_first_not_of(' '));
                s.erase(s.find_last_not_of(' ') + 1);
                return s;
            };
            fields.emplace_back(trimmed(field.substr(0, colons)), trimmed(field.substr(colons + 2)));
        }
        return fields;
    }

    cypher::Value literal(const std::string& cell)
    {
        try {
            return session_.run("RETURN " + cell + " AS v").rows.at(0).at(0);
        } catch (const cypher::Error& error) {
            throw Failure{"cannot read the table value " + cell + ": " + error.what()};
        }
    }

    void parameters(const std::vector<std::vector<std::string>>& table)
    {
        // A parameter's TCK notation is a Cypher literal: let the engine read it.
        for (const auto& row : table) {
            if (row.size() >= 2) parameters_[row[0]] = literal(row[1]);
        }
    }

    // Label names in the graph and (element, key, value) triples: the TCK counts +/-labels and +/-properties as
    // the difference between the graph before and after the query (a changed value is one of each).
    struct Snapshot {
        std::set<std::string> labels;
        std::set<std::string> properties;
    };

    Snapshot snapshot() const
    {
        Snapshot result;
        const auto& graph = session_.graph();
        for (ActorIndex n = 0; n < graph.actor_count(); ++n) {
            for (auto& label : session_.labels(n)) result.labels.insert(std::move(label));
            for (const auto& [key, value] : session_.properties(n)) {
                result.properties.insert("n" + std::to_string(n) + "." + key + "=" + tck::canonical_actual(session_, value, false));
            }
        }
        for (RelationIndex r = 0; r < graph.relation_count(); ++r) {
            for (const auto& [key, value] : session_.relationship_properties(r)) {
                result.properties.insert("r" + std::to_string(r) + "." + key + "=" + tck::canonical_actual(session_, value, false));
            }
        }
        return result;
    }

    static std::int64_t missing_from(const std::set<std::string>& a, const std::set<std::string>& b)
    {
        return static_cast<std::int64_t>(std::count_if(a.begin(), a.end(), [&](const std::string& x) { return !b.contains(x); }));
    }

    void execute(const std::string& statement, bool counted)
    {
        result_.reset();
        error_.reset();
        auto before = counted ? snapshot() : Snapshot{};
        try {
            result_ = session_.run(statement, parameters_);
            if (counted) {
                stats_ = result_->stats;
                auto after = snapshot();
                stats_.labels_added = missing_from(after.labels, before.labels);
                stats_.labels_removed = missing_from(before.labels, after.labels);
                stats_.properties_set = missing_from(after.properties, before.properties);
                stats_.properties_removed = missing_from(before.properties, after.properties);
            }
        } catch (const cypher::Error& error) {
            error_ = error;
        }
    }

    void expect_rows(const std::vector<std::vector<std::string>>& table, bool ordered, bool ignore_list_order)
    {
        if (error_) throw Failure{"unexpected error: " + std::string(error_->what())};
        if (!result_) throw Failure{"no query ran"};
        std::vector<std::string> expected;
        std::vector<std::size_t> columns;
        if (!table.empty()) {
            const auto& header = table[0];
            if (header.size() != result_->columns.size()) {
                throw Failure{"expected " + std::to_string(header.size()) + " columns, got " +
                              std::to_string(result_->columns.size())};
            }
            for (const auto& name : header) {
                auto found = std::find(result_->columns.begin(), result_->columns.end(), name);
                if (found == result_->columns.end()) throw Failure{"no column named '" + name + "'"};
                columns.push_back(static_cast<std::size_t>(found - result_->columns.begin()));
            }
            for (std::size_t r = 1; r < table.size(); ++r) {
                std::string row;
                for (const auto& cell : table[r]) {
                    try {
                        row += tck::canonical_expected(cell, ignore_list_order) + " | ";
                    } catch (const std::exception& e) {
                        throw Skip{e.what()};
                    }
                }
                expected.push_back(row);
            }
        }
        std::vector<std::string> actual;
        for (const auto& values : result_->rows) {
            std::string row;
            for (auto c : columns) row += tck::canonical_actual(session_, values[c], ignore_list_order) + " | ";
            actual.push_back(row);
        }
        if (!ordered) {
            std::sort(expected.begin(), expected.end());
            std::sort(actual.begin(), actual.end());
        }
        if (expected != actual) {
            std::string message = "rows differ\n    expected:";
            for (const auto& row : expected) message += "\n      " + row;
            message += "\n    actual:";
            for (std::size_t i = 0; i < actual.size() && i < 20; ++i) message += "\n      " + actual[i];
            throw Failure{message};
        }
    }

    void expect_side_effects(const std::vector<std::vector<std::string>>& table)
    {
        if (error_) throw Failure{"unexpected error: " + std::string(error_->what())};
        std::map<std::string, std::int64_t> expected;
        for (const auto& row : table) {
            if (row.size() >= 2) expected[row[0]] = std::stoll(row[1]);
        }
        std::map<std::string, std::int64_t> actual{
            {"+nodes", stats_.nodes_created},           {"-nodes", stats_.nodes_deleted},
            {"+relationships", stats_.relationships_created}, {"-relationships", stats_.relationships_deleted},
            {"+labels", stats_.labels_added},           {"-labels", stats_.labels_removed},
            {"+properties", stats_.properties_set},     {"-properties", stats_.properties_removed}};
        for (const auto& [name, count] : actual) {
            auto wanted = expected.contains(name) ? expected[name] : 0;
            if (wanted != count) {
                throw Failure{"side effect " + name + ": expected " + std::to_string(wanted) + ", got " + std::to_string(count)};
            }
        }
    }

    // "a SyntaxError should be raised at compile time: UnknownFunction"
    void expect_error(const std::string& text)
    {
        std::istringstream words(text);
        std::string article, error_class;
        words >> article >> error_class;
        auto colon = text.rfind(':');
        std::string detail = colon == std::string::npos ? "" : text.substr(colon + 2);
        std::string phase = text.find("compile time") != std::string::npos ? "compile"
                            : text.find("runtime") != std::string::npos ? "runtime"
                                                                         : "any";
        if (!error_) throw Failure{"expected " + error_class + " (" + detail + "), but the query succeeded"};
        std::string actual_class(cypher::to_string(error_->error_class()));
        std::string actual_phase(cypher::to_string(error_->phase()));
        // The TCK writes `*` where any detail will do.
        bool detail_fits = detail == "*" || error_->detail() == detail;
        if (actual_class != error_class || (phase != "any" && actual_phase != phase) || !detail_fits) {
            throw Failure{"expected " + error_class + " (" + detail + ") at " + phase + ", got " + actual_class + " (" +
                          error_->detail() + ") at " + actual_phase + ": " + error_->what()};
        }
    }

    const Options& options_;
    Graph graph_;
    cypher::Session session_{graph_};
    cypher::Map parameters_;
    std::optional<cypher::Result> result_;
    std::optional<cypher::Error> error_;
    cypher::Statistics stats_;
};

Verdict run_here(const tck::Scenario& scenario, const Options& options)
{
    try {
        ScenarioRun run(options);
        for (const auto& step : scenario.steps) run.step(step);
        return {};
    } catch (const Skip& skip) {
        return {Outcome::Skipped, skip.reason};
    } catch (const Failure& failure) {
        return {Outcome::Failed, failure.reason};
    } catch (const std::exception& e) {
        return {Outcome::Failed, std::string("exception: ") + e.what()};
    }
}

// The child writes "P", "F reason" or "S reason" to the pipe; no answer in time or a crash is a failure.
Verdict run_isolated(const tck::Scenario& scenario, const Options& options)
{
    int fds[2];
    if (pipe(fds) != 0) return run_here(scenario, options);
    std::cout.flush();
    pid_t child = fork();
    if (child < 0) {
        close(fds[0]);
        close(fds[1]);
        return run_here(scenario, options);
    }
    if (child == 0) {
        close(fds[0]);
        auto verdict = run_here(scenario, options);
        std::string message = (verdict.outcome == Outcome::Passed ? "P" : verdict.outcome == Outcome::Failed ? "F" : "S") +
                              std::string(" ") + verdict.reason;
        for (std::size_t written = 0; written < message.size();) {
            auto n = write(fds[1], message.data() + written, message.size() - written);
            if (n <= 0) break;
            written += static_cast<std::size_t>(n);
        }
        close(fds[1]);
        _exit(0);
    }
    close(fds[1]);
    std::string message;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(options.seconds);
    bool timed_out = false;
    while (true) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count();
        if (left <= 0) {
            timed_out = true;
            break;
        }
        pollfd watched{fds[0], POLLIN, 0};
        int ready = poll(&watched, 1, static_cast<int>(left));
        if (ready <= 0) continue;
        char buffer[4096];
        auto n = read(fds[0], buffer, sizeof buffer);
        if (n <= 0) break;
        message.append(buffer, static_cast<std::size_t>(n));
    }
    close(fds[0]);
    if (timed_out) kill(child, SIGKILL);
    int status = 0;
    waitpid(child, &status, 0);
    if (timed_out) return {Outcome::Failed, "timed out after " + std::to_string(options.seconds) + " s"};
    if (message.empty()) {
        return {Outcome::Failed, WIFSIGNALED(status) ? "crashed with signal " + std::to_string(WTERMSIG(status)) : "no verdict"};
    }
    Verdict verdict;
    verdict.outcome = message[0] == 'P' ? Outcome::Passed : message[0] == 'S' ? Outcome::Skipped : Outcome::Failed;
    verdict.reason = message.size() > 2 ? message.substr(2) : "";
    return verdict;
}

struct Tally {
    int passed = 0, failed = 0, skipped = 0;
};

}  // namespace

int main(int argc, char** argv)
{
    Options options;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) {
                std::cerr << arg << " needs a value\n";
                std::exit(2);
            }
            return argv[++i];
        };
        if (arg == "--features") options.features = value();
        else if (arg == "--floor") options.floor = value();
        else if (arg == "--filter") options.filter = value();
        else if (arg == "--verbose") options.verbose = true;
        else if (arg == "--no-fork") options.fork = false;
        else if (arg == "--seconds") options.seconds = std::stoi(value());
        else if (arg == "--failures") options.failures = value();
        else {
            std::cerr << "unknown option " << arg << "\n";
            return 2;
        }
    }
    if (!fs::is_directory(options.features)) {
        std::cout << "TCK features not found at " << options.features << "; skipping the TCK run\n";
        return 0;
    }
    std::vector<fs::path> files;
    for (const auto& entry : fs::recursive_directory_iterator(options.features)) {
        if (entry.is_regular_file() && entry.path().extension() == ".feature") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());

    std::map<std::string, Tally> by_folder;
    Tally total;
    std::ofstream failures;
    if (!options.failures.empty()) failures.open(options.failures);
    for (const auto& file : files) {
        auto relative = fs::relative(file, options.features).generic_string();
        auto second_slash = relative.find('/', relative.find('/') + 1);
        auto folder = relative.substr(0, second_slash);
        std::vector<tck::Scenario> scenarios;
        try {
            scenarios = tck::read_feature(file, relative);
        } catch (const std::exception& e) {
            std::cerr << e.what() << "\n";
            return 2;
        }
        for (const auto& scenario : scenarios) {
            auto title = relative + ":" + std::to_string(scenario.line) + " " + scenario.name;
            if (!options.filter.empty() && title.find(options.filter) == std::string::npos) continue;
            auto verdict = options.fork ? run_isolated(scenario, options) : run_here(scenario, options);
            auto& tally = by_folder[folder];
            switch (verdict.outcome) {
            case Outcome::Passed: ++tally.passed, ++total.passed; break;
            case Outcome::Failed: ++tally.failed, ++total.failed; break;
            case Outcome::Skipped: ++tally.skipped, ++total.skipped; break;
            }
            if (verdict.outcome != Outcome::Passed) {
                auto line = std::string(verdict.outcome == Outcome::Failed ? "FAIL " : "SKIP ") + title + "\n  " + verdict.reason;
                if (options.verbose) std::cout << line << "\n";
                if (failures.is_open()) failures << line << "\n";
            }
        }
    }
    for (const auto& [folder, tally] : by_folder) {
        std::cout << folder << ": " << tally.passed << " passed, " << tally.failed << " failed, " << tally.skipped
                  << " skipped\n";
    }
    int all = total.passed + total.failed + total.skipped;
    std::cout << "total: " << total.passed << " passed, " << total.failed << " failed, " << total.skipped
              << " skipped of " << all << " scenarios";
    if (all > 0) std::cout << " (" << (100.0 * total.passed / all) << "% passed)";
    std::cout << "\n" << total.passed << " passed, " << total.failed << " failed\n";

    if (!options.filter.empty()) return 0;
    std::ifstream floor_file(options.floor);
    int floor = 0;
    if (floor_file >> floor && total.passed < floor) {
        std::cout << "FAILED: " << total.passed << " scenarios passed, fewer than the floor of " << floor << " in "
                  << options.floor << "\n";
        return 1;
    }
    return 0;
}
