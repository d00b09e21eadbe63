import { describe, expect, it } from "vitest";
import {
  defaultFrom,
  dradexUnits,
  fill,
  occupancyHref,
  parseOccupancy,
  pointCount,
  seriesSummary,
} from "./occupancy";

const TODAY = "2026-11-27";

describe("the D-Rad:Ex page", () => {
  it("shows a year of months up to today by default", () => {
    expect(defaultFrom(TODAY)).toBe("2025-12-01");
    expect(parseOccupancy({}, TODAY)).toEqual({ from: "2025-12-01", to: TODAY, every: "MONTH", on: null });
    expect(occupancyHref("/dradex", parseOccupancy({}, TODAY), TODAY)).toBe("/dradex");
  });

  it("counts the points the API would sample, and refuses periods it would refuse", () => {
    expect(pointCount("2025-12-01", TODAY, "MONTH")).toBe(12);
    expect(pointCount("2026-01-01", "2026-01-31", "DAY")).toBe(31);
    expect(pointCount("2026-01-01", "2026-01-31", "WEEK")).toBe(5);
    expect(pointCount("2026-02-01", "2026-01-01", "DAY")).toBe(0);
    // Too many days, backwards, or in the future: back to the default.
    expect(parseOccupancy({ from: "2020-01-01", to: "2026-01-01", every: "DAY" }, TODAY).every).toBe("MONTH");
    expect(parseOccupancy({ from: "2026-03-01", to: "2026-01-01" }, TODAY).from).toBe("2025-12-01");
    expect(parseOccupancy({ from: "2026-01-01", to: "2027-01-01" }, TODAY).to).toBe(TODAY);
    const weekly = parseOccupancy(
      { from: "2018-01-01", to: "2020-02-01", every: "WEEK", on: "2020-02-01" },
      TODAY,
    );
    expect(weekly).toEqual({ from: "2018-01-01", to: "2020-02-01", every: "WEEK", on: "2020-02-01" });
    expect(occupancyHref("/dradex", weekly, TODAY)).toBe(
      "/dradex?from=2018-01-01&to=2020-02-01&every=WEEK&on=2020-02-01",
    );
  });

  it("keeps the D-Rad:Ex units, with their establishment", () => {
    const establishments = [
      { code: "HAS", units: [{ kind: "ORDINARY" as const }, { kind: "DRADEX" as const, code: "HAS-DRX" }] },
      { code: "BRU", units: [{ kind: "ORDINARY" as const }] },
      { code: "ITT", units: [{ kind: "DRADEX" as const, code: "ITT-DRX" }] },
    ];
    expect(dradexUnits(establishments).map((u) => `${u.establishment.code}/${u.unit.kind}`)).toEqual([
      "HAS/DRADEX",
      "ITT/DRADEX",
    ]);
  });

  it("says how full a unit is, and the peak of a series", () => {
    expect(fill({ occupied: 12, capacity: 20 })).toEqual({ free: 8, percent: 60 });
    expect(fill({ occupied: 21, capacity: 20 })).toEqual({ free: 0, percent: 105 });
    expect(fill({ occupied: 3, capacity: null })).toEqual({ free: null, percent: null });
    const points = [
      { on: "2026-01-01", occupied: 7 },
      { on: "2026-02-01", occupied: 12 },
      { on: "2026-03-01", occupied: 12 },
      { on: "2026-04-01", occupied: 9 },
    ];
    expect(seriesSummary(points)).toEqual({ peak: points[1], latest: points[3] });
    expect(seriesSummary([])).toEqual({ peak: null, latest: null });
  });
});
