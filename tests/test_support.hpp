#pragma once
// Shared helpers for tests: paths to test data, the corpus and scratch folders.
#include <filesystem>
#include <string>

namespace actorgraph::testing {

/// A file under tests/data.
[[nodiscard]] std::filesystem::path test_data(const std::string& relative);
/// The repository root.
[[nodiscard]] std::filesystem::path source_dir();
/// ../shared/corpus next to the repository, or an empty path when it is absent.
[[nodiscard]] std::filesystem::path corpus_dir();
/// ../shared/seed/000_e5060e00c0b16605.txt, or an empty path when it is absent.
[[nodiscard]] std::filesystem::path seed_paper();
/// A fresh empty folder for one test under the system temporary folder.
[[nodiscard]] std::filesystem::path scratch_dir(const std::string& name);

}  // namespace actorgraph::testing
