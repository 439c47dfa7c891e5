#pragma once
// A test fixture that runs Cypher statements on one in-memory graph and reads single values and errors back.
#include <gtest/gtest.h>

#include <string>

#include "actorgraph/cypher/engine.hpp"

namespace actorgraph::cypher {

class CypherSessionTest : public ::testing::Test {
protected:
    Result run(const std::string& statement, const Map& parameters = {}) { return session.run(statement, parameters); }
    Value single(const std::string& statement)
    {
        auto result = run(statement);
        EXPECT_EQ(result.rows.size(), 1u) << statement;
        EXPECT_EQ(result.columns.size(), 1u) << statement;
        return result.rows.empty() ? Value() : result.rows[0][0];
    }
    Error error_of(const std::string& statement)
    {
        try {
            run(statement);
        } catch (const Error& error) {
            return error;
        }
        ADD_FAILURE() << "no error for " << statement;
        return Error(ErrorClass::SyntaxError, "", Phase::compile, "none");
    }

    Graph graph;
    Session session{graph};
};

}  // namespace actorgraph::cypher
