import { describe, expect, it } from "vitest";
import {
  checkReportForm,
  emptyReport,
  type ReportFormValues,
  reportCorrectInput,
  reportFieldOf,
  reportFileInput,
  valuesFromReport,
} from "./report-form";

const filled = (overrides: Partial<ReportFormValues> = {}): ReportFormValues => ({
  ...emptyReport("2026-11-27"),
  title: "Discussion in the yard",
  body: "Led a long discussion with three inmates.",
  sourceReliability: "B",
  informationCredibility: 2,
  indicatorCodes: ["OBS-03"],
  ...overrides,
});
const file = { today: "2026-11-27", mode: "file" as const };
const keys = (problems: { field: string; key: string }[]) => problems.map((p) => `${p.field}:${p.key}`);

describe("the report form", () => {
  it("starts unclassified, shared with law enforcement, observed today, ungraded", () => {
    const empty = emptyReport("2026-11-27");
    expect(empty).toMatchObject({
      observedOn: "2026-11-27",
      classification: "UNCLASSIFIED",
      handlingCode: "SHARE_LAW_ENFORCEMENT",
      sourceReliability: null,
      informationCredibility: null,
    });
    expect(keys(checkReportForm(empty, file))).toEqual([
      "title:required",
      "body:required",
      "sourceReliability:chooseOne",
      "informationCredibility:chooseOne",
    ]);
  });

  it("asks for conditions or an addressee with the handling codes that need them", () => {
    expect(keys(checkReportForm(filled({ handlingCode: "SHARE_WITH_CONDITIONS" }), file))).toEqual([
      "handlingConditions:required",
    ]);
    expect(keys(checkReportForm(filled({ handlingCode: "NO_FURTHER_DISSEMINATION" }), file))).toEqual([
      "addressedToAgencyId:chooseOne",
    ]);
    expect(checkReportForm(filled(), file)).toEqual([]);
  });

  it("refuses a future observation, and a correction without its reason", () => {
    expect(keys(checkReportForm(filled({ observedOn: "2026-11-28" }), file))).toEqual([
      "observedOn:notInFuture",
    ]);
    expect(keys(checkReportForm(filled(), { ...file, mode: "correct" }))).toEqual([
      "correctionReason:required",
    ]);
    expect(keys(checkReportForm(filled({ title: "x".repeat(201) }), file))).toEqual(["title:tooLong"]);
  });

  it("sends conditions and addressee only with their codes, trimmed, empty optional text as null", () => {
    const input = reportFileInput(
      "P1",
      filled({ handlingConditions: "Ask first", addressedToAgencyId: "A1", sourceDetails: "  " }),
    );
    expect(input).toEqual({
      personId: "P1",
      observedOn: "2026-11-27",
      title: "Discussion in the yard",
      body: "Led a long discussion with three inmates.",
      sourceReliability: "B",
      informationCredibility: 2,
      classification: "UNCLASSIFIED",
      handlingCode: "SHARE_LAW_ENFORCEMENT",
      handlingConditions: null,
      addressedToAgencyId: null,
      indicatorCodes: ["OBS-03"],
      sourceDetails: null,
      sensitive: false,
    });
    const nfd = reportFileInput(
      "P1",
      filled({ handlingCode: "NO_FURTHER_DISSEMINATION", addressedToAgencyId: "A1" }),
    );
    expect(nfd.addressedToAgencyId).toBe("A1");
  });

  it("corrects the version read, starting from its content", () => {
    const values = valuesFromReport({
      title: "Remarks",
      body: "Hostile remarks.",
      observedOn: "2026-11-20",
      sourceReliability: "C",
      informationCredibility: 3,
      classification: "UNCLASSIFIED",
      handlingCode: "SHARE_WITH_CONDITIONS",
      handlingConditions: "Prison use only",
      sensitive: true,
      sourceDetails: "Officer on duty",
      addressedToAgency: null,
      indicators: [{ code: "OBS-06" }],
    });
    expect(values.indicatorCodes).toEqual(["OBS-06"]);
    const input = reportCorrectInput("R1", 2, { ...values, correctionReason: " Wrong date " });
    expect(input).toMatchObject({
      reportId: "R1",
      expectedVersion: 2,
      correctionReason: "Wrong date",
      handlingConditions: "Prison use only",
      sourceDetails: "Officer on duty",
      sensitive: true,
    });
  });

  it("maps the API's paths onto its fields; a stale version concerns the whole form", () => {
    expect(reportFieldOf("indicatorCodes.1")).toBe("indicatorCodes");
    expect(reportFieldOf("addressedToAgencyId")).toBe("addressedToAgencyId");
    expect(reportFieldOf("expectedVersion")).toBeNull();
    expect(reportFieldOf("reportId")).toBeNull();
  });
});
