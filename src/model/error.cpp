#include "actorgraph/model/error.hpp"

namespace actorgraph {

std::string format_location(const SourceLocation& where, const std::string& message)
{
    if (where.file.empty()) return message;
    if (where.line <= 0) return where.file + ": " + message;
    return where.file + ":" + std::to_string(where.line) + ": " + message;
}

Error::Error(std::string message) : Error(SourceLocation{}, std::move(message)) {}

Error::Error(SourceLocation where, std::string message)
    : std::runtime_error(format_location(where, message)), where_(std::move(where)), message_(std::move(message))
{
}

std::string Diagnostic::to_string() const
{
    return format_location(where, "warning: " + message);
}

namespace {

constexpr std::string_view more_prefix = "and ";
constexpr std::string_view more_suffix = " more like this";

}  // namespace

std::string with_thousands(std::size_t count)
{
    auto digits = std::to_string(count);
    std::string grouped;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) grouped += ',';
        grouped += digits[i];
    }
    return grouped;
}

void CappedDiagnostics::add(std::string_view kind, Diagnostic diagnostic)
{
    if (!count_more(kind, 1, diagnostic.where)) add_counted(kind, std::move(diagnostic));
}

std::size_t CappedDiagnostics::kind_index(std::string_view kind)
{
    auto found = kind_indices_.find(kind);
    if (found != kind_indices_.end()) return found->second;
    kinds_.push_back({std::string(kind)});
    kind_indices_.emplace(std::string(kind), kinds_.size() - 1);
    return kinds_.size() - 1;
}

bool CappedDiagnostics::count_more(std::string_view kind, std::size_t more, const SourceLocation& where, bool force)
{
    auto found = kind_indices_.find(kind);
    if (!force && (found == kind_indices_.end() || kinds_[found->second].kept < per_kind_)) return false;
    auto index = found == kind_indices_.end() ? kind_index(kind) : found->second;
    auto& entry = kinds_[index];
    total_ += more;
    entry.more += more;
    stale_ = true;
    if (entry.summary == SIZE_MAX) {
        entry.summary = list_.size();
        list_.push_back({{where.file, 0}, {}});
        kind_of_entry_.push_back(index);
    }
    return true;
}

void CappedDiagnostics::add_counted(std::string_view kind, Diagnostic diagnostic)
{
    auto index = kind_index(kind);
    ++kinds_[index].kept;
    ++total_;
    list_.push_back(std::move(diagnostic));
    kind_of_entry_.push_back(index);
}

void CappedDiagnostics::append(const CappedDiagnostics& other)
{
    for (std::size_t i = 0; i < other.list_.size(); ++i) {
        const auto& kind = other.kinds_[other.kind_of_entry_[i]];
        // What the other only counted stays a count here, even where there is room (its texts are gone).
        if (kind.summary == i) count_more(kind.name, kind.more, other.list_[i].where, true);
        else add(kind.name, other.list_[i]);
    }
}

const Diagnostics& CappedDiagnostics::list() const
{
    if (!stale_) return list_;
    for (const auto& kind : kinds_) {
        if (kind.summary == SIZE_MAX) continue;
        list_[kind.summary].message = std::string(more_prefix) + with_thousands(kind.more) + std::string(more_suffix) +
                                      " (" + kind.name + ")";
    }
    stale_ = false;
    return list_;
}

void CappedDiagnostics::swap(CappedDiagnostics& other) noexcept
{
    std::swap(per_kind_, other.per_kind_);
    std::swap(total_, other.total_);
    list_.swap(other.list_);
    std::swap(stale_, other.stale_);
    kind_of_entry_.swap(other.kind_of_entry_);
    kinds_.swap(other.kinds_);
    kind_indices_.swap(other.kind_indices_);
}

std::size_t finding_count(const Diagnostics& diagnostics)
{
    std::size_t count = 0;
    for (const auto& diagnostic : diagnostics) {
        std::string_view message = diagnostic.message;
        auto end = message.find(more_suffix);
        if (!message.starts_with(more_prefix) || end == std::string_view::npos) {
            ++count;
            continue;
        }
        std::size_t number = 0;
        bool digits = end > more_prefix.size();
        for (char c : message.substr(more_prefix.size(), end - more_prefix.size())) {
            if (c == ',') continue;
            if (c < '0' || c > '9') digits = false;
            else number = number * 10 + static_cast<std::size_t>(c - '0');
        }
        count += digits ? number : 1;
    }
    return count;
}

}  // namespace actorgraph
