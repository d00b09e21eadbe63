import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ageBandOf,
  analyticsScopeOf,
  displayOf,
  isSmallCount,
  nationalityGroupOf,
  periodStartOf,
  periodsBetween,
  protectCount,
  sentenceBandOf,
} from "../analytics.js";

describe("periods of a series", () => {
  it("are the calendar months, quarters or years holding from and to", () => {
    expect(periodsBetween("2020-01-15", "2020-03-01", "MONTH")).toEqual([
      { start: "2020-01-01", end: "2020-02-01" },
      { start: "2020-02-01", end: "2020-03-01" },
      { start: "2020-03-01", end: "2020-04-01" },
    ]);
    expect(periodsBetween("2019-11-30", "2020-02-01", "QUARTER")?.map((p) => p.start)).toEqual([
      "2019-10-01",
      "2020-01-01",
    ]);
    expect(periodsBetween("2015-06-01", "2020-02-29", "YEAR")).toHaveLength(6);
    expect(periodStartOf("2020-12-31", "QUARTER")).toBe("2020-10-01");
  });

  it("refuses a range that ends before it starts or holds too many periods", () => {
    expect(periodsBetween("2020-02-01", "2020-01-01", "MONTH")).toBeNull();
    expect(periodsBetween("1990-01-01", "2020-12-31", "MONTH")).toBeNull();
    expect(periodsBetween("1990-01-01", "2009-12-31", "MONTH")).toHaveLength(240);
  });
});

describe("groups", () => {
  it("bands ages on the day counted", () => {
    expect(ageBandOf("2000-06-15", "2020-06-14")).toBe("UNDER_20");
    expect(ageBandOf("2000-06-15", "2020-06-15")).toBe("FROM_20_TO_29");
    expect(ageBandOf("1970-01-01", "2020-01-01")).toBe("FROM_50");
  });

  it("counts anyone holding Belgian nationality as Belgian, then other EU, then the rest", () => {
    expect(nationalityGroupOf(["BE", "MA"])).toBe("BELGIAN");
    expect(nationalityGroupOf(["MA", "FR"])).toBe("OTHER_EU");
    expect(nationalityGroupOf(["MA"])).toBe("NON_EU");
    expect(nationalityGroupOf([])).toBe("NON_EU");
  });

  it("bands sentences at 5 and 10 years, with no fixed term apart", () => {
    expect(sentenceBandOf(59)).toBe("UNDER_5_YEARS");
    expect(sentenceBandOf(60)).toBe("FROM_5_TO_10_YEARS");
    expect(sentenceBandOf(120)).toBe("FROM_5_TO_10_YEARS");
    expect(sentenceBandOf(121)).toBe("OVER_10_YEARS");
    expect(sentenceBandOf(null)).toBe("NO_FIXED_TERM");
  });
});

describe("who gets figures", () => {
  it("gives readers of cases their own cases, statisticians every case protected, others nothing", () => {
    expect(analyticsScopeOf({ agencyKind: "CELEX", roles: ["ANALYST"] })).toBe("VISIBLE_CASES");
    expect(analyticsScopeOf({ agencyKind: "PRISON", roles: ["OFFICER"] })).toBe("VISIBLE_CASES");
    expect(analyticsScopeOf({ agencyKind: "CELEX", roles: ["STATISTICIAN"] })).toBe("ALL_CASES_PROTECTED");
    expect(analyticsScopeOf({ agencyKind: "THREAT_ANALYSIS", roles: ["STATISTICIAN"] })).toBe(
      "ALL_CASES_PROTECTED",
    );
    expect(analyticsScopeOf({ agencyKind: "OVERSIGHT", roles: ["REVIEWER"] })).toBeNull();
    expect(analyticsScopeOf({ agencyKind: "PLATFORM", roles: ["ADMIN"] })).toBeNull();
  });
});

describe("small-count suppression", () => {
  const plain = (count: number) => ({ count, complements: [] });

  it("hides 1 to 4 as <5 and rounds the rest to a multiple of 5", () => {
    expect(protectCount(plain(3))).toEqual({ value: null, suppression: "SMALL_COUNT" });
    expect(protectCount(plain(0))).toEqual({ value: 0, suppression: "NONE" });
    expect(protectCount(plain(17))).toEqual({ value: 15, suppression: "NONE" });
    expect(protectCount(plain(18))).toEqual({ value: 20, suppression: "NONE" });
    expect(displayOf(null, "SMALL_COUNT")).toBe("<5");
    expect(displayOf(null, "REVEALS_SMALL_COUNT")).toBe("x");
    expect(displayOf(20, "NONE")).toBe("20");
  });

  it("hides a count whose complement for one filter is small, whatever its size", () => {
    expect(protectCount({ count: 140, complements: [12, 3] })).toEqual({
      value: null,
      suppression: "REVEALS_SMALL_COUNT",
    });
    expect(protectCount({ count: 140, complements: [12, 0] }).value).toBe(140);
  });

  // A population of persons with two attributes; a statistician asks the figure by `a`, with and
  // without the filter `b = 0`. Whatever the population: nothing shown is from 1 to 4, every number
  // shown is within 2 of the truth, and where both questions show a cell, the true difference
  // (what an asker subtracting exact figures would learn) is not from 1 to 4 either.
  const population = fc.array(
    fc.record({ a: fc.integer({ min: 0, max: 3 }), b: fc.integer({ min: 0, max: 2 }) }),
    {
      maxLength: 60,
    },
  );

  function ask(persons: { a: number; b: number }[], filtered: boolean) {
    const keep = (p: { b: number }) => !filtered || p.b === 0;
    const reversed = (p: { b: number }) => p.b !== 0;
    const count = (pred: (p: { a: number; b: number }) => boolean) => persons.filter(pred).length;
    const cells = [0, 1, 2, 3].map((a) => ({
      count: count((p) => p.a === a && keep(p)),
      complements: filtered ? [count((p) => p.a === a && reversed(p))] : [],
    }));
    const total = { count: count(keep), complements: filtered ? [count(reversed)] : [] };
    return [...cells, total].map((c) => ({ truth: c.count, shown: protectCount(c) }));
  }

  it("shows no small count, and no two questions differing by one filter differ by one", () => {
    fc.assert(
      fc.property(population, (persons) => {
        const all = ask(persons, false);
        const some = ask(persons, true);
        for (const { truth, shown } of [...all, ...some]) {
          if (shown.value === null) continue;
          expect(isSmallCount(shown.value)).toBe(false);
          expect(Math.abs(shown.value - truth)).toBeLessThanOrEqual(2);
        }
        all.forEach((whole, i) => {
          const part = some[i] as (typeof some)[number];
          if (whole.shown.value !== null && part.shown.value !== null)
            expect(isSmallCount(whole.truth - part.truth)).toBe(false);
        });
      }),
      { numRuns: 500 },
    );
  });
});
