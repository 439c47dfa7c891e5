#pragma once
// A relation type or an actor kind. Nearly every element of a big graph uses one of a few built-in words,
// so those are shared constants and a Term is one word of memory; any other text owns a heap copy, so no
// table grows however many distinct words hostile input brings.
#include <compare>
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>

namespace actorgraph {

/// A short vocabulary string that reads like a std::string; the built-in kinds and types cost no heap.
class Term {
public:
    Term() noexcept;
    Term(std::string_view text);  // NOLINT: implicit, so `relation.type = "pressure"` keeps working
    Term(const std::string& text) : Term(std::string_view(text)) {}  // NOLINT
    Term(const char* text) : Term(std::string_view(text)) {}         // NOLINT
    Term(const Term& other);
    Term(Term&& other) noexcept;
    Term& operator=(const Term& other);
    Term& operator=(Term&& other) noexcept;
    ~Term();

    /// The text as a string.
    [[nodiscard]] const std::string& str() const noexcept { return *text(); }
    operator const std::string&() const noexcept { return *text(); }   // NOLINT: reads like the string it was
    operator std::string_view() const noexcept { return *text(); }      // NOLINT
    [[nodiscard]] bool empty() const noexcept { return text()->empty(); }
    [[nodiscard]] std::size_t size() const noexcept { return text()->size(); }
    [[nodiscard]] const char* c_str() const noexcept { return text()->c_str(); }
    /// Like std::string::find.
    [[nodiscard]] std::size_t find(std::string_view part, std::size_t from = 0) const noexcept { return text()->find(part, from); }
    /// Like std::string::find for one character.
    [[nodiscard]] std::size_t find(char c, std::size_t from = 0) const noexcept { return text()->find(c, from); }

    friend bool operator==(const Term& a, const Term& b) noexcept { return a.str() == b.str(); }
    friend bool operator==(const Term& a, std::string_view b) noexcept { return a.str() == b; }
    friend bool operator==(const Term& a, const std::string& b) noexcept { return a.str() == b; }
    friend bool operator==(const Term& a, const char* b) noexcept { return a.str() == b; }
    friend std::strong_ordering operator<=>(const Term& a, const Term& b) noexcept { return a.str() <=> b.str(); }
    friend std::strong_ordering operator<=>(const Term& a, std::string_view b) noexcept { return std::string_view(a.str()) <=> b; }
    friend std::strong_ordering operator<=>(const Term& a, const std::string& b) noexcept { return a.str() <=> b; }
    friend std::strong_ordering operator<=>(const Term& a, const char* b) noexcept { return std::string_view(a.str()) <=> b; }
    friend std::string operator+(const std::string& a, const Term& b) { return a + b.str(); }
    friend std::string operator+(const Term& a, const std::string& b) { return a.str() + b; }
    friend std::string operator+(const char* a, const Term& b) { return a + b.str(); }
    friend std::string operator+(const Term& a, const char* b) { return a.str() + b; }
    friend std::ostream& operator<<(std::ostream& out, const Term& term) { return out << term.str(); }

private:
    [[nodiscard]] bool owned() const noexcept { return (bits_ & 1u) != 0; }
    [[nodiscard]] const std::string* text() const noexcept
    {
        return reinterpret_cast<const std::string*>(bits_ & ~std::uintptr_t{1});
    }

    std::uintptr_t bits_;  ///< a std::string*; the low bit is set when this Term owns (and deletes) it
};

}  // namespace actorgraph
