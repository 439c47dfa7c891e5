#include "actorgraph/model/file_name.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <iostream>
#include <sstream>
#include <thread>
#include <vector>

#include "actorgraph/model/error.hpp"

namespace actorgraph {
namespace {

TEST(FileName, EqualNamesShareOneStringAndCompareAsText)
{
    FileName a(std::string("graphs/nato_mongolia.gv"));
    FileName b("graphs/nato_mongolia.gv");
    EXPECT_EQ(&a.str(), &b.str());
    EXPECT_TRUE(a == b);
    EXPECT_TRUE(a == std::string_view("graphs/nato_mongolia.gv"));
    EXPECT_FALSE(a == FileName("other.gv"));
}

TEST(FileName, ADefaultNameIsEmptyAndEqualToAnInternedEmptyName)
{
    FileName none;
    EXPECT_TRUE(none.empty());
    EXPECT_TRUE(none == FileName(""));
}

TEST(FileName, ReadsLikeTheStringInMessages)
{
    FileName name("in.csv");
    std::ostringstream out;
    out << name;
    EXPECT_EQ(out.str(), "in.csv");
    EXPECT_EQ("file " + name + ": bad", "file in.csv: bad");
    EXPECT_EQ(Error({"in.csv", 3}, "bad").what(), std::string("in.csv:3: bad"));
}

TEST(FileName, ThreadsInterningTheSameNameGetTheSameString)
{
    std::vector<const std::string*> seen(8);
    std::vector<std::thread> threads;
    for (auto& slot : seen) {
        threads.emplace_back([&slot] { slot = &FileName("shared/corpus/x.gv").str(); });
    }
    for (auto& thread : threads) thread.join();
    for (const auto* name : seen) EXPECT_EQ(name, seen.front());
}

TEST(FileName, ThousandsOfNamesFromTwoThreadsEachKeepTheirOwnText)
{
    // More names than one page of the intern table holds, made on two threads at once.
    auto make = [](int from, std::vector<FileName>& out) {
        for (int i = from; i < from + 6000; ++i) out.emplace_back("scratch/run-" + std::to_string(i) + ".csv");
    };
    std::vector<FileName> first, second;
    {
        std::thread other([&] { make(6000, second); });
        make(0, first);
        other.join();
    }
    for (int i = 0; i < 6000; ++i) {
        EXPECT_EQ(first[i].str(), "scratch/run-" + std::to_string(i) + ".csv");
        EXPECT_EQ(second[i].str(), "scratch/run-" + std::to_string(6000 + i) + ".csv");
        EXPECT_FALSE(first[i] == second[i]);
    }
    EXPECT_TRUE(first[4321] == FileName("scratch/run-4321.csv"));
    EXPECT_EQ(sizeof(SourceLocation), 8u);  // what a relation and an actor pay for knowing their place
}

// The table is bounded: past its capacity a new name reads as FileName::overflow_text and nothing
// throws (it threw std::length_error at 16M names, failing whatever read or save made the name), while
// names made before keep their text. In a child process: filling the table would change later tests.
TEST(FileName, PastItsCapacityANewNameReadsAsTheOverflowTextAndNothingThrows)
{
    auto fill_and_check = [] {
        FileName kept("before/the/table/filled.gv");
        for (std::size_t i = 0; FileName::names_interned() < FileName::capacity; ++i) {
            (void)FileName("scratch/filler-" + std::to_string(i) + ".gv");
        }
        FileName late("after/the/table/filled.gv");
        bool ok = late.str() == FileName::overflow_text && kept.str() == "before/the/table/filled.gv" &&
                  FileName("before/the/table/filled.gv") == kept &&
                  Error({"another/new/name.csv", 2}, "bad").where().line == 2 &&
                  FileName::names_interned() == FileName::capacity;
        std::cerr << (ok ? "bounded" : "wrong") << std::endl;
        std::exit(ok ? 0 : 1);
    };
    EXPECT_EXIT(fill_and_check(), ::testing::ExitedWithCode(0), "bounded");
}

}  // namespace
}  // namespace actorgraph
