#pragma once
// The look pictures are drawn with: the built-in stylesheet (assets/stylesheet.json) with the user's
// own overrides laid over it, from CONFIG/stylesheet.json (docs/explorer.md, "Styles"). The explorer
// and `actorgraph export` both use it, so the window and the command line draw the same picture.
#include <filesystem>
#include <memory>

#include "actorgraph/render/stylesheet.hpp"

namespace actorgraph {

/// Where the user's stylesheet lives: CONFIG/stylesheet.json.
[[nodiscard]] std::filesystem::path user_stylesheet_path(const std::filesystem::path& config_dir);

/// The built-in stylesheet with a stylesheet file laid over it (see Stylesheet::with_overrides); the
/// built-in one alone when the file does not exist. Throws Error naming the file, line and key when
/// the file cannot be read or holds a mistake.
[[nodiscard]] std::shared_ptr<const Stylesheet> load_stylesheet_over_builtin(const std::filesystem::path& file);

}  // namespace actorgraph
