import type {
  LegacyCategory,
  ListingLabel,
  ScreeningOutcome,
  ScreeningRecordInput,
  ScreeningSource,
} from "@/gql/graphql";
import { RATIONALE_MAX, SCREENING_INTERVAL_MONTHS, SCREENING_MAX_SOURCE_REPORTS } from "@/lib/limits/limits";
import { addMonthsIso } from "@/lib/time/calendar";
import { type FieldResolver, type Problem, topLevelFields } from "../forms/problems";

/**
 * The screening form's model: which outcomes fit the person's listing, the portal's own checks
 * (the same rules as the API's, so most mistakes are caught before sending), and the input sent.
 */

export const CATEGORIES: readonly LegacyCategory[] = ["A", "B", "C", "D", "E"];
export const LABELS: readonly ListingLabel[] = [
  "TERRORIST_CONVICT",
  "FOREIGN_FIGHTER",
  "HOMEGROWN_FIGHTER",
  "HATE_PREACHER",
  "RADICALISED",
  "ASSIMILATED",
];
export const SOURCES: readonly ScreeningSource[] = [
  "PRISON_STAFF",
  "PSYCHOSOCIAL_SERVICE",
  "INTELLIGENCE",
  "POLICE",
  "PROSECUTOR",
];

/** The form's fields, in the order they appear. */
export const SCREENING_FIELDS = [
  "screenedOn",
  "outcome",
  "category",
  "labels",
  "sources",
  "sourceReportIds",
  "rationale",
  "nextDueOn",
] as const;
export type ScreeningField = (typeof SCREENING_FIELDS)[number];

/** The outcomes that fit the current listing: a listed person is maintained, changed or delisted. */
export function outcomesFor(listed: boolean): ScreeningOutcome[] {
  return listed ? ["MAINTAINED", "CHANGED", "DELISTED"] : ["NOT_LISTED", "LISTED"];
}

/** LISTED and CHANGED decide a category and labels; the others leave them as they are. */
export function decidesCategory(outcome: ScreeningOutcome | null): boolean {
  return outcome === "LISTED" || outcome === "CHANGED";
}

export interface ScreeningFormValues {
  screenedOn: string;
  outcome: ScreeningOutcome | null;
  category: LegacyCategory | null;
  labels: ListingLabel[];
  sources: ScreeningSource[];
  sourceReportIds: string[];
  rationale: string;
  nextDueOn: string;
}

export interface ScreeningContext {
  today: string;
  /** The current listing, null when the person is not listed. */
  listing: { category: LegacyCategory; labels: readonly ListingLabel[] } | null;
  /** Admission of the current detention episode: a screening cannot come before it. */
  admittedOn: string | null;
}

function sameSet<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/** The problems the portal can see before sending; an empty list sends the screening. */
export function checkScreeningForm(values: ScreeningFormValues, context: ScreeningContext): Problem[] {
  const problems: Problem[] = [];
  if (values.screenedOn === "") problems.push({ field: "screenedOn", key: "required" });
  else if (values.screenedOn > context.today) problems.push({ field: "screenedOn", key: "notInFuture" });
  else if (context.admittedOn !== null && values.screenedOn < context.admittedOn)
    problems.push({ field: "screenedOn", key: "notBefore", values: { date: context.admittedOn } });

  const allowed = outcomesFor(context.listing !== null);
  if (values.outcome === null || !allowed.includes(values.outcome))
    problems.push({ field: "outcome", key: "chooseOne" });
  else if (decidesCategory(values.outcome)) {
    if (values.category === null) problems.push({ field: "category", key: "chooseOne" });
    else if (
      values.outcome === "CHANGED" &&
      context.listing !== null &&
      values.category === context.listing.category &&
      sameSet(values.labels, context.listing.labels)
    )
      problems.push({ field: "category", key: "unchanged" });
  }

  if (values.sources.length === 0) problems.push({ field: "sources", key: "chooseAtLeastOne" });
  if (values.sourceReportIds.length > SCREENING_MAX_SOURCE_REPORTS)
    problems.push({
      field: "sourceReportIds",
      key: "tooMany",
      values: { max: SCREENING_MAX_SOURCE_REPORTS },
    });
  const rationale = values.rationale.trim();
  if (rationale === "") problems.push({ field: "rationale", key: "required" });
  else if (rationale.length > RATIONALE_MAX)
    problems.push({ field: "rationale", key: "tooLong", values: { max: RATIONALE_MAX } });

  if (values.nextDueOn !== "" && values.screenedOn !== "") {
    if (values.nextDueOn <= values.screenedOn)
      problems.push({ field: "nextDueOn", key: "afterDate", values: { date: values.screenedOn } });
    else if (values.nextDueOn > addMonthsIso(values.screenedOn, SCREENING_INTERVAL_MONTHS))
      problems.push({
        field: "nextDueOn",
        key: "atMostMonthsAfter",
        values: { months: SCREENING_INTERVAL_MONTHS },
      });
  }
  return problems;
}

/** The mutation's input: a category and labels only for the outcomes that decide them. */
export function screeningInput(personId: string, values: ScreeningFormValues): ScreeningRecordInput {
  const decides = decidesCategory(values.outcome);
  return {
    personId,
    screenedOn: values.screenedOn,
    outcome: values.outcome as ScreeningOutcome,
    category: decides ? values.category : null,
    labels: decides ? values.labels : [],
    sources: values.sources,
    sourceReportIds: values.sourceReportIds,
    rationale: values.rationale.trim(),
    nextDueOn: values.nextDueOn === "" ? null : values.nextDueOn,
  };
}

/** Maps the API's input paths onto the form: `labels.1` → labels; `personId` → the whole form. */
export const screeningFieldOf: FieldResolver = topLevelFields(SCREENING_FIELDS);
