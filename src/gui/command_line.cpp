#include "gui/command_line.hpp"

#include <charconv>
#include <stdexcept>

namespace fs = std::filesystem;

namespace actorgraph::gui {

namespace {

int positive_int(const std::string& text, const std::string& option)
{
    int value = 0;
    auto [end, failure] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (failure != std::errc{} || end != text.data() + text.size() || value <= 0) {
        throw std::invalid_argument(option + " expects a positive number, got '" + text + "'");
    }
    return value;
}

std::pair<int, int> window_size(const std::string& text)
{
    auto x = text.find('x');
    if (x == std::string::npos) throw std::invalid_argument("--size expects WIDTHxHEIGHT, e.g. 1600x1000");
    return {positive_int(text.substr(0, x), "--size"), positive_int(text.substr(x + 1), "--size")};
}

}  // namespace

std::string usage_text()
{
    return "usage: actorgraph-gui [FILE] [--screenshot OUT.png] [--frames N] [--script FILE] [--input FILE] [--size WxH] [--timeout S]\n"
           "  FILE            a .gv/.dot, .graphml, .gexf file or a folder with nodes.csv (default: graphs/nato_mongolia.gv)\n"
           "  --screenshot    render without user input, write the window as PNG and exit\n"
           "  --frames N      frames to draw after the script and layouts finish (default 3)\n"
           "  --script FILE   apply UI actions from a file, one per line (see docs/explorer.md)\n"
           "                  (each line done is printed as FILE:LINE: what it did; edits once journalled)\n"
           "  --input FILE    then play mouse and keyboard steps into the window (tests; see src/gui/input_script.hpp)\n"
           "  --size WxH      window size in pixels (default: the last size, or 1600x1000)\n"
           "  --timeout S     how long --screenshot waits for layouts (default 120)\n"
           "example: xvfb-run -a actorgraph-gui graphs/nato_mongolia.gv --script session.txt --screenshot view.png\n"
           "The window, its menus, keys, panels and every script verb: docs/explorer.md\n";
}

GuiOptions parse_command_line(const std::vector<std::string>& arguments)
{
    GuiOptions options;
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        const auto& argument = arguments[i];
        auto value = [&]() -> const std::string& {
            if (i + 1 >= arguments.size()) throw std::invalid_argument(argument + " expects a value");
            return arguments[++i];
        };
        if (argument == "-h" || argument == "--help") options.help = true;
        else if (argument == "--screenshot") options.screenshot = value();
        else if (argument == "--frames") options.frames = positive_int(value(), argument);
        else if (argument == "--script") options.script = value();
        else if (argument == "--input") options.input = value();
        else if (argument == "--size") options.size = window_size(value());
        else if (argument == "--timeout") options.timeout_seconds = positive_int(value(), argument);
        else if (argument.starts_with("-")) throw std::invalid_argument("unknown option " + argument);
        else if (options.file.empty()) options.file = argument;
        else throw std::invalid_argument("only one FILE may be given");
    }
    return options;
}

fs::path default_graph_file()
{
    fs::path bundled = ACTORGRAPH_DEFAULT_GRAPH;
    if (fs::exists(bundled)) return bundled;
    fs::path local = fs::path("graphs") / "nato_mongolia.gv";
    return fs::exists(local) ? local : bundled;
}

}  // namespace actorgraph::gui
