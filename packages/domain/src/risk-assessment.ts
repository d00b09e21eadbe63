import { z } from "zod";
import { type IsoDate, isoDateSchema } from "./dates.js";
import { defineEnum, type EnumValue } from "./enum.js";

/** A structured professional judgement's final level. */
export const RiskJudgement = defineEnum(["LOW", "MODERATE", "HIGH"] as const);
export type RiskJudgement = EnumValue<typeof RiskJudgement>;

export const RISK_JUDGEMENT_DESCRIPTIONS: Record<RiskJudgement, string> = {
  LOW: "Low risk of violent extremist offending.",
  MODERATE: "Moderate risk.",
  HIGH: "High risk.",
};

/** How an indicator was rated; NOT_RATED needs a reason ("known unknown"). */
export const IndicatorRating = defineEnum(["PRESENT", "PARTLY_PRESENT", "ABSENT", "NOT_RATED"] as const);
export type IndicatorRating = EnumValue<typeof IndicatorRating>;

export const INDICATOR_RATING_DESCRIPTIONS: Record<IndicatorRating, string> = {
  PRESENT: "The indicator is present.",
  PARTLY_PRESENT: "Partly present (instruments with a three-point scale).",
  ABSENT: "Absent.",
  NOT_RATED: "Not rated: not enough information; the assessor says why.",
};

/** Reassess at least this often; a review date may be set earlier. */
export const REASSESSMENT_MAX_MONTHS = 12;
export const NARRATIVE_MAX_LENGTH = 10_000;

/** The structure of an instrument as the assessment form is generated from it. */
export interface InstrumentStructure {
  /** Ratings the instrument allows (e.g. PRESENT/ABSENT, or PRESENT/PARTLY_PRESENT/ABSENT). */
  ratingScale: readonly IndicatorRating[];
  domains: readonly { code: string; indicators: readonly { code: string; required: boolean }[] }[];
}

export const riskAssessmentSchema = z.object({
  assessedOn: isoDateSchema,
  finalJudgement: z.enum(RiskJudgement),
  narrative: z
    .string()
    .trim()
    .min(1, { message: "must not be empty" })
    .max(NARRATIVE_MAX_LENGTH, { message: `must be at most ${NARRATIVE_MAX_LENGTH} characters` }),
  nextReviewOn: isoDateSchema,
  ratings: z
    .array(
      z.object({
        indicatorCode: z.string().min(1),
        rating: z.enum(IndicatorRating),
        notRatedReason: z
          .string()
          .trim()
          .max(1000, { message: "must be at most 1000 characters" })
          .nullable()
          .default(null),
      }),
    )
    .max(200, { message: "at most 200 ratings" }),
  domainSummaries: z
    .array(
      z.object({
        domainCode: z.string().min(1),
        summary: z.string().trim().max(4000, { message: "must be at most 4000 characters" }),
      }),
    )
    .max(20, { message: "at most 20 domain summaries" })
    .default([]),
});
export type RiskAssessmentInput = z.infer<typeof riskAssessmentSchema>;

/**
 * Checks an assessment against its instrument: every required indicator rated, each rating on the
 * instrument's scale, no indicator twice or unknown, a reason for each NOT_RATED, sensible dates.
 * Problems name the input path (e.g. `ratings.3.notRatedReason`, or the indicator's code).
 */
export function checkAssessment(
  input: RiskAssessmentInput,
  instrument: InstrumentStructure,
  context: { today: IsoDate; maxReviewOn: IsoDate },
): { field: string; message: string }[] {
  const issues: { field: string; message: string }[] = [];
  if (input.assessedOn > context.today)
    issues.push({ field: "assessedOn", message: "must not be in the future" });
  if (input.nextReviewOn <= input.assessedOn)
    issues.push({ field: "nextReviewOn", message: "must be after the assessment date" });
  else if (input.nextReviewOn > context.maxReviewOn)
    issues.push({
      field: "nextReviewOn",
      message: `must be at most ${REASSESSMENT_MAX_MONTHS} months after the assessment`,
    });

  const known = new Map<string, boolean>();
  for (const d of instrument.domains) for (const i of d.indicators) known.set(i.code, i.required);
  const seen = new Set<string>();
  input.ratings.forEach((r, index) => {
    if (!known.has(r.indicatorCode))
      issues.push({
        field: `ratings.${index}.indicatorCode`,
        message: `${r.indicatorCode} is not an indicator of this instrument`,
      });
    else if (seen.has(r.indicatorCode))
      issues.push({ field: `ratings.${index}.indicatorCode`, message: `${r.indicatorCode} is rated twice` });
    seen.add(r.indicatorCode);
    if (!instrument.ratingScale.includes(r.rating))
      issues.push({
        field: `ratings.${index}.rating`,
        message: `${r.rating} is not on this instrument's scale`,
      });
    if (r.rating === "NOT_RATED" && (r.notRatedReason === null || r.notRatedReason === ""))
      issues.push({
        field: `ratings.${index}.notRatedReason`,
        message: "say why the indicator is not rated",
      });
  });
  for (const [code, required] of known)
    if (required && !seen.has(code))
      issues.push({ field: "ratings", message: `${code} must be rated (or NOT_RATED with a reason)` });
  const domains = new Set(instrument.domains.map((d) => d.code));
  input.domainSummaries.forEach((s, index) => {
    if (!domains.has(s.domainCode))
      issues.push({
        field: `domainSummaries.${index}.domainCode`,
        message: `${s.domainCode} is not a domain of this instrument`,
      });
  });
  return issues;
}

/**
 * When a person's next risk assessment is due, while they are detained: the review date the latest
 * assessment set; a CelEx inmate never assessed is due from the day they were listed. Nothing is due
 * after release (the psychosocial service works in prison) or for an unlisted inmate never assessed.
 */
export function assessmentDueOn(
  latest: { nextReviewOn: IsoDate } | null,
  state: { detained: boolean; listedSince: IsoDate | null },
): IsoDate | null {
  if (!state.detained) return null;
  return latest?.nextReviewOn ?? state.listedSince;
}
