import { allowanceOf, checkMeasureTerm, type MeasureTypeRules } from "@continuum/domain";
import { describe, expect, it } from "vitest";
import { addDaysIso } from "@/lib/time/calendar";
import {
  allowanceFor,
  defaultTerm,
  earlierDay,
  evaluatedBy,
  mayImpose,
  mayProlong,
  mayReview,
  termIssues,
} from "./measure-rules";

/** The individual special security regime as the demo defines it (apps/api seed/reference.ts). */
const regime: MeasureTypeRules = {
  impose: [
    { agencyKind: "PRISON", role: "DIRECTOR", maxMonths: 1 },
    { agencyKind: "DG_EPI", role: "DIRECTOR", maxMonths: 2 },
  ],
  prolong: [{ agencyKind: "DG_EPI", role: "DIRECTOR", maxMonths: 2 }],
  reviewWithinMonths: 1,
  evaluations: [{ agencyKind: "PSYCHOSOCIAL_SERVICE", role: "PSYCHOLOGIST", everyDays: 30 }],
};
const director = { agencyKind: "PRISON", roles: ["DIRECTOR"] } as const;
const directorGeneral = { agencyKind: "DG_EPI", roles: ["DIRECTOR"] } as const;
const officer = { agencyKind: "PRISON", roles: ["OFFICER"] } as const;
const psychologist = { agencyKind: "PSYCHOSOCIAL_SERVICE", roles: ["PSYCHOLOGIST"] } as const;

describe("a measure type's rules, read for a decider", () => {
  it("give the same allowances as the domain", () => {
    for (const decider of [director, directorGeneral, officer, psychologist]) {
      expect(allowanceFor(regime.impose, decider)).toBe(allowanceOf(regime.impose, decider));
      expect(allowanceFor(regime.prolong, decider)).toBe(allowanceOf(regime.prolong, decider));
    }
    expect(allowanceFor(regime.impose, { agencyKind: "DG_EPI", roles: ["ANALYST", "DIRECTOR"] })).toBe(2);
  });

  it("say who may impose, prolong, review and evaluate", () => {
    expect(mayImpose(regime, director)).toBe(true);
    expect(mayProlong(regime, director)).toBe(false);
    expect(mayReview(regime, director)).toBe(true);
    expect(mayProlong(regime, directorGeneral)).toBe(true);
    expect(mayReview(regime, officer)).toBe(false);
    expect(evaluatedBy(regime, psychologist)).toBe(true);
    expect(evaluatedBy(regime, director)).toBe(false);
  });

  it("check a term like the domain does (pass or fail, and which field)", () => {
    const from = "2026-01-31";
    const days = [-1, 0, 1, 14, 27, 28, 29, 30, 31, 45, 58, 59, 60, 61, 90];
    for (const decider of [director, directorGeneral]) {
      const maxMonths = allowanceFor(regime.impose, decider) as number;
      for (const endOffset of days)
        for (const reviewOffset of days) {
          const term = { from, until: addDaysIso(from, endOffset), reviewOn: addDaysIso(from, reviewOffset) };
          const ours = termIssues(regime, maxMonths, term).map((i) => i.field);
          const domain = checkMeasureTerm(regime, decider, { kind: "IMPOSE", ...term }).map((i) => i.field);
          expect(ours, JSON.stringify({ decider, term })).toEqual(domain);
        }
    }
  });

  it("say what is wrong with a term, with the dates to quote", () => {
    expect(
      termIssues(regime, 1, { from: "2026-03-10", until: "2026-03-10", reviewOn: "2026-03-11" }),
    ).toEqual([
      { field: "endsOn", key: "afterDate", date: "2026-03-10" },
      // The end is exclusive: the review falls before the day the measure lapses.
      { field: "nextReviewOn", key: "notAfter", date: "2026-03-09" },
    ]);
    expect(
      termIssues(regime, 1, { from: "2026-03-10", until: "2026-05-10", reviewOn: "2026-04-20" }),
    ).toEqual([
      { field: "endsOn", key: "untilAtMost", months: 1, date: "2026-04-10" },
      { field: "nextReviewOn", key: "reviewWithin", months: 1, date: "2026-04-10" },
    ]);
    // A date not yet entered is not checked (the form says "required" itself).
    expect(termIssues(regime, 1, { from: "2026-03-10", until: "", reviewOn: "" })).toEqual([]);
  });

  it("propose a term the rules accept, with the review before it lapses", () => {
    for (const [from, months] of [
      ["2026-01-31", 1],
      ["2026-01-31", 2],
      ["2026-02-28", 1],
      ["2026-12-15", 2],
    ] as const) {
      const term = defaultTerm(regime, from, months);
      expect(term.endsOn > from).toBe(true);
      expect(term.nextReviewOn < term.endsOn).toBe(true);
      expect(termIssues(regime, months, { from, until: term.endsOn, reviewOn: term.nextReviewOn })).toEqual(
        [],
      );
    }
    expect(defaultTerm(regime, "2026-03-10", 2)).toEqual({
      endsOn: "2026-05-10",
      nextReviewOn: "2026-04-10",
    });
    expect(defaultTerm(regime, "2026-03-10", 1)).toEqual({
      endsOn: "2026-04-10",
      nextReviewOn: "2026-04-09",
    });
  });

  it("compare calendar days as strings", () => {
    expect(earlierDay("2026-01-09", "2026-01-10")).toBe("2026-01-09");
    expect(earlierDay("2026-02-01", "2026-01-31")).toBe("2026-01-31");
  });
});
