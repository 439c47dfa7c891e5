// Parses any text as a stylesheet and looks up a kind and a type in it.
#include "actorgraph/render/stylesheet.hpp"
#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace actorgraph;
    try {
        auto sheet = Stylesheet::parse(fuzzing::as_text(data, size), "fuzz.json");
        (void)sheet.kind("state");
        (void)sheet.type("investment");
    } catch (const Error&) {
    }
    return 0;
}
