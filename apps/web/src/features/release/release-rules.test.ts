import { describe, expect, it } from "vitest";
import {
  currentResidence,
  overridesOf,
  releaseFormsFor,
  releaseReads,
  splitConditions,
} from "./release-rules";

const access = (stage: string, classes: Record<string, string>, breakGlass = false) => ({
  stage,
  breakGlass,
  classes: Object.entries(classes).map(([dataClass, level]) => ({ dataClass, level })) as never,
});

describe("the release forms", () => {
  const prison = access("IN_PRISON", { DETENTION: "FULL", RELEASE: "FULL" });
  it("prepare and release a detained person, each by its action and FULL access", () => {
    expect(
      releaseFormsFor({ caseActions: ["RELEASE_PREPARE"] }, { access: prison, detained: true, asOf: null }),
    ).toEqual({ prepare: true, release: false, supervise: false, handOver: false });
    expect(
      releaseFormsFor({ caseActions: ["DETENTION_RECORD"] }, { access: prison, detained: true, asOf: null })
        .release,
    ).toBe(true);
    const readOnly = access("IN_PRISON", { DETENTION: "FULL", RELEASE: "READ" });
    expect(
      releaseFormsFor(
        { caseActions: ["DETENTION_RECORD", "RELEASE_PREPARE"] },
        { access: readOnly, detained: true, asOf: null },
      ),
    ).toEqual({ prepare: false, release: false, supervise: false, handOver: false });
  });
  it("supervise and hand over a released person", () => {
    const released = access("RELEASED", { RELEASE: "FULL", FOLLOW_UP: "FULL" });
    expect(
      releaseFormsFor(
        { caseActions: ["CONDITION_SUPERVISE", "HAND_OVER", "RELEASE_PREPARE"] },
        { access: released, detained: false, asOf: null },
      ),
    ).toEqual({ prepare: false, release: false, supervise: true, handOver: true });
  });
  it("offer nothing under break-the-glass or on a past day", () => {
    const all = { caseActions: ["RELEASE_PREPARE", "DETENTION_RECORD"] as const };
    expect(
      Object.values(releaseFormsFor(all, { access: prison, detained: true, asOf: "2025-01-01" })),
    ).not.toContain(true);
    const glass = access("IN_PRISON", { DETENTION: "FULL", RELEASE: "FULL" }, true);
    expect(Object.values(releaseFormsFor(all, { access: glass, detained: true, asOf: null }))).not.toContain(
      true,
    );
  });
});

describe("what is read", () => {
  it("reads the episodes with DETENTION and RELEASE, the conditions with RELEASE alone", () => {
    expect(releaseReads(access("RELEASED", { RELEASE: "READ" }))).toEqual({
      episodes: false,
      conditions: true,
    });
    expect(releaseReads(access("IN_PRISON", { RELEASE: "READ", DETENTION: "READ" }))).toEqual({
      episodes: true,
      conditions: true,
    });
    expect(releaseReads(access("IN_PRISON", { DETENTION: "FULL" }))).toEqual({
      episodes: false,
      conditions: false,
    });
  });
});

describe("helpers", () => {
  it("split conditions, pick overrides of a kind and the current residence", () => {
    const split = splitConditions([{ status: "PROPOSED" }, { status: "ACTIVE" }, { status: "WITHDRAWN" }]);
    expect([split.proposed.length, split.active.length, split.past.length]).toEqual([1, 1, 1]);
    expect(
      overridesOf(
        [{ kind: "END_OF_SENTENCE" }, { kind: "CONDITIONAL_RELEASE_ELIGIBILITY" }],
        "END_OF_SENTENCE",
      ),
    ).toHaveLength(1);
    expect(currentResidence([{ validFrom: "2024-01-01" }, { validFrom: "2025-01-01" }])?.validFrom).toBe(
      "2025-01-01",
    );
    expect(currentResidence(null)).toBeNull();
  });
});
