#pragma once
// Untrusted texts every export must carry unchanged and inert (header-only: the test glob takes
// only *_test.cpp files).
#include <string>
#include <vector>

namespace actorgraph::testing {

/// Markup, entities, quotes, backslashes, CDATA ends, line breaks, bidi marks, emoji, and
/// (for formats that can carry them) control characters and invalid UTF-8.
struct HostileStrings {
    /// Valid UTF-8 without control characters other than tab, LF and CR: every format carries these.
    static const std::vector<std::string>& printable();
    /// Control characters (C0 except NUL, DEL) and malformed UTF-8: only some formats can carry them.
    static const std::vector<std::string>& binary();
};


inline const std::vector<std::string>& HostileStrings::printable()
{
    static const std::vector<std::string> strings{
        "plain",
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<b>bold</b> <<table>>",
        "& &amp; &lt; &#60; &#x3C; &unknown; &",
        "\"double\" 'single' `back`",
        "ends with backslash \\",
        "two at the end \\\\",
        "backslash before quote \\\" here",
        "backslash before newline \\\nnext",
        "\\N \\G \\E \\T \\H \\L \\n \\l \\r escapes",
        "]]> <![CDATA[ x ]]>",
        "<?xml version=\"1.0\"?> <!-- comment --> <!DOCTYPE x>",
        "line one\nline two\r\nline three\rfour",
        "tab\there",
        "delete \x7f (XML allows it)",
        "\xe2\x80\x8f right-to-left \xe2\x80\xae override \xe2\x81\xa6isolate\xe2\x81\xa9",
        "emoji \xf0\x9f\x98\x80 \xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7 flag \xf0\x9f\x87\xb2\xf0\x9f\x87\xb3",
        "Ана Петрова, 北京, العربية",
        "zero\xe2\x80\x8bwidth and BOM \xef\xbb\xbf inside",
        "{ graph } -> [ ] ; = , : @ # //",
        "digraph",
        "123abc",
        "  outer spaces  ",
        "javascript:alert(1)",
        "%s %n %x {0} ${HOME} $(id)",
        "=cmd|' /C calc'!A0",
        std::string(70'000, 'x'),
    };
    return strings;
}

inline const std::vector<std::string>& HostileStrings::binary()
{
    static const std::vector<std::string> strings{
        "bell \x07 and escape \x1b[31m red",
        "backspace \x08 form feed \x0c vertical tab \x0b",
        "lone continuation \x80 byte",
        "truncated \xe2\x82",
        "overlong \xc0\xaf slash",
        "surrogate \xed\xa0\x80 half",
        "latin-1 caf\xe9",
        "\xff\xfe bom-like bytes",
    };
    return strings;
}

}  // namespace actorgraph::testing
