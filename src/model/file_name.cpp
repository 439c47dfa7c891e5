#include "actorgraph/model/file_name.hpp"

#include <mutex>
#include <unordered_set>

namespace actorgraph {

namespace {

// Names are never freed: a session reads few distinct files, and elements may outlive any one graph.
struct InternTable {
    std::mutex lock;
    std::unordered_set<std::string> names{std::string()};
};

InternTable& intern_table()
{
    static auto* table = new InternTable;  // leaked on purpose: FileNames may be used during static destruction
    return *table;
}

const std::string* intern(std::string_view name)
{
    auto& table = intern_table();
    std::lock_guard guard(table.lock);
    return &*table.names.emplace(name).first;
}

}  // namespace

FileName::FileName() noexcept
{
    // Every default SourceLocation starts here, so the empty name is looked up once.
    static const std::string* const empty = intern({});
    name_ = empty;
}

FileName::FileName(std::string_view name) : name_(intern(name)) {}

}  // namespace actorgraph
