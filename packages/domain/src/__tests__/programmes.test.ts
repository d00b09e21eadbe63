import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDaysToDate } from "../dates.js";
import {
  DISENGAGEMENT_LEVEL_DESCRIPTIONS,
  DisengagementLevel,
  disengagementEvaluationSchema,
  enrolmentEndAfter,
  IDEOLOGICAL_MOTIVE_DESCRIPTIONS,
  IdeologicalMotive,
  INCIDENT_KIND_DESCRIPTIONS,
  IncidentKind,
  incidentSchema,
  isFinalProgrammeStatus,
  nextProgrammeStatuses,
  PROGRAMME_COMPONENT_DESCRIPTIONS,
  PROGRAMME_STATUS_DESCRIPTIONS,
  ProgrammeComponent,
  ProgrammeStatus,
  programmeContactSchema,
  programmeStatusChangeSchema,
  servesCommunity,
} from "../programmes.js";

const STATUSES = Object.values(ProgrammeStatus);

describe("programme statuses", () => {
  it("allows exactly the changes that make sense for a voluntary programme", () => {
    expect(Object.fromEntries(STATUSES.map((s) => [s, [...nextProgrammeStatuses(s)].sort()]))).toEqual({
      OFFERED: ["ACCEPTED", "REFUSED"],
      ACCEPTED: ["ACTIVE", "DISCONTINUED"],
      REFUSED: [],
      ACTIVE: ["COMPLETED", "DISCONTINUED", "SUSPENDED"],
      SUSPENDED: ["ACTIVE", "DISCONTINUED"],
      COMPLETED: [],
      DISCONTINUED: [],
    });
  });

  it("makes refused, completed and discontinued final, and nothing else", () => {
    expect(STATUSES.filter(isFinalProgrammeStatus).sort()).toEqual(["COMPLETED", "DISCONTINUED", "REFUSED"]);
  });

  it("never goes back to an offer, never stays put, and a final status is reached from every status", () => {
    for (const s of STATUSES) {
      expect(nextProgrammeStatuses(s)).not.toContain("OFFERED");
      expect(nextProgrammeStatuses(s)).not.toContain(s);
    }
    // Every status can reach a final one (no participation is stuck for ever).
    const reachesFinal = (s: ProgrammeStatus, seen = new Set<ProgrammeStatus>()): boolean => {
      if (isFinalProgrammeStatus(s)) return true;
      seen.add(s);
      return nextProgrammeStatuses(s).some((n) => !seen.has(n) && reachesFinal(n, seen));
    };
    for (const s of STATUSES) expect(reachesFinal(s), s).toBe(true);
  });

  it("reaches every status from an offer", () => {
    const reached = new Set<ProgrammeStatus>(["OFFERED"]);
    const queue: ProgrammeStatus[] = ["OFFERED"];
    while (queue.length > 0)
      for (const n of nextProgrammeStatuses(queue.shift() as ProgrammeStatus))
        if (!reached.has(n)) {
          reached.add(n);
          queue.push(n);
        }
    expect([...reached].sort()).toEqual([...STATUSES].sort());
  });

  it("lets any walk of allowed changes end only in a final status once it stops", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 20 }), (choices) => {
        let s: ProgrammeStatus = "OFFERED";
        for (const c of choices) {
          const next = nextProgrammeStatuses(s);
          if (next.length === 0) break;
          s = next[c % next.length] as ProgrammeStatus;
        }
        return isFinalProgrammeStatus(s) === (nextProgrammeStatuses(s).length === 0);
      }),
    );
  });

  it("keeps the provider's need to know through the day of the final status", () => {
    expect(enrolmentEndAfter("2024-03-31")).toBe("2024-04-01");
    expect(enrolmentEndAfter("2024-02-28")).toBe("2024-02-29");
    expect(enrolmentEndAfter("2023-12-31")).toBe("2024-01-01");
    fc.assert(
      fc.property(
        fc.date({ min: new Date("2000-01-01"), max: new Date("2099-12-31"), noInvalidDate: true }),
        (d) => {
          const day = d.toISOString().slice(0, 10);
          const end = enrolmentEndAfter(day);
          return end > day && addDaysToDate(end, -1) === day;
        },
      ),
    );
  });

  it("describes every status, component, level, kind and motive", () => {
    expect(Object.keys(PROGRAMME_STATUS_DESCRIPTIONS).sort()).toEqual([...STATUSES].sort());
    expect(Object.keys(PROGRAMME_COMPONENT_DESCRIPTIONS).sort()).toEqual(
      Object.values(ProgrammeComponent).sort(),
    );
    expect(Object.keys(DISENGAGEMENT_LEVEL_DESCRIPTIONS).sort()).toEqual(
      Object.values(DisengagementLevel).sort(),
    );
    expect(Object.keys(INCIDENT_KIND_DESCRIPTIONS).sort()).toEqual(Object.values(IncidentKind).sort());
    expect(Object.keys(IDEOLOGICAL_MOTIVE_DESCRIPTIONS).sort()).toEqual(
      Object.values(IdeologicalMotive).sort(),
    );
  });
});

describe("providers by language community", () => {
  const caprev = { languageCommunities: ["FR", "DE"] };
  const flemish = { languageCommunities: ["NL"] };
  const unconfigured = { languageCommunities: [] };

  it("serves only the communities configured on the provider", () => {
    expect(servesCommunity(caprev, "FR")).toBe(true);
    expect(servesCommunity(caprev, "DE")).toBe(true);
    expect(servesCommunity(caprev, "NL")).toBe(false);
    expect(servesCommunity(flemish, "NL")).toBe(true);
    expect(servesCommunity(flemish, "FR")).toBe(false);
    for (const c of ["FR", "NL", "DE"] as const) expect(servesCommunity(unconfigured, c)).toBe(false);
  });
});

const issues = (result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) =>
  result.success
    ? []
    : (result.error?.issues ?? []).map((i) => ({ path: i.path.join("."), message: i.message }));

describe("input schemas", () => {
  it("takes a status change with an optional note, trimmed; a blank note is no note", () => {
    expect(
      programmeStatusChangeSchema.parse({ status: "ACCEPTED", on: "2024-03-01", note: "  yes  " }),
    ).toEqual({
      status: "ACCEPTED",
      on: "2024-03-01",
      note: "yes",
    });
    expect(
      programmeStatusChangeSchema.parse({ status: "ACCEPTED", on: "2024-03-01", note: "   " }).note,
    ).toBeNull();
    expect(
      programmeStatusChangeSchema.parse({ status: "ACCEPTED", on: "2024-03-01", note: null }).note,
    ).toBeNull();
    expect(
      issues(
        programmeStatusChangeSchema.safeParse({
          status: "ACCEPTED",
          on: "2024-03-01",
          note: "x".repeat(2001),
        }),
      ),
    ).toEqual([{ path: "note", message: "must be at most 2000 characters" }]);
    expect(
      programmeStatusChangeSchema.safeParse({ status: "WAITING", on: "2024-03-01", note: null }).success,
    ).toBe(false);
    expect(
      programmeStatusChangeSchema.safeParse({ status: "ACTIVE", on: "2024-02-30", note: null }).success,
    ).toBe(false);
  });

  it("requires a contact's components (at least one, known ones) and its note; minutes within a day's work", () => {
    const contact = {
      contactedOn: "2024-03-01",
      components: ["TRAUMA"],
      minutes: 60,
      note: "Fictional note.",
    };
    expect(programmeContactSchema.parse(contact)).toEqual(contact);
    expect(programmeContactSchema.parse({ ...contact, minutes: null }).minutes).toBeNull();
    expect(issues(programmeContactSchema.safeParse({ ...contact, components: [] }))).toEqual([
      { path: "components", message: "name at least one component worked on" },
    ]);
    expect(programmeContactSchema.safeParse({ ...contact, components: ["ASTROLOGY"] }).success).toBe(false);
    expect(issues(programmeContactSchema.safeParse({ ...contact, note: "   " }))).toEqual([
      { path: "note", message: "write the note of the contact" },
    ]);
    expect(issues(programmeContactSchema.safeParse({ ...contact, minutes: 0 }))).toEqual([
      { path: "minutes", message: "must be at least 1" },
    ]);
    expect(issues(programmeContactSchema.safeParse({ ...contact, minutes: 601 }))).toEqual([
      { path: "minutes", message: "at most 600" },
    ]);
    expect(programmeContactSchema.safeParse({ ...contact, minutes: 1.5 }).success).toBe(false);
    expect(issues(programmeContactSchema.safeParse({ ...contact, note: "x".repeat(10_001) }))).toEqual([
      { path: "note", message: "must be at most 10000 characters" },
    ]);
  });

  it("requires an evaluation's rationale and an incident's description", () => {
    expect(
      issues(
        disengagementEvaluationSchema.safeParse({
          evaluatedOn: "2024-03-01",
          level: "SOME_SIGNS",
          rationale: " ",
        }),
      ),
    ).toEqual([{ path: "rationale", message: "give the rationale" }]);
    expect(
      disengagementEvaluationSchema.parse({
        evaluatedOn: "2024-03-01",
        level: "CLEAR_SIGNS",
        rationale: " Why. ",
      }).rationale,
    ).toBe("Why.");
    expect(
      disengagementEvaluationSchema.safeParse({
        evaluatedOn: "2024-03-01",
        level: "MAYBE",
        rationale: "Why.",
      }).success,
    ).toBe(false);
    const incident = {
      occurredOn: "2024-03-01",
      kind: "ASSAULT",
      ideological: "YES",
      description: "Fictional.",
    };
    expect(incidentSchema.parse(incident)).toEqual(incident);
    expect(issues(incidentSchema.safeParse({ ...incident, description: "" }))).toEqual([
      { path: "description", message: "describe the incident" },
    ]);
    expect(issues(incidentSchema.safeParse({ ...incident, description: "x".repeat(4001) }))).toEqual([
      { path: "description", message: "must be at most 4000 characters" },
    ]);
    expect(incidentSchema.safeParse({ ...incident, ideological: "MAYBE" }).success).toBe(false);
    expect(incidentSchema.safeParse({ ...incident, kind: "RIOT" }).success).toBe(false);
  });
});
