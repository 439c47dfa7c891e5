#include "io/xml_text.hpp"

#include <algorithm>

#include "actorgraph/model/utf8.hpp"

namespace actorgraph::xml {

ActorIndex edge_endpoint(Graph& graph, const std::string& id, const pugi::xml_node& edge, const SourceLocation& where)
{
    if (auto found = graph.find_by_id(id)) return *found;
    graph.warn(where, "edge from '" + std::string(edge.attribute("source").value()) + "' to '" +
                          edge.attribute("target").value() + "': node '" + id + "' is not declared; created it");
    Actor actor;
    actor.id = id;
    actor.where = where;
    return graph.add_actor(std::move(actor));
}

std::string_view local_name(std::string_view qualified)
{
    auto colon = qualified.rfind(':');
    return colon == std::string_view::npos ? qualified : qualified.substr(colon + 1);
}

bool is_element(const pugi::xml_node& node, std::string_view name)
{
    return node.type() == pugi::node_element && local_name(node.name()) == name;
}

std::optional<char32_t> next_code_point(std::string_view text, std::size_t& pos)
{
    auto lead = static_cast<unsigned char>(text[pos]);
    if (lead < 0x80) {
        ++pos;
        return lead;
    }
    std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0;
    if (length == 0 || lead > 0xF4 || pos + length > text.size()) return std::nullopt;
    char32_t code = lead & (0x3Fu >> (length - 1));
    for (std::size_t i = 1; i < length; ++i) {
        auto byte = static_cast<unsigned char>(text[pos + i]);
        if ((byte & 0xC0) != 0x80) return std::nullopt;
        code = (code << 6) | (byte & 0x3Fu);
    }
    constexpr char32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
    if (code < smallest[length] || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return std::nullopt;
    pos += length;
    return code;
}

std::string text_of(const pugi::xml_node& element)
{
    std::string text;
    for (auto child : element.children()) {
        if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) text += child.value();
    }
    return text;
}

std::size_t count_elements(const pugi::xml_node& root)
{
    std::size_t count = 0;
    for (auto node = root; node;) {
        if (node.type() == pugi::node_element) ++count;
        if (node.first_child()) {
            node = node.first_child();
            continue;
        }
        while (node && node != root && !node.next_sibling()) node = node.parent();
        if (!node || node == root) break;
        node = node.next_sibling();
    }
    return count;
}

LineTable::LineTable(std::string_view text, bool widen_high_bytes) : known_(true)
{
    std::size_t offset = 0;
    starts_.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        offset += widen_high_bytes && static_cast<unsigned char>(c) >= 0x80 ? 2 : 1;
        bool lone_cr = c == '\r' && (i + 1 == text.size() || text[i + 1] != '\n');
        if (c == '\n' || lone_cr) starts_.push_back(offset);
    }
}

int LineTable::line_of(std::ptrdiff_t offset) const
{
    if (!known_ || offset < 0) return 0;
    auto next = std::upper_bound(starts_.begin(), starts_.end(), static_cast<std::size_t>(offset));
    return static_cast<int>(next - starts_.begin());
}

namespace {

std::string code_point_name(char32_t code)
{
    constexpr char digits[] = "0123456789ABCDEF";
    std::string name = "U+";
    for (int shift = 12; shift >= 0; shift -= 4) name += digits[(code >> shift) & 0xF];
    return name;
}

// XML 1.0's Char production: what a document may hold, written or as a character reference.
bool is_xml_char(char32_t code)
{
    return code == 0x9 || code == 0xA || code == 0xD || (code >= 0x20 && code <= 0xD7FF) ||
           (code >= 0xE000 && code <= 0xFFFD) || (code >= 0x10000 && code <= 0x10FFFF);
}

constexpr std::string_view allowed_characters = "expected a character XML 1.0 allows (tab, line break, or U+0020 and above)";

// The value of the character reference `&#...;` at `at`, or nullopt when it is not one (pugixml reports
// those). Values past U+10FFFF are capped there, still outside what XML allows.
std::optional<char32_t> character_reference(std::string_view text, std::size_t at)
{
    std::size_t i = at + 2;
    bool hex = i < text.size() && (text[i] == 'x');
    if (hex) ++i;
    char32_t value = 0;
    std::size_t digits = 0;
    for (; i < text.size() && text[i] != ';'; ++i, ++digits) {
        char c = text[i];
        unsigned digit = 0;
        if (c >= '0' && c <= '9') digit = static_cast<unsigned>(c - '0');
        else if (hex && c >= 'a' && c <= 'f') digit = static_cast<unsigned>(c - 'a' + 10);
        else if (hex && c >= 'A' && c <= 'F') digit = static_cast<unsigned>(c - 'A' + 10);
        else return std::nullopt;
        value = std::min<char32_t>(value * (hex ? 16 : 10) + digit, 0x110000);
    }
    if (i == text.size() || digits == 0) return std::nullopt;
    return value;
}

// pugixml decodes `&#0;` to a NUL that ends the value (a label read as empty) and `&#1;` or a raw
// control character to text no XML may hold, so both are refused before anything is built. Comments,
// CDATA sections and processing instructions hold no references. UTF-16/32 input is converted by
// pugixml, which we cannot map back to lines, and is not checked here.
void require_xml_characters(std::string_view text, const FileName& file)
{
    auto fail = [&](std::size_t at, const std::string& what) {
        // Counted here: `lines` maps pugixml's offsets, which differ from the file's for Latin-1.
        auto before = text.substr(0, at);
        auto line = 1 + std::count(before.begin(), before.end(), '\n');
        throw Error({file, static_cast<int>(line)}, what + "; " + std::string(allowed_characters));
    };
    constexpr std::pair<std::string_view, std::string_view> skipped[] = {
        {"<!--", "-->"}, {"<![CDATA[", "]]>"}, {"<?", "?>"}};
    std::size_t skip_until = 0;  // the end of the comment, CDATA section or instruction we are in
    for (std::size_t at = 0; at < text.size(); ++at) {
        auto c = static_cast<unsigned char>(text[at]);
        if (c < 0x20 && !is_xml_char(c)) fail(at, "control character " + code_point_name(c) + " in the file");
        if (at < skip_until) continue;
        if (c == '<') {
            for (auto [open, close] : skipped) {
                if (!text.substr(at).starts_with(open)) continue;
                auto end = text.find(close, at + open.size());
                skip_until = end == std::string_view::npos ? text.size() : end + close.size();
                break;
            }
            continue;
        }
        if (c != '&' || at + 1 >= text.size() || text[at + 1] != '#') continue;
        auto value = character_reference(text, at);
        if (value && !is_xml_char(*value)) {
            auto end = text.find(';', at);
            fail(at, "character reference " + std::string(text.substr(at, end - at + 1)) + " stands for " +
                         (*value > 0x10FFFF ? std::string("no Unicode character") : code_point_name(*value)));
        }
    }
}

bool is_wide(pugi::xml_encoding encoding)
{
    return encoding == pugi::encoding_utf16_le || encoding == pugi::encoding_utf16_be ||
           encoding == pugi::encoding_utf32_le || encoding == pugi::encoding_utf32_be;
}

// UTF-16 or UTF-32 text as UTF-8, so that pugixml's offsets, and so every error's line, count lines of
// the text we check (pugixml would convert it itself, to offsets we could not map back).
std::string wide_to_utf8(std::string_view text, pugi::xml_encoding encoding, const FileName& file)
{
    bool wide32 = encoding == pugi::encoding_utf32_le || encoding == pugi::encoding_utf32_be;
    bool little = encoding == pugi::encoding_utf16_le || encoding == pugi::encoding_utf32_le;
    std::size_t unit = wide32 ? 4 : 2;
    auto at = [&](std::size_t i) {
        char32_t value = 0;
        for (std::size_t b = 0; b < unit; ++b) {
            auto byte = static_cast<unsigned char>(text[i + (little ? unit - 1 - b : b)]);
            value = (value << 8) | byte;
        }
        return value;
    };
    std::string out;
    out.reserve(text.size());
    int line = 1;
    auto invalid = [&] { return Error({file, line}, std::string("invalid ") + (wide32 ? "UTF-32" : "UTF-16")); };
    for (std::size_t i = 0; i + unit <= text.size(); i += unit) {
        char32_t code = at(i);
        if (!wide32 && code >= 0xD800 && code <= 0xDBFF) {
            if (i + 2 * unit > text.size()) throw invalid();
            char32_t low = at(i + unit);
            if (low < 0xDC00 || low > 0xDFFF) throw invalid();
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
            i += unit;
        } else if ((code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF) {
            throw invalid();
        }
        if (code == '\n') ++line;
        append_utf8(out, code);
    }
    if (text.size() % unit != 0) throw invalid();
    return out;
}

}  // namespace

pugi::xml_node parse(pugi::xml_document& document, std::string_view text, const FileName& file, LineTable& lines)
{
    auto result = document.load_buffer(text.data(), text.size(), pugi::parse_default | pugi::parse_ws_pcdata);
    std::string converted;
    if (is_wide(result.encoding)) {
        converted = wide_to_utf8(text, result.encoding, file);
        text = converted;
        result = document.load_buffer(text.data(), text.size(), pugi::parse_default | pugi::parse_ws_pcdata,
                                      pugi::encoding_utf8);
    }
    bool utf8 = result.encoding == pugi::encoding_utf8;
    if (utf8 || result.encoding == pugi::encoding_latin1) lines = LineTable(text, !utf8);
    if (!result) throw Error({file, lines.line_of(result.offset)}, std::string("malformed XML: ") + result.description());
    for (std::size_t pos = 0, start = 0; utf8 && pos < text.size(); start = pos) {
        if (!next_code_point(text, pos)) throw Error({file, lines.line_of(static_cast<std::ptrdiff_t>(start))}, "invalid UTF-8");
    }
    if (utf8 || result.encoding == pugi::encoding_latin1) require_xml_characters(text, file);
    return document.document_element();
}

// ---------------------------------------------------------------------------------------------- writing

namespace {

void require_writable_aliases(const Actor& actor, const std::string& owner)
{
    for (const auto& alias : actor.aliases) {
        if (alias.empty() || alias.find(';') != std::string::npos || trim_spaces(alias) != alias) {
            throw Error(owner + ": alias '" + alias +
                        "' cannot be saved: aliases are joined with ';' and read back trimmed of spaces");
        }
    }
}

void require_writable_properties(const Properties& properties, const std::string& owner)
{
    for (const auto& [name, value] : properties) {
        require_xml_text(name, owner, "a property name");
        require_xml_text(value, owner, "property '" + std::string(name) + "'");
    }
}

}  // namespace

void require_xml_text(std::string_view text, const std::string& owner, std::string_view what)
{
    for (std::size_t pos = 0; pos < text.size();) {
        auto code = next_code_point(text, pos);
        if (!code) throw Error(owner + ": " + std::string(what) + " is not valid UTF-8");
        bool control = *code < 0x20 && *code != '\t' && *code != '\n' && *code != '\r';
        if (control || *code == 0xFFFE || *code == 0xFFFF) {
            throw Error(owner + ": " + std::string(what) + " contains " + code_point_name(*code) +
                        ", which XML 1.0 cannot carry; remove it or save as CSV");
        }
    }
}

void require_writable(const Graph& graph)
{
    require_xml_text(graph.name, "the graph", "its name");
    for (const auto& actor : graph.actors()) {
        auto owner = "actor '" + actor.id + "'";
        require_xml_text(actor.id, owner, "the id");
        require_xml_text(actor.label, owner, "the label");
        require_xml_text(actor.kind, owner, "the kind");
        for (const auto& alias : actor.aliases) require_xml_text(alias, owner, "an alias");
        require_writable_aliases(actor, owner);
        require_writable_properties(actor.properties, owner);
    }
    for (const auto& relation : graph.relations()) {
        auto owner = "relation " + graph.actor(relation.source).id + " -> " + graph.actor(relation.target).id;
        require_xml_text(relation.type, owner, "the type");
        require_writable_properties(relation.properties, owner);
    }
}

// Written by hand rather than with pugixml: pugixml writes CR raw inside text, which every XML parser
// reads back as LF, while a character reference keeps it.
void append_escaped(std::string& out, std::string_view text, bool attribute)
{
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += attribute ? "&quot;" : "\""; break;
            case '\r': out += "&#13;"; break;
            case '\n': out += attribute ? "&#10;" : "\n"; break;
            case '\t': out += attribute ? "&#9;" : "\t"; break;
            default: out += c;
        }
    }
}

std::string attribute(std::string_view name, std::string_view value)
{
    std::string text = " " + std::string(name) + "=\"";
    append_escaped(text, value, true);
    return text + "\"";
}

std::string declared_property_type(const pugi::xml_node& declaration, std::string_view format_type)
{
    if (auto named = declaration.attribute(std::string(type_attribute).c_str())) {
        return canonical_property_type(named.value());
    }
    auto type = canonical_property_type(format_type);
    return type == "boolean" || type == "long" || type == "double" ? type : std::string();
}

std::pair<std::string_view, std::string_view> format_property_type(std::string_view declared)
{
    if (declared.empty()) return {"string", {}};
    if (declared == "boolean" || declared == "long" || declared == "double") return {declared, {}};
    return {"string", declared};
}

}  // namespace actorgraph::xml
