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
  protectTable,
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

  it("hides 1 to 4 as <5, and one more cell when a single one is hidden", () => {
    const result = protectTable([plain(160), plain(3), plain(0), plain(40)], plain(203));
    expect(result.cells).toEqual(["NONE", "SMALL_COUNT", "NONE", "REVEALS_SMALL_COUNT"]);
    expect(result.total).toBe("NONE");
    expect(displayOf(3, "SMALL_COUNT")).toBe("<5");
    expect(displayOf(40, "REVEALS_SMALL_COUNT")).toBe("x");
    expect(displayOf(0, "NONE")).toBe("0");
  });

  it("hides the total when no other cell can hide the single small one", () => {
    expect(protectTable([plain(9), plain(0)], plain(9))).toEqual({ cells: ["NONE", "NONE"], total: "NONE" });
    expect(protectTable([{ count: 9, complements: [2] }, plain(0)], { count: 9, complements: [6] })).toEqual({
      cells: ["REVEALS_SMALL_COUNT", "NONE"],
      total: "REVEALS_SMALL_COUNT",
    });
  });

  // A population of persons with two attributes; a statistician asks the figure by `a`, with and
  // without the filter `b = 0`. Whatever the population, no pair of shown numbers from the two
  // questions, nor a total minus the shown cells, gives a count from 1 to 4.
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
    const protection = protectTable(cells, total);
    const shown = (value: number, suppression: string) => (suppression === "NONE" ? value : null);
    return {
      cells: cells.map((c, i) => shown(c.count, protection.cells[i] as string)),
      total: shown(total.count, protection.total),
    };
  }

  it("shows no small count, alone or as the difference of two questions differing by one filter", () => {
    fc.assert(
      fc.property(population, (persons) => {
        const all = ask(persons, false);
        const some = ask(persons, true);
        for (const figure of [all, some]) {
          for (const value of [...figure.cells, figure.total])
            if (value !== null) expect(isSmallCount(value)).toBe(false);
          const hidden = figure.cells.filter((c) => c === null).length;
          if (figure.total !== null && hidden > 0) {
            const rest = figure.total - figure.cells.reduce<number>((sum, c) => sum + (c ?? 0), 0);
            if (hidden === 1) expect(isSmallCount(rest)).toBe(false);
          }
        }
        const pairs = [
          ...all.cells.map((c, i) => [c, some.cells[i]] as const),
          [all.total, some.total] as const,
        ];
        for (const [whole, part] of pairs)
          if (whole !== null && part !== null) expect(isSmallCount(whole - part)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});
