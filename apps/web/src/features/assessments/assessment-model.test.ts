import { describe, expect, it } from "vitest";
import type { InstrumentStructureFragment } from "@/gql/graphql";
import {
  type AssessmentValues,
  assessmentFieldOf,
  assessmentFieldOrder,
  assessmentInput,
  buildAssessmentModel,
  checkAssessmentForm,
  emptyAssessment,
  ratingOptions,
} from "./assessment-model";

/** A small instrument in the API's shape, deliberately out of order (positions decide). */
const instrument: InstrumentStructureFragment = {
  id: "I1",
  code: "TEST-3",
  version: "1.0",
  name: "Test instrument",
  active: true,
  // The API lists NOT_RATED in the scale; the form offers it once, last.
  ratingScale: ["PRESENT", "PARTLY_PRESENT", "ABSENT", "NOT_RATED"],
  domains: [
    {
      code: "EXTRA",
      name: "Additional",
      position: 1,
      indicators: [{ code: "EXTRA-1", name: "Extra 1", position: 0, required: false, licensedText: null }],
    },
    {
      code: "CORE",
      name: "Core",
      position: 0,
      indicators: [
        { code: "CORE-2", name: "Core 2", position: 1, required: true, licensedText: null },
        { code: "CORE-1", name: "Core 1", position: 0, required: true, licensedText: "Licensed wording" },
      ],
    },
  ],
};

const model = buildAssessmentModel(instrument);
const complete = (overrides: Partial<AssessmentValues> = {}): AssessmentValues => ({
  ...emptyAssessment("2026-11-27"),
  finalJudgement: "MODERATE",
  narrative: "Interviews and file review.",
  ratings: { "CORE-1": "PRESENT", "CORE-2": "ABSENT" },
  ...overrides,
});
const keys = (problems: { field: string; key: string }[]) => problems.map((p) => `${p.field}:${p.key}`);

describe("the assessment form built from an instrument", () => {
  it("orders domains and indicators by position and marks domains with nothing required optional", () => {
    expect(model.label).toBe("TEST-3 1.0");
    expect(model.domains.map((d) => [d.code, d.optional, d.indicators.map((i) => i.code)])).toEqual([
      ["CORE", false, ["CORE-1", "CORE-2"]],
      ["EXTRA", true, ["EXTRA-1"]],
    ]);
    expect(model.domains[0]?.indicators[0]?.licensedText).toBe("Licensed wording");
  });

  it("offers the instrument's scale, then 'not rated' once", () => {
    expect(ratingOptions(model)).toEqual(["PRESENT", "PARTLY_PRESENT", "ABSENT", "NOT_RATED"]);
    const twoPoint = buildAssessmentModel({ ...instrument, ratingScale: ["PRESENT", "ABSENT"] });
    expect(ratingOptions(twoPoint)).toEqual(["PRESENT", "ABSENT", "NOT_RATED"]);
  });

  it("lists its fields in page order", () => {
    expect(assessmentFieldOrder(model)).toEqual([
      "instrument",
      "assessedOn",
      "rating:CORE-1",
      "reason:CORE-1",
      "rating:CORE-2",
      "reason:CORE-2",
      "summary:CORE",
      "rating:EXTRA-1",
      "reason:EXTRA-1",
      "summary:EXTRA",
      "finalJudgement",
      "narrative",
      "nextReviewOn",
    ]);
  });

  it("reviews six months after today by default", () => {
    expect(emptyAssessment("2026-08-31").nextReviewOn).toBe("2027-02-28");
  });

  it("requires every required indicator, a reason for 'not rated', a judgement and a narrative", () => {
    expect(checkAssessmentForm(model, complete(), "2026-11-27")).toEqual([]);
    const problems = checkAssessmentForm(
      model,
      complete({ ratings: { "CORE-1": "NOT_RATED" }, finalJudgement: null, narrative: " " }),
      "2026-11-27",
    );
    expect(keys(problems)).toEqual([
      "reason:CORE-1:notRatedReason",
      "rating:CORE-2:mustRate",
      "finalJudgement:chooseOne",
      "narrative:required",
    ]);
    expect(problems[1]?.values).toEqual({ code: "CORE-2" });
  });

  it("checks the review date against the assessment date and the twelve-month limit", () => {
    expect(keys(checkAssessmentForm(model, complete({ nextReviewOn: "2026-11-27" }), "2026-11-27"))).toEqual([
      "nextReviewOn:afterDate",
    ]);
    expect(keys(checkAssessmentForm(model, complete({ nextReviewOn: "2027-11-28" }), "2026-11-27"))).toEqual([
      "nextReviewOn:atMostMonthsAfter",
    ]);
    expect(keys(checkAssessmentForm(model, complete({ assessedOn: "2026-11-28" }), "2026-11-27"))).toEqual([
      "assessedOn:notInFuture",
    ]);
  });

  it("sends the rated indicators in the instrument's order and the summaries written", () => {
    const built = assessmentInput(
      model,
      "P1",
      complete({
        ratings: { "EXTRA-1": "NOT_RATED", "CORE-2": "ABSENT", "CORE-1": "PRESENT" },
        reasons: { "EXTRA-1": " No records ", "CORE-1": "ignored" },
        summaries: { EXTRA: "Little known.", CORE: "  " },
      }),
    );
    expect(built.input).toEqual({
      personId: "P1",
      instrumentId: "I1",
      assessedOn: "2026-11-27",
      nextReviewOn: "2027-05-27",
      finalJudgement: "MODERATE",
      narrative: "Interviews and file review.",
      ratings: [
        { indicatorCode: "CORE-1", rating: "PRESENT", notRatedReason: null },
        { indicatorCode: "CORE-2", rating: "ABSENT", notRatedReason: null },
        { indicatorCode: "EXTRA-1", rating: "NOT_RATED", notRatedReason: "No records" },
      ],
      domainSummaries: [{ domainCode: "EXTRA", summary: "Little known." }],
    });
    expect(built.ratingOrder).toEqual(["CORE-1", "CORE-2", "EXTRA-1"]);
    expect(built.summaryOrder).toEqual(["EXTRA"]);
  });

  it("maps the API's indexed paths back to the indicator and domain they concern", () => {
    const fieldOf = assessmentFieldOf({
      ratingOrder: ["CORE-1", "CORE-2", "EXTRA-1"],
      summaryOrder: ["EXTRA"],
    });
    expect(fieldOf("ratings.2.notRatedReason")).toBe("reason:EXTRA-1");
    expect(fieldOf("ratings.1.rating")).toBe("rating:CORE-2");
    expect(fieldOf("ratings.1.indicatorCode")).toBe("rating:CORE-2");
    expect(fieldOf("domainSummaries.0.domainCode")).toBe("summary:EXTRA");
    expect(fieldOf("nextReviewOn")).toBe("nextReviewOn");
    expect(fieldOf("instrumentId")).toBe("instrument");
    expect(fieldOf("ratings")).toBeNull();
    expect(fieldOf("ratings.9.rating")).toBeNull();
    expect(fieldOf("personId")).toBeNull();
  });
});
