import type { SecurityMeasureImposeInput } from "@/gql/graphql";
import { LEGAL_BASIS_MAX, MEASURE_TERMS_MAX, REASONS_MAX } from "@/lib/limits/limits";
import { type FieldResolver, inputPaths, type Problem } from "../forms/problems";
import {
  allowanceFor,
  type Decider,
  defaultTerm,
  type MeasureTypeRulesLike,
  termIssues,
} from "./measure-rules";

/**
 * A measure imposed directly (a prison director for their inmates, or the Director General):
 * the type (whose rules the form shows), the day decided and the first day, the term within what
 * the type allows this decider, the legal basis (the type's own by default), the terms and reasons.
 */

export const IMPOSE_FIELDS = [
  "measureTypeId",
  "decidedOn",
  "effectiveOn",
  "measure.endsOn",
  "measure.nextReviewOn",
  "measure.legalBasis",
  "measure.terms",
  "reasons",
  "reasonsClassified",
] as const;

export interface ImposeFormValues {
  measureTypeId: string;
  decidedOn: string;
  effectiveOn: string;
  endsOn: string;
  nextReviewOn: string;
  legalBasis: string;
  terms: string;
  reasons: string;
  reasonsClassified: boolean;
}

export type ImposableType = MeasureTypeRulesLike & { id: string; legalBasis: string };

export function emptyImposition(today: string): ImposeFormValues {
  return {
    measureTypeId: "",
    decidedOn: today,
    effectiveOn: today,
    endsOn: "",
    nextReviewOn: "",
    legalBasis: "",
    terms: "",
    reasons: "",
    reasonsClassified: false,
  };
}

/**
 * Choosing a type proposes its legal basis (unless the decider wrote another) and the longest term
 * the decider may set, with the review at the type's interval.
 */
export function chooseType(
  values: ImposeFormValues,
  type: ImposableType | null,
  previous: ImposableType | null,
  decider: Decider,
): ImposeFormValues {
  if (type === null) return { ...values, measureTypeId: "" };
  const keptBasis = values.legalBasis.trim() !== "" && values.legalBasis !== (previous?.legalBasis ?? "");
  const months = allowanceFor(type.impose, decider) ?? 1;
  const from = values.effectiveOn === "" ? values.decidedOn : values.effectiveOn;
  const term = from === "" ? { endsOn: "", nextReviewOn: "" } : defaultTerm(type, from, months);
  return {
    ...values,
    measureTypeId: type.id,
    legalBasis: keptBasis ? values.legalBasis : type.legalBasis,
    endsOn: term.endsOn,
    nextReviewOn: term.nextReviewOn,
  };
}

export function checkImposeForm(
  values: ImposeFormValues,
  type: ImposableType | null,
  context: { today: string; decider: Decider },
): Problem[] {
  const problems: Problem[] = [];
  if (type === null) problems.push({ field: "measureTypeId", key: "chooseOne" });
  const allowed = type === null ? null : allowanceFor(type.impose, context.decider);
  if (type !== null && allowed === null) problems.push({ field: "measureTypeId", key: "notAllowedToImpose" });
  if (values.decidedOn === "") problems.push({ field: "decidedOn", key: "required" });
  else if (values.decidedOn > context.today) problems.push({ field: "decidedOn", key: "notInFuture" });
  if (values.effectiveOn === "") problems.push({ field: "effectiveOn", key: "required" });
  else if (values.decidedOn !== "" && values.effectiveOn < values.decidedOn)
    problems.push({ field: "effectiveOn", key: "notBefore", values: { date: values.decidedOn } });
  if (values.endsOn === "") problems.push({ field: "measure.endsOn", key: "required" });
  if (values.nextReviewOn === "") problems.push({ field: "measure.nextReviewOn", key: "required" });
  if (type !== null && allowed !== null && values.effectiveOn !== "")
    for (const issue of termIssues(type, allowed, {
      from: values.effectiveOn,
      until: values.endsOn,
      reviewOn: values.nextReviewOn,
    })) {
      const { field, key, ...rest } = issue;
      problems.push({ field: `measure.${field}`, key, values: rest });
    }
  const legalBasis = values.legalBasis.trim();
  if (legalBasis.length > LEGAL_BASIS_MAX)
    problems.push({ field: "measure.legalBasis", key: "tooLong", values: { max: LEGAL_BASIS_MAX } });
  if (values.terms.trim().length > MEASURE_TERMS_MAX)
    problems.push({ field: "measure.terms", key: "tooLong", values: { max: MEASURE_TERMS_MAX } });
  const reasons = values.reasons.trim();
  if (reasons === "") problems.push({ field: "reasons", key: "required" });
  else if (reasons.length > REASONS_MAX)
    problems.push({ field: "reasons", key: "tooLong", values: { max: REASONS_MAX } });
  return problems;
}

export function imposeInput(personId: string, values: ImposeFormValues): SecurityMeasureImposeInput {
  return {
    personId,
    measureTypeId: values.measureTypeId,
    decidedOn: values.decidedOn,
    effectiveOn: values.effectiveOn,
    measure: {
      endsOn: values.endsOn,
      nextReviewOn: values.nextReviewOn,
      // Left out, the API takes the type's own.
      legalBasis: values.legalBasis.trim() === "" ? null : values.legalBasis.trim(),
      terms: values.terms.trim() === "" ? null : values.terms.trim(),
    },
    reasons: values.reasons.trim(),
    reasonsClassified: values.reasonsClassified,
  };
}

/** `measure.measureTypeId` (who may impose) is the type's problem; `personId` the whole form's. */
export const imposeFieldOf: FieldResolver = inputPaths(IMPOSE_FIELDS);
