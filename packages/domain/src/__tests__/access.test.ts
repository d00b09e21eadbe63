import { describe, expect, it } from "vitest";
import { type ActorProfile, mayPerform, personScope } from "../access.js";
import { AgencyKind } from "../agency.js";

const actor = (over: Partial<ActorProfile>): ActorProfile => ({
  agencyKind: "CELEX",
  roles: ["ANALYST"],
  establishmentId: null,
  judicialDistrict: null,
  municipality: null,
  ...over,
});

describe("personScope", () => {
  it("gives CelEx every person and a prison only its own establishment", () => {
    expect(personScope(actor({}))).toEqual({ kind: "ALL" });
    expect(personScope(actor({ agencyKind: "PRISON", establishmentId: "e1" }))).toEqual({
      kind: "ESTABLISHMENT",
      establishmentId: "e1",
    });
  });

  it("fails closed when the place that defines the scope is missing", () => {
    expect(personScope(actor({ agencyKind: "PRISON" }))).toEqual({ kind: "NONE" });
    expect(personScope(actor({ agencyKind: "LOCAL_TASK_FORCE" }))).toEqual({ kind: "NONE" });
    expect(personScope(actor({ agencyKind: "LOCAL_CELL" }))).toEqual({ kind: "NONE" });
  });

  it("shows no case content to oversight, data protection or platform administrators", () => {
    for (const kind of ["OVERSIGHT", "DATA_PROTECTION", "PLATFORM"] as const) {
      expect(personScope(actor({ agencyKind: kind, roles: ["REVIEWER", "ADMIN"] }))).toEqual({
        kind: "NONE",
      });
    }
  });

  it("has a decision for every agency kind (no kind falls through by accident)", () => {
    for (const kind of Object.values(AgencyKind)) {
      expect(() => personScope(actor({ agencyKind: kind }))).not.toThrow();
    }
  });
});

describe("mayPerform", () => {
  it("lets only CelEx analysts record screenings", () => {
    expect(mayPerform(actor({}), "SCREENING_RECORD")).toBe(true);
    expect(mayPerform(actor({ agencyKind: "DG_EPI", roles: ["DIRECTOR"] }), "SCREENING_RECORD")).toBe(false);
    expect(mayPerform(actor({ roles: ["STATISTICIAN"] }), "SCREENING_RECORD")).toBe(false);
  });

  it("lets prison staff record detention but not an LCIS member", () => {
    expect(mayPerform(actor({ agencyKind: "PRISON", roles: ["OFFICER"] }), "DETENTION_RECORD")).toBe(true);
    expect(mayPerform(actor({ agencyKind: "LOCAL_CELL", roles: ["MEMBER"] }), "DETENTION_RECORD")).toBe(
      false,
    );
  });
});
