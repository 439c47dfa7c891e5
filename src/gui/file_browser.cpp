#include "gui/file_browser.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

#include "actorgraph/app/display_text.hpp"

namespace fs = std::filesystem;

namespace actorgraph::gui {

namespace {

bool is_graph_file(const fs::path& path)
{
    auto extension = path.extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(), [](unsigned char c) { return std::tolower(c); });
    return extension == ".gv" || extension == ".dot" || extension == ".graphml" || extension == ".xml" ||
           extension == ".gexf";
}

}  // namespace

FileBrowser::FileBrowser(fs::path start) { list(start); }

void FileBrowser::show_folder_of(const fs::path& file)
{
    std::error_code ignored;
    auto absolute = fs::absolute(file, ignored);
    list(fs::is_directory(absolute, ignored) ? absolute.parent_path() : absolute.parent_path());
}

void FileBrowser::list(const fs::path& folder)
{
    std::error_code failure;
    auto absolute = fs::absolute(folder, failure).lexically_normal();
    std::vector<Entry> entries;
    for (fs::directory_iterator it(absolute, fs::directory_options::skip_permission_denied, failure), end;
         !failure && it != end; it.increment(failure)) {
        const auto& path = it->path();
        if (path.filename().string().starts_with(".")) continue;
        std::error_code ignored;
        if (it->is_directory(ignored)) entries.push_back({path, true, fs::exists(path / "nodes.csv", ignored)});
        else if (is_graph_file(path)) entries.push_back({path, false, false});
    }
    if (failure) {
        error_ = "cannot list " + absolute.string() + ": " + failure.message();
        return;
    }
    std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
        if (a.folder != b.folder) return a.folder;
        return a.path.filename() < b.path.filename();
    });
    error_.clear();
    folder_ = absolute;
    folder_text_ = absolute.string();
    entries_ = std::move(entries);
}

std::optional<fs::path> FileBrowser::draw(const RecentFiles& recent)
{
    std::optional<fs::path> chosen;
    if (ImGui::Button("Up")) list(folder_.parent_path());
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1);
    if (ImGui::InputText("##folder", &folder_text_, ImGuiInputTextFlags_EnterReturnsTrue)) {
        std::error_code ignored;
        if (fs::is_regular_file(folder_text_, ignored)) chosen = fs::path(folder_text_);
        else list(folder_text_);
    }
    if (!error_.empty()) ImGui::TextColored({0.75f, 0.1f, 0.1f, 1}, "%s", display_text(error_, long_text_limit).c_str());
    ImGui::BeginChild("entries", {0, ImGui::GetTextLineHeightWithSpacing() * 8}, true);
    for (std::size_t i = 0; i < entries_.size(); ++i) {
        const auto& entry = entries_[i];
        auto name = entry.path.filename().string();
        auto label = widget_label((entry.folder ? (entry.csv_folder ? "[csv] " : "[dir] ") : "") + name, std::to_string(i));
        if (ImGui::Selectable(label.c_str())) {
            // A folder with nodes.csv is a graph in Neo4j CSV form: it opens rather than lists.
            if (entry.folder && !entry.csv_folder) {
                list(entry.path);
                break;
            }
            chosen = entry.path;
        }
    }
    ImGui::EndChild();
    ImGui::TextDisabled("Drop a file onto the window to open it.");
    if (!recent.files().empty()) {
        ImGui::TextUnformatted("Recent files");
        std::size_t i = 0;
        for (const auto& file : recent.files()) {
            if (ImGui::Selectable(widget_label(file.string(), "recent" + std::to_string(i++)).c_str())) chosen = file;
        }
    }
    return chosen;
}

}  // namespace actorgraph::gui
