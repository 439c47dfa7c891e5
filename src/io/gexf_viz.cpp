#include "io/gexf_viz.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <optional>

#include "actorgraph/model/schema.hpp"
#include "io/xml_text.hpp"

namespace actorgraph::gexf {

namespace {

constexpr std::array<std::string_view, 3> axes{"x", "y", "z"};

std::string hex_byte(long value)
{
    constexpr char digits[] = "0123456789abcdef";
    auto byte = static_cast<unsigned>(std::clamp(value, 0L, 255L));
    return {digits[byte >> 4], digits[byte & 0xF]};
}

std::optional<int> hex_digit(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return std::nullopt;
}

// "#rrggbb" or "#rrggbbaa" as its bytes; nullopt for anything else.
std::optional<std::array<int, 4>> parse_hex_color(std::string_view text)
{
    if (!text.starts_with('#') || (text.size() != 7 && text.size() != 9)) return std::nullopt;
    std::array<int, 4> bytes{0, 0, 0, 255};
    for (std::size_t i = 0; 1 + 2 * i < text.size(); ++i) {
        auto high = hex_digit(text[1 + 2 * i]), low = hex_digit(text[2 + 2 * i]);
        if (!high || !low) return std::nullopt;
        bytes[i] = *high * 16 + *low;
    }
    return bytes;
}

// viz:color as "#rrggbb" (plus "aa" when not opaque), from r/g/b/a or GEXF 1.3's hex.
std::string color_of(const pugi::xml_node& color)
{
    if (auto hex = color.attribute("hex")) {
        auto bytes = parse_hex_color(hex.value());
        if (!bytes) return hex.value();
        std::string text = "#" + hex_byte((*bytes)[0]) + hex_byte((*bytes)[1]) + hex_byte((*bytes)[2]);
        auto alpha = color.attribute("a");
        if (alpha && alpha.as_double(1.0) < 1.0) text += hex_byte(std::lround(alpha.as_double() * 255));
        return text;
    }
    std::string text = "#";
    for (const char* channel : {"r", "g", "b"}) text += hex_byte(color.attribute(channel).as_int());
    auto alpha = color.attribute("a");
    if (alpha && alpha.as_double(1.0) < 1.0) text += hex_byte(std::lround(std::clamp(alpha.as_double(), 0.0, 1.0) * 255));
    return text;
}

std::string number_text(double value)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.10g", value);
    return buffer;
}

bool is_number(std::string_view value)
{
    return parse_number(value).has_value();
}

}  // namespace

void read_viz(const pugi::xml_node& element, Properties& properties)
{
    for (auto child : element.children()) {
        if (child.type() != pugi::node_element) continue;
        std::string_view name = child.name();
        if (!name.starts_with("viz:") && name.find(':') != std::string_view::npos) continue;
        auto local = xml::local_name(name);
        if (local == "position") {
            for (auto axis : axes) {
                auto value = child.attribute(std::string(axis).c_str());
                if (!value) continue;
                if (axis == "z" && value.as_double() == 0.0) continue;  // 2D files write z="0.0"
                properties.insert_or_assign(axis, value.value());
            }
        } else if (local == "size" || local == "thickness" || local == "shape") {
            if (auto value = child.attribute("value")) properties.insert_or_assign(local, value.value());
        } else if (local == "color") {
            properties.insert_or_assign("color", color_of(child));
        }
    }
}

// Only values that read back exactly as they are are written as viz data: numbers verbatim, a color in
// the spelling read_viz gives, x and y together; anything else stays an attribute value.
bool is_viz_property(const Properties& properties, std::string_view name)
{
    auto value = property_or_empty(properties, name);
    if (!properties.contains(name)) return false;
    if (name == "x" || name == "y" || name == "z") {
        bool placed = is_number(property_or_empty(properties, "x")) && is_number(property_or_empty(properties, "y"));
        return placed && is_number(value) && trim_spaces(value) == value;
    }
    if (name == "size" || name == "thickness") return is_number(value) && trim_spaces(value) == value;
    if (name == "color") {
        auto bytes = parse_hex_color(value);
        if (!bytes) return false;
        std::string canonical = "#" + hex_byte((*bytes)[0]) + hex_byte((*bytes)[1]) + hex_byte((*bytes)[2]);
        if ((*bytes)[3] != 255) canonical += hex_byte((*bytes)[3]);
        return canonical == value;
    }
    return name == "shape" && !value.empty();
}

std::string viz_elements(const Properties& properties, std::string_view indent)
{
    std::string out;
    auto line = [&](std::string_view element, const std::string& attributes) {
        out += std::string(indent) + "<viz:" + std::string(element) + attributes + "/>\n";
    };
    auto value = [&](std::string_view name) { return property_or_empty(properties, name); };
    if (is_viz_property(properties, "color")) {
        auto bytes = *parse_hex_color(value("color"));
        std::string channels = " r=\"" + std::to_string(bytes[0]) + "\" g=\"" + std::to_string(bytes[1]) + "\" b=\"" +
                               std::to_string(bytes[2]) + "\"";
        if (bytes[3] != 255) channels += " a=\"" + number_text(bytes[3] / 255.0) + "\"";
        line("color", channels);
    }
    if (is_viz_property(properties, "x")) {
        std::string position = xml::attribute("x", value("x")) + xml::attribute("y", value("y"));
        if (is_viz_property(properties, "z")) position += xml::attribute("z", value("z"));
        line("position", position);
    }
    for (std::string_view name : {"size", "thickness", "shape"}) {
        if (is_viz_property(properties, name)) line(name, xml::attribute("value", value(name)));
    }
    return out;
}

}  // namespace actorgraph::gexf
