#pragma once
// The explorer's command line: actorgraph-gui [FILE] [--screenshot OUT.png] [--frames N] [--script FILE] [--size WxH].
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace actorgraph::gui {

struct GuiOptions {
    std::filesystem::path file;                      ///< graph to open; empty = the bundled NATO graph
    std::optional<std::filesystem::path> screenshot; ///< write a PNG and exit
    int frames = 3;                                  ///< frames drawn after the script and layout settle
    std::optional<std::filesystem::path> script;
    std::optional<std::filesystem::path> input;      ///< mouse and keyboard steps played after the script (tests)
    std::optional<std::pair<int, int>> size;         ///< window size; default = the last one used
    int timeout_seconds = 120;                       ///< how long --screenshot waits for layouts
    bool help = false;
};

/// Parses the arguments; throws std::invalid_argument with a usage hint on bad input.
[[nodiscard]] GuiOptions parse_command_line(const std::vector<std::string>& arguments);
/// The usage text for --help.
[[nodiscard]] std::string usage_text();
/// The bundled NATO–Mongolia graph: next to the source tree, else ./graphs/.
[[nodiscard]] std::filesystem::path default_graph_file();

}  // namespace actorgraph::gui
