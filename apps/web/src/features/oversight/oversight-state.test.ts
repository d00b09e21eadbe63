import { describe, expect, it } from "vitest";
import {
  EMPTY_OVERSIGHT,
  hasAuditFilter,
  oversightHref,
  parseOversightState,
  toAuditFilter,
} from "./oversight-state";

describe("parseOversightState", () => {
  it("reads an empty URL as no filter, first pages", () => {
    expect(parseOversightState({})).toEqual(EMPTY_OVERSIGHT);
    expect(hasAuditFilter(EMPTY_OVERSIGHT)).toBe(false);
  });
  it("reads every parameter and drops malformed ones", () => {
    const state = parseOversightState(
      new URLSearchParams(
        "person=UGVy&user=VXNl&op=read&bg=1&from=2026-03-01&to=2026-02-30&after=c1&after=c%202&gafter=g1",
      ),
    );
    expect(state).toEqual({
      personId: "UGVy",
      userId: "VXNl",
      operation: "READ",
      breakGlassOnly: true,
      from: "2026-03-01",
      to: null,
      trail: ["c1"],
      grantsTrail: ["g1"],
    });
    expect(parseOversightState({ op: "DROP TABLE", person: "<x>" })).toEqual(EMPTY_OVERSIGHT);
  });
  it("writes the same state back", () => {
    const state = parseOversightState({ person: "UGVy", bg: "1", after: ["c1", "c2"], gafter: "g1" });
    expect(oversightHref("/en/oversight", state)).toBe(
      "/en/oversight?person=UGVy&bg=1&after=c1&after=c2&gafter=g1",
    );
    expect(
      parseOversightState(new URL(`http://x${oversightHref("/en/oversight", state)}`).searchParams),
    ).toEqual(state);
  });
});

describe("toAuditFilter", () => {
  it("turns calendar days into Belgian midnights, the last day included", () => {
    expect(
      toAuditFilter({ ...EMPTY_OVERSIGHT, from: "2026-01-15", to: "2026-07-31", operation: "LOOKUP" }),
    ).toEqual({
      operation: "LOOKUP",
      from: "2026-01-14T23:00:00.000Z",
      to: "2026-07-31T22:00:00.000Z",
    });
  });
  it("sends only what is set", () => {
    expect(toAuditFilter(EMPTY_OVERSIGHT)).toEqual({});
    expect(toAuditFilter({ ...EMPTY_OVERSIGHT, breakGlassOnly: true, personId: "p", userId: "u" })).toEqual({
      breakGlass: true,
      personId: "p",
      userId: "u",
    });
  });
});
