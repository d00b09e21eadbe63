import { type AgencyKind, checkMeasureTerm, type MeasureTypeRules, type Role } from "@continuum/domain";
import { describe, expect, it } from "vitest";
import {
  checkReviewForm,
  chooseOutcome,
  emptyReview,
  type MeasureToReview,
  type ReviewFormValues,
  reviewFieldOf,
  reviewInput,
} from "./review-form";

const TODAY = "2026-11-27";
const rules: MeasureTypeRules = {
  impose: [
    { agencyKind: "PRISON", role: "DIRECTOR", maxMonths: 1 },
    { agencyKind: "DG_EPI", role: "DIRECTOR", maxMonths: 2 },
  ],
  prolong: [{ agencyKind: "DG_EPI", role: "DIRECTOR", maxMonths: 2 }],
  reviewWithinMonths: 1,
  evaluations: [],
};
const measure: MeasureToReview = {
  id: "M1",
  version: 3,
  startsOn: "2026-11-10",
  endsOn: "2026-12-10",
  terms: "Apart from the others",
  measureType: rules,
};
const dg: { agencyKind: AgencyKind; roles: Role[] } = { agencyKind: "DG_EPI", roles: ["DIRECTOR"] };
const director: { agencyKind: AgencyKind; roles: Role[] } = { agencyKind: "PRISON", roles: ["DIRECTOR"] };
const keys = (values: ReviewFormValues, decider = dg) =>
  checkReviewForm(values, measure, { today: TODAY, decider }).map((p) => `${p.field}:${p.key}`);
const chosen = (outcome: ReviewFormValues["outcome"] & string, decider = dg) => ({
  ...chooseOutcome(emptyReview(TODAY), outcome, measure, decider),
  reasons: "Reasons.",
});

describe("the review form", () => {
  it("proposes a prolongation the domain accepts: from the current end, reviewed within the interval of the decision", () => {
    const values = chosen("PROLONGED");
    expect(values).toMatchObject({ endsOn: "2027-02-10", nextReviewOn: "2026-12-27" });
    expect(
      checkMeasureTerm(rules, dg, {
        kind: "PROLONG",
        from: measure.endsOn,
        until: values.endsOn,
        reviewOn: values.nextReviewOn,
        reviewFrom: TODAY,
      }),
    ).toEqual([]);
    // A review later than a month after the decision is refused here as by the API.
    expect(keys({ ...values, nextReviewOn: "2027-01-10" })).toEqual(["nextReviewOn:reviewWithin"]);
    expect(keys(values)).toEqual([]);
  });

  it("refuses a prolongation to whom the type does not allow it", () => {
    expect(keys(chosen("PROLONGED", director), director)).toContain("outcome:notAllowedToProlong");
    expect(keys(chosen("MAINTAINED", director), director)).toEqual([]);
    expect(
      keys(chosen("MAINTAINED", { agencyKind: "PRISON", roles: ["OFFICER"] }), {
        agencyKind: "PRISON",
        roles: ["OFFICER"],
      }),
    ).toEqual(["outcome:notAllowedToReview"]);
  });

  it("keeps a maintained measure's next review before it lapses and within the interval", () => {
    const values = chosen("MAINTAINED");
    expect(values.nextReviewOn).toBe("2026-12-09");
    expect(keys(values)).toEqual([]);
    expect(keys({ ...values, nextReviewOn: "2026-12-10" })).toEqual(["nextReviewOn:notAfter"]);
    expect(keys({ ...values, nextReviewOn: TODAY })).toEqual(["nextReviewOn:afterDate"]);
    expect(keys({ ...values, nextReviewOn: "" })).toEqual(["nextReviewOn:required"]);
  });

  it("asks lighter terms for an easing (from the terms in force), and a day before the end for a lifting", () => {
    const eased = chosen("EASED");
    expect(eased.terms).toBe("Apart from the others");
    expect(keys({ ...eased, terms: " " })).toEqual(["terms:required"]);
    const lifted = chosen("LIFTED");
    expect(keys(lifted)).toEqual([]);
    expect(keys({ ...lifted, effectiveOn: "2026-12-10" })).toEqual(["effectiveOn:notAfter"]);
    expect(keys({ ...lifted, effectiveOn: "2026-11-26" })).toEqual(["effectiveOn:notBefore"]);
  });

  it("refuses a review in the future or once the measure has lapsed", () => {
    expect(keys({ ...chosen("LIFTED"), decidedOn: "2026-11-28" })).toEqual(["decidedOn:notInFuture"]);
    expect(keys({ ...emptyReview(TODAY), reasons: "x" })).toEqual(["outcome:chooseOne"]);
  });

  it("sends only what each outcome takes, with the version read", () => {
    expect(reviewInput(measure, chosen("PROLONGED"))).toEqual({
      measureId: "M1",
      expectedVersion: 3,
      outcome: "PROLONGED",
      decidedOn: TODAY,
      reasons: "Reasons.",
      reasonsClassified: false,
      effectiveOn: null,
      endsOn: "2027-02-10",
      nextReviewOn: "2026-12-27",
      terms: null,
    });
    expect(reviewInput(measure, { ...chosen("LIFTED"), effectiveOn: "2026-12-01" })).toMatchObject({
      effectiveOn: "2026-12-01",
      nextReviewOn: null,
      endsOn: null,
    });
    expect(reviewInput(measure, chosen("EASED"))).toMatchObject({
      terms: "Apart from the others",
      endsOn: null,
    });
  });

  it("ties the API's errors to the fields the outcome shows", () => {
    expect(reviewFieldOf("PROLONGED")("endsOn")).toBe("endsOn");
    expect(reviewFieldOf("MAINTAINED")("endsOn")).toBeNull();
    expect(reviewFieldOf("MAINTAINED")("expectedVersion")).toBeNull();
    expect(reviewFieldOf("LIFTED")("effectiveOn")).toBe("effectiveOn");
  });
});
