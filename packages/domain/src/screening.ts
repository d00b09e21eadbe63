import { z } from "zod";
import { addMonthsToDate, daysBetween, type IsoDate, isoDateSchema, minDate } from "./dates.js";
import { defineEnum, type EnumValue } from "./enum.js";
import { LegacyCategory, ListingLabel, sameLabels } from "./listing.js";

/** The longest time allowed between two screenings of a person in detention. */
export const SCREENING_INTERVAL_MONTHS = 2;
/** A screening due within this many days is shown as "due soon". */
export const SCREENING_DUE_SOON_DAYS = 14;
export const RATIONALE_MAX_LENGTH = 2000;

export const ScreeningOutcome = defineEnum([
  "NOT_LISTED",
  "LISTED",
  "MAINTAINED",
  "CHANGED",
  "DELISTED",
] as const);
export type ScreeningOutcome = EnumValue<typeof ScreeningOutcome>;

export const SCREENING_OUTCOME_DESCRIPTIONS: Record<ScreeningOutcome, string> = {
  NOT_LISTED: "Screened and not placed on the CelEx list.",
  LISTED: "Placed on the CelEx list with a category and labels.",
  MAINTAINED: "Already listed; category and labels unchanged.",
  CHANGED: "Already listed; category or labels changed.",
  DELISTED: "Removed from the CelEx list.",
};

export const ScreeningSource = defineEnum([
  "PRISON_STAFF",
  "PSYCHOSOCIAL_SERVICE",
  "INTELLIGENCE",
  "POLICE",
  "PROSECUTOR",
] as const);
export type ScreeningSource = EnumValue<typeof ScreeningSource>;

export const ScreeningState = defineEnum(["OVERDUE", "DUE_SOON", "SCHEDULED", "NOT_APPLICABLE"] as const);
export type ScreeningState = EnumValue<typeof ScreeningState>;

export interface ScreeningEpisode {
  admittedOn: IsoDate;
  releasedOn: IsoDate | null;
}

export interface PastScreening {
  screenedOn: IsoDate;
  /** The date the screener scheduled for the next screening, if earlier than the rule's limit. */
  nextDueOn: IsoDate | null;
}

/**
 * When the next screening of a person is due, under the CelEx rule: at admission, then at most
 * two months after the last screening (earlier when the screener scheduled it earlier). Only the
 * screenings of the current detention episode count: a new admission calls for a new screening.
 * A person who is not in detention has no screening due (null).
 */
export function screeningDueOn(
  episode: ScreeningEpisode | null,
  screenings: readonly PastScreening[],
): IsoDate | null {
  if (episode === null || episode.releasedOn !== null) return null;
  let last: PastScreening | null = null;
  for (const s of screenings) {
    if (s.screenedOn < episode.admittedOn) continue;
    if (last === null || s.screenedOn > last.screenedOn) last = s;
  }
  if (last === null) return episode.admittedOn;
  const limit = addMonthsToDate(last.screenedOn, SCREENING_INTERVAL_MONTHS);
  return last.nextDueOn === null ? limit : minDate(last.nextDueOn, limit);
}

export function screeningState(dueOn: IsoDate | null, today: IsoDate): ScreeningState {
  if (dueOn === null) return "NOT_APPLICABLE";
  if (dueOn < today) return "OVERDUE";
  return daysBetween(today, dueOn) <= SCREENING_DUE_SOON_DAYS ? "DUE_SOON" : "SCHEDULED";
}

export const screeningRecordSchema = z.object({
  screenedOn: isoDateSchema,
  outcome: z.enum(ScreeningOutcome),
  category: z.enum(LegacyCategory).nullable().default(null),
  labels: z.array(z.enum(ListingLabel)).max(Object.keys(ListingLabel).length).default([]),
  sources: z.array(z.enum(ScreeningSource)).min(1, { message: "name at least one source consulted" }),
  rationale: z
    .string()
    .trim()
    .min(1, { message: "must not be empty" })
    .max(RATIONALE_MAX_LENGTH, { message: `must be at most ${RATIONALE_MAX_LENGTH} characters` }),
  nextDueOn: isoDateSchema.nullable().default(null),
});
export type ScreeningRecordInput = z.infer<typeof screeningRecordSchema>;

export interface CurrentListing {
  category: LegacyCategory;
  labels: readonly ListingLabel[];
}

export interface RuleIssue {
  field: string;
  message: string;
}

/**
 * Checks a screening against the person's current listing and detention episode. Returns every
 * problem found, each naming the input field it concerns; an empty list means the screening holds.
 */
export function checkScreening(
  input: ScreeningRecordInput,
  current: CurrentListing | null,
  episode: ScreeningEpisode | null,
  today: IsoDate,
): RuleIssue[] {
  const issues: RuleIssue[] = [];
  if (input.screenedOn > today) issues.push({ field: "screenedOn", message: "must not be in the future" });
  if (episode === null) {
    issues.push({ field: "personId", message: "the person has no detention episode to screen" });
  } else {
    if (input.screenedOn < episode.admittedOn)
      issues.push({ field: "screenedOn", message: "must not be before the admission date" });
    if (episode.releasedOn !== null && input.screenedOn > episode.releasedOn)
      issues.push({ field: "screenedOn", message: "must not be after the release date" });
  }
  if (input.nextDueOn !== null) {
    if (input.nextDueOn <= input.screenedOn)
      issues.push({ field: "nextDueOn", message: "must be after the screening date" });
    else if (input.nextDueOn > addMonthsToDate(input.screenedOn, SCREENING_INTERVAL_MONTHS))
      issues.push({
        field: "nextDueOn",
        message: `must be at most ${SCREENING_INTERVAL_MONTHS} months after the screening date`,
      });
  }
  const needsCategory = input.outcome === "LISTED" || input.outcome === "CHANGED";
  if (needsCategory && input.category === null)
    issues.push({ field: "category", message: `is required when the outcome is ${input.outcome}` });
  if (
    !needsCategory &&
    input.outcome !== "MAINTAINED" &&
    (input.category !== null || input.labels.length > 0)
  )
    issues.push({ field: "category", message: `must be empty when the outcome is ${input.outcome}` });

  switch (input.outcome) {
    case "NOT_LISTED":
    case "LISTED":
      if (current !== null)
        issues.push({
          field: "outcome",
          message: `the person is already listed (category ${current.category}): use MAINTAINED, CHANGED or DELISTED`,
        });
      break;
    case "MAINTAINED":
      if (current === null)
        issues.push({ field: "outcome", message: "the person is not listed: use LISTED or NOT_LISTED" });
      else if (
        (input.category !== null && input.category !== current.category) ||
        (input.labels.length > 0 && !sameLabels(input.labels, current.labels))
      )
        issues.push({ field: "outcome", message: "category or labels differ from the listing: use CHANGED" });
      break;
    case "CHANGED":
      if (current === null)
        issues.push({ field: "outcome", message: "the person is not listed: use LISTED or NOT_LISTED" });
      else if (input.category === current.category && sameLabels(input.labels, current.labels))
        issues.push({ field: "outcome", message: "category and labels are unchanged: use MAINTAINED" });
      break;
    case "DELISTED":
      if (current === null)
        issues.push({ field: "outcome", message: "the person is not listed, so cannot be delisted" });
      break;
  }
  return issues;
}
