import { z } from "zod";
import type { AgencyKind } from "./agency.js";
import { addDaysToDate, addMonthsToDate, type IsoDate, isoDateSchema, minDate } from "./dates.js";
import { defineEnum, type EnumValue } from "./enum.js";
import { optionalText, requiredText } from "./text.js";

/**
 * Whether the sentenced person is in a state of legal recidivism (Criminal Code, art. 54–57), which
 * moves conditional-release eligibility from one third to two thirds of the sentence.
 */
export const Recidivism = defineEnum(["NONE", "LEGAL_RECIDIVIST"] as const);
export type Recidivism = EnumValue<typeof Recidivism>;

export const RECIDIVISM_DESCRIPTIONS: Record<Recidivism, string> = {
  NONE: "Not in a state of legal recidivism: eligible after one third of the sentence.",
  LEGAL_RECIDIVIST: "In a state of legal recidivism: eligible after two thirds (at most 16 years).",
};

/** The two dates that drive release preparation. */
export const ReleaseDateKind = defineEnum(["CONDITIONAL_RELEASE_ELIGIBILITY", "END_OF_SENTENCE"] as const);
export type ReleaseDateKind = EnumValue<typeof ReleaseDateKind>;

export const RELEASE_DATE_KIND_DESCRIPTIONS: Record<ReleaseDateKind, string> = {
  CONDITIONAL_RELEASE_ELIGIBILITY: "The first day the person may be granted conditional release.",
  END_OF_SENTENCE: "The day the sentence ends; release then comes without conditions.",
};

/** A month counts 30 days when a fraction of a sentence falls between whole months. */
const DAYS_PER_MONTH_FRACTION = 10;
const RECIDIVIST_CAP_MONTHS = 16 * 12;

/** The date `numerator/3` of a sentence of `months` after `from`: whole months, then 10 days per third of a month. */
function thirdsOfSentence(from: IsoDate, months: number, numerator: 1 | 2): IsoDate {
  const thirds = months * numerator;
  const wholeMonths = Math.floor(thirds / 3);
  return addDaysToDate(addMonthsToDate(from, wholeMonths), (thirds % 3) * DAYS_PER_MONTH_FRACTION);
}

/**
 * Conditional-release eligibility and end of sentence, after the Act of 17 May 2006 on the external
 * legal status of sentenced persons, art. 25 §2: a sentenced person becomes eligible once one third
 * of the sentence is served, or two thirds (at most 16 years) in legal recidivism. The sentence is
 * counted from the first day of the detention episode (time in preventive detention counts). Not
 * covered, and recorded as an override with its reason: life sentences (15, 19 or 23 years), a
 * sentence counted from another date, and a court's ruling. See docs/release.md.
 */
export function releaseDatesOf(input: {
  admittedOn: IsoDate;
  sentenceMonths: number;
  recidivism: Recidivism;
}): { conditionalReleaseEligibleOn: IsoDate; endOfSentenceOn: IsoDate } {
  const endOfSentenceOn = addMonthsToDate(input.admittedOn, input.sentenceMonths);
  if (input.recidivism === "NONE")
    return {
      conditionalReleaseEligibleOn: thirdsOfSentence(input.admittedOn, input.sentenceMonths, 1),
      endOfSentenceOn,
    };
  const twoThirds = thirdsOfSentence(input.admittedOn, input.sentenceMonths, 2);
  const cap = addMonthsToDate(input.admittedOn, RECIDIVIST_CAP_MONTHS);
  return { conditionalReleaseEligibleOn: minDate(twoThirds, cap), endOfSentenceOn };
}

/** The episode's dates a release-date override is checked against. */
export interface ReleaseDates {
  admittedOn: IsoDate;
  conditionalReleaseEligibleOn: IsoDate | null;
  endOfSentenceOn: IsoDate | null;
}

/**
 * What is wrong with overriding one of the episode's release dates, or null: no date before the
 * admission, and eligibility never after the end of the sentence.
 */
export function releaseDateOverrideProblem(
  episode: ReleaseDates,
  kind: ReleaseDateKind,
  date: IsoDate,
): string | null {
  if (date < episode.admittedOn) return `must not be before the admission date (${episode.admittedOn})`;
  if (
    kind === "CONDITIONAL_RELEASE_ELIGIBILITY" &&
    episode.endOfSentenceOn !== null &&
    date > episode.endOfSentenceOn
  )
    return `must not be after the end of the sentence (${episode.endOfSentenceOn})`;
  if (
    kind === "END_OF_SENTENCE" &&
    episode.conditionalReleaseEligibleOn !== null &&
    date < episode.conditionalReleaseEligibleOn
  )
    return `must not be before conditional-release eligibility (${episode.conditionalReleaseEligibleOn})`;
  return null;
}

/** The release calendar looks this many months ahead. */
export const RELEASE_HORIZON_MONTHS = [3, 6, 12] as const;

/**
 * A risk assessment is up to date for a release when there is one and it is not due for renewal
 * before the release date.
 */
export function assessmentUpToDateFor(
  assessment: { lastAssessedOn: IsoDate | null; nextAssessmentDueOn: IsoDate | null },
  releaseOn: IsoDate,
): boolean {
  return (
    assessment.lastAssessedOn !== null &&
    (assessment.nextAssessmentDueOn === null || assessment.nextAssessmentDueOn >= releaseOn)
  );
}

const REASON_MAX = 1000;
export const releaseDateOverrideSchema = z.object({
  kind: z.enum(ReleaseDateKind),
  date: isoDateSchema,
  reason: requiredText("give the reason for the override (for example the court's ruling)", REASON_MAX),
});
export type ReleaseDateOverrideInput = z.infer<typeof releaseDateOverrideSchema>;

export const releasePlanSchema = z.object({
  intendedMunicipality: optionalText(100),
  localTaskForceInformedOn: isoDateSchema.nullable(),
  note: optionalText(2000),
});

/** The most conditions one release imposes besides those proposed beforehand. */
export const RELEASE_CONDITIONS_MAX = 10;

/** Release types that come with conditions: at least one condition must be imposed. */
export const RELEASE_TYPES_WITH_CONDITIONS = ["CONDITIONAL_RELEASE", "ELECTRONIC_MONITORING"] as const;

/** The kinds of agency that may supervise a release condition. */
export const CONDITION_SUPERVISOR_KINDS: readonly AgencyKind[] = [
  "PROBATION",
  "LOCAL_TASK_FORCE",
  "POLICE",
  "DISENGAGEMENT_SERVICE",
];

/** Where a release condition stands on a date. */
export const ConditionStatus = defineEnum(["PROPOSED", "ACTIVE", "ENDED", "WITHDRAWN"] as const);
export type ConditionStatus = EnumValue<typeof ConditionStatus>;

export const CONDITION_STATUS_DESCRIPTIONS: Record<ConditionStatus, string> = {
  PROPOSED: "Proposed while the person is in prison; imposed at a conditional release.",
  ACTIVE: "Imposed and running.",
  ENDED: "Its end date passed, or it was lifted.",
  WITHDRAWN: "Proposed but never imposed (the release came without conditions, or it was dropped).",
};

export interface ConditionFacts {
  imposedOn: IsoDate | null;
  withdrawnOn: IsoDate | null;
  endsOn: IsoDate | null;
  liftedOn: IsoDate | null;
}

/** A condition's status on a date: its end (exclusive) is the earlier of its planned end and its lifting. */
export function conditionStatusOn(c: ConditionFacts, on: IsoDate): ConditionStatus {
  if (c.withdrawnOn !== null && c.withdrawnOn <= on) return "WITHDRAWN";
  if (c.imposedOn === null || c.imposedOn > on) return "PROPOSED";
  const end = [c.endsOn, c.liftedOn].filter((d): d is IsoDate => d !== null).sort()[0];
  return end !== undefined && end <= on ? "ENDED" : "ACTIVE";
}

export const conditionTypeDefineSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Z][A-Z0-9_]{1,39}$/, { message: "must be 2–40 capital letters, digits or underscores" }),
  nameEn: requiredText("give the English name", 120),
  nameFr: requiredText("give the French name", 120),
  nameNl: requiredText("give the Dutch name", 120),
  requiresDetails: z.boolean(),
  shownOnInformationCard: z.boolean(),
});

export const conditionProposeSchema = z.object({
  details: optionalText(2000),
  endsOn: isoDateSchema.nullable(),
});

/** A condition imposed after the release, from a date. */
export const conditionImposeSchema = conditionProposeSchema.extend({ imposedOn: isoDateSchema });

export const conditionBreachSchema = z.object({
  occurredOn: isoDateSchema,
  description: requiredText("describe the breach", 4000),
  response: optionalText(2000),
});

export const conditionLiftSchema = z.object({
  liftedOn: isoDateSchema,
  reason: requiredText("give the reason", REASON_MAX),
});
