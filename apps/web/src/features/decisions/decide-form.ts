import type { RecommendationDecideInput, RecommendationKind, RecommendationOutcome } from "@/gql/graphql";
import { LEGAL_BASIS_MAX, MEASURE_TERMS_MAX, REASONS_MAX } from "@/lib/limits/limits";
import { addMonthsIso } from "@/lib/time/calendar";
import { type FieldResolver, inputPaths, type Problem, shownOnly } from "../forms/problems";
import {
  allowanceFor,
  type Decider,
  defaultTerm,
  type MeasureTypeRulesLike,
  termIssues,
} from "./measure-rules";
import type { UnitOption } from "./recommendation-form";

/**
 * The Director General's decision on a recommendation: accept, amend or reject, with reasons
 * (always), the day decided and the day it takes effect. An accepted recommendation is carried out
 * as written: a measure for the months proposed from the day it takes effect, with its terms (the
 * decider sets its review date and may cite another legal basis); anything else is an amendment,
 * which must change something — a measure's end or terms, or for a regime decision the place.
 * All within the type's rules.
 */

export const OUTCOMES: readonly RecommendationOutcome[] = ["ACCEPTED", "AMENDED", "REJECTED"];

export const DECIDE_FIELDS = [
  "outcome",
  "decidedOn",
  "effectiveOn",
  "establishmentId",
  "unitId",
  "measure.endsOn",
  "measure.nextReviewOn",
  "measure.legalBasis",
  "measure.terms",
  "reasons",
  "reasonsClassified",
] as const;
export type DecideField = (typeof DECIDE_FIELDS)[number];

export interface DecideFormValues {
  outcome: RecommendationOutcome | null;
  decidedOn: string;
  effectiveOn: string;
  establishmentId: string;
  unitId: string;
  endsOn: string;
  nextReviewOn: string;
  legalBasis: string;
  terms: string;
  reasons: string;
  reasonsClassified: boolean;
}

/** The recommendation decided on, as the form needs it. */
export interface RecommendationToDecide {
  kind: RecommendationKind;
  recommendedOn: string;
  months: number | null;
  terms: string | null;
  measureType: (MeasureTypeRulesLike & { legalBasis: string }) | null;
  /** A regime recommendation: the place recommended (an amendment names another). */
  establishmentId: string | null;
  unitId: string | null;
}

/** The end of a measure accepted as written: the months proposed, from the day it takes effect. */
export function acceptedEnd(
  recommendation: Pick<RecommendationToDecide, "months">,
  effectiveOn: string,
): string {
  return recommendation.months === null || effectiveOn === ""
    ? ""
    : addMonthsIso(effectiveOn, recommendation.months);
}

/** Today, with the recommended term proposed (its review at the type's interval). */
export function initialDecision(recommendation: RecommendationToDecide, today: string): DecideFormValues {
  const type = recommendation.measureType;
  const term =
    type === null ? { endsOn: "", nextReviewOn: "" } : defaultTerm(type, today, recommendation.months ?? 1);
  return {
    outcome: null,
    decidedOn: today,
    effectiveOn: today,
    establishmentId: "",
    unitId: "",
    endsOn: term.endsOn,
    nextReviewOn: term.nextReviewOn,
    legalBasis: type?.legalBasis ?? "",
    terms: recommendation.terms ?? "",
    reasons: "",
    reasonsClassified: false,
  };
}

/** Whether the decision imposes a measure (and so needs its term). */
export function decidesMeasure(kind: RecommendationKind, outcome: RecommendationOutcome | null): boolean {
  return kind === "SECURITY_MEASURE" && (outcome === "ACCEPTED" || outcome === "AMENDED");
}

/** Whether the decision names another place (an amended regime decision). */
export function namesPlace(kind: RecommendationKind, outcome: RecommendationOutcome | null): boolean {
  return kind !== "SECURITY_MEASURE" && outcome === "AMENDED";
}

export function checkDecideForm(
  values: DecideFormValues,
  recommendation: RecommendationToDecide,
  context: { today: string; decider: Decider; units: readonly UnitOption[] },
): Problem[] {
  const problems: Problem[] = [];
  if (values.outcome === null) problems.push({ field: "outcome", key: "chooseOne" });
  if (values.decidedOn === "") problems.push({ field: "decidedOn", key: "required" });
  else if (values.decidedOn > context.today) problems.push({ field: "decidedOn", key: "notInFuture" });
  else if (values.decidedOn < recommendation.recommendedOn)
    problems.push({ field: "decidedOn", key: "notBefore", values: { date: recommendation.recommendedOn } });
  if (values.effectiveOn === "") problems.push({ field: "effectiveOn", key: "required" });
  else if (values.decidedOn !== "" && values.effectiveOn < values.decidedOn)
    problems.push({ field: "effectiveOn", key: "notBefore", values: { date: values.decidedOn } });

  if (namesPlace(recommendation.kind, values.outcome)) {
    if (recommendation.kind === "DRADEX_PLACEMENT") {
      if (!context.units.some((u) => u.id === values.unitId && u.kind === "DRADEX"))
        problems.push({ field: "unitId", key: "chooseOne" });
      else if (values.unitId === recommendation.unitId)
        problems.push({ field: "unitId", key: "sameAsRecommended" });
    } else if (values.establishmentId === "") problems.push({ field: "establishmentId", key: "chooseOne" });
    else if (
      values.establishmentId === recommendation.establishmentId &&
      (values.unitId === "" ? null : values.unitId) === recommendation.unitId
    )
      problems.push({ field: "establishmentId", key: "sameAsRecommended" });
  }

  const type = recommendation.measureType;
  if (decidesMeasure(recommendation.kind, values.outcome) && type !== null) {
    const accepted = values.outcome === "ACCEPTED";
    const allowed = allowanceFor(type.impose, context.decider);
    if (allowed === null) problems.push({ field: "outcome", key: "notAllowedToImpose" });
    const until = accepted ? acceptedEnd(recommendation, values.effectiveOn) : values.endsOn;
    if (!accepted && values.endsOn === "") problems.push({ field: "measure.endsOn", key: "required" });
    if (values.nextReviewOn === "") problems.push({ field: "measure.nextReviewOn", key: "required" });
    if (allowed !== null && values.effectiveOn !== "")
      for (const issue of termIssues(type, allowed, {
        from: values.effectiveOn,
        until,
        reviewOn: values.nextReviewOn,
      })) {
        const { field, key, ...rest } = issue;
        // Accepted, the end is the one recommended: too long is the decision's problem.
        problems.push({
          field: accepted && field === "endsOn" ? "outcome" : `measure.${field}`,
          key,
          values: rest,
        });
      }
    const legalBasis = values.legalBasis.trim();
    if (legalBasis === "") problems.push({ field: "measure.legalBasis", key: "required" });
    else if (legalBasis.length > LEGAL_BASIS_MAX)
      problems.push({ field: "measure.legalBasis", key: "tooLong", values: { max: LEGAL_BASIS_MAX } });
    if (!accepted) {
      const terms = values.terms.trim();
      if (terms.length > MEASURE_TERMS_MAX)
        problems.push({ field: "measure.terms", key: "tooLong", values: { max: MEASURE_TERMS_MAX } });
      // An amendment must change the end or the terms (blank terms are the recommended ones).
      if (
        values.endsOn !== "" &&
        values.endsOn === acceptedEnd(recommendation, values.effectiveOn) &&
        (terms === "" ? recommendation.terms : terms) === recommendation.terms
      )
        problems.push({ field: "measure.endsOn", key: "measureAsRecommended" });
    }
  }

  const reasons = values.reasons.trim();
  if (reasons === "") problems.push({ field: "reasons", key: "required" });
  else if (reasons.length > REASONS_MAX)
    problems.push({ field: "reasons", key: "tooLong", values: { max: REASONS_MAX } });
  return problems;
}

/** The mutation's input: the term only when a measure is imposed, a place only when amended. */
export function decideInput(
  recommendationId: string,
  recommendation: RecommendationToDecide,
  values: DecideFormValues,
  units: readonly UnitOption[],
): RecommendationDecideInput {
  const outcome = values.outcome as RecommendationOutcome;
  const input: RecommendationDecideInput = {
    recommendationId,
    outcome,
    decidedOn: values.decidedOn,
    effectiveOn: values.effectiveOn,
    reasons: values.reasons.trim(),
    reasonsClassified: values.reasonsClassified,
  };
  if (decidesMeasure(recommendation.kind, outcome)) {
    const accepted = outcome === "ACCEPTED";
    input.measure = {
      // Accepted: as written, the months proposed from the day it takes effect, with its terms.
      endsOn: accepted ? acceptedEnd(recommendation, values.effectiveOn) : values.endsOn,
      nextReviewOn: values.nextReviewOn,
      legalBasis: values.legalBasis.trim() === "" ? null : values.legalBasis.trim(),
      terms: accepted || values.terms.trim() === "" ? null : values.terms.trim(),
    };
  }
  if (namesPlace(recommendation.kind, outcome)) {
    if (recommendation.kind === "DRADEX_PLACEMENT") {
      input.unitId = values.unitId;
      input.establishmentId = units.find((u) => u.id === values.unitId)?.establishmentId ?? null;
    } else {
      input.establishmentId = values.establishmentId;
      input.unitId = values.unitId === "" ? null : values.unitId;
    }
  }
  return input;
}

/** The fields the form shows for a recommendation's kind and the outcome chosen. */
export function decideFieldsShown(
  kind: RecommendationKind,
  outcome: RecommendationOutcome | null,
): DecideField[] {
  const fields: DecideField[] = ["outcome", "decidedOn", "effectiveOn"];
  if (namesPlace(kind, outcome))
    fields.push(
      ...(kind === "DRADEX_PLACEMENT" ? (["unitId"] as const) : (["establishmentId", "unitId"] as const)),
    );
  if (decidesMeasure(kind, outcome))
    fields.push(
      ...(outcome === "ACCEPTED"
        ? (["measure.nextReviewOn", "measure.legalBasis"] as const)
        : (["measure.endsOn", "measure.nextReviewOn", "measure.legalBasis", "measure.terms"] as const)),
    );
  fields.push("reasons", "reasonsClassified");
  return fields;
}

/**
 * The API's input paths onto the fields shown: `measure` alone (no term given) is the end date's
 * problem; a place the form does not ask for (an accepted regime decision whose place no longer
 * fits) and `recommendationId` are the whole form's.
 */
export function decideFieldOf(
  kind: RecommendationKind,
  outcome: RecommendationOutcome | null,
): FieldResolver {
  return shownOnly(
    inputPaths(DECIDE_FIELDS, { measure: "measure.endsOn" }),
    decideFieldsShown(kind, outcome),
  );
}
