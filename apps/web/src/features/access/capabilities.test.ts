import { describe, expect, it } from "vitest";
import { capabilitiesOf, caseFormsFor } from "./capabilities";

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
// What the API's viewer.caseActions answers for these accounts.
const CELEX_ACTIONS = ["PERSON_REGISTER", "DETENTION_RECORD", "SCREENING_RECORD", "REPORT_FILE"] as const;
const PSD_ACTIONS = ["REPORT_FILE", "ASSESSMENT_RECORD"] as const;
const PRISON_ACTIONS = ["PERSON_REGISTER", "DETENTION_RECORD", "REPORT_FILE"] as const;

describe("capabilities", () => {
  it("give CelEx analysts the screening queue and the report feed", () => {
    expect(
      [
        ...capabilitiesOf({
          caseAccess: celexAccess,
          caseActions: CELEX_ACTIONS,
          user: user("CELEX", "ANALYST"),
        }),
      ].sort(),
    ).toEqual(["fileReports", "readReportFeed", "screen"]);
    // A CelEx statistician sees no case: nothing to record.
    expect(capabilitiesOf({ caseAccess: [none, none, none], user: user("CELEX", "STATISTICIAN") }).size).toBe(
      0,
    );
  });

  it("give the psychosocial service its reassessments, and prison staff reports only", () => {
    expect(
      [
        ...capabilitiesOf({
          caseAccess: psdAccess,
          caseActions: PSD_ACTIONS,
          user: user("PSYCHOSOCIAL_SERVICE", "PSYCHOLOGIST"),
        }),
      ].sort(),
    ).toEqual(["assess", "fileReports"]);
    expect([
      ...capabilitiesOf({
        caseAccess: prisonAccess,
        caseActions: PRISON_ACTIONS,
        user: user("PRISON", "OFFICER"),
      }),
    ]).toEqual(["fileReports"]);
    expect(capabilitiesOf({ caseAccess: prisonAccess }).size).toBe(0);
    // Without the actions the API grants, a CelEx account keeps no queue.
    expect(
      capabilitiesOf({ caseAccess: celexAccess, caseActions: [], user: user("CELEX", "ANALYST") }).size,
    ).toBe(0);
  });
});

describe("the forms of a case file", () => {
  const celex = capabilitiesOf({
    caseAccess: celexAccess,
    caseActions: CELEX_ACTIONS,
    user: user("CELEX", "ANALYST"),
  });
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
    const psd = capabilitiesOf({
      caseAccess: psdAccess,
      caseActions: PSD_ACTIONS,
      user: user("PSYCHOSOCIAL_SERVICE", "PSYCHOLOGIST"),
    });
    const clinical = {
      breakGlass: false,
      classes: [{ dataClass: "CLINICAL" as const, level: "FULL" as const }],
    };
    expect(caseFormsFor(psd, clinical)).toEqual({ screening: false, report: true, assessment: true });
  });
});
