// actorgraph-gui: the explorer window over the core library (see docs/explorer.md).
#include <cstdio>
#include <exception>
#include <string>
#include <vector>

#include "gui/command_line.hpp"
#include "gui/session.hpp"

int main(int argc, char** argv)
{
    using namespace actorgraph::gui;
    GuiOptions options;
    try {
        options = parse_command_line(std::vector<std::string>(argv + 1, argv + argc));
    } catch (const std::exception& failure) {
        std::fprintf(stderr, "actorgraph-gui: %s\n%s", failure.what(), usage_text().c_str());
        return exit_usage;
    }
    if (options.help) {
        std::fputs(usage_text().c_str(), stdout);
        return 0;
    }
    try {
        return run_session(options);
    } catch (const std::exception& failure) {
        std::fprintf(stderr, "actorgraph-gui: %s\n", failure.what());
        return exit_failure;
    }
}
