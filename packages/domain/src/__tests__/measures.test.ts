import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDaysToDate } from "../dates.js";
import {
  allowanceOf,
  appealAnswerDueOn,
  checkMeasureTerm,
  evaluationDueOn,
  isRegimeKind,
  type MeasureEvent,
  type MeasureTypeRules,
  measureStateOn,
  measureTypeRulesSchema,
  NOTIFICATION_GRACE_DAYS,
  needsNotification,
  notificationDueOn,
} from "../measures.js";

// The individual special security regime as seeded: a prison director imposes for up to one month,
// the Director General for up to two; only the Director General prolongs, by two months at most.
const ISSR: MeasureTypeRules = {
  impose: [
    { agencyKind: "PRISON", role: "DIRECTOR", maxMonths: 1 },
    { agencyKind: "DG_EPI", role: "DIRECTOR", maxMonths: 2 },
  ],
  prolong: [{ agencyKind: "DG_EPI", role: "DIRECTOR", maxMonths: 2 }],
  reviewWithinMonths: 1,
  evaluations: [{ agencyKind: "PSYCHOSOCIAL_SERVICE", role: "PSYCHOLOGIST", everyDays: 30 }],
};
const PRISON_DIRECTOR = { agencyKind: "PRISON", roles: ["DIRECTOR"] } as const;
const DG = { agencyKind: "DG_EPI", roles: ["DIRECTOR"] } as const;
const CELEX = { agencyKind: "CELEX", roles: ["ANALYST"] } as const;

const imposed = (over: Partial<MeasureEvent> = {}): MeasureEvent => ({
  kind: "MEASURE_IMPOSED",
  reviewOutcome: null,
  decidedOn: "2024-01-10",
  effectiveOn: "2024-01-10",
  endsOn: "2024-02-10",
  nextReviewOn: "2024-02-01",
  terms: "Walks alone",
  ...over,
});

const reviewed = (outcome: MeasureEvent["reviewOutcome"], over: Partial<MeasureEvent>): MeasureEvent => ({
  kind: "MEASURE_REVIEWED",
  reviewOutcome: outcome,
  decidedOn: "2024-02-01",
  effectiveOn: over.decidedOn ?? "2024-02-01",
  endsOn: null,
  nextReviewOn: null,
  terms: null,
  ...over,
});

describe("checkMeasureTerm", () => {
  const impose = (from: string, until: string, reviewOn: string) =>
    ({ kind: "IMPOSE", from, until, reviewOn }) as const;

  it("lets a prison director impose the regime for one month, and no longer", () => {
    expect(checkMeasureTerm(ISSR, PRISON_DIRECTOR, impose("2024-01-10", "2024-02-10", "2024-02-01"))).toEqual(
      [],
    );
    expect(checkMeasureTerm(ISSR, PRISON_DIRECTOR, impose("2024-01-10", "2024-02-11", "2024-02-01"))).toEqual(
      [{ field: "endsOn", message: "you may impose this measure for at most 1 month (until 2024-02-10)" }],
    );
  });

  it("lets the Director General impose for two months, clamping at the end of a short month", () => {
    expect(checkMeasureTerm(ISSR, DG, impose("2024-01-10", "2024-03-10", "2024-02-10"))).toEqual([]);
    expect(checkMeasureTerm(ISSR, DG, impose("2023-12-31", "2024-03-01", "2024-01-15"))).toEqual([
      { field: "endsOn", message: "you may impose this measure for at most 2 months (until 2024-02-29)" },
    ]);
  });

  it("refuses a decider the rules do not name, on the type for an imposition and on the outcome for a prolongation", () => {
    expect(checkMeasureTerm(ISSR, CELEX, impose("2024-01-10", "2024-02-10", "2024-02-01"))).toEqual([
      { field: "measureTypeId", message: "your agency and role may not impose this type of measure" },
    ]);
    expect(
      checkMeasureTerm(ISSR, PRISON_DIRECTOR, {
        kind: "PROLONG",
        from: "2024-02-10",
        until: "2024-03-10",
        reviewOn: "2024-03-01",
      }),
    ).toEqual([{ field: "outcome", message: "your agency and role may not prolong this type of measure" }]);
  });

  it("prolongs by two months at most, counted from the current end", () => {
    const prolong = (until: string) =>
      checkMeasureTerm(ISSR, DG, { kind: "PROLONG", from: "2024-02-10", until, reviewOn: "2024-03-01" });
    expect(prolong("2024-04-10")).toEqual([]);
    expect(prolong("2024-04-11")).toEqual([
      { field: "endsOn", message: "you may prolong this measure for at most 2 months (until 2024-04-10)" },
    ]);
  });

  it("counts a prolongation's review from the day it is decided, not from the old end", () => {
    // Decided on 1 February for a measure ending on 10 February: reviewed by 1 March at the latest.
    const prolong = (reviewOn: string) =>
      checkMeasureTerm(ISSR, DG, {
        kind: "PROLONG",
        from: "2024-02-10",
        until: "2024-04-10",
        reviewOn,
        reviewFrom: "2024-02-01",
      });
    expect(prolong("2024-02-05")).toEqual([]);
    expect(prolong("2024-03-01")).toEqual([]);
    expect(prolong("2024-03-02")).toEqual([
      { field: "nextReviewOn", message: "this type must be reviewed within 1 month (by 2024-03-01)" },
    ]);
    expect(prolong("2024-01-31")).toEqual([
      { field: "nextReviewOn", message: "must fall on or after 2024-02-01 and before 2024-04-10" },
    ]);
  });

  it("needs an end after the start", () => {
    expect(checkMeasureTerm(ISSR, DG, impose("2024-01-10", "2024-01-10", "2024-01-10"))).toEqual([
      { field: "endsOn", message: "must be after 2024-01-10" },
      { field: "nextReviewOn", message: "must fall on or after 2024-01-10 and before 2024-01-10" },
    ]);
    expect(checkMeasureTerm(ISSR, DG, impose("2024-01-10", "2024-01-05", "2024-01-10"))).toEqual([
      { field: "endsOn", message: "must be after 2024-01-10" },
      { field: "nextReviewOn", message: "must fall on or after 2024-01-10 and before 2024-01-05" },
    ]);
  });

  it("needs the review date inside the period and within the type's review interval", () => {
    expect(checkMeasureTerm(ISSR, DG, impose("2024-01-10", "2024-03-10", "2024-01-09"))).toEqual([
      { field: "nextReviewOn", message: "must fall on or after 2024-01-10 and before 2024-03-10" },
    ]);
    expect(checkMeasureTerm(ISSR, PRISON_DIRECTOR, impose("2024-01-10", "2024-02-10", "2024-02-11"))).toEqual(
      [{ field: "nextReviewOn", message: "must fall on or after 2024-01-10 and before 2024-02-10" }],
    );
    // The end is exclusive: the measure has lapsed on its end day, too late for a review.
    expect(checkMeasureTerm(ISSR, PRISON_DIRECTOR, impose("2024-01-10", "2024-02-10", "2024-02-10"))).toEqual(
      [{ field: "nextReviewOn", message: "must fall on or after 2024-01-10 and before 2024-02-10" }],
    );
    expect(checkMeasureTerm(ISSR, PRISON_DIRECTOR, impose("2024-01-10", "2024-02-10", "2024-02-09"))).toEqual(
      [],
    );
    expect(checkMeasureTerm(ISSR, DG, impose("2024-01-10", "2024-03-10", "2024-02-11"))).toEqual([
      { field: "nextReviewOn", message: "this type must be reviewed within 1 month (by 2024-02-10)" },
    ]);
  });

  it("takes the most generous allowance among the decider's roles", () => {
    const rules: MeasureTypeRules["impose"] = [
      { agencyKind: "PRISON", role: "OFFICER", maxMonths: 1 },
      { agencyKind: "PRISON", role: "DIRECTOR", maxMonths: 3 },
    ];
    expect(allowanceOf(rules, { agencyKind: "PRISON", roles: ["OFFICER", "DIRECTOR"] })).toBe(3);
    expect(allowanceOf(rules, { agencyKind: "PRISON", roles: ["OFFICER"] })).toBe(1);
    expect(allowanceOf(rules, { agencyKind: "DG_EPI", roles: ["DIRECTOR"] })).toBeNull();
  });
});

describe("measureStateOn", () => {
  it("knows nothing of a measure before it is decided, and shows a decided one as not yet started", () => {
    expect(measureStateOn([imposed()], "2024-01-09")).toBeNull();
    expect(measureStateOn([], "2024-01-20")).toBeNull();
    const ahead = imposed({ decidedOn: "2024-01-05" });
    expect(measureStateOn([ahead], "2024-01-07")?.status).toBe("NOT_STARTED");
    expect(measureStateOn([ahead], "2024-01-10")?.status).toBe("ACTIVE");
  });

  it("is in force until its exclusive end, then lapses without a prolongation", () => {
    expect(measureStateOn([imposed()], "2024-01-10")).toEqual({
      status: "ACTIVE",
      startsOn: "2024-01-10",
      endsOn: "2024-02-10",
      liftedOn: null,
      nextReviewOn: "2024-02-01",
      reviewOverdue: false,
      terms: "Walks alone",
    });
    expect(measureStateOn([imposed()], "2024-02-09")?.status).toBe("ACTIVE");
    expect(measureStateOn([imposed()], "2024-02-10")).toMatchObject({
      status: "LAPSED",
      reviewOverdue: false,
    });
  });

  it("counts a review as overdue the day after its date, while the measure is in force", () => {
    expect(measureStateOn([imposed()], "2024-02-01")?.reviewOverdue).toBe(false);
    expect(measureStateOn([imposed()], "2024-02-02")?.reviewOverdue).toBe(true);
    const maintained = reviewed("MAINTAINED", { decidedOn: "2024-02-01", nextReviewOn: "2024-02-08" });
    expect(measureStateOn([imposed(), maintained], "2024-02-05")).toMatchObject({
      nextReviewOn: "2024-02-08",
      reviewOverdue: false,
    });
  });

  it("moves the end with a prolongation, only from the day it is decided", () => {
    const prolonged = reviewed("PROLONGED", {
      decidedOn: "2024-02-05",
      endsOn: "2024-04-10",
      nextReviewOn: "2024-03-05",
    });
    const events = [prolonged, imposed()];
    expect(measureStateOn(events, "2024-02-04")).toMatchObject({
      status: "ACTIVE",
      endsOn: "2024-02-10",
      nextReviewOn: "2024-02-01",
      reviewOverdue: true,
    });
    expect(measureStateOn(events, "2024-02-05")).toMatchObject({
      status: "ACTIVE",
      endsOn: "2024-04-10",
      nextReviewOn: "2024-03-05",
      reviewOverdue: false,
    });
    expect(measureStateOn(events, "2024-03-01")?.status).toBe("ACTIVE");
    expect(measureStateOn(events, "2024-04-10")?.status).toBe("LAPSED");
  });

  it("lifts a measure from the effective day of the lifting", () => {
    const lifted = reviewed("LIFTED", { decidedOn: "2024-01-25", effectiveOn: "2024-01-28" });
    const events = [imposed(), lifted];
    expect(measureStateOn(events, "2024-01-24")).toMatchObject({ status: "ACTIVE", liftedOn: null });
    expect(measureStateOn(events, "2024-01-26")).toMatchObject({
      status: "ACTIVE",
      liftedOn: "2024-01-28",
      nextReviewOn: null,
      reviewOverdue: false,
    });
    expect(measureStateOn(events, "2024-01-28")).toMatchObject({ status: "LIFTED", liftedOn: "2024-01-28" });
    // Lifted stays lifted after the original end, rather than lapsing.
    expect(measureStateOn(events, "2024-03-01")?.status).toBe("LIFTED");
  });

  it("ends with the release what is still in force, and keeps what ended before it", () => {
    expect(measureStateOn([imposed()], "2024-01-20", "2024-01-20")?.status).toBe("ENDED");
    expect(measureStateOn([imposed()], "2024-01-19", "2024-01-20")).toMatchObject({
      status: "ACTIVE",
      reviewOverdue: false,
    });
    // Lapsed on 10 February, released later: it stays lapsed.
    expect(measureStateOn([imposed()], "2024-03-01", "2024-02-20")?.status).toBe("LAPSED");
    // Decided, then the person was released before it started.
    const ahead = imposed({ effectiveOn: "2024-01-15" });
    expect(measureStateOn([ahead], "2024-01-14", "2024-01-12")?.status).toBe("ENDED");
    // Never overdue once ended.
    expect(measureStateOn([imposed()], "2024-02-05", "2024-01-20")?.reviewOverdue).toBe(false);
  });

  it("eases the terms from the easing on", () => {
    const eased = reviewed("EASED", {
      decidedOn: "2024-01-20",
      terms: "Walks in pairs",
      nextReviewOn: "2024-02-05",
    });
    expect(measureStateOn([imposed(), eased], "2024-01-19")?.terms).toBe("Walks alone");
    expect(measureStateOn([imposed(), eased], "2024-01-20")).toMatchObject({
      terms: "Walks in pairs",
      nextReviewOn: "2024-02-05",
      endsOn: "2024-02-10",
    });
  });

  it("does not depend on the order the events are given in (property)", () => {
    const events = [
      imposed(),
      reviewed("MAINTAINED", { decidedOn: "2024-01-20", nextReviewOn: "2024-02-05" }),
      reviewed("PROLONGED", { decidedOn: "2024-02-05", endsOn: "2024-04-10", nextReviewOn: "2024-03-05" }),
      reviewed("EASED", { decidedOn: "2024-03-05", terms: "Lighter", nextReviewOn: "2024-04-01" }),
    ];
    fc.assert(
      fc.property(
        fc.shuffledSubarray(events, { minLength: 4, maxLength: 4 }),
        fc.integer({ min: 0, max: 120 }),
        (shuffled, offset) => {
          const on = addDaysToDate("2024-01-05", offset);
          expect(measureStateOn(shuffled, on)).toEqual(measureStateOn(events, on));
        },
      ),
    );
  });
});

describe("notices and appeals", () => {
  it("needs a notice for every decision but a rejected recommendation", () => {
    expect(needsNotification({ recommendationOutcome: null })).toBe(true);
    expect(needsNotification({ recommendationOutcome: "ACCEPTED" })).toBe(true);
    expect(needsNotification({ recommendationOutcome: "AMENDED" })).toBe(true);
    expect(needsNotification({ recommendationOutcome: "REJECTED" })).toBe(false);
  });

  it("expects the notice two days after the decision or its effect, whichever is later", () => {
    expect(NOTIFICATION_GRACE_DAYS).toBe(2);
    expect(notificationDueOn({ decidedOn: "2024-01-10", effectiveOn: "2024-01-10" })).toBe("2024-01-12");
    expect(notificationDueOn({ decidedOn: "2024-01-10", effectiveOn: "2024-01-20" })).toBe("2024-01-22");
    expect(notificationDueOn({ decidedOn: "2024-02-28", effectiveOn: "2024-02-28" })).toBe("2024-03-01");
  });

  it("gives the commissions 14 days to answer, and courts no deadline", () => {
    expect(appealAnswerDueOn({ body: "COMPLAINTS_COMMISSION", lodgedOn: "2024-01-10" })).toBe("2024-01-24");
    expect(appealAnswerDueOn({ body: "APPEAL_COMMISSION", lodgedOn: "2024-12-25" })).toBe("2025-01-08");
    expect(appealAnswerDueOn({ body: "COURT", lodgedOn: "2024-01-10" })).toBeNull();
    expect(appealAnswerDueOn({ body: "COUNCIL_OF_STATE", lodgedOn: "2024-01-10" })).toBeNull();
  });
});

describe("evaluations and rules", () => {
  it("dates the next evaluation from the last one, or from the start", () => {
    expect(evaluationDueOn({ everyDays: 30 }, { startsOn: "2024-01-10" }, null)).toBe("2024-02-09");
    expect(evaluationDueOn({ everyDays: 30 }, { startsOn: "2024-01-10" }, "2024-02-01")).toBe("2024-03-02");
  });

  it("validates a type's rules", () => {
    expect(measureTypeRulesSchema.safeParse(ISSR).success).toBe(true);
    const noImpose = measureTypeRulesSchema.safeParse({ ...ISSR, impose: [] });
    expect(noImpose.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["impose", "name at least one agency and role that may impose it"],
    ]);
    const bad = measureTypeRulesSchema.safeParse({
      ...ISSR,
      prolong: [{ agencyKind: "DG_EPI", role: "DIRECTOR", maxMonths: 0 }],
      reviewWithinMonths: 13,
    });
    expect(bad.error?.issues.map((i) => i.path.join("."))).toEqual([
      "prolong.0.maxMonths",
      "reviewWithinMonths",
    ]);
  });

  it("moves the inmate for regime kinds only", () => {
    expect(isRegimeKind("DRADEX_PLACEMENT")).toBe(true);
    expect(isRegimeKind("TRANSFER")).toBe(true);
    expect(isRegimeKind("ORDINARY_REGIME")).toBe(true);
    expect(isRegimeKind("SECURITY_MEASURE")).toBe(false);
  });
});
