// The error parse_query reports for a statement it must refuse (a test failure if it accepts it).
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "cypher/parse/parser.hpp"

namespace actorgraph::cypher {

inline Error syntax_error_of(const std::string& query)
{
    try {
        (void)parse_query(query);
    } catch (const Error& error) {
        return error;
    }
    ADD_FAILURE() << "no error for " << query;
    return Error(ErrorClass::SyntaxError, "", Phase::compile, "none");
}

}  // namespace actorgraph::cypher
