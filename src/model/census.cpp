#include "actorgraph/model/census.hpp"

#include <algorithm>
#include <array>
#include <exception>
#include <system_error>
#include <thread>
#include <unordered_map>

namespace actorgraph {

namespace {

// Counts words of which nearly every element uses one of a few: those few are compared in a small array
// (a hash per element was most of `actorgraph info` after loading), any others go to a hash map.
class Counter {
public:
    void add(std::string_view word)
    {
        for (std::size_t i = 0; i < common_count_; ++i) {
            if (common_[i].first == word) {
                ++common_[i].second;
                return;
            }
        }
        if (common_count_ < common_.size()) {
            common_[common_count_++] = {word, 1};
            return;
        }
        ++others_[word];
    }

    [[nodiscard]] Tally sorted() const
    {
        Tally tally;
        for (std::size_t i = 0; i < common_count_; ++i) tally.emplace_back(common_[i].first, common_[i].second);
        for (const auto& [word, count] : others_) tally.emplace_back(word, count);
        std::sort(tally.begin(), tally.end());
        return tally;
    }

private:
    std::array<std::pair<std::string_view, std::size_t>, 8> common_{};
    std::size_t common_count_ = 0;
    std::unordered_map<std::string_view, std::size_t> others_;
};

Tally count_kinds(const Graph& graph)
{
    Counter counter;
    for (const auto& actor : graph.actors()) counter.add(actor.kind);
    return counter.sorted();
}

Tally count_types(const Graph& graph)
{
    Counter counter;
    for (const auto& relation : graph.relations()) counter.add(relation.type);
    return counter.sorted();
}

// Below this, a second thread costs more than it saves.
constexpr std::size_t parallel_relations = 100'000;

}  // namespace

Census census_of(const Graph& graph)
{
    if (graph.relation_count() < parallel_relations) return {count_kinds(graph), count_types(graph)};
    Tally types;
    std::exception_ptr failure;
    std::jthread worker;
    try {
        worker = std::jthread([&] {
            try {
                types = count_types(graph);
            } catch (...) {
                failure = std::current_exception();
            }
        });
    } catch (const std::system_error&) {
        types = count_types(graph);  // no second thread: count here
    }
    auto kinds = count_kinds(graph);
    if (worker.joinable()) worker.join();
    if (failure) std::rethrow_exception(failure);
    return {std::move(kinds), std::move(types)};
}

}  // namespace actorgraph
