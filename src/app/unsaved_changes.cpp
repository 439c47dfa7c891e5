#include "actorgraph/app/unsaved_changes.hpp"

#include "actorgraph/app/display_text.hpp"
#include "actorgraph/edit/edit_session.hpp"
#include "actorgraph/io/file_format.hpp"

namespace actorgraph {

namespace fs = std::filesystem;

std::string window_title(const Explorer& explorer)
{
    constexpr const char* program = "actorgraph explorer";
    if (explorer.file().empty()) return program;
    return display_text(explorer.file().filename().string()) + (explorer.dirty() ? "*" : "") + " \u2014 " + program;
}

SaveTarget save_target(std::string_view typed_path)
{
    if (typed_path.empty()) return {std::nullopt, "type a file name: .gv or .dot, .graphml, .gexf, or a folder for Neo4j CSV"};
    fs::path path{std::string(typed_path)};
    try {
        switch (format_for_path(path)) {
            case FileFormat::dot: return {path, "DOT"};
            case FileFormat::graphml: return {path, "GraphML"};
            case FileFormat::gexf: return {path, "GEXF"};
            case FileFormat::csv: return {path, "a Neo4j CSV folder (nodes.csv and relationships.csv)"};
        }
    } catch (const std::exception& failure) {
        return {std::nullopt, failure.what()};
    }
    return {std::nullopt, "unknown format"};
}

bool saves_in_place(const Explorer& explorer)
{
    const auto& file = explorer.file();
    if (file.empty() || !explorer.graph()) return false;
    std::error_code ignored;
    try {
        // A CSV folder is a graph; a single CSV file shown through the import dialog is only one table.
        return format_for_path(file) != FileFormat::csv || fs::is_directory(file, ignored);
    } catch (const std::exception&) {
        return false;
    }
}

void UnsavedChangesGuard::request(Explorer& explorer, std::string what, Action action)
{
    if (!explorer.dirty()) {
        action(explorer);
        return;
    }
    action_ = std::move(action);
    what_ = std::move(what);
    save_error_.clear();
}

bool UnsavedChangesGuard::request_close(Explorer& explorer)
{
    if (close_approved_ || !explorer.dirty()) return true;
    if (!pending()) request(explorer, "closing the window", [this](Explorer&) { close_approved_ = true; });
    return false;
}

std::string UnsavedChangesGuard::question(const Explorer& explorer) const
{
    std::string steps;
    if (const auto* session = explorer.edit_session(); session && session->history().undo_count() > 0) {
        auto count = session->history().undo_count();
        steps = " (" + std::to_string(count) + (count == 1 ? " step)" : " steps)");
    }
    return display_text(explorer.file().filename().string()) + " has unsaved changes" + steps + ". Save them before " +
           what_ + "?";
}

void UnsavedChangesGuard::answer(Explorer& explorer, Answer answer)
{
    if (!pending()) return;
    if (answer == Answer::cancel) {
        action_ = nullptr;
        save_error_.clear();
        return;
    }
    if (answer == Answer::save) {
        auto errors = explorer.error_count();
        if (!saves_in_place(explorer)) {
            save_error_ = explorer.file().filename().string() + " cannot be saved in place: use File > Save As, then try again";
            return;
        }
        if (!explorer.save()) {
            save_error_ = explorer.error_count() > errors ? explorer.last_error() : "the save failed";
            return;
        }
    } else {
        explorer.discard_changes();
    }
    auto action = std::move(action_);
    action_ = nullptr;
    save_error_.clear();
    action(explorer);
}

}  // namespace actorgraph
