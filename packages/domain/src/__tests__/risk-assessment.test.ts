import { describe, expect, it } from "vitest";
import {
  assessmentDueOn,
  checkAssessment,
  type InstrumentStructure,
  type RiskAssessmentInput,
  riskAssessmentSchema,
} from "../risk-assessment.js";

// A small instrument with a two-point scale: two required indicators in domain A, an optional one in B.
const instrument: InstrumentStructure = {
  ratingScale: ["PRESENT", "ABSENT", "NOT_RATED"],
  domains: [
    {
      code: "A",
      indicators: [
        { code: "A-1", required: true },
        { code: "A-2", required: true },
      ],
    },
    { code: "B", indicators: [{ code: "B-1", required: false }] },
  ],
};

const context = { today: "2024-06-01", maxReviewOn: "2025-05-15" };

function assessment(over: Record<string, unknown> = {}): RiskAssessmentInput {
  return riskAssessmentSchema.parse({
    assessedOn: "2024-05-15",
    finalJudgement: "MODERATE",
    narrative: "Fictional narrative.",
    nextReviewOn: "2024-11-15",
    ratings: [
      { indicatorCode: "A-1", rating: "PRESENT" },
      { indicatorCode: "A-2", rating: "ABSENT" },
    ],
    ...over,
  });
}

describe("checkAssessment", () => {
  it("accepts every required indicator rated, optional ones left out", () => {
    expect(checkAssessment(assessment(), instrument, context)).toEqual([]);
    const withOptional = assessment({
      ratings: [
        { indicatorCode: "A-1", rating: "PRESENT" },
        { indicatorCode: "A-2", rating: "NOT_RATED", notRatedReason: "No information." },
        { indicatorCode: "B-1", rating: "ABSENT" },
      ],
      domainSummaries: [{ domainCode: "B", summary: "Fictional." }],
    });
    expect(checkAssessment(withOptional, instrument, context)).toEqual([]);
  });

  it("names each required indicator left unrated", () => {
    expect(checkAssessment(assessment({ ratings: [] }), instrument, context)).toEqual([
      { field: "ratings", message: "A-1 must be rated (or NOT_RATED with a reason)" },
      { field: "ratings", message: "A-2 must be rated (or NOT_RATED with a reason)" },
    ]);
  });

  it("refuses a rating off the instrument's scale", () => {
    const partly = assessment({
      ratings: [
        { indicatorCode: "A-1", rating: "PARTLY_PRESENT" },
        { indicatorCode: "A-2", rating: "ABSENT" },
      ],
    });
    expect(checkAssessment(partly, instrument, context)).toEqual([
      { field: "ratings.0.rating", message: "PARTLY_PRESENT is not on this instrument's scale" },
    ]);
    const threePoint = { ...instrument, ratingScale: ["PRESENT", "PARTLY_PRESENT", "ABSENT"] as const };
    expect(checkAssessment(partly, threePoint, context)).toEqual([]);
  });

  it("wants a reason for every indicator not rated", () => {
    for (const reason of [null, ""]) {
      const input = assessment({
        ratings: [
          { indicatorCode: "A-1", rating: "PRESENT" },
          { indicatorCode: "A-2", rating: "NOT_RATED", notRatedReason: reason },
        ],
      });
      expect(checkAssessment(input, instrument, context), String(reason)).toEqual([
        { field: "ratings.1.notRatedReason", message: "say why the indicator is not rated" },
      ]);
    }
  });

  it("refuses unknown and doubled indicators, and unknown domains", () => {
    const input = assessment({
      ratings: [
        { indicatorCode: "A-1", rating: "PRESENT" },
        { indicatorCode: "A-2", rating: "ABSENT" },
        { indicatorCode: "Z-9", rating: "ABSENT" },
        { indicatorCode: "A-1", rating: "ABSENT" },
      ],
      domainSummaries: [{ domainCode: "Q", summary: "Fictional." }],
    });
    expect(checkAssessment(input, instrument, context)).toEqual([
      { field: "ratings.2.indicatorCode", message: "Z-9 is not an indicator of this instrument" },
      { field: "ratings.3.indicatorCode", message: "A-1 is rated twice" },
      { field: "domainSummaries.0.domainCode", message: "Q is not a domain of this instrument" },
    ]);
  });

  it("checks the dates: not in the future, review after the assessment and within the limit", () => {
    expect(checkAssessment(assessment({ assessedOn: "2024-06-01" }), instrument, context)).toEqual([]);
    expect(checkAssessment(assessment({ assessedOn: "2024-06-02" }), instrument, context)).toEqual([
      { field: "assessedOn", message: "must not be in the future" },
    ]);
    for (const nextReviewOn of ["2024-05-15", "2024-05-14"])
      expect(checkAssessment(assessment({ nextReviewOn }), instrument, context), nextReviewOn).toEqual([
        { field: "nextReviewOn", message: "must be after the assessment date" },
      ]);
    expect(checkAssessment(assessment({ nextReviewOn: "2025-05-15" }), instrument, context)).toEqual([]);
    expect(checkAssessment(assessment({ nextReviewOn: "2025-05-16" }), instrument, context)).toEqual([
      { field: "nextReviewOn", message: "must be at most 12 months after the assessment" },
    ]);
  });
});

describe("riskAssessmentSchema", () => {
  const problems = (over: Record<string, unknown>) => {
    const result = riskAssessmentSchema.safeParse({
      assessedOn: "2024-05-15",
      finalJudgement: "LOW",
      narrative: "Fictional.",
      nextReviewOn: "2024-11-15",
      ratings: [],
      ...over,
    });
    return result.success ? [] : result.error.issues.map((i) => [i.path.join("."), i.message]);
  };

  it("wants a narrative of at most 10000 characters, and bounded reasons and summaries", () => {
    expect(problems({ narrative: "  " })).toEqual([["narrative", "must not be empty"]]);
    expect(problems({ narrative: "x".repeat(10_001) })).toEqual([
      ["narrative", "must be at most 10000 characters"],
    ]);
    expect(
      problems({
        ratings: [{ indicatorCode: "A-1", rating: "NOT_RATED", notRatedReason: "x".repeat(1001) }],
      }),
    ).toEqual([["ratings.0.notRatedReason", "must be at most 1000 characters"]]);
    expect(problems({ domainSummaries: [{ domainCode: "A", summary: "x".repeat(4001) }] })).toEqual([
      ["domainSummaries.0.summary", "must be at most 4000 characters"],
    ]);
    expect(problems({ finalJudgement: "EXTREME" })).toHaveLength(1);
    expect(problems({ nextReviewOn: "2024-13-01" })).toEqual([
      ["nextReviewOn", "must be a calendar date written YYYY-MM-DD"],
    ]);
  });
});

describe("assessmentDueOn", () => {
  const detained = { detained: true, listedSince: "2024-01-12" };

  it("is the review date the latest assessment set, listed or not", () => {
    expect(assessmentDueOn({ nextReviewOn: "2024-09-01" }, detained)).toBe("2024-09-01");
    expect(assessmentDueOn({ nextReviewOn: "2024-09-01" }, { detained: true, listedSince: null })).toBe(
      "2024-09-01",
    );
  });

  it("is the day of listing for a CelEx inmate never assessed", () => {
    expect(assessmentDueOn(null, detained)).toBe("2024-01-12");
  });

  it("is nothing for an unlisted inmate never assessed, and nothing after release", () => {
    expect(assessmentDueOn(null, { detained: true, listedSince: null })).toBeNull();
    expect(
      assessmentDueOn({ nextReviewOn: "2024-09-01" }, { detained: false, listedSince: null }),
    ).toBeNull();
    expect(assessmentDueOn(null, { detained: false, listedSince: "2024-01-12" })).toBeNull();
  });
});
