#pragma once
// The CSV parser of the Neo4j reader: RFC 4180 records, one at a time, with cells pointing into the text.
#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "actorgraph/io/limits.hpp"
#include "actorgraph/model/error.hpp"

namespace actorgraph::csv {

inline bool is_line_break(char c)
{
    return c == '\n' || c == '\r';
}

// Counts LF, CRLF and a lone CR as one line break each, as the parser does.
inline int line_at(std::string_view text, std::size_t offset)
{
    int line = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'))) ++line;
    }
    return line;
}

// Told that a reader is done with the bytes [from, to) of its text, so a mapped file can drop those
// pages; a no-op for texts in memory. Called from each reading thread, so it must be thread-safe.
using Release = std::function<void(std::size_t from, std::size_t to)>;

// Eight bytes read as one word; the files are mostly ASCII, so the scans below skip words of it at once.
inline std::uint64_t word_at(const char* bytes)
{
    std::uint64_t word = 0;
    std::memcpy(&word, bytes, sizeof word);
    return word;
}

inline constexpr std::uint64_t high_bits = 0x8080808080808080u;

// Line feeds in the text, a word at a time: a byte equal to '\n' becomes zero after the xor, and the
// exact zero-byte test (no borrow between bytes) sets its high bit.
inline std::size_t count_line_feeds(std::string_view text)
{
    constexpr std::uint64_t feeds = 0x0A0A0A0A0A0A0A0Au, low_bits = 0x7F7F7F7F7F7F7F7Fu;
    std::size_t count = 0, pos = 0;
    for (; pos + 8 <= text.size(); pos += 8) {
        auto bytes = word_at(text.data() + pos) ^ feeds;
        auto zero = ~(((bytes & low_bits) + low_bits) | bytes | low_bits);
        count += static_cast<std::size_t>(std::popcount(zero));
    }
    return count + static_cast<std::size_t>(std::count(text.begin() + static_cast<std::ptrdiff_t>(pos), text.end(), '\n'));
}

inline std::optional<std::size_t> first_invalid_utf8(std::string_view text)
{
    for (std::size_t pos = 0; pos < text.size();) {
        if (pos + 8 <= text.size() && (word_at(text.data() + pos) & high_bits) == 0) {
            pos += 8;
            continue;
        }
        auto lead = static_cast<unsigned char>(text[pos]);
        std::size_t length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0;
        if (length == 0 || lead > 0xF4 || pos + length > text.size()) return pos;
        char32_t code = length == 1 ? lead : lead & (0x3Fu >> (length - 1));
        for (std::size_t i = 1; i < length; ++i) {
            auto byte = static_cast<unsigned char>(text[pos + i]);
            if ((byte & 0xC0) != 0x80) return pos;
            code = (code << 6) | (byte & 0x3Fu);
        }
        constexpr char32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
        if (code < smallest[length] || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return pos;
        pos += length;
    }
    return std::nullopt;
}

// ---------------------------------------------------------------------------------------------- parsing

// A cell points into the input; only a quoted cell with a doubled quote needs its own copy.
struct Cell {
    std::string_view raw;
    std::string unescaped;
    bool escaped = false;
    bool quoted = false;

    [[nodiscard]] std::string_view text() const { return escaped ? std::string_view(unescaped) : raw; }
    [[nodiscard]] bool absent() const { return raw.empty() && !quoted; }
};

struct Record {
    int line = 0;  // the physical line the record starts on
    std::vector<Cell> cells;
};

/// The separator and quote characters (neo4j-admin's --delimiter and --quote); both must be ASCII and
/// neither a line break, and they must differ (checked where users give them, io/import_mapping.cpp).
struct Dialect {
    char delimiter = ',';
    char quote = '"';
};

// RFC 4180 with LF, CRLF or CR line ends; quoted cells may span lines, which the line count follows.
// Records are read one at a time into a reused Record, so a big file is never held twice, and in one pass:
// a separate pass checking UTF-8 first cost a tenth of loading a big file, faulting every page in twice.
class CsvParser {
public:
    /// `release` is told which bytes the parser is done with, so a mapped file can drop their pages. Every cell
    /// is checked to be UTF-8 as it is read (the bytes between cells are ASCII by construction).
    CsvParser(std::string_view text, const FileName& file, const InputLimits& limits, const Release& release,
              Dialect dialect = {})
        : text_(text), file_(file), limits_(limits), release_(release), delimiter_(dialect.delimiter),
          quote_(dialect.quote)
    {
        require_input_size(text_.size(), file_, limits_);
        if (text_.starts_with("\xEF\xBB\xBF")) {
            text_.remove_prefix(3);
            base_ = 3;
        }
    }

    /// A parser for the rest of `whole`'s text from `from` (a record's start), as if it began there: lines
    /// count from 1 and cells from 0.
    CsvParser(const CsvParser& whole, std::size_t from)
        : text_(whole.text_.substr(from)), file_(whole.file_), limits_(whole.limits_), release_(whole.release_),
          delimiter_(whole.delimiter_), quote_(whole.quote_),
          base_(whole.base_ + from), released_(base_), max_width_(whole.max_width_), header_read_(whole.header_read_)
    {
    }

    /// The line feeds left plus one, to size the graph: the records left when lines end in LF or CRLF and no
    /// quoted cell holds one (a size hint only; one pass over the text).
    [[nodiscard]] std::size_t lines_left() const noexcept
    {
        return count_line_feeds(text_.substr(std::min(pos_, text_.size()))) + 1;
    }
    /// About how many records are left, from the line feeds in a sample, to size the graph once. A quarter
    /// more than the sample says: the arrays it sizes only take memory where they are filled.
    [[nodiscard]] std::size_t estimated_records() const noexcept
    {
        constexpr std::size_t sample = std::size_t{1} << 20;
        auto rest = text_.substr(std::min(pos_, text_.size()));
        auto feeds = count_line_feeds(rest.substr(0, sample));
        if (rest.size() <= sample) return feeds + 1;
        return feeds * (rest.size() / sample) * 5 / 4 + 1024;
    }

    /// Reads the next non-blank record; false at the end of the text.
    bool next(Record& record)
    {
        // The previous record's cells are no longer used; pages go back 16 MiB at a time, not per record.
        if (base_ + pos_ >= released_ + release_step) {
            release_(released_, base_ + pos_);
            released_ = base_ + pos_;
        }
        while (pos_ < text_.size() && pos_ != stop_) {
            record.line = line_;
            read_cells(record);
            if (pos_ < text_.size()) skip_line_break();
            bool blank = record.cells.size() == 1 && record.cells.front().absent();
            if (!blank) return true;
        }
        return false;
    }

    /// next() stops (returns false) when a record would start exactly at this offset of the text.
    void stop_at(std::size_t offset) noexcept { stop_ = offset; }
    /// Lets next() go on past the offset given to stop_at.
    void resume() noexcept { stop_ = std::string_view::npos; }
    /// The text, after any byte-order mark; offsets count from its start.
    [[nodiscard]] std::string_view text() const noexcept { return text_; }
    /// The offset where the next record starts.
    [[nodiscard]] std::size_t position() const noexcept { return pos_; }
    /// The physical line the next record starts on.
    [[nodiscard]] int line() const noexcept { return line_; }
    /// Cells read so far (limits.max_cells bounds them).
    [[nodiscard]] std::size_t cells() const noexcept { return cells_; }

    /// Records after the header may have at most this many cells (the header's width).
    void set_width(std::size_t width)
    {
        max_width_ = width;
        header_read_ = true;
    }

private:
    // A record wider than the header is an error anyway; its extra cells are only counted, never held,
    // so one record costs at most the header's width however many commas it has.
    [[noreturn]] void too_wide(Record& record, std::size_t count)
    {
        record.cells.resize(count);
        if (!header_read_) {
            throw Error({file_, record.line}, "more than " + std::to_string(max_width_) +
                                                  " columns; see the README for the limits");
        }
        auto fields = record.cells.size();
        Cell extra;
        do {
            count_cell();
            ++fields;
            read_cell(extra);
        } while (pos_ < text_.size() && text_[pos_++] == delimiter_);
        throw Error({file_, record.line}, "record has " + std::to_string(fields) + " fields, but the header has " +
                                              std::to_string(max_width_));
    }

    void count_cell()
    {
        // Checked per cell, so a text of commas cannot grow a record or the graph past the limits.
        if (++cells_ > limits_.max_cells) {
            throw Error({file_, line_}, "more than " + std::to_string(limits_.max_cells) +
                                            " cells; see the README for the limits");
        }
    }

    void read_cell(Cell& cell)
    {
        // Reset field by field: a fresh Cell per cell (its string included) was a tenth of parsing.
        cell.escaped = false;
        cell.quoted = false;
        if (pos_ < text_.size() && text_[pos_] == quote_) {
            quoted_cell(cell);
        } else {
            plain_cell(cell);
        }
    }

    // Reuses the record's cells from the previous record, so a record of a steady width allocates nothing.
    void read_cells(Record& record)
    {
        std::size_t count = 0;
        while (true) {
            if (count == max_width_) too_wide(record, count);
            count_cell();
            if (count == record.cells.size()) record.cells.emplace_back();
            read_cell(record.cells[count++]);
            if (pos_ >= text_.size() || text_[pos_] != delimiter_) break;
            ++pos_;
        }
        if (count < record.cells.size()) record.cells.resize(count);
    }

    // The cells stop only at a comma, a line break or the end, so here a line break begins.
    void skip_line_break()
    {
        if (text_[pos_++] == '\r' && pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
        ++line_;
    }

    // A word at a time: the first byte that is a comma, LF or CR ends the cell, and the bytes before it
    // are gathered to see whether any is not ASCII (only then is the cell checked as UTF-8).
    void plain_cell(Cell& cell)
    {
        constexpr std::uint64_t ones = 0x0101010101010101u;
        auto zero_bytes = [](std::uint64_t word) { return (word - ones) & ~word & high_bits; };  // lowest one exact
        auto end = pos_;
        std::uint64_t seen = 0;
        while (true) {
            if (end + 8 > text_.size()) {
                for (; end < text_.size() && text_[end] != delimiter_ && !is_line_break(text_[end]); ++end) {
                    seen |= static_cast<unsigned char>(text_[end]);
                }
                break;
            }
            auto word = word_at(text_.data() + end);
            auto stops =
                zero_bytes(word ^ delimiters_) | zero_bytes(word ^ (ones * '\n')) | zero_bytes(word ^ (ones * '\r'));
            if (stops == 0) {
                seen |= word;
                end += 8;
                continue;
            }
            auto before = static_cast<unsigned>(std::countr_zero(stops)) / 8;
            if (before > 0) seen |= word & (~std::uint64_t{0} >> (64 - 8 * before));
            end += before;
            break;
        }
        cell.raw = text_.substr(pos_, end - pos_);
        pos_ = end;
        if ((seen & high_bits) != 0 && first_invalid_utf8(cell.raw)) throw Error({file_, line_}, "invalid UTF-8");
    }

    void quoted_cell(Cell& cell)
    {
        int start_line = line_;
        cell.quoted = true;
        auto start = ++pos_;
        while (true) {
            if (pos_ >= text_.size()) {
                throw Error({file_, start_line}, "unterminated quoted field (its opening quote is on this line)");
            }
            char c = text_[pos_++];
            if (c == quote_) {
                if (pos_ >= text_.size() || text_[pos_] != quote_) break;
                cell.escaped = true;
                ++pos_;
            } else if (c == '\n' || (c == '\r' && (pos_ == text_.size() || text_[pos_] != '\n'))) {
                ++line_;
            }
        }
        cell.raw = text_.substr(start, pos_ - 1 - start);
        if (auto bad = first_invalid_utf8(cell.raw)) {
            throw Error({file_, start_line + line_at(cell.raw, *bad) - 1}, "invalid UTF-8");
        }
        if (cell.escaped) cell.unescaped = unescape_quotes(cell.raw, quote_);
        if (pos_ < text_.size() && text_[pos_] != delimiter_ && !is_line_break(text_[pos_])) {
            throw Error({file_, line_},
                        "unexpected text after a closing quote (write a quote inside a quoted field as \"\")");
        }
    }

    static std::string unescape_quotes(std::string_view raw, char quote)
    {
        std::string text;
        text.reserve(raw.size());
        for (std::size_t i = 0; i < raw.size(); ++i) {
            text += raw[i];
            if (raw[i] == quote) ++i;  // the second quote of a doubled pair
        }
        return text;
    }

    std::string_view text_;
    FileName file_;
    const InputLimits& limits_;
    const Release& release_;
    static constexpr std::size_t release_step = std::size_t{16} << 20;

    char delimiter_ = ',';
    char quote_ = '"';
    // The delimiter in every byte of a word, for plain_cell's word-at-a-time scan.
    std::uint64_t delimiters_ = 0x0101010101010101u * static_cast<unsigned char>(delimiter_);
    std::size_t base_ = 0;      // where text_ starts in the text given to release_ (after a byte-order mark)
    std::size_t released_ = 0;  // offsets before this were given to release_ (in its text)
    std::size_t stop_ = std::string_view::npos;
    std::size_t pos_ = 0;
    std::size_t cells_ = 0;
    std::size_t max_width_ = limits_.max_attribute_names;  // the header is bounded like other attribute names
    bool header_read_ = false;
    int line_ = 1;
};

}  // namespace actorgraph::csv
