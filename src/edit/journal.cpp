#include "actorgraph/edit/journal.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <boost/crc.hpp>
#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <nlohmann/json.hpp>

#include "actorgraph/io/file_io.hpp"

namespace actorgraph {

namespace {

using nlohmann::json;
namespace fs = std::filesystem;

constexpr int journal_version = 1;
// A longer record is damage, not a change (a change is a few hundred bytes; a merge record stays small).
constexpr std::uint64_t longest_record = 64u << 20;

std::string system_error(const fs::path& path, const std::string& what)
{
    return path.string() + ": " + what + ": " + std::strerror(errno);
}

std::string hex8(std::uint32_t value)
{
    char buffer[9];
    std::snprintf(buffer, sizeof buffer, "%08x", value);
    return buffer;
}

std::string utc_now()
{
    auto now = std::time(nullptr);
    std::tm parts{};
    gmtime_r(&now, &parts);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &parts);
    return buffer;
}

// Flushes a folder so a file created or removed in it survives a power cut (best effort: some file
// systems cannot flush folders).
void flush_folder(const fs::path& folder)
{
    int descriptor = ::open(folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (descriptor < 0) return;
    (void)::fsync(descriptor);
    ::close(descriptor);
}

const char* kind_name(JournalEntry::Kind kind)
{
    switch (kind) {
    case JournalEntry::Kind::apply: return "apply";
    case JournalEntry::Kind::undo: return "undo";
    case JournalEntry::Kind::redo: return "redo";
    case JournalEntry::Kind::group: return "group";
    }
    return "apply";
}

// One framed record at `at`, or a reason it is not whole; `at` moves past a whole one.
std::optional<std::string> next_record(std::string_view text, std::size_t& at, std::string& damage)
{
    auto space = text.find(' ', at);
    std::uint64_t length = 0;
    bool digits = space != std::string_view::npos && space > at && space - at <= 12;
    for (auto i = at; digits && i < space; ++i) {
        if (text[i] < '0' || text[i] > '9') digits = false;
        else length = length * 10 + static_cast<std::uint64_t>(text[i] - '0');
    }
    if (!digits || length > longest_record) {
        damage = "no record length";
        return std::nullopt;
    }
    auto body = space + 10;  // 8 hex digits and a space
    if (space + 9 >= text.size() || text[space + 9] != ' ' || body + length >= text.size()) {
        damage = "a record cut short";
        return std::nullopt;
    }
    if (text[body + length] != '\n') {
        damage = "a record without its line end";
        return std::nullopt;
    }
    auto payload = text.substr(body, length);
    if (hex8(crc32_of(payload)) != text.substr(space + 1, 8)) {
        damage = "a record whose checksum does not match";
        return std::nullopt;
    }
    at = body + length + 1;
    return std::string(payload);
}

// ,"description":"...","changes":[...] of a group record.
std::string group_fields(const ChangeGroup& group)
{
    // The description is only shown in menus: text that is not UTF-8 is replaced rather than refused.
    auto text = ",\"description\":" + json(group.description).dump(-1, ' ', false, json::error_handler_t::replace) + ",\"changes\":[";
    for (std::size_t i = 0; i < group.changes.size(); ++i) text += (i ? "," : "") + change_to_json(group.changes[i]);
    return text + "]";
}

JournalEntry entry_from(const json& record)
{
    auto op = record.at("op").get<std::string>();
    if (op == "undo") return {JournalEntry::Kind::undo, std::nullopt};
    if (op == "redo") return {JournalEntry::Kind::redo, std::nullopt};
    if (op == "group") {
        ChangeGroup group{record.at("description").get<std::string>(), {}};
        for (const auto& change : record.at("changes")) group.changes.push_back(change_from_json(change.dump()));
        return {JournalEntry::Kind::group, std::nullopt, std::move(group)};
    }
    if (op != "apply") throw Error("unknown journal step '" + op + "'");
    return {JournalEntry::Kind::apply, change_from_json(record.at("change").dump())};
}

}  // namespace

std::uint32_t crc32_of(std::string_view bytes)
{
    boost::crc_32_type crc;
    crc.process_bytes(bytes.data(), bytes.size());
    return crc.checksum();
}

FileStamp stamp_of(const fs::path& graph_file)
{
    std::error_code error;
    FileStamp stamp;
    auto add = [&](const fs::path& file) {
        auto size = fs::file_size(file, error);
        if (error) return;
        auto modified = fs::last_write_time(file, error);
        if (error) return;
        stamp.exists = true;
        stamp.size += size;
        stamp.modified = std::max<std::int64_t>(stamp.modified, std::chrono::duration_cast<std::chrono::nanoseconds>(modified.time_since_epoch()).count());
    };
    if (fs::is_directory(graph_file, error)) {
        for (const auto* name : {"nodes.csv", "relationships.csv"}) add(graph_file / name);
        return stamp;
    }
    add(graph_file);
    return stamp;
}

FileVersion current_version(const fs::path& graph_file)
{
    std::error_code error;
    FileVersion version;
    if (fs::is_directory(graph_file, error)) {
        // A CSV folder: its two tables, in a fixed order.
        std::string content;
        for (const auto* name : {"nodes.csv", "relationships.csv"}) {
            if (fs::exists(graph_file / name, error)) content += read_file(graph_file / name);
            content += '\0';
        }
        return {content.size(), crc32_of(content), true};
    }
    if (!fs::exists(graph_file, error)) return version;
    auto content = read_file(graph_file);
    return {content.size(), crc32_of(content), true};
}

Journal::Journal(fs::path graph_file) : graph_file_(std::move(graph_file)), path_(path_for(graph_file_)) {}

Journal::~Journal()
{
    if (descriptor_ < 0) return;
    // An empty journal is no journal: remove it, unless it is no longer ours (renamed aside, replaced).
    struct stat held {};
    struct stat named {};
    if (::fstat(descriptor_, &held) == 0 && held.st_size == 0 && ::stat(path_.c_str(), &named) == 0 &&
        held.st_ino == named.st_ino && held.st_dev == named.st_dev) {
        (void)::unlink(path_.c_str());
    }
    ::close(descriptor_);
}

bool Journal::locked_elsewhere(const fs::path& graph_file)
{
    auto path = path_for(graph_file);
    int descriptor = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (descriptor < 0) return false;
    bool held = ::flock(descriptor, LOCK_SH | LOCK_NB) != 0 && errno == EWOULDBLOCK;
    ::close(descriptor);  // also releases the shared lock taken to find out
    return held;
}

fs::path Journal::path_for(const fs::path& graph_file)
{
    auto file = graph_file;
    if (!file.has_filename()) file = file.parent_path();  // "folder/" names the folder
    return file.parent_path() / (file.filename().string() + ".journal");
}

std::optional<JournalContents> Journal::read() const
{
    std::error_code error;
    if (!fs::exists(path_, error)) return std::nullopt;
    auto text = read_file(path_);
    if (text.empty()) return std::nullopt;
    JournalContents contents;
    std::size_t at = 0;
    std::string damage;
    auto header = next_record(text, at, damage);
    if (!header) {
        // A header is written with the first step, so a torn header means no step was ever done.
        contents.torn = true;
        contents.damage = "at byte 0: " + damage;
        return contents;
    }
    try {
        auto object = json::parse(*header);
        if (object.at("journal") != "actorgraph") throw Error("not an actorgraph journal");
        if (!object.at("version").is_number_unsigned() || !object.at("base_size").is_number_unsigned()) {
            throw Error("a header whose numbers are not whole numbers");
        }
        if (object.at("version").get<std::uint64_t>() > journal_version) throw Error("a journal of a newer version of actorgraph");
        contents.base = {object.at("base_size").get<std::uint64_t>(),
                         static_cast<std::uint32_t>(std::stoul(object.at("base_crc32").get<std::string>(), nullptr, 16)),
                         object.at("base_exists").get<bool>()};
    } catch (const std::exception& failure) {
        throw Error(SourceLocation{path_.string(), 1}, std::string("not a journal header: ") + failure.what());
    }
    contents.valid_bytes = at;
    while (at < text.size()) {
        auto start = at;
        auto record = next_record(text, at, damage);
        if (record) {
            try {
                contents.entries.push_back(entry_from(json::parse(*record)));
                contents.valid_bytes = at;
                continue;
            } catch (const std::exception& failure) {
                damage = std::string("a record that is not a step: ") + failure.what();
            }
        }
        contents.torn = true;
        contents.damage = "at byte " + std::to_string(start) + ": " + damage;
        break;
    }
    return contents;
}

// The descriptor carries an exclusive lock for as long as it is open, so two processes never write one
// journal (their steps would interleave and a recovery would replay both). The kernel drops the lock
// when the process ends, however it ends, so a killed session never blocks the next one.
void Journal::open_for_append()
{
    if (descriptor_ >= 0) return;
    int descriptor = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (descriptor < 0) throw Error(system_error(path_, "cannot open the journal"));
    if (::flock(descriptor, LOCK_EX | LOCK_NB) != 0) {
        bool busy = errno == EWOULDBLOCK;
        auto message = busy ? path_.string() + ": " + graph_file_.string() +
                                  " is being edited by another actorgraph process; save or close it there first"
                            : system_error(path_, "cannot lock the journal");
        ::close(descriptor);
        throw Error(message);
    }
    descriptor_ = descriptor;
}


void Journal::continue_after(const JournalContents& contents)
{
    open_for_append();
    if (::ftruncate(descriptor_, static_cast<off_t>(contents.valid_bytes)) != 0 || ::fsync(descriptor_) != 0) {
        throw Error(system_error(path_, "cannot cut the torn end off the journal"));
    }
    next_sequence_ = contents.entries.size() + 1;
}

// One write of the whole record, then fsync; on failure the journal is cut back to where it was, so a
// half-written record never stays in front of the next one.
void Journal::write_record(const std::string& json_text)
{
    auto record = std::to_string(json_text.size()) + " " + hex8(crc32_of(json_text)) + " " + json_text + "\n";
    auto size_before = ::lseek(descriptor_, 0, SEEK_END);
    std::size_t written = 0;
    while (written < record.size()) {
        auto result = ::write(descriptor_, record.data() + written, record.size() - written);
        if (result < 0 && errno == EINTR) continue;
        if (result <= 0) {
            auto message = system_error(path_, "cannot write the journal");
            if (size_before >= 0) (void)::ftruncate(descriptor_, size_before);
            throw Error(message);
        }
        written += static_cast<std::size_t>(result);
    }
    if (::fsync(descriptor_) != 0) {
        auto message = system_error(path_, "cannot flush the journal to disk");
        if (size_before >= 0) (void)::ftruncate(descriptor_, size_before);
        throw Error(message);
    }
}

void Journal::append(const JournalEntry& entry)
{
    open_for_append();
    if (::lseek(descriptor_, 0, SEEK_END) == 0) {
        auto base = current_version(graph_file_);
        json header{{"journal", "actorgraph"}, {"version", journal_version}, {"file", graph_file_.filename().string()},
                    {"base_size", base.size}, {"base_crc32", hex8(base.crc32)}, {"base_exists", base.exists}};
        write_record(header.dump(-1, ' ', false, json::error_handler_t::replace));
        flush_folder(path_.parent_path());
        next_sequence_ = 1;
    }
    std::string text = "{\"seq\":" + std::to_string(next_sequence_) + ",\"at\":\"" + utc_now() + "\",\"op\":\"" +
                       kind_name(entry.kind) + "\"";
    if (entry.change) text += ",\"change\":" + change_to_json(*entry.change);
    if (entry.group) text += group_fields(*entry.group);
    text += "}";
    write_record(text);
    ++next_sequence_;
}

void Journal::reset()
{
    if (descriptor_ >= 0) {
        // Emptied rather than removed, so this session keeps its lock on it (removed when the session ends).
        if (::ftruncate(descriptor_, 0) != 0 || ::fsync(descriptor_) != 0) throw Error(system_error(path_, "cannot empty the journal"));
        next_sequence_ = 1;
        return;
    }
    std::error_code error;
    fs::remove(path_, error);
    if (error) throw Error(path_.string() + ": cannot remove the journal: " + error.message());
    flush_folder(path_.parent_path());
    next_sequence_ = 1;
}

fs::path Journal::set_aside()
{
    if (descriptor_ >= 0) {
        ::close(descriptor_);
        descriptor_ = -1;
    }
    auto old = path_;
    old += ".old";
    std::error_code error;
    fs::rename(path_, old, error);
    if (error) throw Error(path_.string() + ": cannot rename the journal: " + error.message());
    flush_folder(path_.parent_path());
    next_sequence_ = 1;
    return old;
}

}  // namespace actorgraph
