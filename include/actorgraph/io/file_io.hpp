#pragma once
// Whole-file reads and crash-safe writes.
#include <filesystem>
#include <string>
#include <string_view>

#include "actorgraph/io/limits.hpp"

namespace actorgraph {

/// Reads a whole file as bytes; throws Error naming the file when it cannot be read or holds more
/// than `max_bytes` (also for endless sources such as /dev/zero or a pipe).
[[nodiscard]] std::string read_file(const std::filesystem::path& path,
                                    std::size_t max_bytes = InputLimits{}.max_file_bytes);

/// Writes a temporary file in the target's folder, flushes it and renames it over the target,
/// so a failure at any point leaves the old file intact; throws Error naming the file.
/// The new file keeps the old one's permission bits (new files get 0644 minus the umask), and the
/// folder is flushed after the rename (best effort: some file systems cannot) so the new name
/// survives a power cut.
void write_file_atomically(const std::filesystem::path& path, std::string_view content);

namespace testing {
/// The steps of an atomic save, in order, for fault-injection tests.
enum class SaveStep { create, write, flush, close, rename };
/// Makes every later save fail at `step` as if that system call had failed with `error_number`
/// (e.g. ENOSPC, EIO); error_number 0 turns the fault off. Tests only; not thread-safe.
void fail_saves_at(SaveStep step, int error_number);
}  // namespace testing

}  // namespace actorgraph
