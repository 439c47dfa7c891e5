#include "io/mapped_text.hpp"

#include <algorithm>

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

void MappedText::release(std::size_t from, std::size_t to) const noexcept
{
    if (!map_) return;
    auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
    auto first = (from + page - 1) / page * page;
    auto end = std::min(to, size_) / page * page;
    if (first < end) ::madvise(const_cast<char*>(map_) + first, end - first, MADV_DONTNEED);
}

}  // namespace actorgraph
