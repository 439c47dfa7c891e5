#include "cli/edit_command.hpp"

#include <CLI/CLI.hpp>
#include <chrono>
#include <iostream>
#include <thread>

#include "actorgraph/app/script.hpp"
#include "actorgraph/edit/edit_script.hpp"
#include "cli/commands.hpp"

namespace actorgraph::cli {

namespace {

// Edit verbs, and sleep (so a test can stop a session between two steps).
void check_verbs(const std::vector<ScriptCommand>& commands)
{
    for (const auto& command : commands) {
        if (command.verb == "sleep" || find_edit_verb(command.verb)) continue;
        throw Error(command.where, "'" + command.verb + "' is an explorer command; actorgraph edit runs the edit verbs "
                                    "(add-actor, add-relation, set, unset, delete, merge, pin, undo, redo, save, recover) and sleep");
    }
}

void sleep_for(const ScriptCommand& command)
{
    auto seconds = parse_number(command.arguments[0]).value_or(-1);
    if (!(seconds >= 0 && seconds <= 3600)) throw Error(command.where, "sleep takes 0 to 3600 seconds, got '" + command.arguments[0] + "'");
    std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
}

}  // namespace

void add_edit_command(CLI::App& app, EditArguments& arguments, int& exit_code)
{
    auto* command = app.add_subcommand("edit", "Apply an edit script to a graph file (journalled beside it; recover after a crash)");
    command->add_option("FILE", arguments.file, "The graph file or CSV folder (a new file starts empty)")->required();
    command->add_option("--script", arguments.script, "The edit script: one verb a line (add-actor, add-relation, set, "
                                                       "unset, delete, merge, pin, undo, redo, save, recover, sleep)")
        ->required()->check(CLI::ExistingFile);
    auto* save_option = command->add_option("--save", arguments.save_to, "Save to FILE (or OUT) when the script is done")
                            ->expected(0, 1);
    command->callback([&arguments, &exit_code, save_option] {
        arguments.save = save_option->count() > 0;
        exit_code = run_edit(arguments);
    });
}

// Each line is reported on stdout (flushed) only once its change is journalled, so what was reported
// done is what a recovery brings back.
int run_edit(const EditArguments& arguments)
{
    auto commands = load_script(arguments.script);
    check_verbs(commands);
    EditSession session(arguments.file);
    for (const auto& command : commands) {
        if (command.verb == "sleep") {
            sleep_for(command);
            continue;
        }
        try {
            auto done = run_edit_verb(session, command.verb, command.arguments);
            std::cout << format_location(command.where, done) << std::endl;
        } catch (const Error& failure) {
            std::cerr << "actorgraph: " << format_location(command.where, failure.message()) << '\n';
            if (session.dirty()) std::cerr << "actorgraph: the changes before it are kept in " << Journal::path_for(session.file()).string() << '\n';
            return exit_input_error;
        }
    }
    if (arguments.save) {
        session.save(arguments.save_to.empty() ? std::nullopt : std::optional<std::filesystem::path>(arguments.save_to));
        std::cout << "saved " << session.file().string() << std::endl;
    } else if (session.dirty()) {
        std::cout << "not saved: the changes are kept in " << Journal::path_for(session.file()).string()
                  << " (run again with --save, or a script ending in save)" << std::endl;
    }
    return exit_ok;
}

}  // namespace actorgraph::cli
