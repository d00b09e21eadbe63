import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDaysToDate, addMonthsToDate, type IsoDate } from "../dates.js";
import {
  checkScreening,
  type ScreeningRecordInput,
  screeningDueOn,
  screeningRecordSchema,
  screeningState,
} from "../screening.js";

const dateArb = fc
  .date({ min: new Date("2010-01-01T00:00:00Z"), max: new Date("2030-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10) as IsoDate);

describe("screeningDueOn", () => {
  const episode = { admittedOn: "2024-03-10", releasedOn: null };

  it("is due on the admission date before any screening", () => {
    expect(screeningDueOn(episode, [])).toBe("2024-03-10");
  });

  it("is due two months after the last screening", () => {
    expect(
      screeningDueOn(episode, [
        { screenedOn: "2024-03-12", nextDueOn: null },
        { screenedOn: "2024-05-02", nextDueOn: null },
      ]),
    ).toBe("2024-07-02");
  });

  it("takes an earlier date scheduled by the screener", () => {
    expect(screeningDueOn(episode, [{ screenedOn: "2024-03-12", nextDueOn: "2024-04-01" }])).toBe(
      "2024-04-01",
    );
  });

  it("clamps to the end of a shorter month", () => {
    expect(
      screeningDueOn({ admittedOn: "2023-12-01", releasedOn: null }, [
        { screenedOn: "2023-12-31", nextDueOn: null },
      ]),
    ).toBe("2024-02-29");
  });

  it("ignores screenings of an earlier episode: a new admission is screened again", () => {
    expect(screeningDueOn(episode, [{ screenedOn: "2023-01-05", nextDueOn: null }])).toBe("2024-03-10");
  });

  it("is not due for a released person or someone never detained", () => {
    expect(screeningDueOn({ admittedOn: "2024-03-10", releasedOn: "2024-06-01" }, [])).toBeNull();
    expect(screeningDueOn(null, [])).toBeNull();
  });

  it("is never later than two months after the last screening, nor before admission (property)", () => {
    fc.assert(
      fc.property(
        dateArb,
        fc.array(fc.tuple(fc.integer({ min: 0, max: 2000 }), fc.option(fc.integer({ min: 1, max: 61 }))), {
          maxLength: 8,
        }),
        (admittedOn, offsets) => {
          const screenings = offsets.map(([days, next]) => {
            const screenedOn = addDaysToDate(admittedOn, days);
            return { screenedOn, nextDueOn: next === null ? null : addDaysToDate(screenedOn, next) };
          });
          const due = screeningDueOn({ admittedOn, releasedOn: null }, screenings);
          expect(due).not.toBeNull();
          expect((due as string) >= admittedOn).toBe(true);
          const last = screenings
            .map((s) => s.screenedOn)
            .sort()
            .at(-1);
          if (last !== undefined) {
            expect((due as string) <= addMonthsToDate(last, 2)).toBe(true);
            expect((due as string) > last).toBe(true);
          } else {
            expect(due).toBe(admittedOn);
          }
        },
      ),
    );
  });
});

describe("screeningState", () => {
  it("orders overdue, due soon and scheduled around today", () => {
    expect(screeningState("2024-05-01", "2024-05-02")).toBe("OVERDUE");
    expect(screeningState("2024-05-02", "2024-05-02")).toBe("DUE_SOON");
    expect(screeningState("2024-05-16", "2024-05-02")).toBe("DUE_SOON");
    expect(screeningState("2024-05-17", "2024-05-02")).toBe("SCHEDULED");
    expect(screeningState(null, "2024-05-02")).toBe("NOT_APPLICABLE");
  });
});

describe("checkScreening", () => {
  const episode = { admittedOn: "2024-01-10", releasedOn: null };
  const base = (over: Partial<ScreeningRecordInput>): ScreeningRecordInput =>
    screeningRecordSchema.parse({
      screenedOn: "2024-02-01",
      outcome: "LISTED",
      category: "C",
      labels: ["FOREIGN_FIGHTER"],
      sources: ["PRISON_STAFF"],
      rationale: "Observed conduct and intelligence report.",
      ...over,
    });
  const today = "2024-03-01";

  it("accepts a first listing of an unlisted inmate", () => {
    expect(checkScreening(base({}), null, episode, today)).toEqual([]);
  });

  it("refuses to delist someone who is not listed", () => {
    expect(
      checkScreening(base({ outcome: "DELISTED", category: null, labels: [] }), null, episode, today),
    ).toEqual([{ field: "outcome", message: "the person is not listed, so cannot be delisted" }]);
  });

  it("refuses a screening in the future or before admission", () => {
    expect(checkScreening(base({ screenedOn: "2024-03-02" }), null, episode, today)[0]?.field).toBe(
      "screenedOn",
    );
    expect(checkScreening(base({ screenedOn: "2024-01-09" }), null, episode, today)).toEqual([
      { field: "screenedOn", message: "must not be before the admission date" },
    ]);
  });

  it("asks for CHANGED when a maintained listing has another category, and MAINTAINED when nothing changed", () => {
    const current = { category: "D" as const, labels: ["RADICALISED" as const] };
    expect(
      checkScreening(base({ outcome: "MAINTAINED", category: "C" }), current, episode, today)[0]?.message,
    ).toMatch(/use CHANGED/);
    expect(
      checkScreening(
        base({ outcome: "CHANGED", category: "D", labels: ["RADICALISED"] }),
        current,
        episode,
        today,
      )[0]?.message,
    ).toMatch(/use MAINTAINED/);
    expect(checkScreening(base({ outcome: "CHANGED", category: "C" }), current, episode, today)).toEqual([]);
  });

  it("requires a category to list and refuses a next date beyond two months", () => {
    expect(checkScreening(base({ category: null }), null, episode, today)).toEqual([
      { field: "category", message: "is required when the outcome is LISTED" },
    ]);
    expect(checkScreening(base({ nextDueOn: "2024-04-02" }), null, episode, today)).toEqual([
      { field: "nextDueOn", message: "must be at most 2 months after the screening date" },
    ]);
  });

  it("refuses to screen someone without a detention episode", () => {
    expect(checkScreening(base({}), null, null, today)).toEqual([
      { field: "personId", message: "the person has no detention episode to screen" },
    ]);
  });
});
