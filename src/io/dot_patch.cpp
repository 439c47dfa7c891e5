#include "actorgraph/io/dot_patch.hpp"

#include <functional>

#include "actorgraph/io/dot_reader.hpp"
#include "actorgraph/io/dot_writer.hpp"

namespace actorgraph {

namespace {

constexpr int none = -1;

// The text's lines without their line ends; line N of a message is lines[N - 1].
std::vector<std::string_view> split_lines(std::string_view text)
{
    std::vector<std::string_view> lines;
    std::size_t at = 0;
    while (at < text.size()) {
        auto end = text.find('\n', at);
        if (end == std::string_view::npos) end = text.size();
        lines.push_back(text.substr(at, end - at));
        at = end + 1;
    }
    return lines;
}

std::string indent_of(std::string_view line) { return std::string(line.substr(0, line.find_first_not_of(" \t"))); }

// Which original element each line declares (1-based lines); false when two share a line.
bool map_lines(const Graph& original, std::size_t line_count, std::vector<int>& actor_at, std::vector<int>& relation_at)
{
    actor_at.assign(line_count + 1, none);
    relation_at.assign(line_count + 1, none);
    for (ActorIndex index = 0; index < original.actor_count(); ++index) {
        auto line = original.actor(index).where.line;
        if (line < 1 || static_cast<std::size_t>(line) > line_count || actor_at[line] != none) return false;
        actor_at[line] = static_cast<int>(index);
    }
    for (RelationIndex index = 0; index < original.relation_count(); ++index) {
        auto line = original.relation(index).where.line;
        if (line < 1 || static_cast<std::size_t>(line) > line_count || relation_at[line] != none) return false;
        relation_at[line] = static_cast<int>(index);
    }
    return true;
}

struct Patch {
    std::vector<std::optional<std::string>> replaced;  // per line: the new text, or nullopt to keep it
    std::vector<bool> dropped;
    std::vector<std::string> new_actors, new_relations;
    std::size_t last_actor_line = 0, last_relation_line = 0;
};

// Matches the edited elements to the lines they were read from; false when an actor declared only by
// its relations (on a relation's line) would have to change or go.
template <typename Statement, typename LineOf>
bool patch_elements(std::size_t count, const std::vector<int>& element_at, const std::vector<int>& other_at,
                    const std::vector<std::string_view>& lines, LineOf line_of, Statement edited_statement,
                    Statement original_statement, Patch& patch, std::vector<std::string>& added, std::size_t& last_line)
{
    std::vector<bool> used(lines.size() + 1, false);
    for (std::size_t index = 0; index < count; ++index) {
        auto statement = edited_statement(index);
        auto line = line_of(index);
        bool known = line >= 1 && static_cast<std::size_t>(line) <= lines.size() && element_at[line] != none && !used[line];
        if (!known) {
            added.push_back(std::move(statement));
            continue;
        }
        used[line] = true;
        last_line = std::max(last_line, static_cast<std::size_t>(line));
        if (statement == original_statement(static_cast<std::size_t>(element_at[line]))) continue;
        if (other_at[line] != none) return false;
        patch.replaced[line] = indent_of(lines[line - 1]) + statement;
    }
    for (std::size_t line = 1; line <= lines.size(); ++line) {
        if (element_at[line] == none || used[line]) continue;
        if (other_at[line] != none) return false;
        patch.dropped[line] = true;
    }
    return true;
}

// The line of the closing brace: the last line that is only "}" (spaces aside).
std::size_t closing_line(const std::vector<std::string_view>& lines)
{
    for (auto line = lines.size(); line >= 1; --line) {
        auto text = lines[line - 1];
        auto start = text.find_first_not_of(" \t\r");
        if (start != std::string_view::npos && text.substr(start, text.find_last_not_of(" \t\r") - start + 1) == "}") return line;
    }
    return 0;
}

std::string join(const std::vector<std::string_view>& lines, const Patch& patch, std::size_t closing, bool final_newline)
{
    auto actors_after = patch.last_actor_line ? patch.last_actor_line : closing - 1;
    auto relations_after = patch.last_relation_line ? patch.last_relation_line : std::max(actors_after, closing - 1);
    std::string out;
    auto emit = [&](const std::vector<std::string>& statements) {
        for (const auto& statement : statements) out += "  " + statement + "\n";
    };
    if (actors_after == 0) emit(patch.new_actors);
    if (relations_after == 0) emit(patch.new_relations);
    for (std::size_t line = 1; line <= lines.size(); ++line) {
        if (!patch.dropped[line]) {
            out += patch.replaced[line] ? std::string_view(*patch.replaced[line]) : lines[line - 1];
            if (line < lines.size() || final_newline) out += '\n';
        }
        if (line == actors_after) emit(patch.new_actors);
        if (line == relations_after) emit(patch.new_relations);
    }
    return out;
}

}  // namespace

std::optional<std::string> patch_dot(std::string_view original_text, const std::string& file_name, const Graph& edited)
{
    Graph original;
    try {
        original = read_dot(original_text, file_name);
    } catch (const Error&) {
        return std::nullopt;
    }
    auto lines = split_lines(original_text);
    std::vector<int> actor_at, relation_at;
    if (!map_lines(original, lines.size(), actor_at, relation_at)) return std::nullopt;
    auto closing = closing_line(lines);
    if (closing == 0) return std::nullopt;
    Patch patch;
    patch.replaced.resize(lines.size() + 1);
    patch.dropped.assign(lines.size() + 1, false);
    try {
        bool actors_fit = patch_elements(
            edited.actor_count(), actor_at, relation_at, lines, [&](std::size_t i) { return edited.actor(i).where.line; },
            std::function<std::string(std::size_t)>([&](std::size_t i) { return dot_actor_statement(edited.actor(i)); }),
            std::function<std::string(std::size_t)>([&](std::size_t i) { return dot_actor_statement(original.actor(i)); }),
            patch, patch.new_actors, patch.last_actor_line);
        // A relation's line may also declare an actor (one named only there): rewriting the line keeps it,
        // and dropping it is caught by reading the result back.
        std::vector<int> no_actors(lines.size() + 1, none);
        bool relations_fit = actors_fit && patch_elements(
            edited.relation_count(), relation_at, no_actors, lines,
            [&](std::size_t i) { return edited.relation(static_cast<RelationIndex>(i)).where.line; },
            std::function<std::string(std::size_t)>([&](std::size_t i) { return dot_relation_statement(edited, static_cast<RelationIndex>(i)); }),
            std::function<std::string(std::size_t)>([&](std::size_t i) { return dot_relation_statement(original, static_cast<RelationIndex>(i)); }),
            patch, patch.new_relations, patch.last_relation_line);
        if (!relations_fit) return std::nullopt;
        auto patched = join(lines, patch, closing, original_text.ends_with('\n'));
        // The patched text must read back as the edited graph, or the whole file is written instead.
        if (write_dot(read_dot(patched, file_name)) != write_dot(edited)) return std::nullopt;
        return patched;
    } catch (const Error&) {
        return std::nullopt;
    }
}

}  // namespace actorgraph
