import { describe, expect, it } from "vitest";
import { caseFileHref, parseCaseFileState } from "./case-file-state";

describe("the case file's URL state", () => {
  it("reads an as-of day, the report history switch and the reports' cursors", () => {
    expect(parseCaseFileState({})).toEqual({
      asOf: null,
      reportHistory: false,
      reportTrail: [],
      grantExpires: null,
    });
    expect(parseCaseFileState({ asOf: "2018-06-30", history: "1", rafter: ["c1", "c2"] })).toEqual({
      asOf: "2018-06-30",
      reportHistory: true,
      reportTrail: ["c1", "c2"],
      grantExpires: null,
    });
  });

  it("drops days that are not calendar days or too early", () => {
    expect(parseCaseFileState({ asOf: "2018-02-30" }).asOf).toBeNull();
    expect(parseCaseFileState({ asOf: "yesterday" }).asOf).toBeNull();
    expect(parseCaseFileState({ asOf: "1999-12-31" }).asOf).toBeNull();
  });

  it("keeps a fresh grant's expiry in its links", () => {
    const now = new Date("2026-11-27T10:00:00Z");
    const state = parseCaseFileState({ grantExpires: "2026-11-27T13:00:00.000Z", history: "1" }, now);
    expect(state.grantExpires).toBe("2026-11-27T13:00:00.000Z");
    expect(caseFileHref("/en/persons/P1", state)).toBe(
      "/en/persons/P1?grantExpires=2026-11-27T13%3A00%3A00.000Z&history=1",
    );
    expect(parseCaseFileState({ grantExpires: "2026-11-28T13:00:00.000Z" }, now).grantExpires).toBeNull();
  });

  it("writes links that keep the rest of the state", () => {
    const state = parseCaseFileState({ asOf: "2018-06-30", rafter: "c1" });
    expect(caseFileHref("/en/persons/P1", state, "#reports-heading")).toBe(
      "/en/persons/P1?asOf=2018-06-30&rafter=c1#reports-heading",
    );
    expect(
      caseFileHref("/en/persons/P1", { ...state, asOf: null, reportTrail: [], reportHistory: true }),
    ).toBe("/en/persons/P1?history=1");
  });
});
