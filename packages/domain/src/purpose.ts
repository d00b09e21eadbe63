import { z } from "zod";
import type { AgencyKind } from "./agency.js";
import { defineEnum, type EnumValue } from "./enum.js";

/** Why personal data is opened; stated once per session (or per API token) and stored with every audit entry. */
export const PurposeCode = defineEnum([
  "SCREENING",
  "CASE_MANAGEMENT",
  "RISK_ASSESSMENT",
  "DECISION",
  "INTELLIGENCE_ANALYSIS",
  "INVESTIGATION",
  "PROGRAMME",
  "RELEASE_PREPARATION",
  "POST_RELEASE_FOLLOW_UP",
  "THREAT_ASSESSMENT",
  "OVERSIGHT_REVIEW",
  "SYSTEM_INTEGRATION",
] as const);
export type PurposeCode = EnumValue<typeof PurposeCode>;

export const PURPOSE_DESCRIPTIONS: Record<PurposeCode, string> = {
  SCREENING: "Screening inmates and keeping the CelEx list.",
  CASE_MANAGEMENT: "Day-to-day management of a detained person's case.",
  RISK_ASSESSMENT: "Structured risk assessment (e.g. VERA-2R).",
  DECISION: "Preparing or taking a decision on regime, transfer or measures.",
  INTELLIGENCE_ANALYSIS: "Intelligence work on violent extremism.",
  INVESTIGATION: "A judicial investigation or prosecution.",
  PROGRAMME: "Running a disengagement programme.",
  RELEASE_PREPARATION: "Preparing a release and its conditions.",
  POST_RELEASE_FOLLOW_UP: "Security or socio-preventive follow-up after release.",
  THREAT_ASSESSMENT: "Threat assessment and the common database.",
  OVERSIGHT_REVIEW: "Oversight of access and proportionality.",
  SYSTEM_INTEGRATION: "Exchange with another agency's system.",
};

/** The purposes an agency kind may state; the portal offers these, the API refuses others. */
export const PURPOSES_BY_AGENCY_KIND: Record<AgencyKind, readonly PurposeCode[]> = {
  CELEX: ["SCREENING", "CASE_MANAGEMENT", "DECISION", "RELEASE_PREPARATION", "SYSTEM_INTEGRATION"],
  DG_EPI: ["DECISION", "CASE_MANAGEMENT"],
  PRISON: ["CASE_MANAGEMENT", "DECISION", "RELEASE_PREPARATION"],
  PSYCHOSOCIAL_SERVICE: ["RISK_ASSESSMENT", "CASE_MANAGEMENT", "RELEASE_PREPARATION"],
  INTELLIGENCE: ["INTELLIGENCE_ANALYSIS"],
  POLICE: ["INVESTIGATION", "POST_RELEASE_FOLLOW_UP"],
  PROSECUTOR: ["INVESTIGATION"],
  THREAT_ANALYSIS: ["THREAT_ASSESSMENT", "POST_RELEASE_FOLLOW_UP"],
  DISENGAGEMENT_SERVICE: ["PROGRAMME"],
  PROBATION: ["POST_RELEASE_FOLLOW_UP", "RELEASE_PREPARATION"],
  LOCAL_TASK_FORCE: ["POST_RELEASE_FOLLOW_UP"],
  LOCAL_CELL: ["POST_RELEASE_FOLLOW_UP"],
  OVERSIGHT: ["OVERSIGHT_REVIEW"],
  DATA_PROTECTION: ["OVERSIGHT_REVIEW"],
  PLATFORM: ["SYSTEM_INTEGRATION"],
};

export const PURPOSE_NOTE_MAX_LENGTH = 500;

export const purposeSchema = z.object({
  code: z.enum(PurposeCode),
  note: z
    .string()
    .trim()
    .max(PURPOSE_NOTE_MAX_LENGTH, { message: `must be at most ${PURPOSE_NOTE_MAX_LENGTH} characters` })
    .nullable()
    .default(null),
});
export type Purpose = z.infer<typeof purposeSchema>;

export function purposeAllowed(kind: AgencyKind, code: PurposeCode): boolean {
  return PURPOSES_BY_AGENCY_KIND[kind].includes(code);
}

export const BREAK_GLASS_HOURS = 4;
export const JUSTIFICATION_MIN_LENGTH = 20;
export const JUSTIFICATION_MAX_LENGTH = 2000;

export const breakGlassSchema = z.object({
  justification: z
    .string()
    .trim()
    .min(JUSTIFICATION_MIN_LENGTH, {
      message: `explain why, in at least ${JUSTIFICATION_MIN_LENGTH} characters`,
    })
    .max(JUSTIFICATION_MAX_LENGTH, { message: `must be at most ${JUSTIFICATION_MAX_LENGTH} characters` }),
});
