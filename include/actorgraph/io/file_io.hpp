#pragma once
// Whole-file reads and crash-safe writes.
#include <filesystem>
#include <string>
#include <string_view>

namespace actorgraph {

/// Reads a whole file as bytes; throws Error naming the file when it cannot be read.
[[nodiscard]] std::string read_file(const std::filesystem::path& path);

/// Writes a temporary file in the target's folder, flushes it and renames it over the target,
/// so a failure at any point leaves the old file intact; throws Error naming the file.
void write_file_atomically(const std::filesystem::path& path, std::string_view content);

}  // namespace actorgraph
