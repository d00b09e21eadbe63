import { AgencyKind, mayPerform, Role } from "@continuum/domain";
import { describe, expect, it } from "vitest";
import { allows, capabilitiesOf, caseFormsFor, PORTAL_ACTION_RULES, type PortalAction } from "./capabilities";

const none = { places: [], dataClasses: [] };
const celexAccess = [
  {
    places: ["ANY"],
    dataClasses: ["IDENTITY", "DETENTION", "LISTING", "OBSERVATIONS", "INTELLIGENCE", "CLINICAL"],
  },
  { places: ["ANY"], dataClasses: ["IDENTITY", "LISTING", "OBSERVATIONS"] },
  { ...none },
] as const;
const prisonAccess = [
  { places: ["OWN_ESTABLISHMENT"], dataClasses: ["IDENTITY", "DETENTION", "LISTING", "OBSERVATIONS"] },
  { ...none },
  { ...none },
] as const;
const psdAccess = [
  {
    places: ["OWN_ESTABLISHMENT"],
    dataClasses: ["IDENTITY", "DETENTION", "LISTING", "OBSERVATIONS", "CLINICAL"],
  },
  { ...none },
  { ...none },
] as const;

const user = (kind: string, ...roles: string[]) => ({ roles, agency: { kind } });

describe("the portal's action rules", () => {
  it("match the domain's mayPerform for every agency kind and role", () => {
    for (const action of Object.keys(PORTAL_ACTION_RULES) as PortalAction[])
      for (const agencyKind of Object.values(AgencyKind))
        for (const role of Object.values(Role))
          expect(allows(user(agencyKind, role), action), `${action} ${agencyKind} ${role}`).toBe(
            mayPerform({ agencyKind, roles: [role] }, action),
          );
  });
});

describe("capabilities", () => {
  it("give CelEx analysts the screening queue and the report feed", () => {
    expect([...capabilitiesOf({ caseAccess: celexAccess, user: user("CELEX", "ANALYST") })].sort()).toEqual([
      "fileReports",
      "readReportFeed",
      "screen",
    ]);
    // A CelEx statistician sees no case: nothing to record.
    expect(capabilitiesOf({ caseAccess: [none, none, none], user: user("CELEX", "STATISTICIAN") }).size).toBe(
      0,
    );
  });

  it("give the psychosocial service its reassessments, and prison staff reports only", () => {
    expect(
      [
        ...capabilitiesOf({ caseAccess: psdAccess, user: user("PSYCHOSOCIAL_SERVICE", "PSYCHOLOGIST") }),
      ].sort(),
    ).toEqual(["assess", "fileReports"]);
    expect([...capabilitiesOf({ caseAccess: prisonAccess, user: user("PRISON", "OFFICER") })]).toEqual([
      "fileReports",
    ]);
    expect(capabilitiesOf({ caseAccess: prisonAccess }).size).toBe(0);
  });
});

describe("the forms of a case file", () => {
  const celex = capabilitiesOf({ caseAccess: celexAccess, user: user("CELEX", "ANALYST") });
  const access = (level: "FULL" | "READ", breakGlass = false) => ({
    breakGlass,
    classes: [
      { dataClass: "LISTING" as const, level },
      { dataClass: "CLINICAL" as const, level: "SUMMARY" as const },
    ],
  });

  it("need FULL access to the class the form feeds", () => {
    expect(caseFormsFor(celex, access("FULL"))).toEqual({ screening: true, report: true, assessment: false });
    // A released person: CelEx consults only.
    expect(caseFormsFor(celex, access("READ")).screening).toBe(false);
  });

  it("are all closed under break-the-glass", () => {
    expect(caseFormsFor(celex, access("FULL", true))).toEqual({
      screening: false,
      report: false,
      assessment: false,
    });
  });

  it("let the psychosocial service assess where it feeds clinical data", () => {
    const psd = capabilitiesOf({ caseAccess: psdAccess, user: user("PSYCHOSOCIAL_SERVICE", "PSYCHOLOGIST") });
    const clinical = {
      breakGlass: false,
      classes: [{ dataClass: "CLINICAL" as const, level: "FULL" as const }],
    };
    expect(caseFormsFor(psd, clinical)).toEqual({ screening: false, report: true, assessment: true });
  });
});
