import { describe, expect, it } from "vitest";
import { importsHref, parseImportsState } from "./imports-state";

describe("imports URL state", () => {
  it("reads the job to show, and writes it back", () => {
    const state = parseImportsState({ job: "SW1wb3J0Sm9iOjAxOTM" });
    expect(state).toEqual({ jobId: "SW1wb3J0Sm9iOjAxOTM" });
    expect(importsHref(state)).toBe("/imports?job=SW1wb3J0Sm9iOjAxOTM");
    expect(importsHref(state, "/fr/imports")).toBe("/fr/imports?job=SW1wb3J0Sm9iOjAxOTM");
  });
  it("drops what is not an ID", () => {
    expect(parseImportsState({ job: "<script>" })).toEqual({ jobId: null });
    expect(parseImportsState(new URLSearchParams(""))).toEqual({ jobId: null });
    expect(importsHref({ jobId: null })).toBe("/imports");
  });
});
