#pragma once
// Where the explorer keeps its settings: $XDG_CONFIG_HOME/actorgraph or ~/.config/actorgraph.
#include <deque>
#include <filesystem>
#include <vector>

namespace actorgraph {

/// The explorer's settings folder (not created); the current folder when no home is known.
[[nodiscard]] std::filesystem::path user_config_dir();

/// Most recently opened files first, persisted as one path per line.
class RecentFiles {
public:
    /// Reads the list from a file; a missing or unreadable file gives an empty list.
    explicit RecentFiles(std::filesystem::path storage, std::size_t capacity = 10);

    /// Moves the path to the front (absolute form) and saves the list; saving errors are ignored.
    void add(const std::filesystem::path& path);
    /// Removes a path, e.g. one that no longer exists, and saves.
    void remove(const std::filesystem::path& path);
    [[nodiscard]] const std::deque<std::filesystem::path>& files() const noexcept { return files_; }
    [[nodiscard]] const std::filesystem::path& storage() const noexcept { return storage_; }

private:
    void save() const;

    std::filesystem::path storage_;
    std::size_t capacity_;
    std::deque<std::filesystem::path> files_;
};

}  // namespace actorgraph
