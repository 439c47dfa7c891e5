#include "actorgraph/app/import_dialog.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "actorgraph/model/schema.hpp"

namespace actorgraph {

namespace fs = std::filesystem;

namespace {

// The first header that is, ignoring case, one of the usual names for a role.
std::string first_named(const std::vector<std::string>& header, std::initializer_list<std::string_view> names)
{
    for (auto name : names) {
        auto found = std::find_if(header.begin(), header.end(), [&](const std::string& column) {
            return fold_case(column) == fold_case(name);
        });
        if (found != header.end()) return *found;
    }
    return {};
}

void read_preview(const fs::path& file, const CsvOptions& csv, std::size_t rows, std::optional<TablePreview>& preview,
                  std::string& error)
{
    preview.reset();
    error.clear();
    if (file.empty()) return;
    try {
        preview = preview_table(file, csv, rows);
    } catch (const Error& failure) {
        error = failure.what();
    }
}

}  // namespace

void ImportDialog::refresh_previews(std::size_t rows)
{
    read_preview(files.nodes, mapping.csv, rows, nodes_preview_, nodes_error_);
    read_preview(files.edges, mapping.csv, rows, edges_preview_, edges_error_);
}

void ImportDialog::guess_columns()
{
    if (nodes_preview_) {
        const auto& header = nodes_preview_->header;
        auto& nodes = mapping.nodes;
        if (nodes.id.empty()) nodes.id = first_named(header, {"id", ":ID", "identifier", "key", "code", "bioguide_id"});
        if (nodes.kind_column.empty() && nodes.kind.empty()) nodes.kind_column = first_named(header, {"kind", "type", "category", ":LABEL"});
        if (mapping.caption.empty()) mapping.caption = first_named(header, {"name", "label", "title", "full_name", "fullName"});
    }
    if (edges_preview_) {
        const auto& header = edges_preview_->header;
        auto& edges = mapping.edges;
        if (edges.source.empty()) edges.source = first_named(header, {"source", "from", "sender", "src", ":START_ID", "start"});
        if (edges.target.empty()) edges.target = first_named(header, {"target", "to", "receiver", "dst", ":END_ID", "end"});
        if (edges.type_column.empty() && edges.type.empty()) edges.type_column = first_named(header, {"type", "relation", ":TYPE", "kind"});
    }
}

std::vector<std::string> ImportDialog::problems() const
{
    std::vector<std::string> missing;
    if (files.nodes.empty() && files.edges.empty()) missing.emplace_back("choose a node table, an edge table or both");
    if (!files.nodes.empty() && mapping.nodes.id.empty()) missing.emplace_back("choose the node table's id column");
    if (!files.edges.empty() && mapping.edges.source.empty()) missing.emplace_back("choose the edge table's source column");
    if (!files.edges.empty() && mapping.edges.target.empty()) missing.emplace_back("choose the edge table's target column");
    if (!nodes_error_.empty()) missing.push_back(nodes_error_);
    if (!edges_error_.empty()) missing.push_back(edges_error_);
    return missing;
}

std::string ImportDialog::fingerprint() const
{
    return files.nodes.string() + '\n' + files.edges.string() + '\n' + mapping_to_json(mapping).dump();
}

bool ImportDialog::start_check()
{
    if (!problems().empty()) return false;
    job_fingerprint_ = fingerprint();
    // The dialog has one "kind of every actor": it is also the kind of actors made for an edge table's
    // endpoints (all of them when there is no node table).
    auto used = mapping;
    if (used.edges.source_kind.empty()) used.edges.source_kind = used.nodes.kind;
    if (used.edges.target_kind.empty()) used.edges.target_kind = used.nodes.kind;
    // The job works on copies: the user may go on editing the mapping meanwhile.
    job_ = std::make_unique<BackgroundTask<ImportCheck>>([files = files, mapping = std::move(used)] {
        ImportCheck check;
        check.graph = std::make_shared<const Graph>(import_tables(files, mapping, {}, &check.report));
        return check;
    });
    return true;
}

void ImportDialog::poll()
{
    if (!job_ || !job_->finished()) return;
    auto outcome = job_->take_outcome();
    job_.reset();
    check_fingerprint_ = job_fingerprint_;
    check_ = std::move(outcome.value);
    check_error_ = std::move(outcome.error);
}

bool ImportDialog::wait(std::chrono::milliseconds timeout)
{
    if (job_ && !job_->wait(timeout)) return false;
    poll();
    return true;
}

bool ImportDialog::check_is_current() const { return check_ && check_fingerprint_ == fingerprint(); }

void ImportDialog::load_mapping_file(const fs::path& file) { mapping = load_mapping(file); }

void ImportDialog::save_mapping_file(const fs::path& file) const { save_mapping(mapping, file); }

void ImportDialog::set_kind_map(std::string_view text)
{
    std::map<std::string, std::string> parsed;
    parse_vocabulary_map(text, parsed, "kind map");
    mapping.kinds = std::move(parsed);
}

void ImportDialog::set_type_map(std::string_view text)
{
    std::map<std::string, std::string> parsed;
    parse_vocabulary_map(text, parsed, "type map");
    mapping.types = std::move(parsed);
}

std::string ImportDialog::vocabulary_text(const std::map<std::string, std::string>& map)
{
    std::string text;
    for (const auto& [from, to] : map) text += (text.empty() ? "" : ", ") + from + "=" + to;
    return text;
}

}  // namespace actorgraph
