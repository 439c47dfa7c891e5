#include "actorgraph/render/stylesheet.hpp"

#include <algorithm>
#include <optional>
#include <sstream>
#include <vector>

#include <nlohmann/json.hpp>

#include "actorgraph/model/error.hpp"
#include "actorgraph/model/spelling.hpp"
#include "actorgraph/render/drawing.hpp"

namespace actorgraph {

extern const char* const builtin_stylesheet_json;  // generated from assets/stylesheet.json

namespace {

using nlohmann::json;
using KeyPath = std::vector<std::string>;

const std::vector<std::string> top_keys{"comment", "graph", "kinds", "types"};
const std::vector<std::string> graph_keys{"comment", "font", "font_size", "background", "rankdir", "overlap", "splines",
                                          "highlight_color", "dim_color", "dim_font_color"};
const std::vector<std::string> kind_keys{"comment", "shape", "fill", "border", "font", "style"};
const std::vector<std::string> type_keys{"comment", "color", "style", "arrowhead", "penwidth"};

// Graphviz's node shapes (https://graphviz.org/doc/info/shapes.html).
const std::vector<std::string> shapes{
    "box", "polygon", "ellipse", "oval", "circle", "point", "egg", "triangle", "plaintext", "plain", "diamond",
    "trapezium", "parallelogram", "house", "pentagon", "hexagon", "septagon", "octagon", "doublecircle",
    "doubleoctagon", "tripleoctagon", "invtriangle", "invtrapezium", "invhouse", "Mdiamond", "Msquare", "Mcircle",
    "rect", "rectangle", "square", "star", "none", "underline", "cylinder", "note", "tab", "folder", "box3d",
    "component", "promoter", "cds", "terminator", "utr", "primersite", "restrictionsite", "fivepoverhang",
    "threepoverhang", "noverhang", "assembly", "signature", "insulator", "ribosite", "rnastab", "proteasesite",
    "proteinstab", "rpromoter", "rarrow", "larrow", "lpromoter"};
const std::vector<std::string> node_styles{"filled", "rounded", "diagonals", "striped", "wedged", "radial",
                                           "invis", "solid", "dashed", "dotted", "bold"};
const std::vector<std::string> edge_styles{"solid", "dashed", "dotted", "bold", "invis", "tapered"};
const std::vector<std::string> rank_directions{"TB", "LR", "BT", "RL"};
const std::vector<std::string> spline_modes{"true", "false", "none", "line", "polyline", "ortho", "curved", "spline", "compound"};
const std::vector<std::string> overlap_modes{"true", "false", "scale", "scalexy", "compress", "vpsc", "ipsep", "voronoi",
                                             "prism", "ortho", "orthoxy", "orthoyx", "portho", "porthoxy", "porthoyx"};
// Arrow shapes and the old names Graphviz still accepts (https://graphviz.org/doc/info/arrows.html).
const std::vector<std::string> arrow_shapes{"box", "crow", "curve", "icurve", "diamond", "dot", "inv", "none", "normal", "tee", "vee"};
const std::vector<std::string> arrow_aliases{"ediamond", "open", "halfopen", "empty", "invempty", "invdot", "invodot", "odot"};

std::string joined(const KeyPath& path)
{
    std::string text;
    for (const auto& key : path) text += (text.empty() ? "" : ".") + key;
    return text;
}

// The line of the value a key path names, found by looking for each key in turn (nlohmann keeps no
// positions); 0 when a key is not found as written.
int line_of(std::string_view text, const KeyPath& path)
{
    std::size_t at = 0;
    for (const auto& key : path) {
        at = text.find("\"" + key + "\"", at);
        if (at == std::string_view::npos) return 0;
    }
    return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
}

bool is_arrow_name(std::string_view name)
{
    if (std::find(arrow_aliases.begin(), arrow_aliases.end(), name) != arrow_aliases.end()) return true;
    // Up to four shapes, each with an optional open (o) and a half (l|r) modifier: "onormal", "lteeoldiamond".
    int shapes_seen = 0;
    while (!name.empty()) {
        if (name.starts_with("o")) name.remove_prefix(1);
        if (name.starts_with("l") || name.starts_with("r")) name.remove_prefix(1);
        auto known = std::find_if(arrow_shapes.begin(), arrow_shapes.end(), [&](const std::string& shape) { return name.starts_with(shape); });
        if (known == arrow_shapes.end() || ++shapes_seen > 4) return false;
        name.remove_prefix(known->size());
    }
    return shapes_seen > 0;
}

bool is_overlap_mode(const std::string& mode)
{
    if (mode.starts_with("prism") && std::all_of(mode.begin() + 5, mode.end(), [](char c) { return c >= '0' && c <= '9'; })) return true;
    return std::find(overlap_modes.begin(), overlap_modes.end(), mode) != overlap_modes.end();
}

// Reads a stylesheet's JSON onto a copy of a base sheet, checking every key and value; errors name the
// file, the line and the key path ("kinds.state.fill"), with a suggestion for a misspelt word.
class SheetReader {
public:
    SheetReader(std::string_view text, const std::string& file) : text_(text), file_(file) {}

    Stylesheet read(const json& root, const Stylesheet& base) const
    {
        if (!root.is_object()) throw Error({file_, 1}, "expected a JSON object at the top");
        check_keys(root, top_keys, {}, "section");
        Stylesheet sheet = base;
        if (root.contains("graph")) read_graph(root["graph"], sheet);
        for (const char* section : {"kinds", "types"}) {
            if (!root.contains(section)) continue;
            if (!root[section].is_object()) fail({section}, "expected an object of styles by name");
        }
        if (root.contains("kinds")) {
            for (const auto& [name, value] : root["kinds"].items()) sheet.kinds[name] = kind_style(value, {"kinds", name}, base.kind(name));
        }
        if (root.contains("types")) {
            for (const auto& [name, value] : root["types"].items()) sheet.types[name] = type_style(value, {"types", name}, base.type(name));
        }
        return sheet;
    }

private:
    std::string_view text_;
    const std::string& file_;

    [[noreturn]] void fail(const KeyPath& path, const std::string& message) const
    {
        throw Error({file_, line_of(text_, path)}, "'" + joined(path) + "': " + message);
    }

    void check_keys(const json& object, const std::vector<std::string>& known, const KeyPath& path, std::string_view what) const
    {
        if (!object.is_object()) fail(path, "expected an object");
        for (const auto& [key, value] : object.items()) {
            if (std::find(known.begin(), known.end(), key) != known.end()) continue;
            auto inside = path;
            inside.push_back(key);
            fail(inside, unknown_word_message(what, key, known));
        }
    }

    std::optional<std::string> text(const json& object, const KeyPath& path) const
    {
        if (!object.contains(path.back())) return std::nullopt;
        const auto& value = object[path.back()];
        if (!value.is_string()) fail(path, "expected a string");
        return value.get<std::string>();
    }

    void read_word(const json& object, KeyPath path, std::string& out, const std::vector<std::string>& words, std::string_view what) const
    {
        auto value = text(object, path);
        if (!value) return;
        if (std::find(words.begin(), words.end(), *value) == words.end()) fail(path, unknown_word_message(what, *value, words));
        out = *value;
    }

    void read_color(const json& object, KeyPath path, std::string& out) const
    {
        auto value = text(object, path);
        if (!value) return;
        if (!is_known_color(*value)) {
            auto names = color_names();
            std::string known;
            for (const auto& name : names) known += (known.empty() ? "" : ", ") + name;
            auto close = closest_word(*value, names);
            fail(path, "'" + *value + "' is not a colour the explorer draws" + (close ? " (did you mean '" + *close + "'?)" : std::string()) +
                           ": expected #rrggbb, #rrggbbaa or one of " + known);
        }
        out = *value;
    }

    void read_number(const json& object, KeyPath path, double& out, double low, double high) const
    {
        if (!object.contains(path.back())) return;
        const auto& value = object[path.back()];
        if (!value.is_number()) fail(path, "expected a number");
        auto number = value.get<double>();
        if (!(number >= low && number <= high)) {
            std::ostringstream range;
            range << "expected a number from " << low << " to " << high;
            fail(path, range.str());
        }
        out = number;
    }

    void read_graph(const json& graph, Stylesheet& sheet) const
    {
        check_keys(graph, graph_keys, {"graph"}, "graph setting");
        if (auto font = text(graph, {"graph", "font"})) sheet.font = *font;
        read_number(graph, {"graph", "font_size"}, sheet.font_size, 1, 200);
        read_color(graph, {"graph", "background"}, sheet.background);
        read_word(graph, {"graph", "rankdir"}, sheet.rankdir, rank_directions, "rank direction");
        if (auto overlap = text(graph, {"graph", "overlap"})) {
            if (!is_overlap_mode(*overlap)) fail({"graph", "overlap"}, unknown_word_message("overlap mode", *overlap, overlap_modes));
            sheet.overlap = *overlap;
        }
        read_word(graph, {"graph", "splines"}, sheet.splines, spline_modes, "spline mode");
        read_color(graph, {"graph", "highlight_color"}, sheet.highlight_color);
        read_color(graph, {"graph", "dim_color"}, sheet.dim_color);
        read_color(graph, {"graph", "dim_font_color"}, sheet.dim_font_color);
    }

    KindStyle kind_style(const json& object, const KeyPath& path, KindStyle style) const
    {
        check_keys(object, kind_keys, path, "kind style key");
        auto at = [&](const char* key) { auto inside = path; inside.emplace_back(key); return inside; };
        read_word(object, at("shape"), style.shape, shapes, "shape");
        read_color(object, at("fill"), style.fill);
        read_color(object, at("border"), style.border);
        read_color(object, at("font"), style.font);
        if (auto styles = text(object, at("style"))) {
            std::string_view rest = *styles;
            while (!rest.empty()) {
                auto comma = rest.find(',');
                auto word = std::string(rest.substr(0, comma));
                if (std::find(node_styles.begin(), node_styles.end(), word) == node_styles.end()) {
                    fail(at("style"), unknown_word_message("node style", word, node_styles));
                }
                rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
            }
            style.style = *styles;
        }
        return style;
    }

    TypeStyle type_style(const json& object, const KeyPath& path, TypeStyle style) const
    {
        check_keys(object, type_keys, path, "relation style key");
        auto at = [&](const char* key) { auto inside = path; inside.emplace_back(key); return inside; };
        read_color(object, at("color"), style.color);
        read_word(object, at("style"), style.style, edge_styles, "line style");
        if (auto arrow = text(object, at("arrowhead"))) {
            if (!is_arrow_name(*arrow)) {
                auto known = arrow_shapes;
                known.insert(known.end(), arrow_aliases.begin(), arrow_aliases.end());
                fail(at("arrowhead"), unknown_word_message("arrowhead", *arrow, known));
            }
            style.arrowhead = *arrow;
        }
        read_number(object, at("penwidth"), style.penwidth, 0.1, 20);
        return style;
    }
};

Stylesheet parse_onto(const Stylesheet& base, std::string_view json_text, const std::string& file_name)
{
    json root;
    try {
        root = json::parse(json_text);
    } catch (const json::parse_error& error) {
        auto offset = std::min<std::size_t>(error.byte, json_text.size());
        int line = 1;
        for (std::size_t i = 0; i < offset; ++i) line += json_text[i] == '\n';
        throw Error({file_name, line}, std::string("malformed JSON: ") + error.what());
    } catch (const json::exception& error) {
        throw Error({file_name, 0}, std::string("malformed JSON: ") + error.what());
    }
    try {
        return SheetReader(json_text, file_name).read(root, base);
    } catch (const json::exception& error) {
        throw Error({file_name, 0}, error.what());
    }
}

}  // namespace

const KindStyle& Stylesheet::kind(std::string_view name) const
{
    static const KindStyle fallback;
    if (auto it = kinds.find(name); it != kinds.end()) return it->second;
    if (auto it = kinds.find("*"); it != kinds.end()) return it->second;
    return fallback;
}

const TypeStyle& Stylesheet::type(std::string_view name) const
{
    static const TypeStyle fallback;
    if (auto it = types.find(name); it != types.end()) return it->second;
    if (auto it = types.find("*"); it != types.end()) return it->second;
    return fallback;
}

Stylesheet Stylesheet::parse(std::string_view json_text, const std::string& file_name)
{
    return parse_onto(Stylesheet{}, json_text, file_name);
}

Stylesheet Stylesheet::with_overrides(std::string_view json_text, const std::string& file_name) const
{
    return parse_onto(*this, json_text, file_name);
}

const Stylesheet& Stylesheet::builtin()
{
    static const Stylesheet sheet = parse(builtin_stylesheet_json, "assets/stylesheet.json");
    return sheet;
}

}  // namespace actorgraph
