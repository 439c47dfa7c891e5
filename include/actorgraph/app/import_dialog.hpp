#pragma once
// The explorer's import dialog without ImGui: which tables, their first rows, which column is what
// (one ImportMapping, as the CLI's `import` and mapping files use), and a check in the background that
// reads the tables and shows the counts and warnings before anything is opened.
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "actorgraph/app/background_task.hpp"
#include "actorgraph/io/import_mapping.hpp"
#include "actorgraph/io/table_import.hpp"

namespace actorgraph {

/// A finished check: the graph the tables make, and what the import did beyond its counts.
struct ImportCheck {
    std::shared_ptr<const Graph> graph;
    TableImportReport report;
};

/// What the dialog imports: plain tables, or a graph file (GraphML, GEXF, DOT) or Neo4j import-set folder
/// opened through the mapping's caption and vocabulary (Explorer::open_mapped).
enum class ImportSource { tables, graph_file };

class ImportDialog {
public:
    ImportSource source = ImportSource::tables;
    TableFiles files;                  ///< the node and edge tables the user picked (either may be empty)
    std::filesystem::path graph_file;  ///< the graph file or folder, when source is graph_file
    ImportMapping mapping;             ///< which column is what; the caption and vocabulary

    /// Reads the header and first rows of each table; an unreadable table keeps its error instead.
    void refresh_previews(std::size_t rows = 5);
    [[nodiscard]] const std::optional<TablePreview>& nodes_preview() const noexcept { return nodes_preview_; }
    [[nodiscard]] const std::optional<TablePreview>& edges_preview() const noexcept { return edges_preview_; }
    [[nodiscard]] const std::string& nodes_error() const noexcept { return nodes_error_; }
    [[nodiscard]] const std::string& edges_error() const noexcept { return edges_error_; }
    /// Fills the columns not chosen yet from the headers' usual names (id, name, source/from/sender, ...).
    void guess_columns();

    /// What must be chosen before the tables can be read ("choose the edge table's source column");
    /// empty when the check can start.
    [[nodiscard]] std::vector<std::string> problems() const;
    /// Reads the tables through the mapping on a background thread; false (and problems()) when not ready.
    bool start_check();
    /// Collects a finished check; call once per frame.
    void poll();
    /// Waits for a running check (scripts and tests); true when none runs any more.
    bool wait(std::chrono::milliseconds timeout);
    [[nodiscard]] bool checking() const noexcept { return job_ != nullptr; }
    /// The last finished check, or nullopt (also after a failed one: see check_error()).
    [[nodiscard]] const std::optional<ImportCheck>& check() const noexcept { return check_; }
    [[nodiscard]] const std::string& check_error() const noexcept { return check_error_; }
    /// True when the last check read the files and mapping as they are now (so it may be opened).
    [[nodiscard]] bool check_is_current() const;

    /// Replaces the kind or type map with "Foreign=ours, ..." as the CLI's --kind-map takes it; throws Error
    /// (and keeps the old map) when the text is not such pairs.
    void set_kind_map(std::string_view text);
    void set_type_map(std::string_view text);
    /// A map as set_kind_map takes it: "Legislator=official, Committee=organization".
    [[nodiscard]] static std::string vocabulary_text(const std::map<std::string, std::string>& map);

    /// Reads a saved mapping file into `mapping`; throws Error naming the file.
    void load_mapping_file(const std::filesystem::path& file);
    /// Writes `mapping` to a file (the CLI's --mapping reads it); throws Error naming the file.
    void save_mapping_file(const std::filesystem::path& file) const;

private:
    [[nodiscard]] std::string fingerprint() const;

    std::optional<TablePreview> nodes_preview_, edges_preview_;
    std::string nodes_error_, edges_error_;
    std::unique_ptr<BackgroundTask<ImportCheck>> job_;
    std::string job_fingerprint_;
    std::optional<ImportCheck> check_;
    std::string check_error_;
    std::string check_fingerprint_;
};

}  // namespace actorgraph
