#include "actorgraph/model/number_text.hpp"

#include <array>
#include <charconv>

namespace actorgraph {

std::string exact_number_text(double value)
{
    std::array<char, 64> buffer{};  // the longest shortest form of a double is 24 characters
    auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    return ec == std::errc{} ? std::string(buffer.data(), end) : std::string{};
}

}  // namespace actorgraph
