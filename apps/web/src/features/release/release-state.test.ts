import { describe, expect, it } from "vitest";
import { latestBreach } from "./release-rules";
import {
  calendarHref,
  calendarVariables,
  calendarWindow,
  conditionsHref,
  parseCalendar,
  parseConditions,
} from "./release-state";

describe("the release calendar's URL", () => {
  it("defaults to twelve months from today, everything else unset", () => {
    const state = parseCalendar({});
    expect(state).toEqual({
      months: 12,
      from: null,
      establishmentId: null,
      district: null,
      category: null,
      trail: [],
    });
    expect(calendarHref("/releases", state)).toBe("/releases");
  });
  it("reads and writes every filter, dropping what is unknown", () => {
    const state = parseCalendar({
      months: "3",
      from: "2025-07-01",
      establishment: "RXN0YWI6MQ",
      district: "liege",
      category: "b",
      after: ["c1", "c2"],
    });
    expect(state).toMatchObject({ months: 3, from: "2025-07-01", district: "LIEGE", category: "B" });
    expect(calendarHref("/releases", state)).toBe(
      "/releases?months=3&from=2025-07-01&establishment=RXN0YWI6MQ&district=LIEGE&category=B&after=c1&after=c2",
    );
    expect(calendarVariables(state)).toMatchObject({
      months: 3,
      judicialDistrict: "LIEGE",
      after: "c2",
      first: 25,
    });
    expect(
      parseCalendar({
        months: "7",
        from: "2025-02-30",
        district: "PARIS",
        category: "Z",
        establishment: "<x>",
      }),
    ).toEqual(parseCalendar({}));
  });
  it("says where a page sits", () => {
    expect(calendarWindow([], 25)).toEqual({ page: 1, from: 1, to: 25 });
    expect(calendarWindow(["a"], 3)).toEqual({ page: 2, from: 26, to: 28 });
  });
});

describe("the supervised conditions' URL", () => {
  it("keeps a valid day only", () => {
    expect(parseConditions({ on: "2025-06-01" })).toEqual({ on: "2025-06-01" });
    expect(parseConditions({ on: "yesterday" })).toEqual({ on: null });
    expect(conditionsHref("/conditions", { on: null })).toBe("/conditions");
    expect(conditionsHref("/conditions", { on: "2025-06-01" })).toBe("/conditions?on=2025-06-01");
  });
  it("finds the latest breach", () => {
    expect(latestBreach([{ occurredOn: "2025-01-02" }, { occurredOn: "2025-03-01" }])?.occurredOn).toBe(
      "2025-03-01",
    );
    expect(latestBreach([])).toBeNull();
  });
});
