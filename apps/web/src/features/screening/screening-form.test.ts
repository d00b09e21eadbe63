import { describe, expect, it } from "vitest";
import {
  checkScreeningForm,
  outcomesFor,
  type ScreeningContext,
  type ScreeningFormValues,
  screeningFieldOf,
  screeningInput,
} from "./screening-form";

const values = (overrides: Partial<ScreeningFormValues> = {}): ScreeningFormValues => ({
  screenedOn: "2026-11-27",
  outcome: "LISTED",
  category: "B",
  labels: ["ASSIMILATED"],
  sources: ["PRISON_STAFF"],
  sourceReportIds: [],
  rationale: "Observed attempts to recruit.",
  nextDueOn: "",
  ...overrides,
});
const unlisted: ScreeningContext = { today: "2026-11-27", listing: null, admittedOn: "2025-01-10" };
const listed: ScreeningContext = { ...unlisted, listing: { category: "C", labels: ["FOREIGN_FIGHTER"] } };

const fieldsOf = (problems: { field: string; key: string }[]) => problems.map((p) => `${p.field}:${p.key}`);

describe("the screening form", () => {
  it("offers the outcomes that fit the listing", () => {
    expect(outcomesFor(false)).toEqual(["NOT_LISTED", "LISTED"]);
    expect(outcomesFor(true)).toEqual(["MAINTAINED", "CHANGED", "DELISTED"]);
  });

  it("accepts a complete screening", () => {
    expect(checkScreeningForm(values(), unlisted)).toEqual([]);
    expect(checkScreeningForm(values({ outcome: "MAINTAINED", category: null }), listed)).toEqual([]);
  });

  it("names every missing or wrong field", () => {
    const problems = checkScreeningForm(
      values({ screenedOn: "2026-11-28", outcome: null, sources: [], rationale: "  " }),
      unlisted,
    );
    expect(fieldsOf(problems)).toEqual([
      "screenedOn:notInFuture",
      "outcome:chooseOne",
      "sources:chooseAtLeastOne",
      "rationale:required",
    ]);
  });

  it("refuses an outcome that does not fit the listing, and a category missing or unchanged", () => {
    expect(fieldsOf(checkScreeningForm(values({ outcome: "MAINTAINED" }), unlisted))).toEqual([
      "outcome:chooseOne",
    ]);
    expect(fieldsOf(checkScreeningForm(values({ category: null }), unlisted))).toEqual([
      "category:chooseOne",
    ]);
    expect(
      fieldsOf(
        checkScreeningForm(
          values({ outcome: "CHANGED", category: "C", labels: ["FOREIGN_FIGHTER"] }),
          listed,
        ),
      ),
    ).toEqual(["category:unchanged"]);
  });

  it("checks the dates against the admission and the two-month rule", () => {
    expect(fieldsOf(checkScreeningForm(values({ screenedOn: "2024-12-31" }), unlisted))).toEqual([
      "screenedOn:notBefore",
    ]);
    expect(fieldsOf(checkScreeningForm(values({ nextDueOn: "2026-11-27" }), unlisted))).toEqual([
      "nextDueOn:afterDate",
    ]);
    expect(fieldsOf(checkScreeningForm(values({ nextDueOn: "2027-01-28" }), unlisted))).toEqual([
      "nextDueOn:atMostMonthsAfter",
    ]);
    expect(checkScreeningForm(values({ nextDueOn: "2027-01-27" }), unlisted)).toEqual([]);
  });

  it("sends a category and labels only with the outcomes that decide them", () => {
    expect(screeningInput("P1", values({ nextDueOn: "2027-01-01", sourceReportIds: ["R1"] }))).toEqual({
      personId: "P1",
      screenedOn: "2026-11-27",
      outcome: "LISTED",
      category: "B",
      labels: ["ASSIMILATED"],
      sources: ["PRISON_STAFF"],
      sourceReportIds: ["R1"],
      rationale: "Observed attempts to recruit.",
      nextDueOn: "2027-01-01",
    });
    const delisted = screeningInput("P1", values({ outcome: "DELISTED" }));
    expect(delisted.category).toBeNull();
    expect(delisted.labels).toEqual([]);
    expect(delisted.nextDueOn).toBeNull();
  });

  it("maps the API's paths onto its fields", () => {
    expect(screeningFieldOf("labels.1")).toBe("labels");
    expect(screeningFieldOf("sourceReportIds.0")).toBe("sourceReportIds");
    expect(screeningFieldOf("personId")).toBeNull();
  });
});
