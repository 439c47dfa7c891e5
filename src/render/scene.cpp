#include "actorgraph/render/scene.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <set>

#include "actorgraph/io/dot_writer.hpp"
#include "actorgraph/query/evidence.hpp"

namespace actorgraph {

namespace {

constexpr std::array<const char*, 7> engine_names{"dot", "neato", "fdp", "sfdp", "circo", "twopi", "nop"};
constexpr std::array<const char*, 5> format_names{"svg", "png", "pdf", "dot", "xdot"};

// Graphviz's `dot` program refuses a quoted string over 16,384 bytes ("longer than 16384?"), and escaping
// can make a text five times longer ('&' -> "&amp;"), so a picture shows at most this much of any text
// (the model keeps it whole; exports of the data carry it whole).
constexpr std::size_t max_shown_bytes = 2500;

// The text, or its first max_shown_bytes cut at a character boundary and followed by an ellipsis;
// a NUL byte (a CSV or GraphML label can hold one, DOT cannot) is shown as U+FFFD.
std::string_view shown_part(std::string_view text, std::string& storage)
{
    bool has_nul = text.find('\0') != std::string_view::npos;
    if (text.size() <= max_shown_bytes && !has_nul) return text;
    auto end = std::min(text.size(), max_shown_bytes);
    while (end > 0 && end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    storage.clear();
    for (char c : text.substr(0, end)) {
        if (c == '\0') storage += "\uFFFD";
        else storage += c;
    }
    if (end < text.size()) storage += "\u2026";
    return storage;
}

bool quote_follows(std::string_view text, std::size_t i) { return i + 1 < text.size() && text[i + 1] == '"'; }

// Graphviz reads \N, \G, \n, \l... inside labels and tooltips as escapes, and decodes entities
// such as &amp;; doubling every backslash and escaping '&' makes an untrusted text show literally.
// A backslash right before a quote also gets the quote guard (see scene.hpp).
std::string literal_text(std::string_view text)
{
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '&') {
            out += "&amp;";
            continue;
        }
        out += c;
        if (c != '\\') continue;
        out += '\\';
        if (quote_follows(text, i)) out += quote_guard;
    }
    return out;
}

std::string html_escape(std::string_view whole)
{
    std::string shortened;
    auto text = shown_part(whole, shortened);
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '\\' && quote_follows(text, i)) {
            out += c;
            out += quote_guard;
            continue;
        }
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

class AttributeList {
public:
    AttributeList& text(std::string_view name, std::string_view value)
    {
        std::string shortened;
        return quoted(name, shown_part(value, shortened));
    }
    AttributeList& literal(std::string_view name, std::string_view value)
    {
        std::string shortened;
        value = shown_part(value, shortened);
        bool unchanged = value.find_first_of("&\\") == std::string_view::npos;
        return unchanged ? quoted(name, value) : quoted(name, literal_text(value));
    }
    AttributeList& number(std::string_view name, double value)
    {
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%.3g", value);
        add(name, buffer);
        return *this;
    }
    AttributeList& raw(std::string_view name, std::string_view value)
    {
        add(name, value);
        return *this;
    }
    /// Appends " [name=value, ...]" (nothing when empty) to the statement being written.
    void append_to(std::string& out) const
    {
        if (body_.empty()) return;
        out += " [";
        out += body_;
        out += ']';
    }

private:
    // The value as a DOT string (shortened already).
    AttributeList& quoted(std::string_view name, std::string_view value)
    {
        if (value.empty()) return *this;
        if (value.find_first_of("\\\"") == std::string_view::npos) {
            // Nothing to escape (nearly every value): quote_dot's spelling, without its copy.
            start(name);
            body_ += '"';
            body_ += value;
            body_ += '"';
            return *this;
        }
        try {
            add(name, quote_dot(value));
        } catch (const Error&) {
            // No DOT spelling keeps this text verbatim; the doubled backslashes still show it.
            add(name, quote_dot(literal_text(value)));
        }
        return *this;
    }
    void start(std::string_view name)
    {
        if (!body_.empty()) body_ += ", ";
        body_ += name;
        body_ += '=';
    }
    void add(std::string_view name, std::string_view value)
    {
        start(name);
        body_ += value;
    }
    std::string body_;
};

// Properties carried into the rendered DOT so an exported file keeps the facts behind the picture.
constexpr std::array<std::string_view, 9> carried_properties{
    schema::year, schema::since, schema::until, schema::amount_usd, schema::source,
    schema::confidence, schema::note, schema::description, "role"};

// A stored position (GEXF's viz:position, as the properties x and y, read as points) as Graphviz's `pos`
// in inches: neato, fdp and sfdp start from it, so a layout made in Gephi is where the picture starts.
std::optional<std::string> start_position(const Properties& properties)
{
    auto x = parse_number(property_or_empty(properties, "x"));
    auto y = parse_number(property_or_empty(properties, "y"));
    if (!x || !y) return std::nullopt;
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.4f,%.4f", *x / 72.0, *y / 72.0);
    // An actor pinned in the editor (pin ACTOR X Y sets pinned=true) stays there: `!` pins it in neato and fdp.
    if (property_or_empty(properties, "pinned") == "true") return std::string(buffer) + "!";
    return buffer;
}

void carry_properties(AttributeList& attributes, const Properties& properties)
{
    for (auto name : carried_properties) attributes.text(name, property_or_empty(properties, name));
}

std::string_view first_url(std::string_view text)
{
    for (std::string_view scheme : {"https://", "http://"}) {
        auto start = text.find(scheme);
        if (start == std::string_view::npos) continue;
        auto end = text.find_first_of(" \t\n\"'<>)]", start);
        auto url = text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
        while (!url.empty() && (url.back() == '.' || url.back() == ',' || url.back() == ';')) url.remove_suffix(1);
        return url;
    }
    return {};
}

// Graphviz 2.43 copies URL into SVG's xlink:href as it is, so a bare '&' (a?id=1&lang=en) makes
// the file not XML; as "&amp;" it is well-formed and a browser follows the original address. (The
// DOT and xdot exports carry the same escaped spelling: they are pictures, not data.)
std::string svg_href(std::string_view url)
{
    std::string out;
    for (char c : url) {
        if (c == '&') out += "&amp;";
        else out += c;
    }
    return out;
}

// Graphviz also copies the font name into SVG's font-family="..." as it is; no font name holds
// XML's special characters, so a stylesheet's font loses them rather than breaking the file.
std::string font_family(std::string_view font)
{
    std::string out;
    for (char c : font) {
        if (std::string_view("&<>\"'").find(c) == std::string_view::npos) out += c;
    }
    return out;
}

std::string compact_amount(double amount)
{
    char buffer[48];
    if (amount >= 1e9) std::snprintf(buffer, sizeof buffer, "$%.3g bn", amount / 1e9);
    else if (amount >= 1e6) std::snprintf(buffer, sizeof buffer, "$%.3g m", amount / 1e6);
    else std::snprintf(buffer, sizeof buffer, "$%.0f", amount);
    return buffer;
}

std::string relation_caption(const Relation& relation)
{
    std::string caption = relation.type;
    auto year = property_or_empty(relation.properties, schema::year);
    auto since = property_or_empty(relation.properties, schema::since);
    auto until = property_or_empty(relation.properties, schema::until);
    if (!year.empty()) caption += " " + std::string(year);
    else if (!since.empty() || !until.empty()) caption += " " + std::string(since) + "–" + std::string(until);
    if (auto amount = parse_number(property_or_empty(relation.properties, schema::amount_usd))) {
        caption += ", " + compact_amount(*amount);
    }
    return caption;
}

std::string actor_tooltip(const Actor& actor)
{
    std::string tip = actor.display_name();
    if (!actor.kind.empty()) tip += " (" + actor.kind + ")";
    auto description = property_or_empty(actor.properties, schema::description);
    if (!description.empty()) tip += "\n" + std::string(description);
    return tip;
}

// How opaque a relation is drawn: a claim graded `high` (B2) or better fully, weaker ones fainter, down
// to a quarter for F6. Ungraded relations (and unreadable grades) are drawn fully: the picture claims
// nothing about evidence the file does not grade.
double evidence_opacity(const Relation& relation)
{
    auto grade = parse_confidence(property_or_empty(relation.properties, schema::confidence));
    if (!grade) return 1.0;
    constexpr double full_from = 0.8;  // high = B2
    return 0.25 + 0.75 * std::min(1.0, evidence_strength(*grade) / full_from);
}

// "#rrggbb" with an alpha byte for the opacity; other colour forms stay as they are.
std::string with_opacity(const std::string& colour, double opacity)
{
    bool hex = colour.size() == 7 && colour[0] == '#' &&
               std::all_of(colour.begin() + 1, colour.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; });
    if (!hex || opacity >= 1.0) return colour;
    char alpha[3];
    std::snprintf(alpha, sizeof alpha, "%02x", static_cast<unsigned>(std::lround(std::clamp(opacity, 0.0, 1.0) * 255)));
    return colour + alpha;
}

std::string relation_tooltip(const Graph& graph, const Relation& relation)
{
    std::string tip = graph.actor(relation.source).display_name() + " → " + graph.actor(relation.target).display_name() +
                      ": " + relation_caption(relation);
    auto confidence = property_or_empty(relation.properties, schema::confidence);
    if (!confidence.empty()) tip += "\nConfidence: " + std::string(confidence);
    auto source = property_or_empty(relation.properties, schema::source);
    if (!source.empty()) tip += "\nSource: " + std::string(source);
    return tip;
}

constexpr std::size_t large_view_relations = 500;
// Above this many relations, dot runs with bounded parameters (what choose_layout_engine gives dot at most).
constexpr std::size_t bounded_dot_relations = 300;

class SceneWriter {
public:
    SceneWriter(const Graph& graph, const Scene& scene, const Stylesheet& style)
        : graph_(graph), scene_(scene), style_(style), dimming_(!scene.highlighted.empty() && scene.dim_unhighlighted) {}

    std::string write()
    {
        out_ = "digraph actorgraph {\n";
        write_defaults();
        for (auto actor : scene_.visible.actors) write_actor(actor);
        for (auto relation : scene_.visible.relations) {
            const auto& r = graph_.relation(relation);
            if (scene_.visible.contains_actor(r.source) && scene_.visible.contains_actor(r.target)) write_relation(relation);
        }
        out_ += "}\n";
        return out_;
    }

private:
    void write_defaults()
    {
        AttributeList graph_attributes;
        graph_attributes.text("fontname", font_family(style_.font)).number("fontsize", style_.font_size)
            .text("bgcolor", style_.background).text("rankdir", style_.rankdir).text("overlap", style_.overlap)
            .text("splines", splines()).raw("outputorder", "edgesfirst").raw("pad", "0.2");
        if (bounded_dot()) graph_attributes.raw("nslimit", "1").raw("nslimit1", "1").raw("mclimit", "0.1").raw("searchsize", "20");
        auto label = graph_label();
        if (!label.empty()) graph_attributes.raw("label", "<" + label + ">").raw("labelloc", "b").raw("labeljust", "l");
        statement("  graph", graph_attributes);
        AttributeList node_attributes;
        node_attributes.text("fontname", font_family(style_.font)).number("fontsize", style_.font_size).number("penwidth", 1.2);
        statement("  node", node_attributes);
        AttributeList edge_attributes;
        edge_attributes.text("fontname", font_family(style_.font)).number("fontsize", style_.font_size * 0.8).number("arrowsize", 0.8);
        statement("  edge", edge_attributes);
    }

    // Routing splines around nodes is what makes neato, fdp and sfdp slow on large views
    // (a minute instead of 3 s for 1,500 actors), so those get straight edges.
    std::string splines() const
    {
        bool large = scene_.visible.relations.size() > large_view_relations;
        // Bounded dot still routes splines for minutes (200 actors: 100 s; 1.5 s with lines).
        if ((scene_.engine != LayoutEngine::dot && large) || bounded_dot()) return "line";
        // Force-directed engines route edges around actors slowly even on small views (fdp: 5-10 s
        // for the bundled graph under load, over 60 s for rtest's mode.gv, 213 actors) and draw
        // curves no faster (splines=curved ran past 20 s on rtest's b15.gv, 36 actors); straight
        // edges take 0.3-0.5 s on all three.
        if (force_directed() && style_.splines == "true") return "line";
        return style_.splines;
    }

    bool force_directed() const
    {
        return scene_.engine == LayoutEngine::neato || scene_.engine == LayoutEngine::fdp || scene_.engine == LayoutEngine::sfdp;
    }

    // dot on a view it was not chosen for by size (the user picked it) could run for hours: bound
    // its network simplex passes and crossing minimisation (300 actors: over 60 s -> 3 s).
    bool bounded_dot() const
    {
        return scene_.engine == LayoutEngine::dot && scene_.visible.relations.size() > bounded_dot_relations;
    }

    std::string graph_label() const
    {
        // The legend is a table of its own so the title's width does not stretch its swatches.
        std::string rows;
        if (!scene_.title.empty()) rows += "<tr><td align=\"left\"><b>" + html_escape(scene_.title) + "</b></td></tr>";
        if (scene_.legend) {
            rows += "<tr><td align=\"left\"><table border=\"0\" cellspacing=\"2\" cellpadding=\"2\">" + legend_rows() +
                    "</table></td></tr>";
        }
        return rows.empty() ? std::string{} : "<table border=\"0\" cellspacing=\"0\" cellpadding=\"2\">" + rows + "</table>";
    }

    std::string legend_rows() const
    {
        std::set<std::string> kinds;
        std::set<std::string> types;
        for (auto actor : scene_.visible.actors) kinds.insert(graph_.actor(actor).kind);
        for (auto relation : scene_.visible.relations) types.insert(graph_.relation(relation).type);
        std::string rows;
        for (const auto& kind : kinds) {
            auto look = style_.kind(kind);
            // Under a colouring the fill says something else: the kind's row shows its shape alone.
            if (scene_.colouring) look.fill = "white";
            rows += "<tr>" + kind_swatch(look) + "<td align=\"left\">" + html_escape(kind.empty() ? "(no kind)" : kind) + " (" +
                    html_escape(look.shape) + ")</td></tr>";
        }
        for (const auto& type : types) {
            const auto& look = style_.type(type);
            rows += "<tr>" + type_swatch(look) + "<td align=\"left\">" + html_escape(type.empty() ? "(no type)" : type) + " (" +
                    html_escape(look.style) + ", " + html_escape(look.arrowhead) + ")</td></tr>";
        }
        if (scene_.colouring) rows += colouring_rows(*scene_.colouring);
        return rows;
    }

    // The key of a colouring: its heading, then a rounded swatch of each colour with what it stands for.
    static std::string colouring_rows(const ActorColouring& colouring)
    {
        std::string rows;
        if (!colouring.heading.empty()) rows += "<tr><td colspan=\"2\" align=\"left\"><b>" + html_escape(colouring.heading) + "</b></td></tr>";
        for (const auto& swatch : colouring.swatches) {
            rows += "<tr><td bgcolor=\"" + html_escape(swatch.colour) +
                    "\" border=\"1\" color=\"#666666\" width=\"28\" height=\"14\" fixedsize=\"true\" style=\"rounded\"> </td>"
                    "<td align=\"left\">" + html_escape(swatch.text) + "</td></tr>";
        }
        return rows;
    }

    // A legend cell for a kind, as close to its shape as an HTML-like label draws (rectangles only):
    // a rounded cell for ellipses and rounded boxes, a hexagon glyph for hexagons, a plain cell
    // otherwise; the row names the shape too.
    std::string kind_swatch(const KindStyle& look) const
    {
        if (look.shape == "hexagon") {
            return "<td><font color=\"" + html_escape(look.border) + "\" point-size=\"" + std::to_string(static_cast<int>(style_.font_size * 1.8)) +
                   "\">\u2B22</font></td>";
        }
        bool round = look.shape == "ellipse" || look.shape == "oval" || look.shape == "circle" ||
                     look.style.find("rounded") != std::string::npos;
        return "<td bgcolor=\"" + html_escape(look.fill) + "\" border=\"1\" color=\"" + html_escape(look.border) +
               "\" width=\"28\" height=\"14\" fixedsize=\"true\"" + (round ? " style=\"rounded\"" : "") + "> </td>";
    }

    // A legend cell for a relation type: a line in its colour, width and pattern, as edges are drawn.
    std::string type_swatch(const TypeStyle& look) const
    {
        double width = look.penwidth * (look.style == "bold" ? 2.0 : 1.0);
        auto border = std::to_string(std::clamp(static_cast<int>(width + 0.5), 1, 8));
        bool patterned = look.style == "dashed" || look.style == "dotted";
        return "<td sides=\"b\" border=\"" + border + "\" color=\"" + html_escape(look.color) + "\" width=\"40\" height=\"10\" fixedsize=\"true\"" +
               (patterned ? " style=\"" + look.style + "\"" : "") + "> </td>";
    }

    void write_actor(ActorIndex index)
    {
        const auto& actor = graph_.actor(index);
        const auto& look = style_.kind(actor.kind);
        bool highlighted = scene_.highlighted.contains_actor(index);
        bool dimmed = dimming_ && !highlighted;
        const auto* coloured = scene_.colouring ? scene_.colouring->fill_of(index) : nullptr;
        // A colouring must show even on a kind drawn unfilled.
        bool add_fill = coloured && look.style.find("filled") == std::string::npos;
        AttributeList attributes;
        attributes.text("id", "a" + std::to_string(index)).literal("label", actor.display_name())
            .text("shape", look.shape).text("style", add_fill ? (look.style.empty() ? "filled" : look.style + ",filled") : look.style)
            .text("fillcolor", dimmed ? "#f4f4f4" : coloured ? *coloured : look.fill)
            .text("color", highlighted ? style_.highlight_color : dimmed ? style_.dim_color : look.border)
            .text("fontcolor", dimmed ? style_.dim_font_color : look.font)
            .literal("tooltip", actor_tooltip(actor)).text("kind", actor.kind);
        if (highlighted) attributes.number("penwidth", 3.0);
        if (index < scene_.actor_scale.size()) {
            double scale = 1.0 + 1.5 * std::clamp(scene_.actor_scale[index], 0.0, 1.0);
            attributes.number("width", 0.75 * scale).number("height", 0.5 * scale)
                .number("fontsize", style_.font_size * (1.0 + 0.4 * (scale - 1.0)));
        }
        if (auto position = start_position(actor.properties)) attributes.text("pos", *position);
        carry_properties(attributes, actor.properties);
        out_ += "  a";
        out_ += std::to_string(index);
        statement({}, attributes);
    }

    void write_relation(RelationIndex index)
    {
        const auto& relation = graph_.relation(index);
        const auto& look = style_.type(relation.type);
        bool highlighted = scene_.highlighted.contains_relation(index);
        bool dimmed = dimming_ && !highlighted;
        // Weaker claims are drawn fainter and thinner (a highlight stays a highlight, a dimmed relation grey).
        double opacity = highlighted || dimmed ? 1.0 : evidence_opacity(relation);
        auto colour = with_opacity(look.color, opacity);
        AttributeList attributes;
        attributes.text("id", "r" + std::to_string(index)).literal("label", relation_caption(relation))
            .text("color", highlighted ? style_.highlight_color : dimmed ? style_.dim_color : colour)
            .text("fontcolor", highlighted ? style_.highlight_color : dimmed ? style_.dim_font_color : colour)
            .text("style", look.style).text("arrowhead", look.arrowhead)
            .number("penwidth", highlighted ? std::max(3.0, look.penwidth * 2) : look.penwidth * (0.4 + 0.6 * opacity))
            .literal("tooltip", relation_tooltip(graph_, relation)).text("type", relation.type);
        if (graph_.is_undirected(index)) attributes.text("dir", "none");  // no arrowhead on an undirected relation
        auto url = first_url(property_or_empty(relation.properties, schema::source));
        if (!url.empty()) attributes.text("URL", svg_href(url)).text("target", "_blank");
        carry_properties(attributes, relation.properties);
        out_ += "  a";
        out_ += std::to_string(relation.source);
        out_ += " -> a";
        out_ += std::to_string(relation.target);
        statement({}, attributes);
    }

    // Appended piece by piece: the DOT runs to megabytes, and temporaries per statement showed as
    // much of styled_dot's time in profiles.
    void statement(std::string_view head, const AttributeList& attributes)
    {
        out_ += head;
        attributes.append_to(out_);
        out_ += ";\n";
    }

    const Graph& graph_;
    const Scene& scene_;
    const Stylesheet& style_;
    bool dimming_;
    std::string out_;
};

std::optional<std::uint32_t> index_after_prefix(std::string_view id, char prefix)
{
    if (id.size() < 2 || id.front() != prefix) return std::nullopt;
    std::uint32_t value = 0;
    auto [end, ec] = std::from_chars(id.data() + 1, id.data() + id.size(), value);
    if (ec != std::errc{} || end != id.data() + id.size()) return std::nullopt;
    return value;
}

}  // namespace

const char* layout_engine_name(LayoutEngine engine) { return engine_names[static_cast<std::size_t>(engine)]; }

LayoutEngine parse_layout_engine(std::string_view name)
{
    for (auto engine : all_layout_engines) {
        if (name == layout_engine_name(engine)) return engine;
    }
    throw Error("unknown layout engine '" + std::string(name) + "'; expected dot, neato, fdp, sfdp, circo or twopi");
}

// Chosen for legibility by bench/first_view_bench (results in bench/README.md): on eight real
// graphs of 50 to 2,000 actors, fdp names the most actors readably when fitted into the window
// (458 against dot's 370, neato's 415, sfdp's 369) and the best connected ones as often as dot,
// in 0.3 to 2.3 s; dot lays out long rows that fit at 8 to 20% and needs over 60 s for 300 actors
// with 2,345 relations. Past a few hundred actors fdp slows down faster than sfdp (Graphviz's
// b103.gv, 944 actors and 2,438 relations: fdp 28 s, sfdp 16 s on a loaded machine; a generated
// 1,000-actor graph: fdp 14 s, sfdp 12 s, neato 30 s), and sfdp lays out 10,000 actors in seconds.
LayoutEngine choose_layout_engine(std::size_t actors, std::size_t relations)
{
    if (actors <= 500 && relations <= 2500) return LayoutEngine::fdp;
    return LayoutEngine::sfdp;
}

const char* output_format_name(OutputFormat format) { return format_names[static_cast<std::size_t>(format)]; }

OutputFormat parse_output_format(std::string_view name)
{
    for (std::size_t i = 0; i < format_names.size(); ++i) {
        if (fold_case(name) == format_names[i]) return static_cast<OutputFormat>(i);
    }
    throw Error("unknown output format '" + std::string(name) + "'; expected svg, png, pdf, dot or xdot");
}

std::string styled_dot(const Graph& graph, const Scene& scene, const Stylesheet& style)
{
    return SceneWriter(graph, scene, style).write();
}

std::string without_quote_guards(std::string text, std::string_view quote)
{
    std::string guarded = "\\" + std::string(quote_guard) + std::string(quote);
    auto at = text.find(guarded);
    if (at == std::string::npos) return text;
    std::string out;
    std::size_t from = 0;
    for (; at != std::string::npos; at = text.find(guarded, from)) {
        out.append(text, from, at + 1 - from);  // up to and with the backslash
        from = at + 1 + quote_guard.size();     // the quote itself is copied with the next piece
    }
    out.append(text, from, std::string::npos);
    return out;
}

std::optional<ActorIndex> actor_of_element_id(std::string_view id) { return index_after_prefix(id, 'a'); }

std::optional<RelationIndex> relation_of_element_id(std::string_view id) { return index_after_prefix(id, 'r'); }

}  // namespace actorgraph
