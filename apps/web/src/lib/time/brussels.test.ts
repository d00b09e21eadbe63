import { describe, expect, it } from "vitest";
import { brusselsEndOfDay, brusselsMidnight, isCalendarDay, nextDay } from "./brussels";

describe("Belgian calendar days", () => {
  it("start at midnight Brussels time, summer and winter", () => {
    expect(brusselsMidnight("2026-01-15")).toBe("2026-01-14T23:00:00.000Z");
    expect(brusselsMidnight("2026-03-29")).toBe("2026-03-28T23:00:00.000Z");
    expect(brusselsMidnight("2026-03-30")).toBe("2026-03-29T22:00:00.000Z");
  });
  it("end one second before the next day", () => {
    expect(brusselsEndOfDay("2027-02-25")).toBe("2027-02-25T22:59:59.000Z");
    expect(brusselsEndOfDay("2026-07-31")).toBe("2026-07-31T21:59:59.000Z");
  });
  it("are real days only", () => {
    expect(isCalendarDay("2024-02-29")).toBe(true);
    expect(isCalendarDay("2026-02-29")).toBe(false);
    expect(isCalendarDay("26-02-01")).toBe(false);
    expect(nextDay("2026-12-31")).toBe("2027-01-01");
  });
});
