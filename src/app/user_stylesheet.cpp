#include "actorgraph/app/user_stylesheet.hpp"

#include <system_error>

#include "actorgraph/io/file_io.hpp"

namespace actorgraph {

std::filesystem::path user_stylesheet_path(const std::filesystem::path& config_dir)
{
    return config_dir / "stylesheet.json";
}

std::shared_ptr<const Stylesheet> load_stylesheet_over_builtin(const std::filesystem::path& file)
{
    std::error_code missing;
    if (file.empty() || !std::filesystem::exists(file, missing)) {
        // Shares the built-in sheet rather than copying it: the common case, every load.
        return std::shared_ptr<const Stylesheet>(&Stylesheet::builtin(), [](const Stylesheet*) {});
    }
    return std::make_shared<const Stylesheet>(Stylesheet::builtin().with_overrides(read_file(file), file.string()));
}

}  // namespace actorgraph
