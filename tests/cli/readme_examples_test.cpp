// The README's console examples are real: each `$ actorgraph ...` block is run from the
// repository root and must print exactly what the README shows.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <sstream>

#include "actorgraph/io/file_io.hpp"
#include "test_support.hpp"

namespace actorgraph {
namespace {

struct ConsoleExample {
    std::string command;  ///< the arguments after `actorgraph`, as typed in a shell
    std::string output;
};

std::vector<ConsoleExample> console_examples(const std::string& readme)
{
    std::vector<ConsoleExample> examples;
    std::istringstream lines(readme);
    std::string line;
    bool inside = false;
    while (std::getline(lines, line)) {
        if (!inside && line == "```console") {
            inside = true;
            continue;
        }
        if (!inside) continue;
        if (line == "```") {
            inside = false;
            continue;
        }
        if (line.starts_with("$ actorgraph ")) examples.push_back({line.substr(13), {}});
        else if (!examples.empty()) examples.back().output += line + "\n";
    }
    return examples;
}

std::string run_in_source_dir(const std::string& arguments)
{
    std::string command = "cd '" + testing::source_dir().string() + "' && '" + ACTORGRAPH_CLI + "' " + arguments + " 2>&1";
    FILE* pipe = ::popen(command.c_str(), "r");
    std::string output;
    std::array<char, 4096> buffer{};
    while (auto count = std::fread(buffer.data(), 1, buffer.size(), pipe)) output.append(buffer.data(), count);
    ::pclose(pipe);
    return output;
}

TEST(Readme, ConsoleExamplesPrintWhatTheReadmeShows)
{
    auto examples = console_examples(read_file(testing::source_dir() / "README.md"));
    ASSERT_GE(examples.size(), 5u);
    for (const auto& example : examples) {
        EXPECT_EQ(run_in_source_dir(example.command), example.output) << "actorgraph " << example.command;
    }
}

}  // namespace
}  // namespace actorgraph
