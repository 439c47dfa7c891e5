#pragma once
// Saving a DOT file that lives in git the way a careful editor would: the original text is kept and
// only the statements of changed, removed or added actors and relations differ, so saving an unchanged
// graph changes no byte and one added relation is a one-line diff.
#include <optional>
#include <string>
#include <string_view>

#include "actorgraph/model/graph.hpp"

namespace actorgraph {

/// The original DOT text changed to hold `edited`: lines of unchanged statements (and comments, blank
/// lines, graph attributes) stay as they are, changed statements are rewritten in place, removed ones
/// dropped, new actors follow the last actor and new relations the last relation. nullopt when that
/// cannot be done faithfully (statements sharing lines, actors declared only by their relations,
/// anything the patched text does not read back as `edited`); then write the whole file with write_dot.
[[nodiscard]] std::optional<std::string> patch_dot(std::string_view original_text, const std::string& file_name,
                                                   const Graph& edited);

}  // namespace actorgraph
