#pragma once
// The edit verbs of scripts, shared by the explorer's script runner and `actorgraph edit`:
//
//   add-actor ID kind=K [label=L] [aliases=a;b] [KEY=VALUE...]
//   add-relation FROM TO type=T source=S [year=Y] [undirected] [KEY=VALUE...]
//   set ACTOR|rN KEY=VALUE        (KEY id, label, aliases or kind changes that field of an actor; type of a relation)
//   unset ACTOR|rN KEY            delete ACTOR|rN            merge KEEP OTHER         pin ACTOR X Y
//   undo      redo      save [PATH]      recover
//
// Actors are named by id, label or alias (as everywhere); relations as rN, N counting from 0 in file order.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "actorgraph/edit/edit_session.hpp"

namespace actorgraph {

/// An edit verb and how many arguments it takes.
struct EditVerb {
    std::string_view name;
    std::size_t min_arguments;
    std::size_t max_arguments;
};

/// Every edit verb.
[[nodiscard]] std::span<const EditVerb> edit_verbs();
/// The verb of this name, or nullptr.
[[nodiscard]] const EditVerb* find_edit_verb(std::string_view name);

/// Runs one edit verb on the session; returns what was done ("new actor Rio Tinto", "undo of merge of
/// ...", "saved map.gv") once it is journalled. Throws Error saying what is wrong (every problem, each
/// with its field) when nothing was done.
std::string run_edit_verb(EditSession& session, std::string_view verb, const std::vector<std::string>& arguments);

/// The change an edit verb that changes the graph (add-actor ... pin) asks for, naming actors by id;
/// nullopt for the other verbs. Throws Error for a malformed argument or an unknown actor.
[[nodiscard]] std::optional<Change> change_for_verb(const Graph& graph, std::string_view verb,
                                                    const std::vector<std::string>& arguments);

}  // namespace actorgraph
