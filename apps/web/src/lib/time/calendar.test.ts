import { addDaysToDate, addMonthsToDate, daysBetween, todayIso as domainToday } from "@continuum/domain";
import { describe, expect, it } from "vitest";
import { addDaysIso, addMonthsIso, daysBetweenIso, todayIso } from "./calendar";

describe("calendar days", () => {
  it("take today as the date in Belgium, like the API", () => {
    expect(todayIso(new Date("2026-03-29T23:30:00Z"))).toBe("2026-03-30");
    expect(todayIso(new Date("2026-03-29T21:30:00Z"))).toBe("2026-03-29");
    expect(todayIso(new Date("2026-03-29T23:30:00Z"))).toBe(domainToday(new Date("2026-03-29T23:30:00Z")));
  });

  it("add days and months as the domain does, clamping to the end of a shorter month", () => {
    const cases: [string, number][] = [
      ["2024-12-31", 2],
      ["2025-01-31", 1],
      ["2024-02-29", 12],
      ["2026-08-15", 6],
      ["2026-11-30", 3],
      ["2026-05-31", -3],
    ];
    for (const [date, months] of cases)
      expect(addMonthsIso(date, months)).toBe(addMonthsToDate(date, months));
    for (const [date, days] of [
      ["2026-12-31", 1],
      ["2024-02-28", 1],
      ["2026-03-01", -1],
    ] as const)
      expect(addDaysIso(date, days)).toBe(addDaysToDate(date, days));
  });

  it("count the days between two dates", () => {
    expect(daysBetweenIso("2026-03-28", "2026-03-30")).toBe(daysBetween("2026-03-28", "2026-03-30"));
    expect(daysBetweenIso("2026-11-27", "2026-10-27")).toBe(-31);
  });
});
