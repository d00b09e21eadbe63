import { describe, expect, it } from "vitest";
import {
  assessmentUpToDateFor,
  conditionStatusOn,
  releaseDateOverrideProblem,
  releaseDatesOf,
} from "../release.js";

describe("releaseDatesOf (Act of 17 May 2006, art. 25 §2)", () => {
  it("makes a first offender eligible after one third of the sentence", () => {
    expect(releaseDatesOf({ admittedOn: "2024-01-10", sentenceMonths: 60, recidivism: "NONE" })).toEqual({
      conditionalReleaseEligibleOn: "2025-09-10",
      endOfSentenceOn: "2029-01-10",
    });
  });

  it("counts a third of a month as 10 days", () => {
    expect(
      releaseDatesOf({ admittedOn: "2024-01-10", sentenceMonths: 4, recidivism: "NONE" })
        .conditionalReleaseEligibleOn,
    ).toBe("2024-02-20");
    expect(
      releaseDatesOf({ admittedOn: "2024-01-10", sentenceMonths: 5, recidivism: "NONE" })
        .conditionalReleaseEligibleOn,
    ).toBe("2024-03-01");
  });

  it("makes a legal recidivist eligible after two thirds", () => {
    expect(
      releaseDatesOf({ admittedOn: "2024-01-10", sentenceMonths: 60, recidivism: "LEGAL_RECIDIVIST" }),
    ).toEqual({ conditionalReleaseEligibleOn: "2027-05-10", endOfSentenceOn: "2029-01-10" });
  });

  it("caps a legal recidivist's eligibility at 16 years", () => {
    expect(
      releaseDatesOf({ admittedOn: "2000-03-01", sentenceMonths: 30 * 12, recidivism: "LEGAL_RECIDIVIST" }),
    ).toEqual({ conditionalReleaseEligibleOn: "2016-03-01", endOfSentenceOn: "2030-03-01" });
  });
});

describe("releaseDateOverrideProblem", () => {
  const episode = {
    admittedOn: "2024-01-10",
    conditionalReleaseEligibleOn: "2025-09-10",
    endOfSentenceOn: "2029-01-10",
  };

  it("accepts a date between admission and the other date", () => {
    expect(releaseDateOverrideProblem(episode, "CONDITIONAL_RELEASE_ELIGIBILITY", "2026-01-01")).toBeNull();
    expect(releaseDateOverrideProblem(episode, "END_OF_SENTENCE", "2027-01-01")).toBeNull();
  });

  it("refuses a date before the admission", () => {
    expect(releaseDateOverrideProblem(episode, "END_OF_SENTENCE", "2023-12-31")).toBe(
      "must not be before the admission date (2024-01-10)",
    );
  });

  it("keeps eligibility no later than the end of the sentence", () => {
    expect(releaseDateOverrideProblem(episode, "CONDITIONAL_RELEASE_ELIGIBILITY", "2029-01-11")).toBe(
      "must not be after the end of the sentence (2029-01-10)",
    );
    expect(releaseDateOverrideProblem(episode, "END_OF_SENTENCE", "2025-09-09")).toBe(
      "must not be before conditional-release eligibility (2025-09-10)",
    );
  });
});

describe("conditionStatusOn", () => {
  const imposed = { imposedOn: "2025-01-01", withdrawnOn: null, endsOn: "2026-01-01", liftedOn: null };

  it("follows a condition from proposal to its end", () => {
    expect(conditionStatusOn(imposed, "2024-12-31")).toBe("PROPOSED");
    expect(conditionStatusOn(imposed, "2025-01-01")).toBe("ACTIVE");
    expect(conditionStatusOn(imposed, "2026-01-01")).toBe("ENDED");
  });

  it("ends a lifted condition on the day it is lifted", () => {
    expect(conditionStatusOn({ ...imposed, liftedOn: "2025-06-01" }, "2025-05-31")).toBe("ACTIVE");
    expect(conditionStatusOn({ ...imposed, liftedOn: "2025-06-01" }, "2025-06-01")).toBe("ENDED");
  });

  it("shows a withdrawn proposal as withdrawn from that day", () => {
    const proposed = { imposedOn: null, withdrawnOn: "2025-03-01", endsOn: null, liftedOn: null };
    expect(conditionStatusOn(proposed, "2025-02-28")).toBe("PROPOSED");
    expect(conditionStatusOn(proposed, "2025-03-01")).toBe("WITHDRAWN");
  });
});

describe("assessmentUpToDateFor", () => {
  it("needs an assessment that is not due for renewal before the release", () => {
    expect(assessmentUpToDateFor({ lastAssessedOn: null, nextAssessmentDueOn: null }, "2025-06-01")).toBe(
      false,
    );
    expect(
      assessmentUpToDateFor(
        { lastAssessedOn: "2025-01-01", nextAssessmentDueOn: "2025-07-01" },
        "2025-06-01",
      ),
    ).toBe(true);
    expect(
      assessmentUpToDateFor(
        { lastAssessedOn: "2025-01-01", nextAssessmentDueOn: "2025-05-01" },
        "2025-06-01",
      ),
    ).toBe(false);
  });
});
