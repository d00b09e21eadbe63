import { z } from "zod";
import { isoDateSchema } from "./dates.js";
import { defineEnum, type EnumValue } from "./enum.js";
import { Recidivism } from "./release.js";

/** Legal ground of the detention at admission. */
export const LegalStatus = defineEnum(["PREVENTIVE_DETENTION", "SENTENCED", "INTERNED"] as const);
export type LegalStatus = EnumValue<typeof LegalStatus>;

export const LEGAL_STATUS_DESCRIPTIONS: Record<LegalStatus, string> = {
  PREVENTIVE_DETENTION: "Held in preventive (pre-trial) detention.",
  SENTENCED: "Serving a prison sentence.",
  INTERNED: "Interned (security measure for a person not held responsible).",
};

/** How a detention episode ended. */
export const ReleaseType = defineEnum([
  "END_OF_SENTENCE",
  "CONDITIONAL_RELEASE",
  "END_OF_PREVENTIVE_DETENTION",
  "ELECTRONIC_MONITORING",
  "TRANSFER_ABROAD",
  "DEATH_IN_CUSTODY",
] as const);
export type ReleaseType = EnumValue<typeof ReleaseType>;

export const RELEASE_TYPE_DESCRIPTIONS: Record<ReleaseType, string> = {
  END_OF_SENTENCE: "Released at the end of the sentence, without conditions.",
  CONDITIONAL_RELEASE: "Conditional release or probation, with conditions.",
  END_OF_PREVENTIVE_DETENTION: "Preventive detention ended (released pending or after trial).",
  ELECTRONIC_MONITORING: "Continues the sentence under electronic monitoring.",
  TRANSFER_ABROAD: "Transferred to another country.",
  DEATH_IN_CUSTODY: "Died in custody.",
};

/** Where someone is, from the case's point of view. */
export const DetentionStatus = defineEnum(["DETAINED", "RELEASED", "NOT_DETAINED"] as const);
export type DetentionStatus = EnumValue<typeof DetentionStatus>;

/** Kind of unit inside an establishment. */
export const UnitKind = defineEnum(["ORDINARY", "DRADEX", "WOMEN", "HIGH_SECURITY", "PSYCHIATRIC"] as const);
export type UnitKind = EnumValue<typeof UnitKind>;

export const UNIT_KIND_DESCRIPTIONS: Record<UnitKind, string> = {
  ORDINARY: "Ordinary regime (dispersal).",
  DRADEX: "D-Rad:Ex unit for proactive recruiters (Ittre and Hasselt).",
  WOMEN: "Women's section.",
  HIGH_SECURITY: "High-security section.",
  PSYCHIATRIC: "Psychiatric annex.",
};

export const SENTENCE_MAX_MONTHS = 12 * 60;
export const REASON_MAX_LENGTH = 500;

export const detentionEpisodeOpenSchema = z
  .object({
    admittedOn: isoDateSchema,
    legalStatus: z.enum(LegalStatus),
    sentenceMonths: z
      .number()
      .int({ message: "must be a whole number of months" })
      .min(1, { message: "must be at least 1 month" })
      .max(SENTENCE_MAX_MONTHS, { message: `must be at most ${SENTENCE_MAX_MONTHS} months` })
      .nullable()
      .default(null),
    recidivism: z.enum(Recidivism).default("NONE"),
    conditionalReleaseEligibleOn: isoDateSchema.nullable().default(null),
    endOfSentenceOn: isoDateSchema.nullable().default(null),
  })
  .superRefine((value, ctx) => {
    if (value.legalStatus === "SENTENCED" && value.sentenceMonths === null) {
      ctx.addIssue({
        code: "custom",
        path: ["sentenceMonths"],
        message: "is required for a sentenced person",
      });
    }
    for (const field of ["conditionalReleaseEligibleOn", "endOfSentenceOn"] as const) {
      const date = value[field];
      if (date !== null && date < value.admittedOn) {
        ctx.addIssue({ code: "custom", path: [field], message: "must not be before the admission date" });
      }
    }
    if (
      value.conditionalReleaseEligibleOn !== null &&
      value.endOfSentenceOn !== null &&
      value.conditionalReleaseEligibleOn > value.endOfSentenceOn
    ) {
      ctx.addIssue({
        code: "custom",
        path: ["conditionalReleaseEligibleOn"],
        message: "must not be after the end of the sentence",
      });
    }
  });
export type DetentionEpisodeOpenInput = z.infer<typeof detentionEpisodeOpenSchema>;

export const detentionEpisodeReleaseSchema = z.object({
  releasedOn: isoDateSchema,
  releaseType: z.enum(ReleaseType),
});
export type DetentionEpisodeReleaseInput = z.infer<typeof detentionEpisodeReleaseSchema>;

export const placementRecordSchema = z.object({
  validFrom: isoDateSchema,
  reason: z
    .string()
    .trim()
    .max(REASON_MAX_LENGTH, { message: `must be at most ${REASON_MAX_LENGTH} characters` })
    .nullable()
    .default(null),
});

/** Two half-open date intervals [from, to) overlap; a null end is open. */
export function intervalsOverlap(
  a: { from: string; to: string | null },
  b: { from: string; to: string | null },
): boolean {
  const aEndsAfterBStarts = a.to === null || a.to > b.from;
  const bEndsAfterAStarts = b.to === null || b.to > a.from;
  return aEndsAfterBStarts && bEndsAfterAStarts;
}
