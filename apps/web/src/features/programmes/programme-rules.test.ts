import { describe, expect, it } from "vitest";
import { programmeFormsFor, recordsParticipation, statusChoices } from "./programme-rules";

const access = (classes: Record<string, "FULL" | "READ" | "SUMMARY">, breakGlass = false) => ({
  breakGlass,
  classes: Object.entries(classes).map(([dataClass, level]) => ({ dataClass, level })) as never,
});
const viewer = (caseActions: string[], agencyId = "caprev") =>
  ({ caseActions, user: { agency: { id: agencyId } } }) as never;
const today = { detained: true, running: false, asOf: null };

describe("statusChoices: only the changes that make sense", () => {
  it("offers accepted or refused on an offer, refused being final", () => {
    expect(statusChoices("OFFERED")).toEqual([
      { status: "ACCEPTED", final: false },
      { status: "REFUSED", final: true },
    ]);
  });
  it("follows the course of a programme", () => {
    expect(statusChoices("ACCEPTED").map((c) => c.status)).toEqual(["ACTIVE", "DISCONTINUED"]);
    expect(statusChoices("ACTIVE").map((c) => c.status)).toEqual(["SUSPENDED", "COMPLETED", "DISCONTINUED"]);
    expect(statusChoices("SUSPENDED").map((c) => c.status)).toEqual(["ACTIVE", "DISCONTINUED"]);
    expect(
      statusChoices("ACTIVE")
        .filter((c) => c.final)
        .map((c) => c.status),
    ).toEqual(["COMPLETED", "DISCONTINUED"]);
  });
  it("offers nothing once ended", () => {
    for (const status of ["REFUSED", "COMPLETED", "DISCONTINUED"] as const)
      expect(statusChoices(status)).toEqual([]);
  });
});

describe("programmeFormsFor", () => {
  it("lets CelEx offer to a detained person without a running participation", () => {
    const celex = viewer(["PROGRAMME_OFFER", "SCREENING_RECORD"], "celex");
    const a = access({ LISTING: "FULL", PROGRAMME: "SUMMARY" });
    expect(programmeFormsFor(celex, a, today)).toEqual({
      offer: true,
      record: false,
      evaluate: false,
      incident: false,
    });
    expect(programmeFormsFor(celex, a, { ...today, running: true }).offer).toBe(false);
    expect(programmeFormsFor(celex, a, { ...today, detained: false }).offer).toBe(false);
    expect(programmeFormsFor(celex, access({ LISTING: "READ" }), today).offer).toBe(false);
  });
  it("needs consult-and-feed on the class each form writes", () => {
    expect(programmeFormsFor(viewer(["PROGRAMME_RECORD"]), access({ PROGRAMME: "FULL" }), today).record).toBe(
      true,
    );
    expect(
      programmeFormsFor(viewer(["PROGRAMME_RECORD"]), access({ PROGRAMME: "SUMMARY" }), today).record,
    ).toBe(false);
    expect(
      programmeFormsFor(viewer(["DISENGAGEMENT_EVALUATE"]), access({ INTELLIGENCE: "FULL" }), today).evaluate,
    ).toBe(true);
    expect(
      programmeFormsFor(viewer(["INCIDENT_RECORD"]), access({ OBSERVATIONS: "FULL" }), today).incident,
    ).toBe(true);
    expect(programmeFormsFor(viewer([]), access({ OBSERVATIONS: "FULL" }), today).incident).toBe(false);
  });
  it("offers no form under break-the-glass nor on a past day", () => {
    const all = viewer(["PROGRAMME_OFFER", "PROGRAMME_RECORD", "DISENGAGEMENT_EVALUATE", "INCIDENT_RECORD"]);
    const full = { LISTING: "FULL", PROGRAMME: "FULL", INTELLIGENCE: "FULL", OBSERVATIONS: "FULL" } as const;
    expect(Object.values(programmeFormsFor(all, access(full), today)).every(Boolean)).toBe(true);
    expect(Object.values(programmeFormsFor(all, access(full, true), today)).some(Boolean)).toBe(false);
    expect(
      Object.values(programmeFormsFor(all, access(full), { ...today, asOf: "2024-01-01" })).some(Boolean),
    ).toBe(false);
  });
  it("lets a provider record only the running participations it runs", () => {
    const forms = { offer: false, record: true, evaluate: false, incident: false };
    const provider = viewer(["PROGRAMME_RECORD"], "caprev");
    expect(recordsParticipation(provider, forms, { provider: { id: "caprev" }, endedOn: null })).toBe(true);
    expect(recordsParticipation(provider, forms, { provider: { id: "flemish" }, endedOn: null })).toBe(false);
    expect(recordsParticipation(provider, forms, { provider: { id: "caprev" }, endedOn: "2025-01-02" })).toBe(
      false,
    );
    expect(
      recordsParticipation(
        provider,
        { ...forms, record: false },
        { provider: { id: "caprev" }, endedOn: null },
      ),
    ).toBe(false);
  });
});
