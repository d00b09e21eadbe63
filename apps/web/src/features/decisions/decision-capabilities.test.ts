import type { CaseAction, DataClass } from "@continuum/domain";
import { describe, expect, it } from "vitest";
import {
  decisionCapabilitiesOf,
  decisionFormsFor,
  decisionPagesFor,
  mayUsePage,
} from "./decision-capabilities";

const inPrison = (...dataClasses: DataClass[]) => [
  { places: ["ANY"], dataClasses },
  { places: [], dataClasses: [] },
  { places: [], dataClasses: [] },
];
// What the API's viewer answers for the demo accounts (caseActions, the IN_PRISON classes).
const accounts = {
  celex: {
    caseAccess: inPrison("IDENTITY", "MEASURES"),
    caseActions: ["RECOMMENDATION_WRITE"] as CaseAction[],
  },
  dg: {
    caseAccess: inPrison("IDENTITY", "MEASURES"),
    caseActions: ["RECOMMENDATION_DECIDE", "MEASURE_DECIDE", "NOTICE_RECORD"] as CaseAction[],
  },
  prisonDirector: {
    caseAccess: inPrison("IDENTITY", "MEASURES"),
    caseActions: ["MEASURE_DECIDE", "NOTICE_RECORD"] as CaseAction[],
  },
  prisonOfficer: {
    caseAccess: inPrison("IDENTITY", "MEASURES"),
    caseActions: ["NOTICE_RECORD"] as CaseAction[],
  },
  psychologist: {
    caseAccess: inPrison("IDENTITY", "CLINICAL", "MEASURES"),
    caseActions: ["MEASURE_EVALUATE"] as CaseAction[],
  },
  intelligence: {
    caseAccess: inPrison("IDENTITY", "INTELLIGENCE", "MEASURES"),
    caseActions: ["REPORT_FILE"] as CaseAction[],
  },
  police: { caseAccess: inPrison(), caseActions: ["REPORT_FILE"] as CaseAction[] },
};

describe("decisions and measures: who may do what", () => {
  it("need MEASURES data somewhere, then follow the actions", () => {
    expect([...decisionCapabilitiesOf(accounts.dg)].sort()).toEqual([
      "decideMeasures",
      "decideRecommendations",
      "readMeasures",
      "recordNotices",
    ]);
    expect([...decisionCapabilitiesOf(accounts.psychologist)].sort()).toEqual([
      "evaluateMeasures",
      "readMeasures",
    ]);
    // An action without the data to act on gives nothing.
    expect(
      decisionCapabilitiesOf({ caseAccess: inPrison("IDENTITY"), caseActions: ["NOTICE_RECORD"] }).size,
    ).toBe(0);
    expect(decisionCapabilitiesOf(accounts.police).size).toBe(0);
  });

  it("offer each role the pages it uses, in the navigation's order", () => {
    expect(decisionPagesFor(accounts.celex)).toEqual(["decisions", "measures", "dradex"]);
    expect(decisionPagesFor(accounts.dg)).toEqual(["decisions", "measures", "transparency", "dradex"]);
    expect(decisionPagesFor(accounts.prisonDirector)).toEqual(["measures", "transparency", "dradex"]);
    expect(decisionPagesFor(accounts.prisonOfficer)).toEqual(["measures", "transparency"]);
    expect(decisionPagesFor(accounts.psychologist)).toEqual(["measures", "transparency"]);
    expect(decisionPagesFor(accounts.intelligence)).toEqual(["measures"]);
    expect(decisionPagesFor(accounts.police)).toEqual([]);
    expect(mayUsePage(decisionCapabilitiesOf(accounts.prisonOfficer), "decisions")).toBe(false);
  });

  it("show the forms on a case fed with MEASURES, never under break-the-glass", () => {
    const full = { breakGlass: false, classes: [{ dataClass: "MEASURES" as const, level: "FULL" as const }] };
    const dg = decisionCapabilitiesOf(accounts.dg);
    expect(decisionFormsFor(dg, full, true)).toEqual({
      recommend: false,
      impose: true,
      review: true,
      notice: true,
      evaluate: false,
    });
    // A released person gets no new measure, but the notices of earlier decisions can still be recorded.
    expect(decisionFormsFor(dg, full, false)).toMatchObject({ impose: false, review: true, notice: true });
    expect(decisionFormsFor(decisionCapabilitiesOf(accounts.celex), full, true).recommend).toBe(true);
    const readOnly = {
      breakGlass: false,
      classes: [{ dataClass: "MEASURES" as const, level: "READ" as const }],
    };
    expect(Object.values(decisionFormsFor(dg, readOnly, true)).some(Boolean)).toBe(false);
    expect(Object.values(decisionFormsFor(dg, { ...full, breakGlass: true }, true)).some(Boolean)).toBe(
      false,
    );
  });
});
