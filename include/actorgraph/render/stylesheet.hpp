#pragma once
// How kinds and relation types look: shapes, colours, line styles (assets/stylesheet.json).
#include <map>
#include <string>
#include <string_view>

namespace actorgraph {

struct KindStyle {
    std::string shape = "ellipse";
    std::string fill = "#eeeeee";
    std::string border = "#666666";
    std::string font = "#222222";
    std::string style = "filled";
};

struct TypeStyle {
    std::string color = "#444444";
    std::string style = "solid";
    std::string arrowhead = "normal";
    double penwidth = 1.0;
};

struct Stylesheet {
    std::string font = "DejaVu Sans";
    double font_size = 11;
    std::string background = "white";
    std::string rankdir = "LR";
    std::string overlap = "prism";
    std::string splines = "true";
    std::string highlight_color = "#e8590c";
    std::string dim_color = "#d5d5d5";
    std::string dim_font_color = "#a0a0a0";
    std::map<std::string, KindStyle, std::less<>> kinds;  ///< "*" is the fallback
    std::map<std::string, TypeStyle, std::less<>> types;  ///< "*" is the fallback

    /// The style of a kind, or the fallback.
    [[nodiscard]] const KindStyle& kind(std::string_view name) const;
    /// The style of a relation type, or the fallback.
    [[nodiscard]] const TypeStyle& type(std::string_view name) const;

    /// Parses a stylesheet JSON text; throws Error naming the file, line and key path on malformed
    /// input, an unknown key or a value Graphviz or the explorer would not draw (with a suggestion).
    [[nodiscard]] static Stylesheet parse(std::string_view json_text, const std::string& file_name);
    /// This sheet with a partial stylesheet laid over it: each setting the text gives replaces this
    /// one's, field by field (a kind that gives only `fill` keeps its shape); same errors as parse.
    [[nodiscard]] Stylesheet with_overrides(std::string_view json_text, const std::string& file_name) const;
    /// The built-in default: assets/stylesheet.json, compiled into the library.
    [[nodiscard]] static const Stylesheet& builtin();
};

}  // namespace actorgraph
