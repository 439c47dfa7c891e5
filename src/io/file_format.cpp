#include "actorgraph/io/file_format.hpp"

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

FileFormat format_for_path(const fs::path& path)
{
    std::error_code ec;
    if (fs::is_directory(path, ec)) return FileFormat::csv;
    auto extension = fold_case(path.extension().string());
    if (extension.empty()) return FileFormat::csv;  // a folder that may not exist yet
    extension.erase(0, 1);
    if (auto format = parse_file_format(extension)) return *format;
    throw Error({path.string(), 0},
                "unknown file type; expected a .gv/.dot file, a .graphml file or a folder with nodes.csv and "
                "relationships.csv");
}

Graph load_graph(const fs::path& path, const InputLimits& limits)
{
    std::error_code ec;
    if (!fs::exists(path, ec)) throw Error({path.string(), 0}, "no such file or folder");
    switch (format_for_path(path)) {
        case FileFormat::dot: return read_dot_file(path, limits);
        case FileFormat::graphml: return read_graphml_file(path, limits);
        case FileFormat::gexf: return read_gexf_file(path, limits);
        case FileFormat::csv:
            return read_neo4j_csv_folder(fs::is_directory(path, ec) ? path : path.parent_path(), limits);
    }
    throw Error({path.string(), 0}, "unsupported format");
}

void save_graph(const Graph& graph, const fs::path& path, std::optional<FileFormat> format)
{
    auto chosen = format ? *format : format_for_path(path);
    switch (chosen) {
        case FileFormat::dot: write_file_atomically(path, write_dot(graph)); return;
        case FileFormat::graphml: write_file_atomically(path, write_graphml(graph)); return;
        case FileFormat::gexf: write_file_atomically(path, write_gexf(graph)); return;
        case FileFormat::csv: save_neo4j_csv_folder(graph, path); return;
    }
}

}  // namespace actorgraph
