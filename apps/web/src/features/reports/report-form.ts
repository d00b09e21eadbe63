import type {
  Classification,
  HandlingCode,
  ReportCorrectInput,
  ReportFileInput,
  SourceReliability,
} from "@/gql/graphql";
import {
  CORRECTION_REASON_MAX,
  HANDLING_CONDITIONS_MAX,
  REPORT_TEXT_MAX,
  REPORT_TITLE_MAX,
  SOURCE_DETAILS_MAX,
} from "@/lib/limits/limits";
import { type FieldResolver, type Problem, topLevelFields } from "../forms/problems";

/**
 * The information-report form's model, for a new report (reportFile) and for a correction by the
 * originating agency (reportCorrect: a new version, with its reason, of the version read).
 */

export const REPORT_FIELDS = [
  "observedOn",
  "title",
  "body",
  "sourceReliability",
  "informationCredibility",
  "classification",
  "handlingCode",
  "handlingConditions",
  "addressedToAgencyId",
  "indicatorCodes",
  "sourceDetails",
  "sensitive",
  "correctionReason",
] as const;
export type ReportField = (typeof REPORT_FIELDS)[number];

export type ReportFormMode = "file" | "correct";

export interface ReportFormValues {
  observedOn: string;
  title: string;
  body: string;
  sourceReliability: SourceReliability | null;
  informationCredibility: number | null;
  classification: Classification;
  handlingCode: HandlingCode;
  handlingConditions: string;
  addressedToAgencyId: string;
  indicatorCodes: string[];
  sourceDetails: string;
  sensitive: boolean;
  correctionReason: string;
}

export function emptyReport(today: string): ReportFormValues {
  return {
    observedOn: today,
    title: "",
    body: "",
    sourceReliability: null,
    informationCredibility: null,
    classification: "UNCLASSIFIED",
    handlingCode: "SHARE_LAW_ENFORCEMENT",
    handlingConditions: "",
    addressedToAgencyId: "",
    indicatorCodes: [],
    sourceDetails: "",
    sensitive: false,
    correctionReason: "",
  };
}

/** A report version as read, to start its correction from. */
export interface ReportToCorrect {
  title: string;
  body: string;
  observedOn: string;
  sourceReliability: SourceReliability;
  informationCredibility: number;
  classification: Classification;
  handlingCode: HandlingCode;
  handlingConditions: string | null;
  sensitive: boolean;
  sourceDetails: string | null;
  addressedToAgency: { id: string } | null;
  indicators: readonly { code: string }[];
}

export function valuesFromReport(report: ReportToCorrect): ReportFormValues {
  return {
    observedOn: report.observedOn,
    title: report.title,
    body: report.body,
    sourceReliability: report.sourceReliability,
    informationCredibility: report.informationCredibility,
    classification: report.classification,
    handlingCode: report.handlingCode,
    handlingConditions: report.handlingConditions ?? "",
    addressedToAgencyId: report.addressedToAgency?.id ?? "",
    indicatorCodes: report.indicators.map((i) => i.code),
    sourceDetails: report.sourceDetails ?? "",
    sensitive: report.sensitive,
    correctionReason: "",
  };
}

function text(problems: Problem[], field: ReportField, value: string, max: number, required: boolean): void {
  const trimmed = value.trim();
  if (required && trimmed === "") problems.push({ field, key: "required" });
  else if (trimmed.length > max) problems.push({ field, key: "tooLong", values: { max } });
}

/** The problems the portal can see before sending (the API checks the same, and more). */
export function checkReportForm(
  values: ReportFormValues,
  context: { today: string; mode: ReportFormMode },
): Problem[] {
  const problems: Problem[] = [];
  if (values.observedOn === "") problems.push({ field: "observedOn", key: "required" });
  else if (values.observedOn > context.today) problems.push({ field: "observedOn", key: "notInFuture" });
  text(problems, "title", values.title, REPORT_TITLE_MAX, true);
  text(problems, "body", values.body, REPORT_TEXT_MAX, true);
  if (values.sourceReliability === null) problems.push({ field: "sourceReliability", key: "chooseOne" });
  if (values.informationCredibility === null)
    problems.push({ field: "informationCredibility", key: "chooseOne" });
  if (values.handlingCode === "SHARE_WITH_CONDITIONS")
    text(problems, "handlingConditions", values.handlingConditions, HANDLING_CONDITIONS_MAX, true);
  if (values.handlingCode === "NO_FURTHER_DISSEMINATION" && values.addressedToAgencyId === "")
    problems.push({ field: "addressedToAgencyId", key: "chooseOne" });
  text(problems, "sourceDetails", values.sourceDetails, SOURCE_DETAILS_MAX, false);
  if (context.mode === "correct")
    text(problems, "correctionReason", values.correctionReason, CORRECTION_REASON_MAX, true);
  return problems;
}

const optional = (value: string): string | null => (value.trim() === "" ? null : value.trim());

/** The content both mutations take; conditions and addressee only with the codes that use them. */
function content(values: ReportFormValues) {
  return {
    observedOn: values.observedOn,
    title: values.title.trim(),
    body: values.body.trim(),
    sourceReliability: values.sourceReliability as SourceReliability,
    informationCredibility: values.informationCredibility as number,
    classification: values.classification,
    handlingCode: values.handlingCode,
    handlingConditions:
      values.handlingCode === "SHARE_WITH_CONDITIONS" ? optional(values.handlingConditions) : null,
    addressedToAgencyId:
      values.handlingCode === "NO_FURTHER_DISSEMINATION" ? optional(values.addressedToAgencyId) : null,
    indicatorCodes: values.indicatorCodes,
    sourceDetails: optional(values.sourceDetails),
    sensitive: values.sensitive,
  };
}

export function reportFileInput(personId: string, values: ReportFormValues): ReportFileInput {
  return { personId, ...content(values) };
}

export function reportCorrectInput(
  reportId: string,
  expectedVersion: number,
  values: ReportFormValues,
): ReportCorrectInput {
  return { reportId, expectedVersion, correctionReason: values.correctionReason.trim(), ...content(values) };
}

/**
 * The API's paths on the form: `indicatorCodes.2` → indicatorCodes; the report's or person's ID
 * and `expectedVersion` (a CONFLICT: corrected meanwhile) concern the whole form.
 */
export const reportFieldOf: FieldResolver = topLevelFields(REPORT_FIELDS);
