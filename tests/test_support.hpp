#pragma once
// Shared helpers for tests: paths to test data, the corpus and scratch folders.
#include <filesystem>
#include <string>
#include <vector>

namespace actorgraph::testing {

/// A file under tests/data.
[[nodiscard]] std::filesystem::path test_data(const std::string& relative);
/// The repository root.
[[nodiscard]] std::filesystem::path source_dir();
/// ../shared/corpus next to the repository, or an empty path when it is absent.
[[nodiscard]] std::filesystem::path corpus_dir();
/// The graph files of a corpus folder (DOT, GraphML, GEXF), sorted; empty when the corpus is absent.
[[nodiscard]] std::vector<std::filesystem::path> corpus_graph_files(const std::string& folder);
/// The text with every character but letters and digits made '_' (a test or folder name from a path).
[[nodiscard]] std::string identifier_of(std::string text);
/// Why a corpus test cannot run, or empty when it can: in CI (the CI variable set) a missing corpus
/// is a failure, not a skip, so a test calls this and fails or skips with the text.
[[nodiscard]] bool corpus_missing_is_failure();
/// ../shared/seed/000_e5060e00c0b16605.txt, or an empty path when it is absent.
[[nodiscard]] std::filesystem::path seed_paper();
/// A fresh empty folder for one test under the system temporary folder.
[[nodiscard]] std::filesystem::path scratch_dir(const std::string& name);

/// Points ACTORGRAPH_DOT at a shell script with this body for the life of the object, so a test
/// decides what "Graphviz" does (crash, fail, echo its input) where the real one would be in the way.
class StandInDot {
public:
    StandInDot(const std::string& name, const std::string& body);
    ~StandInDot();
    StandInDot(const StandInDot&) = delete;
    StandInDot& operator=(const StandInDot&) = delete;
};

}  // namespace actorgraph::testing
