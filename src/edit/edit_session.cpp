#include "actorgraph/edit/edit_session.hpp"

#include "actorgraph/io/dot_patch.hpp"
#include "actorgraph/io/file_format.hpp"
#include "actorgraph/io/file_io.hpp"

namespace actorgraph {

namespace {

Graph load_if_present(const std::filesystem::path& file)
{
    std::error_code error;
    if (!std::filesystem::exists(file, error)) return Graph{};
    return load_graph(file);
}

bool is_dot_file(const std::filesystem::path& path)
{
    std::error_code error;
    try {
        return format_for_path(path) == FileFormat::dot && std::filesystem::is_regular_file(path, error);
    } catch (const Error&) {
        return false;
    }
}

// A DOT file saved from a DOT file keeps its text where the graph did not change (comments, order,
// spelling), so files in git stay reviewable; anything else is written whole.
void save_preserving_text(const Graph& graph, const std::filesystem::path& source, const std::filesystem::path& target)
{
    if (is_dot_file(source) && format_for_path(target) == FileFormat::dot) {
        if (auto patched = patch_dot(read_file(source), source.string(), graph)) {
            write_file_atomically(target, *patched);
            return;
        }
    }
    save_graph(graph, target);
}

}  // namespace

EditSession::EditSession(std::filesystem::path file) : EditSession(file, load_if_present(file)) {}

EditSession::EditSession(std::filesystem::path file, Graph graph, std::optional<FileStamp> read_at)
    : file_(std::move(file)), graph_(std::move(graph)), journal_(std::make_unique<Journal>(file_)), stamp_(stamp_of(file_))
{
    if (read_at && !(*read_at == stamp_)) {
        throw Error(file_.string() + " was changed on disk by another program since it was opened; reopen it to edit what it holds now");
    }
    look_for_journal();
}

void EditSession::look_for_journal()
{
    // Another process's live steps are neither ours to recover nor to add to (Journal locks it while written).
    if (Journal::locked_elsewhere(file_)) {
        throw Error(file_.string() + " is being edited by another actorgraph process; save or close it there first");
    }
    auto contents = journal_->read();
    unrecovered_ = contents ? contents->entries.size() : 0;
    // A journal with no whole step holds nothing to lose: start it afresh.
    if (contents && contents->entries.empty()) journal_->reset();
}

void EditSession::require_recovered() const
{
    if (unrecovered_ == 0) return;
    throw Error(journal_->path().string() + " holds " + std::to_string(unrecovered_) + " change" +
                (unrecovered_ == 1 ? "" : "s") + " not saved to " + file_.string() +
                "; recover them first (script verb `recover`), or delete the journal to drop them");
}

void EditSession::journal(const JournalEntry& entry) { journal_->append(entry); }

std::vector<EditProblem> EditSession::apply(const Change& change)
{
    require_recovered();
    auto problems = history_.apply(graph_, change);
    if (!problems.empty()) return problems;
    try {
        journal({JournalEntry::Kind::apply, change});
    } catch (const Error&) {
        history_.retract(graph_);  // not journalled, so not done: the graph goes back
        throw;
    }
    dirty_ = true;
    return {};
}

std::vector<EditProblem> EditSession::apply_group(const ChangeGroup& group)
{
    require_recovered();
    auto problems = history_.apply_group(graph_, group);
    if (!problems.empty()) return problems;
    try {
        journal({JournalEntry::Kind::group, std::nullopt, group});
    } catch (const Error&) {
        history_.retract(graph_);  // not journalled, so not done: the graph goes back
        throw;
    }
    dirty_ = true;
    return {};
}

std::optional<std::string> EditSession::undo()
{
    require_recovered();
    auto undone = history_.undo(graph_);
    if (!undone) return undone;
    try {
        journal({JournalEntry::Kind::undo, std::nullopt});
    } catch (const Error&) {
        history_.redo(graph_);
        throw;
    }
    dirty_ = true;
    return undone;
}

std::optional<std::string> EditSession::redo()
{
    require_recovered();
    auto redone = history_.redo(graph_);
    if (!redone) return redone;
    try {
        journal({JournalEntry::Kind::redo, std::nullopt});
    } catch (const Error&) {
        history_.undo(graph_);
        throw;
    }
    dirty_ = true;
    return redone;
}

void EditSession::save(const std::optional<std::filesystem::path>& target)
{
    require_recovered();
    auto destination = target.value_or(file_);
    if (destination == file_ && !(stamp_of(file_) == stamp_)) {
        throw Error(file_.string() + " was changed on disk by another program since this session read or saved it; nothing was saved "
                    "(the changes stay in the journal): save under another name, or reopen the file");
    }
    save_preserving_text(graph_, file_, destination);
    // The file holds every step now; from here on a crash must not replay them again.
    journal_->reset();
    stamp_ = stamp_of(destination);
    if (destination != file_) {
        file_ = destination;
        journal_ = std::make_unique<Journal>(file_);
        look_for_journal();
    }
    history_.clear();
    dirty_ = false;
}

RecoveryReport EditSession::recover()
{
    RecoveryReport report;
    auto contents = journal_->read();
    if (!contents) {
        report.message = "nothing to recover: " + file_.string() + " has no journal";
        unrecovered_ = 0;
        return report;
    }
    if (!contents->entries.empty() && !(contents->base == current_version(file_))) {
        auto aside = journal_->set_aside();
        unrecovered_ = 0;
        report.message = "the journal was started on another version of " + file_.string() +
                         " (it was saved or changed since), so nothing was replayed; it is kept as " + aside.string();
        return report;
    }
    for (const auto& entry : contents->entries) {
        std::vector<EditProblem> problems;
        if (entry.kind == JournalEntry::Kind::apply) problems = history_.apply(graph_, *entry.change);
        else if (entry.kind == JournalEntry::Kind::group) problems = history_.apply_group(graph_, *entry.group);
        else if (entry.kind == JournalEntry::Kind::undo) (void)history_.undo(graph_);
        else (void)history_.redo(graph_);
        if (!problems.empty()) {
            throw Error(SourceLocation{journal_->path().string(), 0},
                        "step " + std::to_string(report.replayed + 1) + " cannot be replayed: " + problems.front().to_string());
        }
        ++report.replayed;
    }
    journal_->continue_after(*contents);
    unrecovered_ = 0;
    report.torn = contents->torn;
    dirty_ = dirty_ || report.replayed > 0;
    report.message = "recovered " + std::to_string(report.replayed) + " change" + (report.replayed == 1 ? "" : "s") +
                     " from " + journal_->path().string();
    if (contents->torn) report.message += "; the last record was torn (" + contents->damage + ") and was dropped";
    return report;
}

}  // namespace actorgraph
