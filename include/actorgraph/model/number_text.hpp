#pragma once
// Numbers the program writes to read again (pins' positions, converted cells).
#include <string>

namespace actorgraph {

/// The shortest text parse_number reads back as exactly `value` ("1234567.8", "0.1", "1e+21");
/// printf's %g keeps 6 significant digits, so a saved position would move on every save.
[[nodiscard]] std::string exact_number_text(double value);

}  // namespace actorgraph
