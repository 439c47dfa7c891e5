#pragma once
// Whole-file reads and crash-safe writes.
#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "actorgraph/io/limits.hpp"

namespace actorgraph {

/// Reads a whole file as bytes; throws Error naming the file when it cannot be read or holds more
/// than `max_bytes` (also for endless sources such as /dev/zero or a pipe).
[[nodiscard]] std::string read_file(const std::filesystem::path& path,
                                    std::size_t max_bytes = InputLimits{}.max_file_bytes);

/// The first `bytes` bytes of a regular file (fewer when it is shorter); throws Error naming the file
/// when it is not a regular file or cannot be read.
[[nodiscard]] std::string read_file_start(const std::filesystem::path& path, std::size_t bytes);

/// Writes a temporary file in the target's folder, flushes it and renames it over the target,
/// so a failure at any point leaves the old file intact; throws Error naming the file.
/// The new file keeps the old one's permission bits (new files get 0644 minus the umask), and the
/// folder is flushed after the rename (best effort: some file systems cannot) so the new name
/// survives a power cut.
void write_file_atomically(const std::filesystem::path& path, std::string_view content);

/// Saves several files into one existing folder all or nothing: each is written and flushed beside
/// its target, then a journal in the folder names them, then they replace their targets. Until the
/// journal is written nothing is replaced (a full disk or a kill leaves the old files); from then on
/// saved_version names the new files, so a kill between two renames still reads as the new save. The
/// next save to the folder finishes or clears what a killed one left. Throws Error saying which case it is.
void write_files_atomically(const std::filesystem::path& folder,
                            const std::vector<std::pair<std::string, std::string_view>>& files);
/// The file that holds `path`'s saved content: `path` itself, or the new version a save to its folder
/// wrote and was stopped before renaming (see write_files_atomically). Reads nothing else.
[[nodiscard]] std::filesystem::path saved_version(const std::filesystem::path& path);

namespace testing {
/// The steps of an atomic save, in order, for fault-injection tests.
enum class SaveStep { create, write, flush, close, rename };
/// Makes every later save fail at `step` as if that system call had failed with `error_number`
/// (e.g. ENOSPC, EIO), after it succeeded `skip` more times; error_number 0 turns the fault off.
/// Tests only; not thread-safe.
void fail_saves_at(SaveStep step, int error_number, int skip = 0);
}  // namespace testing

}  // namespace actorgraph
