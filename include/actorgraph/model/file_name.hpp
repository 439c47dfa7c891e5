#pragma once
// The name of an input file, interned: every actor and relation remembers where it was read, and a
// million elements from one file share one string instead of a million copies of its path.
#include <ostream>
#include <string>
#include <string_view>

namespace actorgraph {

/// An interned file name; copies are one pointer, equal names are the same object.
class FileName {
public:
    FileName() noexcept;
    FileName(std::string_view name);  // NOLINT: implicit, so SourceLocation{"file", 3} keeps working
    FileName(const std::string& name) : FileName(std::string_view(name)) {}
    FileName(const char* name) : FileName(std::string_view(name)) {}

    /// The name as a string.
    [[nodiscard]] const std::string& str() const noexcept { return *name_; }
    operator const std::string&() const noexcept { return *name_; }  // NOLINT: reads like the string it was
    [[nodiscard]] bool empty() const noexcept { return name_->empty(); }
    [[nodiscard]] const char* c_str() const noexcept { return name_->c_str(); }

    friend bool operator==(const FileName& a, const FileName& b) noexcept { return a.name_ == b.name_; }
    friend bool operator==(const FileName& a, std::string_view b) noexcept { return *a.name_ == b; }
    friend bool operator==(const FileName& a, const std::string& b) noexcept { return *a.name_ == b; }
    friend bool operator==(const FileName& a, const char* b) noexcept { return *a.name_ == b; }
    friend std::string operator+(const std::string& a, const FileName& b) { return a + *b.name_; }
    friend std::string operator+(const FileName& a, const std::string& b) { return *a.name_ + b; }
    friend std::string operator+(const char* a, const FileName& b) { return a + *b.name_; }
    friend std::string operator+(const FileName& a, const char* b) { return *a.name_ + b; }
    friend std::ostream& operator<<(std::ostream& out, const FileName& name) { return out << *name.name_; }

private:
    const std::string* name_;
};

}  // namespace actorgraph
