#pragma once
// Reading a big CSV text in two halves at once, the second half on a second thread from the first line feed
// after a given share of the text (the first thread has more to do per record, so its half may be smaller).
// Only the first half's reader knows whether that is where a record starts (a quoted cell may hold line
// feeds), so the second half is kept aside and used only when the first half's reader stops exactly there,
// the second half was read to its end without an error, and both halves together stay within
// limits.max_cells. Otherwise the first half's reader simply reads on, so every result, error and message
// is what reading the text in one pass gives.
#include <algorithm>
#include <atomic>
#include <optional>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

#include "actorgraph/io/limits.hpp"
#include "actorgraph/model/graph.hpp"
#include "io/csv_parser.hpp"

namespace actorgraph::csv {

/// What the second thread read: elements (actors, relations) in blocks, freed one by one as they are
/// handed over so the hand-over never holds the half twice, and warnings; lines count from the half's start.
template <typename Element>
struct HalfResult {
    // 4 MiB a block: huge pages are 2 MiB, so a block of any other size would leave part of one unused.
    static constexpr std::size_t block_size = (std::size_t{4} << 20) / sizeof(Element);

    std::vector<LargeVector<Element>> blocks;
    Diagnostics warnings;
    std::size_t cells = 0;
    bool complete = false;  ///< read to the end without an error
};

/// The second half, read on its own thread from construction; the destructor stops and joins it.
/// `Reader::read(parser, add, warn, keep_going)` reads records until the parser stops, giving each element
/// to `add(Element&&)` and each warning to `warn(Diagnostic&&)`, and asks `keep_going()` now and then.
template <typename Element, typename Reader>
class SecondHalf {
public:
    /// Starts reading the parser's records with the reader.
    SecondHalf(Reader reader, CsvParser parser) : reader_(std::move(reader)), parser_(std::move(parser))
    {
        try {
            thread_ = std::jthread([this] { run(); });
        } catch (const std::system_error&) {
            // No second thread: the result stays incomplete and the first reader reads on.
        }
    }
    SecondHalf(const SecondHalf&) = delete;
    SecondHalf& operator=(const SecondHalf&) = delete;
    ~SecondHalf() { cancel(); }

    /// Asks the thread to stop soon (its result is then incomplete).
    void cancel() noexcept { cancelled_.store(true, std::memory_order_relaxed); }
    /// Waits for the thread and hands over what it read.
    [[nodiscard]] HalfResult<Element> finish()
    {
        if (thread_.joinable()) thread_.join();
        return std::move(result_);
    }

private:
    void run() noexcept
    {
        try {
            auto add = [this](Element&& element) {
                auto& blocks = result_.blocks;
                if (blocks.empty() || blocks.back().size() == HalfResult<Element>::block_size) {
                    blocks.emplace_back().reserve(HalfResult<Element>::block_size);
                }
                blocks.back().push_back(std::move(element));
            };
            auto warn = [this](Diagnostic&& warning) { result_.warnings.push_back(std::move(warning)); };
            auto keep_going = [this] { return !cancelled_.load(std::memory_order_relaxed); };
            reader_.read(parser_, add, warn, keep_going);
            result_.cells = parser_.cells();
            result_.complete = keep_going();
        } catch (...) {
            // The first reader reads this half again and reports the error at its place in the text.
            result_.complete = false;
        }
    }

    Reader reader_;
    CsvParser parser_;
    std::atomic<bool> cancelled_{false};
    HalfResult<Element> result_;
    std::jthread thread_;  // last: joined before the members it uses are destroyed
};

/// Where a second half would start: after the first line feed past `first_share` (0 to 1) of what is left;
/// none for a text under limits.parallel_csv_bytes.
inline std::optional<std::size_t> split_point(const CsvParser& parser, const InputLimits& limits, double first_share)
{
    auto text = parser.text();
    auto rest = text.size() - parser.position();
    if (rest == 0 || rest < limits.parallel_csv_bytes) return std::nullopt;
    auto first = static_cast<std::size_t>(static_cast<double>(rest) * std::clamp(first_share, 0.0, 1.0));
    auto feed = text.find('\n', parser.position() + first);
    if (feed == std::string_view::npos || feed + 1 >= text.size()) return std::nullopt;
    return feed + 1;
}

/// Reads the rest of the parser's records with `first` and, for a big text, `second` on a second thread from
/// `first_share` of the text on (the first reader also hands every element over, so it may take less);
/// `add` and `warn` get every element and warning in file order, as in one pass.
template <typename Element, typename Reader, typename Add, typename Warn>
void read_in_two_halves(CsvParser& parser, const InputLimits& limits, double first_share, Reader& first, Reader second,
                        Add add, Warn warn)
{
    auto always = [] { return true; };
    auto split = split_point(parser, limits, first_share);
    if (!split) return first.read(parser, add, warn, always);

    SecondHalf<Element, Reader> half_reader(std::move(second), CsvParser(parser, *split));
    parser.stop_at(*split);
    first.read(parser, add, warn, [&] {
        if (parser.position() > *split) half_reader.cancel();  // a quoted cell spans the split: read on alone
        return true;
    });
    {
        auto half = half_reader.finish();
        if (parser.position() == *split && half.complete && parser.cells() + half.cells <= limits.max_cells) {
            auto lines_before = parser.line() - 1;
            for (auto& block : half.blocks) {
                for (auto& element : block) {
                    element.where.line += lines_before;
                    add(std::move(element));
                }
                LargeVector<Element>().swap(block);
            }
            for (auto& warning : half.warnings) {
                warning.where.line += lines_before;
                warn(std::move(warning));
            }
            return;
        }
    }  // an unused half is freed before the first reader reads on
    parser.resume();
    first.read(parser, add, warn, always);
}

}  // namespace actorgraph::csv
