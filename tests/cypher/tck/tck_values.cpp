#include "tck_values.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <stdexcept>
#include <vector>

namespace actorgraph::tck {

namespace {

std::string join(std::vector<std::string> items, bool sort, const char* open, const char* close)
{
    if (sort) std::sort(items.begin(), items.end());
    std::string text = open;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i) text += ", ";
        text += items[i];
    }
    return text + close;
}

std::string node_text(std::vector<std::string> labels, const std::string& properties)
{
    std::sort(labels.begin(), labels.end());
    std::string text = "(";
    for (const auto& label : labels) text += ":" + label;
    if (properties != "{}") text += (labels.empty() ? "" : " ") + properties;
    return text + ")";
}

std::string relationship_text(const std::string& type, const std::string& properties)
{
    std::string text = "[:" + type;
    if (properties != "{}") text += " " + properties;
    return text + "]";
}

class Reader {
public:
    Reader(const std::string& text, bool ignore_order) : text_(text), ignore_order_(ignore_order) {}

    std::string value_only()
    {
        auto v = value();
        skip();
        if (at_ != text_.size()) fail("unexpected text");
        return v;
    }

private:
    [[noreturn]] void fail(const std::string& why) const
    {
        throw std::runtime_error("cannot read TCK value '" + text_ + "' at " + std::to_string(at_) + ": " + why);
    }
    void skip()
    {
        while (at_ < text_.size() && (text_[at_] == ' ' || text_[at_] == '\n' || text_[at_] == '\t')) ++at_;
    }
    bool accept(char c)
    {
        skip();
        if (at_ < text_.size() && text_[at_] == c) {
            ++at_;
            return true;
        }
        return false;
    }
    void expect(char c)
    {
        if (!accept(c)) fail(std::string("expected '") + c + "'");
    }
    char peek()
    {
        skip();
        return at_ < text_.size() ? text_[at_] : '\0';
    }
    bool accept_word(const std::string& word)
    {
        skip();
        if (text_.compare(at_, word.size(), word) == 0) {
            at_ += word.size();
            return true;
        }
        return false;
    }

    std::string name()
    {
        skip();
        if (accept('`')) {
            auto end = text_.find('`', at_);
            if (end == std::string::npos) fail("unterminated name");
            auto n = text_.substr(at_, end - at_);
            at_ = end + 1;
            return n;
        }
        auto start = at_;
        while (at_ < text_.size() && (std::isalnum(static_cast<unsigned char>(text_[at_])) || text_[at_] == '_' ||
                                      static_cast<unsigned char>(text_[at_]) >= 0x80)) {
            ++at_;
        }
        if (start == at_) fail("expected a name");
        return text_.substr(start, at_ - start);
    }

    std::string value()
    {
        char c = peek();
        if (c == '(') return node();
        if (c == '<') return path();
        if (c == '{') return map();
        if (c == '[') {
            auto save = at_;
            ++at_;
            bool relationship = peek() == ':';
            at_ = save;
            return relationship ? relationship_value() : list();
        }
        if (c == '\'' || c == '"') return string_value();
        if (accept_word("null")) return "null";
        if (accept_word("true")) return "true";
        if (accept_word("false")) return "false";
        if (accept_word("NaN")) return "NaN";
        if (accept_word("Infinity") || accept_word("Inf")) return "Infinity";
        if (accept_word("-Infinity") || accept_word("-Inf")) return "-Infinity";
        return number();
    }

    std::string number()
    {
        skip();
        auto start = at_;
        if (at_ < text_.size() && (text_[at_] == '-' || text_[at_] == '+')) ++at_;
        bool is_float = false;
        while (at_ < text_.size()) {
            char c = text_[at_];
            if (std::isdigit(static_cast<unsigned char>(c))) {
                ++at_;
            } else if (c == '.' || c == 'e' || c == 'E' || ((c == '-' || c == '+') && (text_[at_ - 1] == 'e' || text_[at_ - 1] == 'E'))) {
                is_float = true;
                ++at_;
            } else {
                break;
            }
        }
        auto literal = text_.substr(start, at_ - start);
        if (literal.empty() || literal == "-") fail("expected a value");
        if (!is_float) {
            char* end = nullptr;
            errno = 0;
            long long v = std::strtoll(literal.c_str(), &end, 10);
            if (errno != 0) fail("integer out of range");
            return std::to_string(v);
        }
        return cypher::format_float(std::strtod(literal.c_str(), nullptr) + 0.0);  // + 0.0: -0.0 equals 0.0
    }

    std::string string_value()
    {
        skip();
        char quote = text_[at_++];
        std::string s;
        while (at_ < text_.size() && text_[at_] != quote) {
            if (text_[at_] == '\\' && at_ + 1 < text_.size()) {
                char e = text_[++at_];
                switch (e) {
                case 'n': s += '\n'; break;
                case 't': s += '\t'; break;
                case 'r': s += '\r'; break;
                default: s += e;
                }
                ++at_;
                continue;
            }
            s += text_[at_++];
        }
        if (at_ >= text_.size()) fail("unterminated string");
        ++at_;
        return cypher::quote_string(s);
    }

    std::string list()
    {
        expect('[');
        std::vector<std::string> items;
        if (!accept(']')) {
            do {
                items.push_back(value());
            } while (accept(','));
            expect(']');
        }
        return join(std::move(items), ignore_order_, "[", "]");
    }

    std::string map()
    {
        expect('{');
        std::vector<std::string> entries;
        if (!accept('}')) {
            do {
                auto key = name();
                expect(':');
                entries.push_back(key + ": " + value());
            } while (accept(','));
            expect('}');
        }
        return join(std::move(entries), true, "{", "}");
    }

    std::string node()
    {
        expect('(');
        std::vector<std::string> labels;
        while (accept(':')) labels.push_back(name());
        std::string properties = peek() == '{' ? map() : "{}";
        expect(')');
        return node_text(std::move(labels), properties);
    }

    std::string relationship_value()
    {
        expect('[');
        expect(':');
        auto type = name();
        std::string properties = peek() == '{' ? map() : "{}";
        expect(']');
        return relationship_text(type, properties);
    }

    std::string path()
    {
        expect('<');
        std::string text = "<" + node();
        while (!accept('>')) {
            bool backward = accept('<');
            expect('-');
            auto relationship = relationship_value();
            expect('-');
            bool forward = accept('>');
            if (backward == forward) fail("a path step needs one direction");
            text += (backward ? "<-" : "-") + relationship + (forward ? "->" : "-") + node();
        }
        return text + ">";
    }

    const std::string& text_;
    std::size_t at_ = 0;
    bool ignore_order_;
};

std::string properties_text(const cypher::Session& session, const cypher::Map& properties, bool ignore_order)
{
    std::vector<std::string> entries;
    for (const auto& [key, value] : properties) entries.push_back(key + ": " + canonical_actual(session, value, ignore_order));
    return join(std::move(entries), true, "{", "}");
}

}  // namespace

std::string canonical_expected(const std::string& cell, bool ignore_list_order)
{
    return Reader(cell, ignore_list_order).value_only();
}

std::string canonical_actual(const cypher::Session& session, const cypher::Value& value, bool ignore_list_order)
{
    using cypher::ValueType;
    switch (value.type()) {
    case ValueType::Date:
    case ValueType::LocalTime:
    case ValueType::Time:
    case ValueType::LocalDateTime:
    case ValueType::DateTime:
    case ValueType::Duration:
        // The TCK writes temporal values as their string form in quotes: '2015-07-21'.
        return cypher::quote_string(cypher::temporal_text(value.as_temporal()));
    case ValueType::Null: return "null";
    case ValueType::Boolean: return value.as_boolean() ? "true" : "false";
    case ValueType::Integer: return std::to_string(value.as_integer());
    case ValueType::Float: return cypher::format_float(value.as_float() + 0.0);  // -0.0 equals 0.0, as in Cypher
    case ValueType::String: return cypher::quote_string(value.as_string());
    case ValueType::List: {
        std::vector<std::string> items;
        for (const auto& item : value.as_list()) items.push_back(canonical_actual(session, item, ignore_list_order));
        return join(std::move(items), ignore_list_order, "[", "]");
    }
    case ValueType::Map: return properties_text(session, value.as_map(), ignore_list_order);
    case ValueType::Node:
        return node_text(session.labels(value.as_node()),
                         properties_text(session, session.properties(value.as_node()), ignore_list_order));
    case ValueType::Relationship:
        return relationship_text(session.type(value.as_relationship()),
                                 properties_text(session, session.relationship_properties(value.as_relationship()),
                                                 ignore_list_order));
    case ValueType::Path: {
        const auto& path = value.as_path();
        auto node = [&](ActorIndex n) {
            return node_text(session.labels(n), properties_text(session, session.properties(n), ignore_list_order));
        };
        std::string text = "<" + (path.nodes.empty() ? std::string("()") : node(path.nodes[0]));
        for (std::size_t i = 0; i < path.relationships.size() && i + 1 < path.nodes.size(); ++i) {
            auto r = path.relationships[i];
            bool forward = session.graph().relation(r).source == path.nodes[i];
            auto rel = relationship_text(session.type(r), properties_text(session, session.relationship_properties(r), ignore_list_order));
            text += (forward ? "-" : "<-") + rel + (forward ? "->" : "-") + node(path.nodes[i + 1]);
        }
        return text + ">";
    }
    }
    return "?";
}

}  // namespace actorgraph::tck
