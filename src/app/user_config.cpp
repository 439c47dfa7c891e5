#include "actorgraph/app/user_config.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>

namespace fs = std::filesystem;

namespace actorgraph {

fs::path user_config_dir()
{
    if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg) return fs::path(xdg) / "actorgraph";
    if (const char* home = std::getenv("HOME"); home && *home) return fs::path(home) / ".config" / "actorgraph";
    return fs::current_path() / ".actorgraph";
}

RecentFiles::RecentFiles(fs::path storage, std::size_t capacity) : storage_(std::move(storage)), capacity_(capacity)
{
    std::ifstream in(storage_);
    std::string line;
    while (files_.size() < capacity_ && std::getline(in, line)) {
        if (!line.empty()) files_.emplace_back(line);
    }
}

void RecentFiles::add(const fs::path& path)
{
    std::error_code ignored;
    auto absolute = fs::absolute(path, ignored).lexically_normal();
    std::erase(files_, absolute);
    files_.push_front(absolute);
    while (files_.size() > capacity_) files_.pop_back();
    save();
}

void RecentFiles::remove(const fs::path& path)
{
    std::erase(files_, path);
    save();
}

void RecentFiles::save() const
{
    // Recent files are a convenience: a read-only home must not stop the explorer.
    std::error_code ignored;
    fs::create_directories(storage_.parent_path(), ignored);
    std::ofstream out(storage_, std::ios::trunc);
    for (const auto& file : files_) out << file.string() << '\n';
}

}  // namespace actorgraph
