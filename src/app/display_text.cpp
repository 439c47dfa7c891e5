#include "actorgraph/app/display_text.hpp"

#include <cstdint>

namespace actorgraph {

namespace {

constexpr std::string_view replacement = "\xEF\xBF\xBD";  // U+FFFD
constexpr std::string_view ellipsis = "\xE2\x80\xA6";     // U+2026
constexpr std::string_view hair_space = "\xE2\x80\x8A";   // U+200A

// The length of the valid UTF-8 sequence at the start of `text`, or 0 when it is not one
// (overlong forms, surrogates and code points past U+10FFFF are invalid, as in RFC 3629).
std::size_t utf8_sequence_length(std::string_view text)
{
    auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    auto lead = byte(0);
    if (lead < 0x80) return 1;
    std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0;
    if (length == 0 || lead > 0xF4 || length > text.size()) return 0;
    for (std::size_t i = 1; i < length; ++i) {
        if ((byte(i) & 0xC0) != 0x80) return 0;
    }
    std::uint32_t code = lead & (0x7F >> length);
    for (std::size_t i = 1; i < length; ++i) code = (code << 6) | (byte(i) & 0x3F);
    constexpr std::uint32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
    if (code < smallest[length] || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return 0;
    return length;
}

bool is_blank(std::string_view text)
{
    return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

}  // namespace

std::string display_text(std::string_view text, std::size_t limit)
{
    std::string shown;
    shown.reserve(std::min(text.size(), limit * 4 + ellipsis.size()));
    std::size_t code_points = 0;
    for (std::size_t at = 0; at < text.size(); ++code_points) {
        if (code_points == limit) {
            shown += ellipsis;
            break;
        }
        auto length = utf8_sequence_length(text.substr(at));
        auto c = static_cast<unsigned char>(text[at]);
        if (length == 0) {
            shown += replacement;
            at += 1;
        } else if (c == '\n' || c == '\r' || c == '\t') {
            shown += ' ';
            at += 1;
        } else if (c < 0x20 || c == 0x7F) {
            shown += replacement;
            at += 1;
        } else {
            shown.append(text.substr(at, length));
            at += length;
        }
    }
    return shown;
}

std::string display_text_or(std::string_view text, std::string_view placeholder, std::size_t limit)
{
    return is_blank(text) ? std::string(placeholder) : display_text(text, limit);
}

std::string widget_label(std::string_view text, std::string_view id)
{
    auto shown = display_text(text);
    std::string label;
    label.reserve(shown.size() + id.size() + 8);
    for (std::size_t i = 0; i < shown.size(); ++i) {
        label += shown[i];
        if (shown[i] == '#' && i + 1 < shown.size() && shown[i + 1] == '#') label += hair_space;
    }
    // A trailing '#' would join the separator's and hide itself.
    if (!label.empty() && label.back() == '#') label += hair_space;
    label += "###";
    label += id;
    return label;
}

}  // namespace actorgraph
