#pragma once
// The compile-time error a statement's parse and bind give, for the binder's tests.
#include <gtest/gtest.h>

#include <string>

#include "cypher/bind/binder.hpp"
#include "cypher/parse/parser.hpp"

namespace actorgraph::cypher {

inline Error bind_error_of(const std::string& text)
{
    try {
        bind(parse_query(text));
    } catch (const Error& error) {
        return error;
    }
    ADD_FAILURE() << "no error for " << text;
    return Error(ErrorClass::SyntaxError, "", Phase::compile, "none");
}

}  // namespace actorgraph::cypher
