#pragma once
// Runs the built `actorgraph` binary from a given folder and captures what it prints, for end-to-end tests.
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "actorgraph/io/file_io.hpp"
#include "test_support.hpp"

namespace actorgraph::testing {

struct CliRun {
    int exit_code = -1;
    std::string out;
    std::string err;
};

/// The arguments quoted for /bin/sh.
inline std::string shell_quoted(const std::string& text)
{
    std::string out = "'";
    for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

/// An empty settings folder, so that no stylesheet of the person running the tests changes what they see.
inline const std::filesystem::path& empty_config_home()
{
    static const auto folder = scratch_dir("cli-runner-config-home");
    return folder;
}

/// Runs `actorgraph ARGUMENTS...` in `folder`, with XDG_CONFIG_HOME at `config_home`.
inline CliRun run_cli_in(const std::filesystem::path& folder, const std::vector<std::string>& arguments,
                         const std::filesystem::path& config_home = empty_config_home())
{
    auto err_file = scratch_dir("cli-runner-stderr") / "err.txt";
    std::string command = "cd " + shell_quoted(folder.string()) + " && XDG_CONFIG_HOME=" + shell_quoted(config_home.string()) + " " +
                          shell_quoted(ACTORGRAPH_CLI);
    for (const auto& argument : arguments) command += " " + shell_quoted(argument);
    command += " 2>" + shell_quoted(err_file.string());
    CliRun run;
    FILE* pipe = ::popen(command.c_str(), "r");
    std::array<char, 4096> buffer{};
    while (auto count = std::fread(buffer.data(), 1, buffer.size(), pipe)) run.out.append(buffer.data(), count);
    int status = ::pclose(pipe);
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    run.err = read_file(err_file);
    return run;
}

}  // namespace actorgraph::testing
