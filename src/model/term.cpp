#include "actorgraph/model/term.hpp"

#include <array>
#include <utility>

#include "actorgraph/model/schema.hpp"

namespace actorgraph {

namespace {

// The empty text and the schema's words, never destroyed: Terms may be used during static destruction.
const std::array<const std::string*, 9>& shared_words()
{
    static const auto* words = [] {
        auto* list = new std::array<const std::string*, 9>{};
        std::size_t next = 0;
        (*list)[next++] = new std::string();
        for (auto kind : schema::kinds) (*list)[next++] = new std::string(kind);
        for (auto type : schema::relation_types) (*list)[next++] = new std::string(type);
        return list;
    }();
    return *words;
}

std::uintptr_t bits_for(std::string_view text)
{
    for (const auto* word : shared_words()) {
        if (*word == text) return reinterpret_cast<std::uintptr_t>(word);
    }
    // new std::string is at least 8-aligned, so the low bit is free for the ownership mark.
    return reinterpret_cast<std::uintptr_t>(new std::string(text)) | 1u;
}

}  // namespace

Term::Term() noexcept : bits_(reinterpret_cast<std::uintptr_t>(shared_words()[0])) {}

Term::Term(std::string_view text) : bits_(bits_for(text)) {}

Term::Term(const Term& other) : bits_(other.owned() ? bits_for(other.str()) : other.bits_) {}

Term::Term(Term&& other) noexcept : bits_(std::exchange(other.bits_, reinterpret_cast<std::uintptr_t>(shared_words()[0]))) {}

Term& Term::operator=(const Term& other)
{
    if (this != &other) *this = Term(other);
    return *this;
}

Term& Term::operator=(Term&& other) noexcept
{
    std::swap(bits_, other.bits_);
    return *this;
}

Term::~Term()
{
    if (owned()) delete text();
}

}  // namespace actorgraph
