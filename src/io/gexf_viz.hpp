#pragma once
// GEXF's drawing data (the viz namespace) as plain properties and back: `x`, `y`, `z`, `size`, `color`
// ("#rrggbb" or "#rrggbbaa"), `shape`, `thickness`. Kept as properties so they survive every format, and
// `x`/`y` can seed a layout.
#include <pugixml.hpp>

#include <string>
#include <string_view>

#include "actorgraph/model/properties.hpp"

namespace actorgraph::gexf {

/// Adds the viz:position, viz:size, viz:color, viz:shape and viz:thickness of an element as properties.
void read_viz(const pugi::xml_node& element, Properties& properties);

/// True when the property of the set is written as viz data (a numeric position/size/thickness, a hex
/// color, a shape) rather than as an attribute value.
[[nodiscard]] bool is_viz_property(const Properties& properties, std::string_view name);
/// The viz elements for the viz properties of a set, each on its own line with the given indent.
[[nodiscard]] std::string viz_elements(const Properties& properties, std::string_view indent);

}  // namespace actorgraph::gexf
