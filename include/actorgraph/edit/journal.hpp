#pragma once
// The journal beside a graph file: every change since the last save, appended and flushed to disk
// before it counts as done, so a crash, a kill or a power cut loses nothing that was reported done.
//
// Format (UTF-8 text, one record a line): `LENGTH CRC32 JSON\n`, where LENGTH is the JSON's size in bytes
// (decimal) and CRC32 its checksum (8 hex digits). A record whose length, checksum or newline is wrong is
// where the journal was torn: reading stops there. The first record names the graph file's version:
//   {"journal":"actorgraph","version":1,"file":"map.gv","base_size":1234,"base_crc32":"89abcdef"}
// and each later one is a step, numbered from 1:
//   {"seq":1,"at":"2026-12-02T02:14:00Z","op":"apply","change":{"op":"add-actor",...}}
//   {"seq":2,"at":"...","op":"undo"}      {"seq":3,"at":"...","op":"redo"}
//   {"seq":4,"at":"...","op":"group","description":"Cypher: CREATE ...","changes":[{"op":"add-actor",...},...]}
// (a group is one record, so recovery replays all of its changes or, when the record is torn, none)
// so a shared store can take the same stream of steps (the JSON without the frame).
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "actorgraph/edit/change.hpp"

namespace actorgraph {

/// One step of an editing session: a change applied, a group of changes applied as one step, or an undo
/// or redo of the history.
struct JournalEntry {
    enum class Kind { apply, undo, redo, group };
    Kind kind = Kind::apply;
    std::optional<Change> change;  ///< for apply
    std::optional<ChangeGroup> group = std::nullopt;  ///< for group
};

/// Which content of the graph file a journal was started on (its size and checksum).
struct FileVersion {
    std::uint64_t size = 0;
    std::uint32_t crc32 = 0;
    bool exists = false;
    friend bool operator==(const FileVersion&, const FileVersion&) = default;
};

/// The version of the file (or, for a CSV folder, of its tables) as it is on disk now.
[[nodiscard]] FileVersion current_version(const std::filesystem::path& graph_file);

/// A cheap fingerprint of a graph file, from the file system alone: its size and modification time
/// (for a CSV folder, of its tables). Tells whether another program wrote the file since it was read.
struct FileStamp {
    std::uintmax_t size = 0;
    std::int64_t modified = 0;  ///< nanoseconds of the file system's clock
    bool exists = false;
    friend bool operator==(const FileStamp&, const FileStamp&) = default;
};

/// The file's stamp now (a file that does not exist has an empty one).
[[nodiscard]] FileStamp stamp_of(const std::filesystem::path& graph_file);

/// What reading a journal found.
struct JournalContents {
    FileVersion base;                  ///< the graph file's version the steps apply to
    std::vector<JournalEntry> entries; ///< every complete step, in order
    bool torn = false;                 ///< a damaged or half-written record ended the journal (it and what follows are ignored)
    std::string damage;                ///< what was wrong there, with its byte offset
    std::uint64_t valid_bytes = 0;     ///< the size of the complete records, from the start
};

/// The CRC-32 (as in zlib and PNG) of the bytes.
[[nodiscard]] std::uint32_t crc32_of(std::string_view bytes);

class Journal {
public:
    /// The journal of the graph file: FILE.journal beside it (beside the folder for a CSV folder).
    explicit Journal(std::filesystem::path graph_file);
    Journal(const Journal&) = delete;
    Journal& operator=(const Journal&) = delete;
    ~Journal();

    [[nodiscard]] static std::filesystem::path path_for(const std::filesystem::path& graph_file);
    [[nodiscard]] const std::filesystem::path& path() const noexcept { return path_; }

    /// True when another Journal object (another process, as a rule) writes the graph file's journal
    /// now: a writer holds an exclusive lock on it from its first step until it ends; the kernel drops
    /// the lock when a process dies, so a killed session never blocks the next one.
    [[nodiscard]] static bool locked_elsewhere(const std::filesystem::path& graph_file);

    /// Reads the journal without changing it: nullopt when there is none (or it is empty). Throws Error
    /// naming the journal when it cannot be read or its first record is not a journal header.
    [[nodiscard]] std::optional<JournalContents> read() const;
    /// Continues after what read() found: cuts a torn tail off (so new steps follow the complete ones)
    /// and numbers the next step after the last one read.
    void continue_after(const JournalContents& contents);
    /// Appends a step and flushes it to disk (fsync) before returning; the first step of a journal is
    /// preceded by the header naming the graph file's current version. Throws Error naming the journal
    /// (and leaves it as it was) when it cannot be written or another writer holds it.
    void append(const JournalEntry& entry);
    /// Empties the journal (after a save: the file holds every step now), or deletes it when this object
    /// does not hold it; an empty journal is removed when this object ends. Throws Error when it cannot.
    void reset();
    /// Renames the journal aside (to FILE.journal.old) when it does not belong to the file as it is now.
    [[nodiscard]] std::filesystem::path set_aside();

private:
    void open_for_append();
    void write_record(const std::string& json);

    std::filesystem::path graph_file_;
    std::filesystem::path path_;
    int descriptor_ = -1;
    std::uint64_t next_sequence_ = 1;
};

}  // namespace actorgraph
