#pragma once
// Window size and which panels are open, kept between runs in the user's config folder.
#include <filesystem>
#include <map>
#include <string>

namespace actorgraph::gui {

class GuiSettings {
public:
    /// Reads key=value lines; a missing file gives the defaults.
    explicit GuiSettings(std::filesystem::path storage);
    /// Writes the settings; errors are ignored (settings are a convenience).
    void save() const;

    [[nodiscard]] int integer(const std::string& key, int fallback) const;
    void set_integer(const std::string& key, int value) { values_[key] = std::to_string(value); }
    /// Whether a panel's header was open, or the fallback the first time.
    [[nodiscard]] bool panel_open(const std::string& panel, bool fallback) const;
    void set_panel_open(const std::string& panel, bool open);

private:
    std::filesystem::path storage_;
    std::map<std::string, std::string> values_;
};

}  // namespace actorgraph::gui
