#include "gui/gui_settings.hpp"

#include <charconv>
#include <fstream>

namespace actorgraph::gui {

GuiSettings::GuiSettings(std::filesystem::path storage) : storage_(std::move(storage))
{
    std::ifstream in(storage_);
    std::string line;
    while (std::getline(in, line)) {
        auto equals = line.find('=');
        if (equals != std::string::npos) values_[line.substr(0, equals)] = line.substr(equals + 1);
    }
}

void GuiSettings::save() const
{
    std::error_code ignored;
    std::filesystem::create_directories(storage_.parent_path(), ignored);
    std::ofstream out(storage_, std::ios::trunc);
    for (const auto& [key, value] : values_) out << key << '=' << value << '\n';
}

int GuiSettings::integer(const std::string& key, int fallback) const
{
    auto it = values_.find(key);
    if (it == values_.end()) return fallback;
    int value = fallback;
    auto [end, failure] = std::from_chars(it->second.data(), it->second.data() + it->second.size(), value);
    return failure == std::errc{} ? value : fallback;
}

bool GuiSettings::panel_open(const std::string& panel, bool fallback) const
{
    auto it = values_.find("panel." + panel);
    return it == values_.end() ? fallback : it->second == "1";
}

// Built from characters, not string literals, to avoid a false -Wrestrict from g++ 12.
void GuiSettings::set_panel_open(const std::string& panel, bool open)
{
    std::string key = "panel.";
    key += panel;
    values_.insert_or_assign(std::move(key), std::string(1, open ? '1' : '0'));
}

}  // namespace actorgraph::gui
