import type { Classification, HandlingCode, SourceReliability } from "@/gql/graphql";

/**
 * How a report is graded and marked (Admiralty grading; classification; handling code), as the
 * lists show it: the grade is the source's reliability (A–F) and the information's credibility
 * (1–6) together, e.g. "B2".
 */
export const RELIABILITIES: readonly SourceReliability[] = ["A", "B", "C", "D", "E", "F"];
export const CREDIBILITIES: readonly number[] = [1, 2, 3, 4, 5, 6];
export const CLASSIFICATIONS: readonly Classification[] = [
  "UNCLASSIFIED",
  "RESTRICTED",
  "CONFIDENTIAL",
  "SECRET",
];
export const HANDLING_CODES: readonly HandlingCode[] = [
  "SHARE_LAW_ENFORCEMENT",
  "SHARE_WITH_CONDITIONS",
  "ORIGINATOR_ONLY",
  "NO_FURTHER_DISSEMINATION",
];

/** The grade as it is written: reliability letter, then credibility digit ("B2"). */
export function gradingCode(reliability: SourceReliability, credibility: number): string {
  if (!Number.isInteger(credibility) || credibility < 1 || credibility > 6)
    throw new RangeError(`Not a credibility grade: ${credibility}`);
  return `${reliability}${credibility}`;
}

/** The badge tone of a classification marking: the word says it, the colour repeats it. */
export function classificationTone(classification: Classification): "neutral" | "warning" | "danger" {
  switch (classification) {
    case "UNCLASSIFIED":
      return "neutral";
    case "RESTRICTED":
      return "warning";
    case "CONFIDENTIAL":
    case "SECRET":
      return "danger";
  }
}

/** Handling codes that narrow who else reads a report beyond the matrix. */
export function isRestrictiveHandling(code: HandlingCode): boolean {
  return code === "ORIGINATOR_ONLY" || code === "NO_FURTHER_DISSEMINATION";
}
