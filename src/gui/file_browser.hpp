#pragma once
// A small file dialog drawn with ImGui: folders, graph files (.gv, .dot, .graphml, .xml) and
// CSV folders (holding nodes.csv), plus the recent files.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "actorgraph/app/user_config.hpp"

namespace actorgraph::gui {

class FileBrowser {
public:
    explicit FileBrowser(std::filesystem::path start);
    /// Draws the browser; returns a file or CSV folder the user chose to open.
    [[nodiscard]] std::optional<std::filesystem::path> draw(const RecentFiles& recent);
    /// Shows the folder holding this file.
    void show_folder_of(const std::filesystem::path& file);

private:
    struct Entry {
        std::filesystem::path path;
        bool folder = false;
        bool csv_folder = false;
    };
    void list(const std::filesystem::path& folder);

    std::filesystem::path folder_;
    std::string folder_text_;
    std::vector<Entry> entries_;
    std::string error_;
};

}  // namespace actorgraph::gui
