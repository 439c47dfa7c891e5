// Parses any text as a --where condition and evaluates it against a few properties.
#include "actorgraph/query/filter.hpp"
#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace actorgraph;
    try {
        auto condition = PropertyCondition::parse(fuzzing::as_text(data, size));
        Properties properties{{"year", "2015"}, {"amount_usd", "1e308"}, {"source", "p. 4"}, {"note", "nan"}};
        properties.emplace(condition.name, condition.value);
        (void)condition.matches(properties);
        (void)condition.matches(Properties{});
    } catch (const Error&) {
    }
    return 0;
}
