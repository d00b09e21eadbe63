import { type AgencyKind, checkMeasureTerm, type MeasureTypeRules, type Role } from "@continuum/domain";
import { describe, expect, it } from "vitest";
import {
  acceptedEnd,
  checkDecideForm,
  type DecideFormValues,
  decideFieldOf,
  decideInput,
  initialDecision,
  type RecommendationToDecide,
} from "./decide-form";

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
const dg: { agencyKind: AgencyKind; roles: Role[] } = { agencyKind: "DG_EPI", roles: ["DIRECTOR"] };
const measure: RecommendationToDecide = {
  kind: "SECURITY_MEASURE",
  recommendedOn: "2026-11-20",
  months: 2,
  terms: "Apart",
  measureType: { ...rules, legalBasis: "Prison Act, art. 116" },
  establishmentId: null,
  unitId: null,
};
const dradex: RecommendationToDecide = {
  kind: "DRADEX_PLACEMENT",
  recommendedOn: "2026-11-20",
  months: null,
  terms: null,
  measureType: null,
  establishmentId: "ITT",
  unitId: "ITT-DRX",
};
const units = [
  { id: "ITT-DRX", kind: "DRADEX" as const, establishmentId: "ITT" },
  { id: "HAS-DRX", kind: "DRADEX" as const, establishmentId: "HAS" },
  { id: "HAS-ORD", kind: "ORDINARY" as const, establishmentId: "HAS" },
];
const context = { today: TODAY, decider: dg, units };
const keys = (values: DecideFormValues, r = measure, c = context) =>
  checkDecideForm(values, r, c).map((p) => `${p.field}:${p.key}`);
const decided = (outcome: DecideFormValues["outcome"], r = measure) => ({
  ...initialDecision(r, TODAY),
  outcome,
  reasons: "Because.",
});

describe("the Director General's decision form", () => {
  it("proposes today and the recommended term, with its review at the type's interval", () => {
    const values = initialDecision(measure, TODAY);
    expect(values).toMatchObject({
      decidedOn: TODAY,
      effectiveOn: TODAY,
      endsOn: "2027-01-27",
      nextReviewOn: "2026-12-27",
      legalBasis: "Prison Act, art. 116",
      terms: "Apart",
    });
    // The proposal passes the domain's own check.
    expect(
      checkMeasureTerm(rules, dg, {
        kind: "IMPOSE",
        from: TODAY,
        until: values.endsOn,
        reviewOn: values.nextReviewOn,
      }),
    ).toEqual([]);
  });

  it("requires an outcome and reasons, also for a rejection", () => {
    expect(keys(initialDecision(measure, TODAY))).toEqual(["outcome:chooseOne", "reasons:required"]);
    expect(keys(decided("REJECTED"))).toEqual([]);
  });

  it("carries an accepted measure out as written: the months proposed from the day it takes effect", () => {
    expect(acceptedEnd(measure, "2026-12-01")).toBe("2027-02-01");
    expect(keys(decided("ACCEPTED"))).toEqual([]);
    // Later in effect: the end moves with it, the review date must still fit.
    expect(keys({ ...decided("ACCEPTED"), effectiveOn: "2027-01-05" })).toEqual([
      "measure.nextReviewOn:notBefore",
    ]);
    // A prison director may impose it for one month only: accepting two is the decision's problem.
    expect(
      keys(decided("ACCEPTED"), measure, {
        ...context,
        decider: { agencyKind: "PRISON", roles: ["DIRECTOR"] },
      }),
    ).toEqual(["outcome:untilAtMost"]);
    expect(
      decideInput("R1", measure, { ...decided("ACCEPTED"), effectiveOn: "2026-12-01", terms: "Other" }, units)
        .measure,
    ).toEqual({
      endsOn: "2027-02-01",
      nextReviewOn: "2026-12-27",
      legalBasis: "Prison Act, art. 116",
      terms: null,
    });
  });

  it("asks an amendment to change the end or the terms, within the type's rules", () => {
    const amended = decided("AMENDED");
    expect(keys(amended)).toEqual(["measure.endsOn:measureAsRecommended"]);
    expect(keys({ ...amended, terms: "" })).toEqual(["measure.endsOn:measureAsRecommended"]);
    expect(keys({ ...amended, endsOn: "2027-01-10", nextReviewOn: "2026-12-20" })).toEqual([]);
    expect(keys({ ...amended, terms: "Apart, visits behind a partition" })).toEqual([]);
    expect(keys({ ...amended, endsOn: "2027-02-28", nextReviewOn: "2027-01-15" })).toEqual([
      "measure.endsOn:untilAtMost",
      "measure.nextReviewOn:reviewWithin",
    ]);
    expect(keys({ ...amended, endsOn: "", legalBasis: " " })).toEqual([
      "measure.endsOn:required",
      "measure.legalBasis:required",
    ]);
    expect(
      decideInput("R1", measure, { ...amended, endsOn: "2027-01-10", terms: " " }, units).measure,
    ).toEqual({
      endsOn: "2027-01-10",
      nextReviewOn: "2026-12-27",
      legalBasis: "Prison Act, art. 116",
      terms: null,
    });
  });

  it("checks the dates against the recommendation", () => {
    expect(keys({ ...decided("REJECTED"), decidedOn: "2026-11-19", effectiveOn: "2026-11-18" })).toEqual([
      "decidedOn:notBefore",
      "effectiveOn:notBefore",
    ]);
    expect(keys({ ...decided("REJECTED"), decidedOn: "2026-11-28", effectiveOn: "2026-11-28" })).toEqual([
      "decidedOn:notInFuture",
    ]);
  });

  it("asks another place when a regime decision is amended, not the one recommended", () => {
    const values = decided("AMENDED", dradex);
    expect(keys(values, dradex)).toEqual(["unitId:chooseOne"]);
    expect(keys({ ...values, unitId: "ITT-DRX" }, dradex)).toEqual(["unitId:sameAsRecommended"]);
    expect(keys({ ...values, unitId: "HAS-DRX" }, dradex)).toEqual([]);
    expect(keys(decided("ACCEPTED", dradex), dradex)).toEqual([]);
    const amended = decideInput("R2", dradex, { ...values, unitId: "HAS-DRX" }, units);
    expect(amended).toMatchObject({ unitId: "HAS-DRX", establishmentId: "HAS" });
    expect(amended).not.toHaveProperty("measure");
  });

  it("sends nothing of a term with a rejection", () => {
    expect(decideInput("R1", measure, { ...decided("REJECTED"), reasons: " No grounds. " }, units)).toEqual({
      recommendationId: "R1",
      outcome: "REJECTED",
      decidedOn: TODAY,
      effectiveOn: TODAY,
      reasons: "No grounds.",
      reasonsClassified: false,
    });
  });

  it("ties the API's errors to the fields shown", () => {
    const amended = decideFieldOf("SECURITY_MEASURE", "AMENDED");
    expect(amended("measure.nextReviewOn")).toBe("measure.nextReviewOn");
    expect(amended("measure")).toBe("measure.endsOn");
    expect(amended("recommendationId")).toBeNull();
    // Accepted, the end and terms are not asked for: their errors are the form's.
    const accepted = decideFieldOf("SECURITY_MEASURE", "ACCEPTED");
    expect(accepted("measure.endsOn")).toBeNull();
    expect(accepted("measure.legalBasis")).toBe("measure.legalBasis");
    expect(accepted("outcome")).toBe("outcome");
    // An accepted regime decision asks for no place: a place that no longer fits is the form's problem.
    expect(decideFieldOf("TRANSFER", "ACCEPTED")("establishmentId")).toBeNull();
    expect(decideFieldOf("TRANSFER", "AMENDED")("establishmentId")).toBe("establishmentId");
  });
});
