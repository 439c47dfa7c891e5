#include "test_support.hpp"

#include <unistd.h>

namespace fs = std::filesystem;

namespace actorgraph::testing {

fs::path test_data(const std::string& relative) { return fs::path(ACTORGRAPH_TEST_DATA) / relative; }

fs::path source_dir() { return fs::path(ACTORGRAPH_SOURCE_DIR); }

fs::path corpus_dir()
{
    auto dir = source_dir().parent_path() / "shared" / "corpus";
    return fs::is_directory(dir) ? dir : fs::path{};
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

}  // namespace actorgraph::testing
