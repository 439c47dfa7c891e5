#pragma once
// `actorgraph edit FILE --script EDITS.txt [--save [OUT]]`: applies an edit script (the explorer's edit
// verbs) to a graph file without a window, each change journalled beside the file before it is reported.
#include <string>

namespace CLI {
class App;
}

namespace actorgraph::cli {

struct EditArguments {
    std::string file;
    std::string script;
    std::string save_to;  ///< empty: save to FILE (when `save` is set)
    bool save = false;
};

/// Registers the subcommand; its callback sets `exit_code`.
void add_edit_command(CLI::App& app, EditArguments& arguments, int& exit_code);

int run_edit(const EditArguments& arguments);

}  // namespace actorgraph::cli
