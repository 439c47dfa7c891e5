#pragma once
// How solid a relation's evidence is: its `confidence` property, graded in words (low, medium,
// high) or in NATO's Admiralty code (source reliability A-F, information credibility 1-6, "B2"),
// both placed on one ordered scale so filters and path rankings can compare them.
//
// Each Admiralty letter and digit scores 5 (A, 1) down to 0 (F, 6: cannot be judged; nothing judged is
// no support, so 6 sits with F at the bottom, not in the middle of the scale). A code is
// as strong as its weaker half first, then its stronger half: A1 > A2 = B1 > B2 > A3 = C1 > B3 =
// C2 > C3 > ... > F6. The words sit on the same scale: high = B2, medium = C3, low = D4.
// A relation without `confidence` is ungraded and ranks below every grade.
#include <compare>
#include <optional>
#include <string>
#include <string_view>

#include "actorgraph/model/graph.hpp"

namespace actorgraph {

/// A point on the evidence scale; higher is more reliable.
struct ConfidenceGrade {
    int weaker = 0;    ///< score of the weaker half, 0..5
    int stronger = 0;  ///< score of the stronger half, 0..5

    [[nodiscard]] auto operator<=>(const ConfidenceGrade& other) const = default;
};

/// The grade a text names: "low", "medium", "high" or an Admiralty code such as "B2", in any
/// case and with surrounding spaces; nullopt for anything else.
[[nodiscard]] std::optional<ConfidenceGrade> parse_confidence(std::string_view text);
/// parse_confidence, throwing Error (at `where`, suggesting the closest word) for a bad text.
[[nodiscard]] ConfidenceGrade parse_confidence_or_throw(std::string_view text, const SourceLocation& where = {});
/// The grade's canonical name: "high", "medium" or "low" when it equals one, else its Admiralty code ("A3").
[[nodiscard]] std::string confidence_name(const ConfidenceGrade& grade);

/// The grade as a number from 0 (F6) to 1 (A1), both halves counting alike: high (B2) is 0.8,
/// medium (C3) 0.6, low (D4) 0.4. Drawings make weaker claims fainter by it.
[[nodiscard]] double evidence_strength(const ConfidenceGrade& grade);

/// The grade of a relation's `confidence`; nullopt when it has none. Throws Error naming the
/// relation's file and line when the value is not a grade.
[[nodiscard]] std::optional<ConfidenceGrade> relation_confidence(const Relation& relation);

}  // namespace actorgraph
