#include "actorgraph/io/file_io.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>
#include <optional>
#include <random>
#include <utility>

#include "actorgraph/model/error.hpp"

namespace actorgraph {

namespace fs = std::filesystem;

namespace {

// Closes a descriptor on every path out of a function.
class FileDescriptor {
public:
    explicit FileDescriptor(int fd) : fd_(fd) {}
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    ~FileDescriptor() { reset(); }
    [[nodiscard]] int get() const noexcept { return fd_; }
    [[nodiscard]] int release() noexcept { return std::exchange(fd_, -1); }
    void reset(int fd = -1) noexcept
    {
        if (fd_ >= 0) ::close(fd_);
        fd_ = fd;
    }

private:
    int fd_;
};

std::string describe_size(std::size_t bytes)
{
    return bytes >= (std::size_t{1} << 20) ? std::to_string(bytes >> 20) + " MiB" : std::to_string(bytes) + " bytes";
}

Error too_large(const fs::path& path, std::size_t max_bytes)
{
    return Error({path.string(), 0}, "is larger than the limit of " + describe_size(max_bytes) +
                                         " for an input file; see the limits in the README");
}

}  // namespace

std::size_t token_limit(std::size_t bytes, const InputLimits& limits)
{
    return std::max(limits.max_tokens, bytes / std::max<std::size_t>(limits.min_bytes_per_token, 1));
}

void require_readable_size(std::size_t bytes, const std::string& file)
{
    auto limit = InputLimits{}.max_file_bytes;
    if (bytes <= limit) return;
    auto advice = file.ends_with(".csv") ? "save the graph in parts" : "save it as Neo4j CSV (a folder of two files)";
    throw Error({file, 0}, "would be " + describe_size(bytes) + ", over the " + describe_size(limit) +
                               " a file may have to be read back; " + advice);
}

void require_input_size(std::size_t bytes, const std::string& file, const InputLimits& limits)
{
    if (bytes > limits.max_file_bytes) {
        throw Error({file, 0}, "is " + describe_size(bytes) + ", larger than the limit of " +
                                   describe_size(limits.max_file_bytes) + " for an input; see the limits in the README");
    }
}

// Reads through a descriptor rather than a stream so /dev/zero, a pipe or a file that keeps
// growing stops at the limit instead of exhausting memory.
std::string read_file(const fs::path& path, std::size_t max_bytes)
{
    std::error_code ec;
    if (fs::is_directory(path, ec)) throw Error({path.string(), 0}, "is a folder, expected a file");
    FileDescriptor file(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (file.get() < 0) throw Error({path.string(), 0}, std::string("cannot open: ") + std::strerror(errno));
    struct stat info {};
    if (::fstat(file.get(), &info) == 0 && S_ISREG(info.st_mode) && static_cast<std::size_t>(info.st_size) > max_bytes) {
        throw too_large(path, max_bytes);
    }
    std::string content;
    if (S_ISREG(info.st_mode)) content.reserve(static_cast<std::size_t>(info.st_size));
    char buffer[65536];
    for (;;) {
        auto count = ::read(file.get(), buffer, sizeof buffer);
        if (count < 0 && errno == EINTR) continue;
        if (count < 0) throw Error({path.string(), 0}, std::string("read failed: ") + std::strerror(errno));
        if (count == 0) return content;
        if (content.size() + static_cast<std::size_t>(count) > max_bytes) throw too_large(path, max_bytes);
        content.append(buffer, static_cast<std::size_t>(count));
    }
}

std::string read_file_start(const fs::path& path, std::size_t bytes)
{
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) throw Error({path.string(), 0}, "is not a regular file");
    FileDescriptor file(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (file.get() < 0) throw Error({path.string(), 0}, std::string("cannot open: ") + std::strerror(errno));
    std::string content(bytes, '\0');
    std::size_t filled = 0;
    while (filled < bytes) {
        auto count = ::read(file.get(), content.data() + filled, bytes - filled);
        if (count < 0 && errno == EINTR) continue;
        if (count < 0) throw Error({path.string(), 0}, std::string("read failed: ") + std::strerror(errno));
        if (count == 0) break;
        filled += static_cast<std::size_t>(count);
    }
    content.resize(filled);
    return content;
}

namespace {

struct InjectedFault {
    testing::SaveStep step;
    int error_number;
    int skip;  // how many more times the step succeeds first
};
std::optional<InjectedFault> injected_fault;

// True (with errno set) when a test asked this step to fail.
bool injected(testing::SaveStep step)
{
    if (!injected_fault || injected_fault->step != step) return false;
    if (injected_fault->skip > 0) {
        --injected_fault->skip;
        return false;
    }
    errno = injected_fault->error_number;
    return true;
}

Error save_error(const fs::path& target, const std::string& what)
{
    return Error({target.string(), 0}, what + ": " + std::strerror(errno) + "; the previous file is unchanged");
}

// The old file's permission bits, when there is an old file.
std::optional<mode_t> old_permissions(const fs::path& target)
{
    struct stat info {};
    if (::stat(target.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) return std::nullopt;
    return info.st_mode & 07777;
}

// The temporary file next to the target; removed unless committed.
class TemporaryFile {
public:
    explicit TemporaryFile(const fs::path& target) : target_(target)
    {
        auto old_mode = old_permissions(target);
        std::random_device random;
        for (int attempt = 0; attempt < 16 && fd_.get() < 0; ++attempt) {
            path_ = target;
            path_ += ".tmp-" + std::to_string(random());
            if (injected(testing::SaveStep::create)) break;
            // A new file gets 0644 less the umask, as any editor's would; a replaced one keeps its
            // bits through fchmod, which (unlike open's mode) the umask does not filter.
            fd_.reset(::open(path_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, old_mode ? 0600 : 0644));
            if (fd_.get() < 0 && errno != EEXIST) break;
        }
        if (fd_.get() < 0) throw save_error(target, "cannot create a temporary file in its folder");
        created_ = true;
        if (old_mode) (void)::fchmod(fd_.get(), *old_mode);
    }
    TemporaryFile(const TemporaryFile&) = delete;
    TemporaryFile& operator=(const TemporaryFile&) = delete;
    ~TemporaryFile()
    {
        fd_.reset();
        if (created_ && !committed_ && !kept_) ::unlink(path_.c_str());
    }

    /// From here on a failure leaves the written file in place (a save journal names it).
    void keep() { kept_ = true; }
    [[nodiscard]] const fs::path& path() const { return path_; }

    void write_all(std::string_view content)
    {
        while (!content.empty()) {
            auto chunk = content.substr(0, std::size_t{1} << 20);
            auto written = injected(testing::SaveStep::write) ? -1 : ::write(fd_.get(), chunk.data(), chunk.size());
            if (written < 0 && errno == EINTR) continue;
            if (written <= 0) throw save_error(target_, "write failed");
            content.remove_prefix(static_cast<std::size_t>(written));
        }
        if (injected(testing::SaveStep::flush) || ::fsync(fd_.get()) != 0) throw save_error(target_, "flush failed");
        int fd = fd_.release();
        if (injected(testing::SaveStep::close) || ::close(fd) != 0) throw save_error(target_, "close failed");
    }

    void commit()
    {
        if (injected(testing::SaveStep::rename) || ::rename(path_.c_str(), target_.c_str()) != 0) {
            throw save_error(target_, "cannot replace the file");
        }
        committed_ = true;
    }

private:
    fs::path target_;
    fs::path path_;
    FileDescriptor fd_{-1};
    bool created_ = false;
    bool committed_ = false;
    bool kept_ = false;
};

// The rename is only durable once the folder's entry is on disk; some file systems refuse to
// fsync a folder, which is no reason to report a save that has already happened as failed.
void flush_folder(const fs::path& target)
{
    auto folder = target.parent_path();
    FileDescriptor fd(::open(folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (fd.get() >= 0) (void)::fsync(fd.get());
}


// An earlier save killed before its rename left "name.tmp-<digits>" beside the target: removed.
void remove_leftover_temporaries(const fs::path& target)
{
    std::error_code ec;
    auto folder = target.parent_path().empty() ? fs::path(".") : target.parent_path();
    auto prefix = target.filename().string() + ".tmp-";
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
        auto name = it->path().filename().string();
        if (!name.starts_with(prefix) || name.size() == prefix.size()) continue;
        bool digits = name.find_first_not_of("0123456789", prefix.size()) == std::string::npos;
        if (digits && it->is_regular_file(ec)) fs::remove(it->path(), ec);
    }
}

}  // namespace

void write_file_atomically(const fs::path& requested, std::string_view content)
{
    std::error_code ec;
    // Saving through a symbolic link replaces the file it points to, not the link.
    auto path = fs::is_symlink(requested, ec) ? fs::weakly_canonical(requested, ec) : requested;
    if (ec) path = requested;
    if (fs::is_directory(path, ec)) throw Error({path.string(), 0}, "is a folder, expected a file");
    auto folder = path.parent_path();
    if (!folder.empty() && !fs::is_directory(folder, ec)) throw Error({path.string(), 0}, "folder does not exist");
    remove_leftover_temporaries(path);
    TemporaryFile temporary(path);
    temporary.write_all(content);
    temporary.commit();
    flush_folder(path);
}

// ---- saves of several files ----
//
// Each new file is written beside its target and flushed; then a journal listing "target<TAB>temporary"
// is written atomically, the temporaries are renamed over their targets, and the journal is removed.
// A reader going through saved_version sees the old files until the journal exists and the new ones
// from then on, wherever a kill or a full disk stops the save; the next save finishes or clears it.

namespace {

constexpr std::string_view journal_name = ".actorgraph-save";

std::vector<std::pair<std::string, std::string>> read_journal(const fs::path& folder)
{
    std::vector<std::pair<std::string, std::string>> entries;
    std::string text;
    try {
        text = read_file(folder / journal_name, 64 * 1024);
    } catch (const Error&) {
        return entries;
    }
    std::size_t from = 0;
    while (from < text.size()) {
        auto end = text.find('\n', from);
        if (end == std::string::npos) break;  // a journal cut short was never complete, so never used
        auto line = std::string_view(text).substr(from, end - from);
        from = end + 1;
        auto tab = line.find('\t');
        if (tab == std::string_view::npos) continue;
        auto target = std::string(line.substr(0, tab));
        auto temporary = std::string(line.substr(tab + 1));
        if (target.find('/') != std::string::npos || temporary.find('/') != std::string::npos) continue;
        entries.emplace_back(std::move(target), std::move(temporary));
    }
    return entries;
}

// Renames what an interrupted save left pending over its targets, then drops the journal.
void finish_interrupted_save(const fs::path& folder)
{
    std::error_code ec;
    if (!fs::exists(folder / journal_name, ec)) return;
    for (const auto& [target, temporary] : read_journal(folder)) {
        if (fs::exists(folder / temporary, ec) && ::rename((folder / temporary).c_str(), (folder / target).c_str()) != 0) {
            throw Error({(folder / target).string(), 0},
                        std::string("cannot finish an earlier interrupted save: ") + std::strerror(errno));
        }
    }
    flush_folder(folder / journal_name);
    fs::remove(folder / journal_name, ec);
    flush_folder(folder / journal_name);
}

}  // namespace

fs::path saved_version(const fs::path& path)
{
    auto folder = path.parent_path().empty() ? fs::path(".") : path.parent_path();
    std::error_code ec;
    if (!fs::exists(folder / journal_name, ec)) return path;
    for (const auto& [target, temporary] : read_journal(folder)) {
        if (target == path.filename().string() && fs::exists(folder / temporary, ec)) return folder / temporary;
    }
    return path;
}

void write_files_atomically(const fs::path& folder, const std::vector<std::pair<std::string, std::string_view>>& files)
{
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) throw Error({folder.string(), 0}, "is not a folder");
    finish_interrupted_save(folder);
    std::vector<std::unique_ptr<TemporaryFile>> temporaries;
    std::string journal;
    try {
        for (const auto& [name, content] : files) {
            remove_leftover_temporaries(folder / name);
            temporaries.push_back(std::make_unique<TemporaryFile>(folder / name));
            temporaries.back()->write_all(content);
            journal += name + "\t" + temporaries.back()->path().filename().string() + "\n";
        }
        write_file_atomically(folder / journal_name, journal);
    } catch (const Error& error) {
        // Nothing was renamed yet: every target is as it was.
        throw Error(error.where(), error.message() + (files.size() > 1 ? " (no file of the folder was replaced)" : ""));
    }
    for (auto& temporary : temporaries) temporary->keep();
    for (auto& temporary : temporaries) {
        try {
            temporary->commit();
        } catch (const Error& error) {
            throw Error(error.where(), error.message().substr(0, error.message().find("; the previous file")) +
                                           "; the new files wait beside their targets and the folder reads as the "
                                           "new save (" + std::string(journal_name) + " names them); the next "
                                           "save finishes it");
        }
    }
    flush_folder(folder / journal_name);
    fs::remove(folder / journal_name, ec);
    flush_folder(folder / journal_name);
}

void testing::fail_saves_at(SaveStep step, int error_number, int skip)
{
    if (error_number == 0) injected_fault.reset();
    else injected_fault = InjectedFault{step, error_number, skip};
}

}  // namespace actorgraph
