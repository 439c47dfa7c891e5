#pragma once
// The name of an input file, interned: every actor and relation remembers where it was read, and a
// million elements from one file share one string instead of a million copies of its path.
#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>

namespace actorgraph {

/// An interned file name; copies are a 32-bit number (an element's location is 8 bytes), equal names are
/// the same number.
class FileName {
public:
    /// Distinct names the process keeps (the empty name and overflow_text included); see file_name.cpp.
    static constexpr std::uint32_t capacity = 1u << 20;
    /// What a name reads as once `capacity` distinct names were made.
    static constexpr std::string_view overflow_text = "(file name not kept: over 1,048,576 distinct file names in this process)";
    /// Distinct names made so far, at most `capacity`.
    [[nodiscard]] static std::size_t names_interned();

    FileName() noexcept;
    FileName(std::string_view name);  // NOLINT: implicit, so SourceLocation{"file", 3} keeps working
    FileName(const std::string& name) : FileName(std::string_view(name)) {}
    FileName(const char* name) : FileName(std::string_view(name)) {}

    /// The name as a string.
    [[nodiscard]] const std::string& str() const noexcept;
    operator const std::string&() const noexcept { return str(); }  // NOLINT: reads like the string it was
    [[nodiscard]] bool empty() const noexcept { return number_ == 0; }  // the empty name is always number 0
    [[nodiscard]] const char* c_str() const noexcept { return str().c_str(); }

    friend bool operator==(const FileName& a, const FileName& b) noexcept { return a.number_ == b.number_; }
    friend bool operator==(const FileName& a, std::string_view b) noexcept { return a.str() == b; }
    friend bool operator==(const FileName& a, const std::string& b) noexcept { return a.str() == b; }
    friend bool operator==(const FileName& a, const char* b) noexcept { return a.str() == b; }
    friend std::string operator+(const std::string& a, const FileName& b) { return a + b.str(); }
    friend std::string operator+(const FileName& a, const std::string& b) { return a.str() + b; }
    friend std::string operator+(const char* a, const FileName& b) { return a + b.str(); }
    friend std::string operator+(const FileName& a, const char* b) { return a.str() + b; }
    friend std::ostream& operator<<(std::ostream& out, const FileName& name) { return out << name.str(); }

private:
    std::uint32_t number_;  ///< the name's place in the intern table; 0 is the empty name
};

}  // namespace actorgraph
