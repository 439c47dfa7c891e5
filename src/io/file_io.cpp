#include "actorgraph/io/file_io.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <random>
#include <sstream>

#include "actorgraph/model/error.hpp"

namespace actorgraph {

namespace fs = std::filesystem;

std::string read_file(const fs::path& path)
{
    std::error_code ec;
    if (fs::is_directory(path, ec)) throw Error({path.string(), 0}, "is a folder, expected a file");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error({path.string(), 0}, std::string("cannot open: ") + std::strerror(errno));
    std::ostringstream content;
    content << in.rdbuf();
    if (in.bad()) throw Error({path.string(), 0}, "read failed");
    return std::move(content).str();
}

namespace {

// A file descriptor that closes itself; the temporary file is removed unless committed.
class TemporaryFile {
public:
    explicit TemporaryFile(const fs::path& target)
    {
        std::random_device random;
        for (int attempt = 0; attempt < 16 && fd_ < 0; ++attempt) {
            path_ = target;
            path_ += ".tmp-" + std::to_string(random());
            fd_ = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
            if (fd_ < 0 && errno != EEXIST) break;
        }
        if (fd_ < 0) throw Error({target.string(), 0}, std::string("cannot create temporary file: ") + std::strerror(errno));
    }
    TemporaryFile(const TemporaryFile&) = delete;
    TemporaryFile& operator=(const TemporaryFile&) = delete;
    ~TemporaryFile()
    {
        if (fd_ >= 0) ::close(fd_);
        if (!committed_) ::unlink(path_.c_str());
    }

    void write_all(std::string_view content, const fs::path& target)
    {
        while (!content.empty()) {
            auto written = ::write(fd_, content.data(), content.size());
            if (written < 0 && errno == EINTR) continue;
            if (written <= 0) throw Error({target.string(), 0}, std::string("write failed: ") + std::strerror(errno));
            content.remove_prefix(static_cast<std::size_t>(written));
        }
        if (::fsync(fd_) != 0) throw Error({target.string(), 0}, std::string("flush failed: ") + std::strerror(errno));
        int fd = fd_;
        fd_ = -1;
        if (::close(fd) != 0) throw Error({target.string(), 0}, std::string("close failed: ") + std::strerror(errno));
    }

    void commit(const fs::path& target)
    {
        if (::rename(path_.c_str(), target.c_str()) != 0) {
            throw Error({target.string(), 0}, std::string("cannot replace file: ") + std::strerror(errno));
        }
        committed_ = true;
    }

private:
    fs::path path_;
    int fd_ = -1;
    bool committed_ = false;
};

}  // namespace

void write_file_atomically(const fs::path& path, std::string_view content)
{
    std::error_code ec;
    if (fs::is_directory(path, ec)) throw Error({path.string(), 0}, "is a folder, expected a file");
    auto folder = path.parent_path();
    if (!folder.empty() && !fs::is_directory(folder, ec)) throw Error({path.string(), 0}, "folder does not exist");
    TemporaryFile temporary(path);
    temporary.write_all(content, path);
    temporary.commit(path);
}

}  // namespace actorgraph
