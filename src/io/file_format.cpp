#include "actorgraph/io/file_format.hpp"

#include <cctype>

#include "actorgraph/io/dot_reader.hpp"
#include "actorgraph/io/dot_writer.hpp"
#include "actorgraph/io/file_io.hpp"
#include "actorgraph/io/gexf.hpp"
#include "actorgraph/io/graphml.hpp"
#include "actorgraph/io/neo4j_csv.hpp"

namespace actorgraph {

namespace fs = std::filesystem;

std::optional<FileFormat> parse_file_format(std::string_view name)
{
    auto lower = fold_case(name);
    if (lower == "dot" || lower == "gv") return FileFormat::dot;
    if (lower == "graphml" || lower == "xml") return FileFormat::graphml;
    if (lower == "csv" || lower == "neo4j") return FileFormat::csv;
    if (lower == "gexf") return FileFormat::gexf;
    return std::nullopt;
}

namespace {

std::optional<FileFormat> format_of_extension(const fs::path& path)
{
    auto extension = fold_case(path.extension().string());
    if (extension.empty()) return std::nullopt;
    if (extension == ".xdot") return FileFormat::dot;  // our own laid-out exports read back
    return parse_file_format(extension.substr(1));
}

const char* format_words(FileFormat format)
{
    switch (format) {
        case FileFormat::dot: return "DOT";
        case FileFormat::graphml: return "GraphML";
        case FileFormat::csv: return "a Neo4j CSV folder";
        case FileFormat::gexf: return "GEXF";
    }
    return "?";
}

Error unknown_type(const fs::path& path)
{
    return Error({path.string(), 0}, "unknown file type; expected a .gv/.dot file, a .graphml file, a .gexf file or a "
                                     "folder of Neo4j CSV files");
}

// The first significant text of a file: past a byte-order mark, blanks and DOT comments.
std::string_view significant_start(std::string_view text)
{
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    while (!text.empty()) {
        auto c = text.front();
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            text.remove_prefix(1);
        } else if (c == '#' || text.starts_with("//")) {
            auto end = text.find('\n');
            text.remove_prefix(end == std::string_view::npos ? text.size() : end);
        } else if (text.starts_with("/*")) {
            auto end = text.find("*/", 2);
            text.remove_prefix(end == std::string_view::npos ? text.size() : end + 2);
        } else {
            break;
        }
    }
    return text;
}

bool starts_with_word(std::string_view text, std::string_view word)
{
    if (text.size() < word.size() || fold_case(text.substr(0, word.size())) != word) return false;
    if (text.size() == word.size()) return true;
    auto next = static_cast<unsigned char>(text[word.size()]);
    return !std::isalnum(next) && next != '_';
}

// DOT or GraphML by a file's first bytes, or nullopt.
std::optional<FileFormat> format_of_content(const fs::path& path)
{
    std::string head;
    try {
        head = read_file_start(path, 4096);
    } catch (const Error&) {
        return std::nullopt;
    }
    auto text = significant_start(head);
    if (text.starts_with("<")) return head.find("<gexf") != std::string::npos ? FileFormat::gexf : FileFormat::graphml;
    for (std::string_view word : {"strict", "digraph", "graph"}) {
        if (starts_with_word(text, word)) return FileFormat::dot;
    }
    return std::nullopt;
}

// Two paths name the same file: the same inode when both exist, else the same normalised path.
bool same_file(const fs::path& a, const fs::path& b)
{
    std::error_code ec;
    if (fs::exists(a, ec) && fs::exists(b, ec)) {
        bool same = fs::equivalent(a, b, ec);
        if (!ec) return same;
    }
    return fs::weakly_canonical(a, ec) == fs::weakly_canonical(b, ec);
}

}  // namespace

FileFormat format_for_path(const fs::path& path)
{
    std::error_code ec;
    auto named = format_of_extension(path);
    if (fs::is_directory(path, ec)) {
        if (named && *named != FileFormat::csv) {
            throw Error({path.string(), 0}, std::string("is a folder, but its name ends like a ") +
                                                format_words(*named) + " file; expected a file, or a folder name "
                                                "without that extension for Neo4j CSV");
        }
        return FileFormat::csv;
    }
    if (named) return *named;
    if (!path.extension().empty()) throw unknown_type(path);
    if (fs::exists(path, ec)) {
        throw Error({path.string(), 0}, "is a file without an extension, so it is neither a folder for Neo4j CSV nor "
                                        "named as a .gv/.dot, .graphml or .gexf file; name the format with --to or the "
                                        "extension");
    }
    return FileFormat::csv;  // a folder that does not exist yet
}

ReadPlan read_plan(const fs::path& path)
{
    std::error_code ec;
    if (!fs::exists(path, ec) || fs::is_directory(path, ec) || format_of_extension(path)) return {format_for_path(path), {}};
    if (!path.extension().empty()) throw unknown_type(path);
    auto sniffed = format_of_content(path);
    if (!sniffed) {
        throw Error({path.string(), 0}, "has no extension and does not start like DOT ('digraph', 'graph', "
                                        "'strict'), GraphML or GEXF ('<'); expected a .gv/.dot, .graphml or .gexf "
                                        "file or a folder of Neo4j CSV files");
    }
    return {*sniffed, std::string("no extension: read as ") + format_words(*sniffed) + " by its content"};
}

std::vector<fs::path> files_written(const fs::path& path, FileFormat format)
{
    if (format != FileFormat::csv) return {path};
    return {path / csv_nodes_file, path / csv_relationships_file};
}

void refuse_overwriting_input(const fs::path& input, const std::vector<fs::path>& outputs, bool force)
{
    if (force) return;
    std::error_code ec;
    bool folder = fs::is_directory(input, ec) || fold_case(input.extension().string()) == ".csv";
    auto inputs = folder ? files_written(fs::is_directory(input, ec) ? input : input.parent_path(), FileFormat::csv)
                         : std::vector<fs::path>{input};
    for (const auto& output : outputs) {
        for (const auto& read : inputs) {
            if (!same_file(read, output)) continue;
            throw Error({output.string(), 0}, "is the input " + read.string() +
                                                  "; writing it would replace what was read (choose another output; "
                                                  "the command line's --force replaces it)");
        }
    }
}

Graph load_graph(const fs::path& path, const InputLimits& limits)
{
    std::error_code ec;
    if (!fs::exists(path, ec)) throw Error({path.string(), 0}, "no such file or folder");
    auto plan = read_plan(path);
    auto graph = [&] {
        switch (plan.format) {
            case FileFormat::dot: return read_dot_file(path, limits);
            case FileFormat::graphml: return read_graphml_file(path, limits);
            case FileFormat::gexf: return read_gexf_file(path, limits);
            case FileFormat::csv: break;
        }
        return read_neo4j_csv_folder(fs::is_directory(path, ec) ? path : path.parent_path(), limits);
    }();
    if (!plan.assumed.empty()) graph.warn({FileName(path.string()), 0}, plan.assumed);
    return graph;
}

namespace {

void write_readable_file(const fs::path& path, const std::string& text)
{
    require_readable_size(text.size(), path.string());
    write_file_atomically(path, text);
}

}  // namespace

void save_graph(const Graph& graph, const fs::path& path, std::optional<FileFormat> format)
{
    auto chosen = format ? *format : format_for_path(path);
    std::error_code ec;
    if (format && chosen == FileFormat::csv && fs::exists(path, ec) && !fs::is_directory(path, ec)) {
        throw Error({path.string(), 0}, "is a file; Neo4j CSV is saved as a folder of nodes.csv and relationships.csv");
    }
    if (format && chosen != FileFormat::csv && fs::is_directory(path, ec)) {
        throw Error({path.string(), 0}, std::string("is a folder; ") + format_words(chosen) + " is saved as a file");
    }
    switch (chosen) {
        case FileFormat::dot: write_readable_file(path, write_dot(graph)); return;
        case FileFormat::graphml: write_readable_file(path, write_graphml(graph)); return;
        case FileFormat::gexf: write_readable_file(path, write_gexf(graph)); return;
        case FileFormat::csv: save_neo4j_csv_folder(graph, path); return;
    }
}

}  // namespace actorgraph
