#include "actorgraph/app/script.hpp"

#include <algorithm>
#include <charconv>
#include <map>
#include <thread>

#include "actorgraph/app/analysis_script.hpp"
#include "actorgraph/edit/edit_script.hpp"
#include "actorgraph/io/file_io.hpp"
#include "actorgraph/model/spelling.hpp"
#include "actorgraph/query/evidence.hpp"

namespace actorgraph {

namespace {

struct VerbRule {
    std::size_t min_arguments;
    std::size_t max_arguments;
    bool needs_picture;  ///< waits for the running layout before it runs
};

const std::map<std::string, VerbRule, std::less<>>& verb_rules()
{
    constexpr std::size_t many = 64;
    static std::map<std::string, VerbRule, std::less<>> rules{
        {"open", {1, 1, false}},        {"select", {1, many, false}},  {"add", {1, 1, false}},
        {"clear", {0, 0, false}},       {"hover", {1, 1, true}},       {"focus", {1, 2, false}},
        {"unfocus", {0, 0, false}},     {"path", {2, 7, false}},       {"highlight", {1, 1, false}},
        {"clear-path", {0, 0, false}},  {"filter", {1, many, false}},  {"size-by", {1, 1, false}},
        {"layout", {1, 1, false}},      {"zoom", {1, 1, true}},        {"fit", {0, 0, true}},
        {"centre", {1, 1, true}},       {"export", {1, 2, false}},     {"wait-layout", {0, 0, true}},
        {"cancel-layout", {0, 0, false}}, {"more-neighbours", {0, 0, false}}, {"sleep", {1, 1, true}},
        {"import-tables", {1, many, false}}, {"import-open", {0, 0, false}}, {"open-mapped", {1, many, false}},
        {"dependence", {1, 5, false}},  {"what-if", {1, many, false}}, {"cut", {2, 4, false}},
        {"clear-analysis", {0, 0, false}}, {"play", {0, 1, false}}, {"stop-play", {0, 0, false}},
        {"reload-stylesheet", {0, 0, false}}, {"communities", {1, 2, false}}, {"relayout", {0, 0, true}},
        {"query", {1, many, false}},    {"query-row", {1, 1, true}},   {"clear-query", {0, 0, false}},
        {"query-view", {1, 1, false}},
    };
    // The edit verbs, as edit/edit_script defines them (actorgraph edit reads the same lines); added once.
    static const bool edit_verbs_added = [] {
        for (const auto& verb : edit_verbs()) rules.emplace(verb.name, VerbRule{verb.min_arguments, verb.max_arguments, false});
        return true;
    }();
    (void)edit_verbs_added;
    return rules;
}

std::vector<std::string> split_words(std::string_view line, const SourceLocation& where)
{
    std::vector<std::string> words;
    std::size_t at = 0;
    while (at < line.size()) {
        if (line[at] == ' ' || line[at] == '\t' || line[at] == '\r') {
            ++at;
            continue;
        }
        if (line[at] == '#') break;
        if (line[at] == '"') {
            auto end = line.find('"', at + 1);
            if (end == std::string_view::npos) throw Error(where, "unterminated quote");
            words.emplace_back(line.substr(at + 1, end - at - 1));
            at = end + 1;
            continue;
        }
        auto end = line.find_first_of(" \t\r", at);
        if (end == std::string_view::npos) end = line.size();
        words.emplace_back(line.substr(at, end - at));
        at = end;
    }
    return words;
}

template <typename Number>
Number number_argument(const std::string& text, const char* what)
{
    Number value{};
    auto [end, failure] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (failure != std::errc{} || end != text.data() + text.size()) {
        throw Error(std::string("expected ") + what + ", got '" + text + "'");
    }
    return value;
}

float float_argument(const std::string& text)
{
    auto value = parse_number(text);
    if (!value || *value <= 0) throw Error("expected a positive number, got '" + text + "'");
    return static_cast<float>(*value);
}

ActorIndex actor_argument(Explorer& explorer, const std::string& name)
{
    if (!explorer.graph()) throw Error("no graph is open");
    return explorer.graph()->resolve(name);
}

// Runs an explorer action and turns an error it logged into an exception for the script.
template <typename Action>
void checked(Explorer& explorer, Action&& action)
{
    auto errors = explorer.error_count();
    action();
    if (explorer.error_count() != errors) throw Error(explorer.last_error());
}

// The types spelled as the graph spells them (matched ignoring case); Error with a "did you mean" for unknown ones.
std::set<std::string> known_types(const Explorer& explorer, std::set<std::string> types)
{
    GraphFilter filter;
    filter.types = std::move(types);
    resolve_vocabulary(filter, explorer.kinds_present(), explorer.types_present());
    return std::move(filter.types);
}

void run_path(Explorer& explorer, const std::vector<std::string>& arguments)
{
    auto from = actor_argument(explorer, arguments[0]);
    auto to = actor_argument(explorer, arguments[1]);
    PathOptions options;
    bool only = false;
    for (std::size_t i = 2; i < arguments.size(); ++i) {
        const auto& option = arguments[i];
        auto equals = option.find('=');
        auto name = option.substr(0, equals);
        auto value = equals == std::string::npos ? std::string{} : option.substr(equals + 1);
        if (name == "k") options.k = number_argument<std::size_t>(value, "a path count");
        else if (name == "direction") options.direction = parse_direction(value);
        else if (name == "types") options.filter.types = known_types(explorer, parse_name_list(value, "relation types"));
        else if (name == "weight") options.weight = value;
        else if (name == "all") options.all_shortest = true;
        else if (name == "evidence") options.rank_by_evidence = true;
        else if (name == "only") only = true;
        else throw Error("unknown path option '" + option + "'; expected k=N, direction=D, types=a,b, weight=P, all, evidence or only");
    }
    if (options.k == 0) throw Error("k must be at least 1");
    explorer.view().path_only = only;
    checked(explorer, [&] { (void)explorer.run_path_query(from, to, options); });
}

void run_filter(Explorer& explorer, const std::vector<std::string>& arguments)
{
    const auto& what = arguments[0];
    auto filter = explorer.view().filter;
    if (what == "clear") {
        checked(explorer, [&] { explorer.set_filter({}); });
        return;
    }
    if (arguments.size() < 2) throw Error("filter " + what + " needs a value");
    if (what == "years") {
        if (arguments.size() != 3) throw Error("expected: filter years FROM TO");
        filter.year_from = number_argument<int>(arguments[1], "a year");
        filter.year_to = number_argument<int>(arguments[2], "a year");
    } else if (what == "types") {
        filter.types = known_types(explorer, parse_name_list(arguments[1], "relation types"));
    } else if (what == "kinds") {
        GraphFilter kinds;
        kinds.kinds = parse_name_list(arguments[1], "actor kinds");
        resolve_vocabulary(kinds, explorer.kinds_present(), explorer.types_present());
        filter.kinds = std::move(kinds.kinds);
    } else if (what == "as-of") {
        bool keep_undated = true;
        for (std::size_t i = 2; i < arguments.size(); ++i) {
            if (arguments[i] == "undated=keep") keep_undated = true;
            else if (arguments[i] == "undated=drop") keep_undated = false;
            else throw Error("expected undated=keep or undated=drop, got '" + arguments[i] + "'");
        }
        std::optional<int> year;
        if (arguments[1] != "none") year = number_argument<int>(arguments[1], "a year or none");
        checked(explorer, [&] { explorer.set_as_of(year, keep_undated); });
        return;
    } else if (what == "confidence") {
        filter.min_confidence = arguments[1] == "any" ? std::nullopt : std::optional(parse_confidence_or_throw(arguments[1]));
    } else if (what == "where") {
        std::string expression;
        for (std::size_t i = 1; i < arguments.size(); ++i) expression += (i > 1 ? " " : "") + arguments[i];
        checked(explorer, [&] { (void)explorer.set_property_filter(expression); });
        return;
    } else {
        throw Error("unknown filter '" + what + "'; expected years, as-of, types, kinds, confidence, where or clear");
    }
    checked(explorer, [&] { explorer.set_filter(std::move(filter)); });
}

void run_highlight(Explorer& explorer, const std::string& which)
{
    if (which == "all") {
        explorer.set_highlighted_path(SIZE_MAX);
        return;
    }
    auto number = number_argument<std::size_t>(which, "a path number (1 is the first) or 'all'");
    if (number == 0 || number > explorer.paths().size()) {
        throw Error("there are " + std::to_string(explorer.paths().size()) + " paths; cannot highlight path " + which);
    }
    explorer.set_highlighted_path(number - 1);
}

void hover_actor(Explorer& explorer, ActorIndex actor)
{
    const auto* element = explorer.drawing() ? find_actor(*explorer.drawing(), *explorer.drawing_index(), actor) : nullptr;
    if (!element) throw Error("'" + explorer.graph()->actor(actor).id + "' is not drawn");
    auto bounds = element->bounds;
    explorer.hover({(bounds.min.x + bounds.max.x) / 2, (bounds.min.y + bounds.max.y) / 2});
}

// Fills the import dialog as a user would, lets it guess the columns not given, and checks the tables.
void run_import_tables(Explorer& explorer, const std::vector<std::string>& arguments)
{
    auto& dialog = explorer.import_dialog();
    dialog = ImportDialog{};
    for (const auto& argument : arguments) {
        auto equals = argument.find('=');
        if (equals == std::string::npos) throw Error("expected setting=value, got '" + argument + "'");
        auto key = argument.substr(0, equals);
        auto value = argument.substr(equals + 1);
        if (key == "nodes") dialog.files.nodes = value;
        else if (key == "edges") dialog.files.edges = value;
        else if (key == "id") dialog.mapping.nodes.id = value;
        else if (key == "caption") dialog.mapping.caption = value;
        else if (key == "kind") dialog.mapping.nodes.kind = value;
        else if (key == "kind-column") dialog.mapping.nodes.kind_column = value;
        else if (key == "source") dialog.mapping.edges.source = value;
        else if (key == "target") dialog.mapping.edges.target = value;
        else if (key == "type") dialog.mapping.edges.type = value;
        else if (key == "type-column") dialog.mapping.edges.type_column = value;
        else throw Error("unknown import setting '" + key + "' (nodes, edges, id, caption, kind, kind-column, source, target, type, type-column)");
    }
    dialog.refresh_previews();
    dialog.guess_columns();
    if (!dialog.start_check()) {
        std::string problems;
        for (const auto& problem : dialog.problems()) problems += (problems.empty() ? "" : "; ") + problem;
        throw Error(problems);
    }
    if (!dialog.wait(std::chrono::minutes(2))) throw Error("reading the tables did not finish in 2 minutes");
    if (!dialog.check()) throw Error(dialog.check_error());
}

// Opens a graph file or Neo4j folder through the import dialog's mapping, set as the dialog's fields are.
void run_open_mapped(Explorer& explorer, const std::vector<std::string>& arguments)
{
    auto& dialog = explorer.import_dialog();
    dialog.source = ImportSource::graph_file;
    dialog.graph_file = arguments[0];
    dialog.mapping = ImportMapping{};
    for (std::size_t i = 1; i < arguments.size(); ++i) {
        const auto& argument = arguments[i];
        auto equals = argument.find('=');
        if (equals == std::string::npos) throw Error("expected setting=value, got '" + argument + "'");
        auto key = argument.substr(0, equals);
        auto value = argument.substr(equals + 1);
        if (key == "caption") dialog.mapping.caption = value;
        else if (key == "kinds") dialog.set_kind_map(value);
        else if (key == "types") dialog.set_type_map(value);
        else if (key == "mapping") dialog.load_mapping_file(value);
        else throw Error(unknown_word_message("open-mapped setting", key, std::vector<std::string>{"caption", "kinds", "types", "mapping"}));
    }
    checked(explorer, [&] { (void)explorer.open_mapped(arguments[0], dialog.mapping); });
}

// The words of the line are the statement (quote it to keep its spacing): query "MATCH (n) RETURN n".
void run_query(Explorer& explorer, const std::vector<std::string>& arguments)
{
    std::string text;
    for (const auto& word : arguments) text += (text.empty() ? "" : " ") + word;
    checked(explorer, [&] { (void)explorer.run_query(text); });
}

void run_command(Explorer& explorer, const ScriptCommand& command)
{
    const auto& verb = command.verb;
    const auto& arguments = command.arguments;
    if (find_edit_verb(verb)) {
        checked(explorer, [&] { (void)explorer.edit(verb, arguments); });
    } else if (is_analysis_verb(verb)) {
        run_analysis_verb(explorer, verb, arguments);
    } else if (verb == "open") {
        checked(explorer, [&] { (void)explorer.open(arguments[0]); });
    } else if (verb == "select") {
        explorer.clear_selection();
        for (const auto& name : arguments) explorer.select_actor(actor_argument(explorer, name), true);
    } else if (verb == "add") {
        explorer.select_actor(actor_argument(explorer, arguments[0]), true);
    } else if (verb == "clear") {
        explorer.clear_selection();
    } else if (verb == "hover") {
        hover_actor(explorer, actor_argument(explorer, arguments[0]));
    } else if (verb == "focus") {
        auto depth = arguments.size() > 1 ? number_argument<std::size_t>(arguments[1], "a depth") : 1;
        explorer.set_focus({actor_argument(explorer, arguments[0])}, depth);
    } else if (verb == "more-neighbours") {
        explorer.show_more_neighbours();
    } else if (verb == "unfocus") {
        explorer.set_focus({}, 1);
    } else if (verb == "path") {
        run_path(explorer, arguments);
    } else if (verb == "highlight") {
        run_highlight(explorer, arguments[0]);
    } else if (verb == "clear-path") {
        explorer.clear_path_query();
    } else if (verb == "filter") {
        run_filter(explorer, arguments);
    } else if (verb == "size-by") {
        explorer.set_size_by(arguments[0] == "none" ? std::nullopt : std::optional(parse_metric(arguments[0])));
    } else if (verb == "layout") {
        if (arguments[0] == "auto") explorer.set_automatic_engine();
        else explorer.set_engine(parse_layout_engine(arguments[0]));
    } else if (verb == "zoom") {
        explorer.camera().zoom_by(float_argument(arguments[0]));
    } else if (verb == "fit") {
        explorer.fit_to_window();
    } else if (verb == "centre") {
        explorer.go_to_actor(actor_argument(explorer, arguments[0]));
    } else if (verb == "export") {
        std::optional<OutputFormat> format;
        if (arguments.size() > 1) format = parse_output_format(arguments[1]);
        checked(explorer, [&] { (void)explorer.export_view(arguments[0], format); });
    } else if (verb == "wait-layout") {
        auto status = explorer.layout_status();
        if (!status.error.empty()) throw Error("layout failed: " + status.error);
    } else if (verb == "import-tables") {
        run_import_tables(explorer, arguments);
    } else if (verb == "open-mapped") {
        run_open_mapped(explorer, arguments);
    } else if (verb == "import-open") {
        checked(explorer, [&] { (void)explorer.open_import(); });
    } else if (verb == "cancel-layout") {
        explorer.cancel_work();
    } else if (verb == "reload-stylesheet") {
        checked(explorer, [&] { (void)explorer.reload_stylesheet(); });
    } else if (verb == "query") {
        run_query(explorer, arguments);
    } else if (verb == "query-row") {
        auto row = number_argument<std::size_t>(arguments[0], "a row number from 1");
        if (row == 0 || !explorer.select_query_row(row - 1)) throw Error("row " + arguments[0] + " of the query's table names no actor");
    } else if (verb == "clear-query") {
        explorer.clear_query_highlight();
    } else if (verb == "query-view") {
        if (arguments[0] != "only" && arguments[0] != "highlight") {
            throw Error(unknown_word_message("query view", arguments[0], std::vector<std::string>{"only", "highlight"}));
        }
        explorer.set_query_view_only(arguments[0] == "only");
    } else if (verb == "relayout") {
        explorer.relayout();
    }
}

// The first message a command logged (the log keeps only the latest ones), else the command's verb.
std::string what_it_did(const Explorer& explorer, const ScriptCommand& command, std::size_t logged_before)
{
    const auto& messages = explorer.messages();
    auto added = std::min(explorer.message_count() - logged_before, messages.size());
    if (added == 0) return command.verb;
    return messages[messages.size() - added].text;
}

}  // namespace

std::vector<ScriptCommand> parse_script(std::string_view text, const std::string& file_name)
{
    std::vector<ScriptCommand> commands;
    int line_number = 0;
    std::size_t at = 0;
    while (at <= text.size()) {
        auto end = text.find('\n', at);
        if (end == std::string_view::npos) end = text.size();
        auto line = text.substr(at, end - at);
        at = end + 1;
        SourceLocation where{file_name, ++line_number};
        auto words = split_words(line, where);
        if (words.empty()) continue;
        auto rule = verb_rules().find(words[0]);
        if (rule == verb_rules().end()) throw Error(where, "unknown command '" + words[0] + "'");
        auto count = words.size() - 1;
        if (count < rule->second.min_arguments || count > rule->second.max_arguments) {
            throw Error(where, "'" + words[0] + "' takes " + std::to_string(rule->second.min_arguments) +
                                   (rule->second.max_arguments != rule->second.min_arguments ? " or more" : "") +
                                   " arguments, got " + std::to_string(count));
        }
        commands.push_back({where, words[0], {words.begin() + 1, words.end()}});
    }
    return commands;
}

std::vector<ScriptCommand> load_script(const std::filesystem::path& path)
{
    return parse_script(read_file(path), path.string());
}

void ScriptRunner::step(Explorer& explorer)
{
    explorer.poll();
    for (;;) {
        // Every command sees the graph and view the commands before it asked for.
        if (explorer.preparing()) return;
        check_background_errors(explorer);
        if (next_ >= commands_.size()) return;
        const auto& command = commands_[next_];
        bool needs_picture = verb_rules().at(command.verb).needs_picture;
        if (needs_picture && explorer.busy()) return;
        if (command.verb == "sleep" && still_sleeping(command)) return;
        auto errors = explorer.error_count();
        auto logged = explorer.message_count();
        try {
            run_command(explorer, command);
        } catch (const Error& failure) {
            throw Error(command.where, failure.message());
        } catch (const std::exception& failure) {
            throw Error(command.where, failure.what());
        }
        ++next_;
        if (report_) report_(command, what_it_did(explorer, command, logged));
        // A load or compose fails later, in the background: the error still belongs to this line.
        if (explorer.preparing()) started_work_ = StartedWork{command.where, errors};
    }
}

// A sleep lets the window draw frames meanwhile: the runner is called again each frame.
bool ScriptRunner::still_sleeping(const ScriptCommand& command)
{
    auto now = std::chrono::steady_clock::now();
    if (!sleep_until_) {
        auto seconds = parse_number(command.arguments[0]).value_or(-1);
        if (!(seconds >= 0 && seconds <= 3600)) throw Error(command.where, "sleep takes 0 to 3600 seconds, got '" + command.arguments[0] + "'");
        sleep_until_ = now + std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(seconds));
    }
    if (now < *sleep_until_) return true;
    sleep_until_.reset();
    return false;
}

void ScriptRunner::check_background_errors(const Explorer& explorer)
{
    if (!started_work_) return;
    auto started = *started_work_;
    started_work_.reset();
    if (explorer.error_count() != started.errors) throw Error(started.where, explorer.last_error());
}

void ScriptRunner::run_to_end(Explorer& explorer, std::chrono::milliseconds timeout)
{
    while (!finished()) {
        step(explorer);
        if (finished()) return;
        if (sleep_until_) std::this_thread::sleep_until(*sleep_until_);
        if (!explorer.wait_until_idle(timeout)) {
            auto where = next_ < commands_.size() ? commands_[next_].where : commands_.back().where;
            throw Error(where, "the explorer did not finish loading, composing and laying out in time");
        }
    }
}

}  // namespace actorgraph
