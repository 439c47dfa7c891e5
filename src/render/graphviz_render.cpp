#include "actorgraph/render/graphviz_render.hpp"

#include <charconv>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <vector>

#include "graphviz/graphviz_handles.hpp"
#include "actorgraph/model/schema.hpp"
#include "render/graphviz_program.hpp"

namespace actorgraph {

namespace {

// The length of the well-formed UTF-8 sequence at `pos`, or 0 for a malformed, overlong or
// surrogate one.
std::size_t utf8_length(std::string_view text, std::size_t pos)
{
    auto lead = static_cast<unsigned char>(text[pos]);
    if (lead < 0x80) return 1;
    std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0;
    if (length == 0 || lead > 0xF4 || pos + length > text.size()) return 0;
    char32_t code = lead & (0x3Fu >> (length - 1));
    for (std::size_t i = 1; i < length; ++i) {
        auto byte = static_cast<unsigned char>(text[pos + i]);
        if ((byte & 0xC0) != 0x80) return 0;
        code = (code << 6) | (byte & 0x3Fu);
    }
    constexpr char32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
    bool valid = code >= smallest[length] && code <= 0x10FFFF && !(code >= 0xD800 && code <= 0xDFFF);
    return valid ? length : 0;
}

// The length of the character at `pos` when XML 1.0 can carry it, else 0: no C0 controls other
// than tab, LF and CR, no U+FFFE/U+FFFF.
std::size_t xml_char_length(std::string_view text, std::size_t pos)
{
    auto lead = static_cast<unsigned char>(text[pos]);
    if (lead < 0x20) return lead == '\t' || lead == '\n' || lead == '\r' ? 1 : 0;
    auto length = utf8_length(text, pos);
    bool noncharacter = length == 3 && text.substr(pos, 2) == "\xEF\xBF" &&
                        (static_cast<unsigned char>(text[pos + 2]) & 0xFE) == 0xBE;
    return noncharacter ? 0 : length;
}

// Printable ASCII, tab, LF and CR: valid UTF-8 that XML carries, the bulk of any DOT or SVG.
bool plain_byte(char c)
{
    auto byte = static_cast<unsigned char>(c);
    return (byte >= 0x20 && byte < 0x80) || c == '\t' || c == '\n' || c == '\r';
}

// The position of the first character `length_of` rejects, or the size when there is none. Plain
// bytes are skipped inline (the scan runs over megabytes of DOT and SVG per layout); the others
// go through `length_of`.
template <typename LengthOf>
std::size_t first_rejected(std::string_view text, LengthOf length_of)
{
    std::size_t pos = 0;
    while (pos < text.size()) {
        if (plain_byte(text[pos])) {
            ++pos;
            continue;
        }
        auto length = length_of(text, pos);
        if (length == 0) return pos;
        pos += length;
    }
    return pos;
}

// Copies the text with every character `length_of` rejects replaced by U+FFFD.
template <typename LengthOf>
std::string replace_rejected(std::string text, LengthOf length_of)
{
    std::size_t pos = first_rejected(text, length_of);
    if (pos == text.size()) return text;
    std::string safe = text.substr(0, pos);
    while (pos < text.size()) {
        auto length = length_of(text, pos);
        if (length == 0) {
            safe += "\xEF\xBF\xBD";
            ++pos;
            continue;
        }
        safe.append(text, pos, length);
        pos += length;
    }
    return safe;
}

// Graphviz copies control characters and malformed UTF-8 from labels into SVG as they are, which
// makes the file unreadable for any XML parser (and browsers refuse to show it). XML cannot carry
// them at all, so each becomes U+FFFD; markup is never touched (it is all ASCII).
// Also takes out the scene's quote guards, which SVG does not need (Graphviz writes '"' as &quot;).
std::string make_xml_safe(std::string svg)
{
    return without_quote_guards(replace_rejected(std::move(svg), xml_char_length), "&quot;");
}

// Malformed UTF-8 in a label makes Pango print warnings straight to stderr (GLib logging, which no
// Graphviz handler catches), so it is replaced before Graphviz sees the text. The replacement has
// no ASCII byte, so the DOT syntax around it is unchanged.
std::string with_valid_utf8(std::string_view dot_text)
{
    return replace_rejected(std::string(dot_text), utf8_length);
}

// Cairo 1.16 stamps PDFs with the time of rendering (and ignores SOURCE_DATE_EPOCH), so the same view
// exported twice, or by the CLI and the window, would differ. The stamp becomes SOURCE_DATE_EPOCH's date
// (default 0, 1970-01-01), written in the same number of bytes so the PDF's cross-reference offsets hold.
std::string with_reproducible_date(std::string pdf)
{
    constexpr std::string_view key = "/CreationDate (D:";
    auto start = pdf.find(key);
    if (start == std::string::npos) return pdf;
    start += key.size();
    auto end = pdf.find(')', start);
    constexpr std::size_t stamp_size = 15;  // YYYYMMDDHHmmSSZ, the form cairo writes
    if (end == std::string::npos || end - start != stamp_size) return pdf;
    std::time_t epoch = 0;
    if (const char* text = std::getenv("SOURCE_DATE_EPOCH")) {
        long long seconds = 0;
        auto [rest, error] = std::from_chars(text, text + std::strlen(text), seconds);
        if (error == std::errc{} && *rest == '\0' && seconds >= 0) epoch = static_cast<std::time_t>(seconds);
    }
    std::tm utc{};
    gmtime_r(&epoch, &utc);
    char stamp[32];
    auto written = std::strftime(stamp, sizeof stamp, "%Y%m%d%H%M%SZ", &utc);
    if (written == stamp_size) pdf.replace(start, stamp_size, stamp, stamp_size);
    return pdf;
}

// What every render returns: SVG that XML can read, PDF with a reproducible date.
std::string finished_output(std::string output, OutputFormat format)
{
    if (format == OutputFormat::svg) return make_xml_safe(std::move(output));
    if (format == OutputFormat::pdf) return with_reproducible_date(std::move(output));
    return output;
}

bool is_valid_utf8(std::string_view dot_text) { return first_rejected(dot_text, utf8_length) == dot_text.size(); }

// The caller holds the Graphviz lock.
std::string render_unlocked(std::string_view dot_text, LayoutEngine engine, OutputFormat format)
{
    auto buffer = with_valid_utf8(dot_text);
    graphviz::MessageCapture capture;
    graphviz::GraphHandle graph = graphviz::read_graph(buffer);
    if (!graph) throw Error("Graphviz cannot read the scene: " + capture.messages());
    graphviz::LayoutHandle layout(graphviz::shared_context(), graph.get(), layout_engine_name(engine));
    return finished_output(layout.render(output_format_name(format)), format);
}

// The first lines of what Graphviz printed, enough to say what went wrong.
std::string summarize_messages(const std::string& messages)
{
    auto text = std::string(trim_spaces(messages));
    constexpr std::size_t shown = 2000;
    if (text.size() > shown) text = text.substr(0, shown) + " ...";
    return text.empty() ? "no message" : text;
}

}  // namespace

std::string render_dot_text(std::string_view dot_text, LayoutEngine engine, OutputFormat format)
{
    auto lock = graphviz::library_lock();
    return render_unlocked(dot_text, engine, format);
}

std::string render_dot_text_isolated(std::string_view dot_text, LayoutEngine engine, OutputFormat format,
                                     const RenderControl& control)
{
    std::vector<std::string> arguments{graphviz::dot_program(), std::string("-K") + layout_engine_name(engine),
                                       std::string("-T") + output_format_name(format)};
    // Valid text (the usual case) goes to the child as it is, without a copy of megabytes.
    std::string repaired;
    if (!is_valid_utf8(dot_text)) dot_text = repaired = with_valid_utf8(dot_text);
    auto run = graphviz::run_program(arguments, dot_text, control);
    if (!run.signal.empty()) throw Error("Graphviz crashed during layout (" + run.signal + ")");
    if (run.exit_status != 0) {
        throw Error("Graphviz cannot lay out the scene: " + summarize_messages(run.messages));
    }
    if (run.output.empty()) throw Error("Graphviz gave no output: " + summarize_messages(run.messages));
    return finished_output(std::move(run.output), format);
}

std::string render_scene(const Graph& graph, const Scene& scene, OutputFormat format, const Stylesheet& style)
{
    return render_dot_text(styled_dot(graph, scene, style), scene.engine, format);
}

}  // namespace actorgraph
