import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDaysToDate,
  addMonthsToDate,
  ageOn,
  daysBetween,
  isIsoDate,
  isoDateSchema,
  todayIso,
} from "../dates.js";

describe("ISO dates", () => {
  it("accepts real calendar dates only", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2023-02-29")).toBe(false);
    expect(isIsoDate("2024-13-01")).toBe(false);
    expect(isIsoDate("24-01-01")).toBe(false);
    expect(isoDateSchema.safeParse("2024-04-31").success).toBe(false);
  });

  it("adds days and months in UTC, whatever the machine's time zone", () => {
    expect(addDaysToDate("2024-03-30", 2)).toBe("2024-04-01");
    expect(addMonthsToDate("2024-01-31", 1)).toBe("2024-02-29");
    expect(daysBetween("2024-01-01", "2025-01-01")).toBe(366);
  });

  it("counts age in full years", () => {
    expect(ageOn("1990-06-15", "2020-06-14")).toBe(29);
    expect(ageOn("1990-06-15", "2020-06-15")).toBe(30);
  });

  it("adding n days then counting them gives n back (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -5000, max: 5000 }), (n) => {
        expect(daysBetween("2020-01-01", addDaysToDate("2020-01-01", n))).toBe(n);
      }),
    );
  });
});

describe("today", () => {
  it("is the calendar day in Belgium, which starts an hour (two in summer) before UTC's", () => {
    expect(todayIso(new Date("2026-11-27T12:00:00Z"))).toBe("2026-11-27");
    expect(todayIso(new Date("2026-11-27T23:30:00Z"))).toBe("2026-11-28");
    expect(todayIso(new Date("2026-06-30T22:30:00Z"))).toBe("2026-07-01");
    expect(todayIso(new Date("2026-06-30T21:30:00Z"))).toBe("2026-06-30");
  });
});
