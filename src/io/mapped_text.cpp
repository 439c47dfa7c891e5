#include "io/mapped_text.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "actorgraph/io/file_io.hpp"

namespace actorgraph {

MappedText::MappedText(const std::filesystem::path& path, std::size_t max_bytes)
{
    int file = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    struct stat info {};
    bool mappable = file >= 0 && ::fstat(file, &info) == 0 && S_ISREG(info.st_mode) && info.st_size > 0 &&
                    static_cast<std::size_t>(info.st_size) <= max_bytes;
    if (mappable) {
        void* map = ::mmap(nullptr, static_cast<std::size_t>(info.st_size), PROT_READ, MAP_PRIVATE, file, 0);
        if (map != MAP_FAILED) {
            map_ = static_cast<const char*>(map);
            size_ = static_cast<std::size_t>(info.st_size);
            ::madvise(map, size_, MADV_SEQUENTIAL);
        }
    }
    if (file >= 0) ::close(file);
    // read_file gives the errors (missing, too large, a folder) their usual wording.
    if (!map_) read_ = read_file(path, max_bytes);
}

MappedText::~MappedText()
{
    if (map_) ::munmap(const_cast<char*>(map_), size_);
}

void MappedText::release_before(std::size_t offset) noexcept
{
    constexpr std::size_t step = std::size_t{16} << 20;  // madvise per 16 MiB, not per record
    if (offset < released_) released_ = 0;              // a new pass over the text (the parser scans it twice)
    if (!map_ || offset < released_ + step) return;
    auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
    auto end = offset / page * page;
    ::madvise(const_cast<char*>(map_) + released_, end - released_, MADV_DONTNEED);
    released_ = end;
}

}  // namespace actorgraph
