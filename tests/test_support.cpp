#include "test_support.hpp"

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>

namespace fs = std::filesystem;

namespace actorgraph::testing {

fs::path test_data(const std::string& relative) { return fs::path(ACTORGRAPH_TEST_DATA) / relative; }

fs::path source_dir() { return fs::path(ACTORGRAPH_SOURCE_DIR); }

fs::path corpus_dir()
{
    auto dir = source_dir().parent_path() / "shared" / "corpus";
    return fs::is_directory(dir) ? dir : fs::path{};
}

std::vector<fs::path> corpus_graph_files(const std::string& folder)
{
    std::vector<fs::path> files;
    auto dir = corpus_dir();
    if (dir.empty() || !fs::is_directory(dir / folder)) return files;
    for (const auto& entry : fs::directory_iterator(dir / folder)) {
        auto extension = entry.path().extension().string();
        if (!entry.is_regular_file()) continue;
        if (extension == ".gv" || extension == ".dot" || extension == ".graphml" || extension == ".gexf") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

std::string identifier_of(std::string text)
{
    for (auto& c : text) c = std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
    return text;
}

bool corpus_missing_is_failure()
{
    const char* ci = std::getenv("CI");
    return ci && *ci && std::string(ci) != "0" && std::string(ci) != "false";
}

fs::path seed_paper()
{
    auto file = source_dir().parent_path() / "shared" / "seed" / "000_e5060e00c0b16605.txt";
    return fs::exists(file) ? file : fs::path{};
}

fs::path scratch_dir(const std::string& name)
{
    auto dir = fs::temp_directory_path() / ("actorgraph-test-" + std::to_string(::getpid())) / name;
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

StandInDot::StandInDot(const std::string& name, const std::string& body)
{
    auto path = scratch_dir("stand_in_dot") / name;
    std::ofstream(path) << "#!/bin/sh\n" << body << "\n";
    fs::permissions(path, fs::perms::owner_all);
    ::setenv("ACTORGRAPH_DOT", path.c_str(), 1);
}

StandInDot::~StandInDot() { ::unsetenv("ACTORGRAPH_DOT"); }

}  // namespace actorgraph::testing
