#pragma once
// A file's bytes for a reader that goes through them once, front to back.
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

namespace actorgraph {

/// A regular file mapped read-only, whose pages the reader gives back as it goes, so a 250 MB CSV does not
/// stay resident beside the graph built from it; other files (pipes, /dev/zero) are read with read_file.
class MappedText {
public:
    /// Maps or reads the file; throws Error naming it when it cannot be read or is above `max_bytes`.
    MappedText(const std::filesystem::path& path, std::size_t max_bytes);
    MappedText(const MappedText&) = delete;
    MappedText& operator=(const MappedText&) = delete;
    ~MappedText();

    /// The whole file.
    [[nodiscard]] std::string_view text() const noexcept { return map_ ? std::string_view(map_, size_) : read_; }
    /// Lets the kernel drop the pages wholly inside [from, to); touching them again rereads the page cache.
    /// Safe to call from several threads at once.
    void release(std::size_t from, std::size_t to) const noexcept;

private:
    std::string read_;  ///< the bytes when the file could not be mapped
    const char* map_ = nullptr;
    std::size_t size_ = 0;
};

}  // namespace actorgraph
