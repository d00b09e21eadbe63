import { z } from "zod";
import { isoDateSchema } from "./dates.js";
import { defineEnum, type EnumValue } from "./enum.js";
import { Classification, HandlingCode } from "./originator-control.js";

/** Admiralty / NATO grading of the source's reliability. */
export const SourceReliability = defineEnum(["A", "B", "C", "D", "E", "F"] as const);
export type SourceReliability = EnumValue<typeof SourceReliability>;

export const SOURCE_RELIABILITY_DESCRIPTIONS: Record<SourceReliability, string> = {
  A: "Completely reliable.",
  B: "Usually reliable.",
  C: "Fairly reliable.",
  D: "Not usually reliable.",
  E: "Unreliable.",
  F: "Reliability cannot be judged.",
};

/** Admiralty / NATO grading of the information's credibility. */
export const InformationCredibility = defineEnum(["1", "2", "3", "4", "5", "6"] as const);
export type InformationCredibility = EnumValue<typeof InformationCredibility>;

export const INFORMATION_CREDIBILITY_DESCRIPTIONS: Record<InformationCredibility, string> = {
  "1": "Confirmed by other sources.",
  "2": "Probably true.",
  "3": "Possibly true.",
  "4": "Doubtful.",
  "5": "Improbable.",
  "6": "Truth cannot be judged.",
};

/** How another person is linked to a report. */
export const ReportLinkKind = defineEnum(["CONTACT", "CO_DEFENDANT", "VISITOR", "OTHER"] as const);
export type ReportLinkKind = EnumValue<typeof ReportLinkKind>;

export const REPORT_LINK_KIND_DESCRIPTIONS: Record<ReportLinkKind, string> = {
  CONTACT: "A contact of the person (inside or outside prison).",
  CO_DEFENDANT: "Prosecuted in the same case.",
  VISITOR: "Visits the person in prison.",
  OTHER: "Another link, explained in the report.",
};

export const REPORT_TEXT_MAX_LENGTH = 10_000;
export const REPORT_TITLE_MAX_LENGTH = 200;
export const REPORT_MAX_LINKS = 20;
export const REPORT_MAX_INDICATORS = 30;

/**
 * Which data class a report belongs to: classified reports and those of intelligence services are
 * INTELLIGENCE (originator-controlled); the rest (staff observations, police information not
 * classified) are OBSERVATIONS.
 */
export function reportDataClass(
  classification: Classification,
  originatorKind: string,
): "OBSERVATIONS" | "INTELLIGENCE" {
  return classification !== "UNCLASSIFIED" || originatorKind === "INTELLIGENCE"
    ? "INTELLIGENCE"
    : "OBSERVATIONS";
}

const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, { message: "must not be empty" })
    .max(max, { message: `must be at most ${max} characters` });

export const informationReportSchema = z.object({
  observedOn: isoDateSchema,
  title: text(REPORT_TITLE_MAX_LENGTH),
  body: text(REPORT_TEXT_MAX_LENGTH),
  /** What identifies a human source: seen by the originating agency only, never shared. */
  sourceDetails: z
    .string()
    .trim()
    .max(2000, { message: "must be at most 2000 characters" })
    .nullable()
    .default(null),
  sourceReliability: z.enum(SourceReliability, { message: "must be a reliability grade from A to F" }),
  informationCredibility: z.enum(InformationCredibility, {
    message: "must be a credibility grade from 1 to 6",
  }),
  classification: z.enum(Classification),
  handlingCode: z.enum(HandlingCode),
  handlingConditions: z
    .string()
    .trim()
    .max(1000, { message: "must be at most 1000 characters" })
    .nullable()
    .default(null),
  sensitive: z.boolean().default(false),
  indicatorCodes: z
    .array(z.string().regex(/^[A-Z0-9-]{1,20}$/, { message: "is not an indicator code" }))
    .max(REPORT_MAX_INDICATORS, { message: `at most ${REPORT_MAX_INDICATORS} indicators` })
    .default([]),
});
export type InformationReportInput = z.infer<typeof informationReportSchema>;

/** Rules that span fields of a report; each problem names its field. */
export function checkReport(
  input: InformationReportInput,
  context: { today: string; addressedToAgencyId: string | null },
): { field: string; message: string }[] {
  const issues: { field: string; message: string }[] = [];
  if (input.observedOn > context.today)
    issues.push({ field: "observedOn", message: "must not be in the future" });
  if (input.handlingCode === "NO_FURTHER_DISSEMINATION" && context.addressedToAgencyId === null)
    issues.push({
      field: "addressedToAgencyId",
      message: "is required when the handling code is NO_FURTHER_DISSEMINATION",
    });
  if (input.handlingCode === "SHARE_WITH_CONDITIONS" && input.handlingConditions === null)
    issues.push({ field: "handlingConditions", message: "state the conditions of sharing" });
  return issues;
}
