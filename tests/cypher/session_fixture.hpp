#pragma once
// A test fixture that runs Cypher statements on one in-memory graph and reads single values and errors back.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "actorgraph/cypher/engine.hpp"
#include "actorgraph/cypher/output.hpp"

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
    // The rows as sorted text, so two answers compare whatever order they came in.
    std::vector<std::string> sorted_rows_of(const std::string& statement)
    {
        std::vector<std::string> rows;
        for (const auto& row : run(statement).rows) {
            std::string text;
            for (const auto& value : row) text += to_cypher_text(session, value) + " | ";
            rows.push_back(std::move(text));
        }
        std::sort(rows.begin(), rows.end());
        return rows;
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
