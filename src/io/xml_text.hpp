#pragma once
// What the XML formats (GraphML, GEXF) share: parsing with line numbers and a UTF-8 check, walking
// elements by local name, and writing text that XML 1.0 can carry, escaped so it reads back unchanged.
#include <pugixml.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "actorgraph/model/graph.hpp"

namespace actorgraph::xml {

/// The actor an edge element names as an endpoint; one the file never declared is created with a
/// warning at `where` (GraphML and GEXF readers alike).
ActorIndex edge_endpoint(Graph& graph, const std::string& id, const pugi::xml_node& edge, const SourceLocation& where);
/// The part of a qualified name after its prefix ("viz:color" -> "color").
[[nodiscard]] std::string_view local_name(std::string_view qualified);
/// True for an element whose local name is `name`.
[[nodiscard]] bool is_element(const pugi::xml_node& node, std::string_view name);
/// Decodes the code point at `pos` and moves past it; nullopt for malformed, overlong or surrogate sequences.
[[nodiscard]] std::optional<char32_t> next_code_point(std::string_view text, std::size_t& pos);
/// The text directly inside an element; nested markup is not part of the value.
[[nodiscard]] std::string text_of(const pugi::xml_node& element);
/// Counts elements without recursion (the document may be nested arbitrarily deep).
[[nodiscard]] std::size_t count_elements(const pugi::xml_node& root);

/// Maps pugixml's byte offsets to 1-based lines with one binary search each.
class LineTable {
public:
    LineTable() = default;
    /// pugixml converts Latin-1 input to UTF-8 before parsing, so its offsets count bytes >= 0x80 twice.
    LineTable(std::string_view text, bool widen_high_bytes);
    /// The line of a byte offset; 0 when unknown.
    [[nodiscard]] int line_of(std::ptrdiff_t offset) const;

private:
    std::vector<std::size_t> starts_;
    bool known_ = false;  // false for UTF-16/32 input, whose converted offsets we cannot map back
};

/// Parses the text into the document and fills the line table; throws Error with file and line for
/// malformed XML or invalid UTF-8. Returns the root element (DTD entities are not expanded).
pugi::xml_node parse(pugi::xml_document& document, std::string_view text, const FileName& file, LineTable& lines);

/// Throws Error naming the owner unless the text is UTF-8 that XML 1.0 can carry (no control characters).
void require_xml_text(std::string_view text, const std::string& owner, std::string_view what);
/// require_xml_text for every id, label, kind, alias, type and property of the graph, and aliases that
/// survive being joined with ';'.
void require_writable(const Graph& graph);
/// Appends the text escaped for element content or (`attribute`) an attribute value; CR, and in attributes
/// LF and TAB, become character references so they read back unchanged.
void append_escaped(std::string& out, std::string_view text, bool attribute);
/// ` name="value"` with the value escaped.
[[nodiscard]] std::string attribute(std::string_view name, std::string_view value);

/// The attribute, in actorgraph's own XML namespace, that names the property type of a GraphML <key> or a
/// GEXF <attribute> where the format's own type has none (dates, lists): `attr.type="string"
/// actorgraph:type="date"`. Readers of other programs ignore foreign attributes and read a string.
inline constexpr std::string_view type_attribute = "actorgraph:type";
/// The namespace declaration a writer puts on its root element for type_attribute.
inline constexpr std::string_view type_namespace_declaration =
    " xmlns:actorgraph=\"https://github.com/actorgraph/actorgraph/xml-types\"";

/// The property type (PropertyTypes) a declaration gives its values: its type_attribute, else its format
/// type `format_type` when that is a boolean or a number type; "" for string, since writers that type nothing
/// call every value a string.
[[nodiscard]] std::string declared_property_type(const pugi::xml_node& declaration, std::string_view format_type);

/// The format type a writer declares for a property of the declared type (boolean, long or double, else
/// string) and the type_attribute value it adds ("" when the format type says it all).
[[nodiscard]] std::pair<std::string_view, std::string_view> format_property_type(std::string_view declared);

}  // namespace actorgraph::xml
