import type { ReviewOutcome, SecurityMeasureReviewInput } from "@/gql/graphql";
import { MEASURE_TERMS_MAX, REASONS_MAX } from "@/lib/limits/limits";
import { addDaysIso, addMonthsIso } from "@/lib/time/calendar";
import { type FieldResolver, inputPaths, type Problem, shownOnly } from "../forms/problems";
import {
  allowanceFor,
  type Decider,
  defaultTerm,
  earlierDay,
  type MeasureTypeRulesLike,
  mayReview,
  termIssues,
} from "./measure-rules";

/**
 * A review of a measure in force, a decision of its own: maintained (a next review), eased (new,
 * lighter terms and a next review), lifted (from a day) or prolonged (a new end, by whom the type
 * allows, and the review of the new period). The measure's version as read goes with it: a review
 * decided meanwhile makes this one a conflict.
 */

export const REVIEW_OUTCOMES: readonly ReviewOutcome[] = ["MAINTAINED", "EASED", "PROLONGED", "LIFTED"];

export const REVIEW_FIELDS = [
  "outcome",
  "decidedOn",
  "effectiveOn",
  "endsOn",
  "nextReviewOn",
  "terms",
  "reasons",
  "reasonsClassified",
] as const;

export interface ReviewFormValues {
  outcome: ReviewOutcome | null;
  decidedOn: string;
  effectiveOn: string;
  endsOn: string;
  nextReviewOn: string;
  terms: string;
  reasons: string;
  reasonsClassified: boolean;
}

/** The measure reviewed, as the form needs it (as it stands today). */
export interface MeasureToReview {
  id: string;
  version: number;
  startsOn: string;
  endsOn: string;
  terms: string | null;
  measureType: MeasureTypeRulesLike | null;
}

export function emptyReview(today: string): ReviewFormValues {
  return {
    outcome: null,
    decidedOn: today,
    effectiveOn: "",
    endsOn: "",
    nextReviewOn: "",
    terms: "",
    reasons: "",
    reasonsClassified: false,
  };
}

/** The latest next review a review decided on `decidedOn` may set (maintained or eased). */
function latestReview(measure: MeasureToReview, decidedOn: string): string {
  const byRule = addMonthsIso(decidedOn, measure.measureType?.reviewWithinMonths ?? 1);
  const dayBefore = addDaysIso(measure.endsOn, -1);
  return earlierDay(byRule, dayBefore);
}

/**
 * Choosing an outcome proposes its dates: a prolongation by the longest period the decider may set
 * from the current end, with the review of the new period; a maintained or eased measure's next
 * review at the type's interval (before the end); an easing starts from the terms in force.
 */
export function chooseOutcome(
  values: ReviewFormValues,
  outcome: ReviewOutcome,
  measure: MeasureToReview,
  decider: Decider,
): ReviewFormValues {
  const next = { ...values, outcome };
  const type = measure.measureType;
  if (outcome === "PROLONGED" && type !== null) {
    const term = defaultTerm(
      type,
      measure.endsOn,
      allowanceFor(type.prolong, decider) ?? 1,
      values.decidedOn === "" ? measure.endsOn : values.decidedOn,
    );
    return { ...next, endsOn: term.endsOn, nextReviewOn: term.nextReviewOn, effectiveOn: "" };
  }
  if (outcome === "LIFTED") return { ...next, nextReviewOn: "", endsOn: "" };
  const from = values.decidedOn === "" ? measure.startsOn : values.decidedOn;
  return {
    ...next,
    endsOn: "",
    effectiveOn: "",
    nextReviewOn: latestReview(measure, from),
    terms: outcome === "EASED" && values.terms === "" ? (measure.terms ?? "") : values.terms,
  };
}

export function checkReviewForm(
  values: ReviewFormValues,
  measure: MeasureToReview,
  context: { today: string; decider: Decider },
): Problem[] {
  const problems: Problem[] = [];
  const type = measure.measureType;
  if (values.outcome === null) problems.push({ field: "outcome", key: "chooseOne" });
  if (values.decidedOn === "") problems.push({ field: "decidedOn", key: "required" });
  else if (values.decidedOn > context.today) problems.push({ field: "decidedOn", key: "notInFuture" });
  else if (values.decidedOn >= measure.endsOn)
    problems.push({ field: "decidedOn", key: "notAfter", values: { date: addDaysIso(measure.endsOn, -1) } });

  const outcome = values.outcome;
  if (type !== null && outcome !== null) {
    if (outcome === "PROLONGED") {
      const allowed = allowanceFor(type.prolong, context.decider);
      if (allowed === null) problems.push({ field: "outcome", key: "notAllowedToProlong" });
      if (values.endsOn === "") problems.push({ field: "endsOn", key: "required" });
      if (values.nextReviewOn === "") problems.push({ field: "nextReviewOn", key: "required" });
      if (allowed !== null)
        for (const issue of termIssues(type, allowed, {
          from: measure.endsOn,
          until: values.endsOn,
          reviewOn: values.nextReviewOn,
          ...(values.decidedOn === "" ? {} : { reviewFrom: values.decidedOn }),
        })) {
          const { field, key, ...rest } = issue;
          problems.push({ field, key, values: rest });
        }
    } else if (!mayReview(type, context.decider))
      problems.push({ field: "outcome", key: "notAllowedToReview" });
  }
  if (outcome === "LIFTED") {
    if (values.effectiveOn !== "") {
      if (values.decidedOn !== "" && values.effectiveOn < values.decidedOn)
        problems.push({ field: "effectiveOn", key: "notBefore", values: { date: values.decidedOn } });
      else if (values.effectiveOn >= measure.endsOn)
        problems.push({
          field: "effectiveOn",
          key: "notAfter",
          values: { date: addDaysIso(measure.endsOn, -1) },
        });
    }
  } else if (outcome === "MAINTAINED" || outcome === "EASED") {
    if (values.nextReviewOn === "") problems.push({ field: "nextReviewOn", key: "required" });
    else if (values.decidedOn !== "") {
      const byRule = addMonthsIso(values.decidedOn, type?.reviewWithinMonths ?? 1);
      if (values.nextReviewOn <= values.decidedOn)
        problems.push({ field: "nextReviewOn", key: "afterDate", values: { date: values.decidedOn } });
      else if (values.nextReviewOn >= measure.endsOn)
        problems.push({
          field: "nextReviewOn",
          key: "notAfter",
          values: { date: addDaysIso(measure.endsOn, -1) },
        });
      else if (values.nextReviewOn > byRule)
        problems.push({
          field: "nextReviewOn",
          key: "reviewWithin",
          values: { months: type?.reviewWithinMonths ?? 1, date: byRule },
        });
    }
    if (outcome === "EASED") {
      const terms = values.terms.trim();
      if (terms === "") problems.push({ field: "terms", key: "required" });
      else if (terms.length > MEASURE_TERMS_MAX)
        problems.push({ field: "terms", key: "tooLong", values: { max: MEASURE_TERMS_MAX } });
    }
  }
  const reasons = values.reasons.trim();
  if (reasons === "") problems.push({ field: "reasons", key: "required" });
  else if (reasons.length > REASONS_MAX)
    problems.push({ field: "reasons", key: "tooLong", values: { max: REASONS_MAX } });
  return problems;
}

/** The mutation's input: each outcome with only the dates and terms it takes. */
export function reviewInput(measure: MeasureToReview, values: ReviewFormValues): SecurityMeasureReviewInput {
  const outcome = values.outcome as ReviewOutcome;
  return {
    measureId: measure.id,
    expectedVersion: measure.version,
    outcome,
    decidedOn: values.decidedOn,
    reasons: values.reasons.trim(),
    reasonsClassified: values.reasonsClassified,
    effectiveOn: outcome === "LIFTED" && values.effectiveOn !== "" ? values.effectiveOn : null,
    endsOn: outcome === "PROLONGED" ? values.endsOn : null,
    nextReviewOn: outcome === "LIFTED" ? null : values.nextReviewOn,
    terms: outcome === "EASED" ? values.terms.trim() : null,
  };
}

/** The fields the form shows for an outcome. */
export function reviewFieldsShown(outcome: ReviewOutcome | null): string[] {
  const fields = ["outcome", "decidedOn"];
  if (outcome === "LIFTED") fields.push("effectiveOn");
  if (outcome === "PROLONGED") fields.push("endsOn");
  if (outcome !== null && outcome !== "LIFTED") fields.push("nextReviewOn");
  if (outcome === "EASED") fields.push("terms");
  fields.push("reasons", "reasonsClassified");
  return fields;
}

/** `expectedVersion` (a review meanwhile), `measureId` and fields not shown are the whole form's problems. */
export function reviewFieldOf(outcome: ReviewOutcome | null): FieldResolver {
  return shownOnly(inputPaths(REVIEW_FIELDS), reviewFieldsShown(outcome));
}
