#pragma once
// Runs Graphviz's own `dot` program as a child process: the layout can be killed at once, a
// Graphviz crash or exit() cannot touch the caller, and nothing it prints reaches our stderr.
#include <string>
#include <string_view>
#include <vector>

#include "actorgraph/render/graphviz_render.hpp"

namespace actorgraph::graphviz {

/// What a finished child program produced.
struct ProgramOutput {
    int exit_status = 0;     ///< the exit code, or 128 + signal number when a signal ended it
    std::string signal;      ///< the signal's name when one ended it, else empty
    std::string output;      ///< everything written to stdout
    std::string messages;    ///< everything written to stderr
};

/// The path of the `dot` program: $ACTORGRAPH_DOT, else the one found at configure time, else "dot" on PATH.
[[nodiscard]] std::string dot_program();

/// Runs the program with the input on stdin; throws Error when it cannot start, when the budget
/// runs out or when cancelled (the child is killed and reaped in every case).
[[nodiscard]] ProgramOutput run_program(const std::vector<std::string>& arguments, std::string_view input,
                                        const RenderControl& control);

}  // namespace actorgraph::graphviz
