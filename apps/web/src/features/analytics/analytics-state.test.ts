import { describe, expect, it } from "vitest";
import {
  analyticsHref,
  defaultState,
  drillDownHref,
  MAX_PERIODS,
  PERSONS_PAGE_SIZE,
  parseAnalyticsState,
  parseDrillDown,
  periodCount,
  personsWindow,
} from "./analytics-state";

const today = "2026-11-27";

describe("the dashboard's URL", () => {
  it("defaults to today and ten calendar years by year", () => {
    expect(defaultState(today)).toEqual({ on: today, from: "2017-01-01", to: today, interval: "YEAR" });
    expect(parseAnalyticsState({}, today)).toEqual({ state: defaultState(today), adjusted: false });
  });

  it("reads the day, the range and the step", () => {
    const { state, adjusted } = parseAnalyticsState(
      { on: "2020-02-01", from: "2019-01-01", to: "2020-12-31", interval: "QUARTER" },
      today,
    );
    expect(state).toEqual({ on: "2020-02-01", from: "2019-01-01", to: "2020-12-31", interval: "QUARTER" });
    expect(adjusted).toBe(false);
  });

  it("treats empty fields as not given", () => {
    expect(parseAnalyticsState({ on: "", from: "", to: "", interval: "" }, today)).toEqual({
      state: defaultState(today),
      adjusted: false,
    });
  });

  it("drops what it cannot use, and says so", () => {
    expect(parseAnalyticsState({ on: "2020-02-30" }, today)).toEqual({
      state: defaultState(today),
      adjusted: true,
    });
    expect(parseAnalyticsState({ on: "1999-12-31" }, today).adjusted).toBe(true);
    expect(parseAnalyticsState({ interval: "WEEK" }, today)).toEqual({
      state: defaultState(today),
      adjusted: true,
    });
    // A day after today is today's figures.
    expect(parseAnalyticsState({ on: "2027-01-01" }, today)).toEqual({
      state: { ...defaultState(today), on: today },
      adjusted: true,
    });
    // An end before the start: the default range.
    const backwards = parseAnalyticsState({ from: "2020-01-01", to: "2019-01-01" }, today);
    expect(backwards.state.from).toBe("2017-01-01");
    expect(backwards.state.to).toBe(today);
    expect(backwards.adjusted).toBe(true);
  });

  it("takes a longer step when the range has too many periods for the API", () => {
    expect(periodCount("2000-01-01", "2019-12-31", "MONTH")).toBe(MAX_PERIODS);
    expect(parseAnalyticsState({ from: "2000-01-01", to: "2019-12-31", interval: "MONTH" }, today)).toEqual({
      state: { on: today, from: "2000-01-01", to: "2019-12-31", interval: "MONTH" },
      adjusted: false,
    });
    expect(parseAnalyticsState({ from: "2000-01-01", to: "2020-01-01", interval: "MONTH" }, today)).toEqual({
      state: { on: today, from: "2000-01-01", to: "2020-01-01", interval: "QUARTER" },
      adjusted: true,
    });
  });

  it("counts the calendar periods that hold a range", () => {
    expect(periodCount("2019-01-15", "2019-01-20", "MONTH")).toBe(1);
    expect(periodCount("2019-01-31", "2019-02-01", "MONTH")).toBe(2);
    expect(periodCount("2019-03-31", "2019-04-01", "QUARTER")).toBe(2);
    expect(periodCount("2017-01-01", today, "YEAR")).toBe(10);
    expect(periodCount("2020-01-01", "2019-01-01", "YEAR")).toBe(0);
  });

  it("writes only what differs from the defaults", () => {
    expect(analyticsHref("/analytics", defaultState(today), today)).toBe("/analytics");
    expect(
      analyticsHref(
        "/en/analytics",
        { on: "2020-02-01", from: "2019-01-01", to: today, interval: "MONTH" },
        today,
      ),
    ).toBe("/en/analytics?on=2020-02-01&from=2019-01-01&to=2026-11-27&interval=MONTH");
  });

  it("reads back what it writes", () => {
    const state = { on: "2020-02-01", from: "2015-01-01", to: "2020-12-31", interval: "QUARTER" as const };
    const url = new URL(`https://portal.example${analyticsHref("/analytics", state, today)}`);
    expect(parseAnalyticsState(url.searchParams, today)).toEqual({ state, adjusted: false });
  });
});

describe("the drill-down's URL", () => {
  it("reads a cell of a figure on a day, and writes it back", () => {
    const question = parseDrillDown(
      { figure: "LISTED_PERSONS", on: "2020-02-01", by: "CATEGORY", cell: "A" },
      today,
    );
    expect(question).toEqual({
      figure: "LISTED_PERSONS",
      on: "2020-02-01",
      by: "CATEGORY",
      cell: "A",
      trail: [],
    });
    if (question === null) throw new Error("unreachable");
    expect(drillDownHref("/en/analytics/persons", question)).toBe(
      "/en/analytics/persons?figure=LISTED_PERSONS&on=2020-02-01&by=CATEGORY&cell=A",
    );
    const next = drillDownHref("/analytics/persons", { ...question, trail: ["abc", "def"] });
    expect(parseDrillDown(new URL(`https://portal.example${next}`).searchParams, today)?.trail).toEqual([
      "abc",
      "def",
    ]);
  });

  it("takes a unit's code and the figure's total", () => {
    expect(
      parseDrillDown({ figure: "DRADEX_OCCUPANCY", on: "2020-02-01", by: "UNIT", cell: "HAS/HAS-DRX" }, today)
        ?.cell,
    ).toBe("HAS/HAS-DRX");
    expect(parseDrillDown({ figure: "LISTED_PERSONS", on: "2020-02-01" }, today)).toEqual({
      figure: "LISTED_PERSONS",
      on: "2020-02-01",
      by: null,
      cell: null,
      trail: [],
    });
  });

  it("refuses what it does not ask", () => {
    const valid = { figure: "LISTED_PERSONS", on: "2020-02-01", by: "CATEGORY", cell: "A" };
    expect(parseDrillDown({ ...valid, figure: "RELEASES" }, today)).toBeNull();
    expect(parseDrillDown({ ...valid, on: "2020-13-01" }, today)).toBeNull();
    expect(parseDrillDown({ ...valid, on: "2027-01-01" }, today)).toBeNull();
    expect(parseDrillDown({ ...valid, by: "MEASURE_TYPE" }, today)).toBeNull();
    expect(parseDrillDown({ ...valid, cell: "A' OR 1=1" }, today)).toBeNull();
    expect(parseDrillDown({ figure: "LISTED_PERSONS", on: "2020-02-01", cell: "A" }, today)).toBeNull();
  });

  it("numbers the persons of a page", () => {
    expect(personsWindow([], 0)).toEqual({ first: 0, last: 0 });
    expect(personsWindow([], 50)).toEqual({ first: 1, last: 50 });
    expect(personsWindow(["a", "b"], 7)).toEqual({
      first: 2 * PERSONS_PAGE_SIZE + 1,
      last: 2 * PERSONS_PAGE_SIZE + 7,
    });
  });
});
