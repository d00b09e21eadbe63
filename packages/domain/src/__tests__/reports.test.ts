import { describe, expect, it } from "vitest";
import { AgencyKind } from "../agency.js";
import { Classification } from "../originator-control.js";
import {
  checkReport,
  type InformationReportInput,
  informationReportSchema,
  REPORT_MAX_INDICATORS,
  reportDataClass,
} from "../reports.js";

const valid = {
  observedOn: "2024-02-01",
  title: "Yard discussion",
  body: "Fictional text.",
  sourceReliability: "B",
  informationCredibility: "2",
  classification: "UNCLASSIFIED",
  handlingCode: "SHARE_LAW_ENFORCEMENT",
};

function issues(input: Record<string, unknown>): { path: string; message: string }[] {
  const result = informationReportSchema.safeParse({ ...valid, ...input });
  return result.success
    ? []
    : result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
}

const report = (over: Partial<InformationReportInput> = {}): InformationReportInput =>
  informationReportSchema.parse({ ...valid, ...over });

describe("reportDataClass", () => {
  it("makes every classified report intelligence, whoever files it", () => {
    for (const kind of Object.values(AgencyKind))
      for (const c of ["RESTRICTED", "CONFIDENTIAL", "SECRET"] as const)
        expect(reportDataClass(c, kind), `${kind} ${c}`).toBe("INTELLIGENCE");
  });

  it("makes an unclassified report an observation, unless an intelligence service files it", () => {
    const unclassified = Object.values(AgencyKind).map((kind) => [
      kind,
      reportDataClass("UNCLASSIFIED", kind),
    ]);
    expect(unclassified.filter(([, c]) => c === "INTELLIGENCE")).toEqual([["INTELLIGENCE", "INTELLIGENCE"]]);
    expect(reportDataClass("UNCLASSIFIED", "PRISON")).toBe("OBSERVATIONS");
    expect(reportDataClass("UNCLASSIFIED", "POLICE")).toBe("OBSERVATIONS");
    expect(Object.values(Classification)).toHaveLength(4);
  });
});

describe("informationReportSchema", () => {
  it("accepts a well-formed report, trims texts and fills the defaults", () => {
    expect(report({ title: "  Yard discussion  " })).toEqual({
      ...valid,
      sourceDetails: null,
      handlingConditions: null,
      sensitive: false,
      indicatorCodes: [],
    });
  });

  it("explains the grades: reliability A to F, credibility 1 to 6", () => {
    expect(issues({ sourceReliability: "G" })).toEqual([
      { path: "sourceReliability", message: "must be a reliability grade from A to F" },
    ]);
    expect(issues({ sourceReliability: "b" })).toEqual([
      { path: "sourceReliability", message: "must be a reliability grade from A to F" },
    ]);
    for (const credibility of ["0", "7", "A"])
      expect(issues({ informationCredibility: credibility }), credibility).toEqual([
        { path: "informationCredibility", message: "must be a credibility grade from 1 to 6" },
      ]);
    for (const grade of ["A", "F"]) expect(issues({ sourceReliability: grade })).toEqual([]);
    for (const grade of ["1", "6"]) expect(issues({ informationCredibility: grade })).toEqual([]);
  });

  it("limits the texts and the indicators, naming each problem", () => {
    expect(issues({ title: "   ", body: "x".repeat(10_001) })).toEqual([
      { path: "title", message: "must not be empty" },
      { path: "body", message: "must be at most 10000 characters" },
    ]);
    expect(issues({ title: "x".repeat(201) })).toEqual([
      { path: "title", message: "must be at most 200 characters" },
    ]);
    expect(issues({ title: "x".repeat(200), body: "x".repeat(10_000) })).toEqual([]);
    expect(issues({ sourceDetails: "x".repeat(2001), handlingConditions: "x".repeat(1001) })).toEqual([
      { path: "sourceDetails", message: "must be at most 2000 characters" },
      { path: "handlingConditions", message: "must be at most 1000 characters" },
    ]);
    expect(issues({ indicatorCodes: ["OBS-01", "obs 2"] })).toEqual([
      { path: "indicatorCodes.1", message: "is not an indicator code" },
    ]);
    const many = Array.from({ length: REPORT_MAX_INDICATORS + 1 }, (_, i) => `OBS-${i}`);
    expect(issues({ indicatorCodes: many })).toEqual([
      { path: "indicatorCodes", message: "at most 30 indicators" },
    ]);
    expect(issues({ observedOn: "2024-02-30" })).toEqual([
      { path: "observedOn", message: "must be a calendar date written YYYY-MM-DD" },
    ]);
  });
});

describe("checkReport", () => {
  const context = { today: "2024-03-01", addressedToAgencyId: null };

  it("accepts a report observed up to today", () => {
    expect(checkReport(report({ observedOn: "2024-03-01" }), context)).toEqual([]);
  });

  it("refuses an observation in the future", () => {
    expect(checkReport(report({ observedOn: "2024-03-02" }), context)).toEqual([
      { field: "observedOn", message: "must not be in the future" },
    ]);
  });

  it("wants an addressee for a report that may not travel further", () => {
    const nfd = report({ handlingCode: "NO_FURTHER_DISSEMINATION" });
    expect(checkReport(nfd, context)).toEqual([
      {
        field: "addressedToAgencyId",
        message: "is required when the handling code is NO_FURTHER_DISSEMINATION",
      },
    ]);
    expect(checkReport(nfd, { ...context, addressedToAgencyId: "celex" })).toEqual([]);
  });

  it("wants the conditions of a report shared on conditions", () => {
    const conditional = report({ handlingCode: "SHARE_WITH_CONDITIONS" });
    expect(checkReport(conditional, context)).toEqual([
      { field: "handlingConditions", message: "state the conditions of sharing" },
    ]);
    expect(checkReport({ ...conditional, handlingConditions: "Not in court." }, context)).toEqual([]);
  });

  it("reports every problem at once", () => {
    expect(
      checkReport(
        report({ observedOn: "2025-01-01", handlingCode: "NO_FURTHER_DISSEMINATION" }),
        context,
      ).map((i) => i.field),
    ).toEqual(["observedOn", "addressedToAgencyId"]);
  });
});
