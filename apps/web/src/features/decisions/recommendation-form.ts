import type { RecommendationKind, RecommendationWriteInput, UnitKind } from "@/gql/graphql";
import {
  MEASURE_TERMS_MAX,
  REASONS_MAX,
  RECOMMENDATION_MAX_EVIDENCE,
  RECOMMENDATION_MAX_MONTHS,
} from "@/lib/limits/limits";
import { type FieldResolver, inputPaths, type Problem, shownOnly } from "../forms/problems";
import { longestImposition, type MeasureTypeRulesLike } from "./measure-rules";

/**
 * The recommendation form's model (CelEx, on the case file): what is recommended — an individual
 * security measure (type, duration, terms), a D-Rad:Ex placement (the unit), a transfer or the
 * ordinary regime (the establishment, and a unit if need be) — with its rationale and the reports
 * and assessments it cites. The portal's own checks repeat the API's rules; then the input.
 */

export const RECOMMENDATION_KINDS: readonly RecommendationKind[] = [
  "SECURITY_MEASURE",
  "DRADEX_PLACEMENT",
  "TRANSFER",
  "ORDINARY_REGIME",
];

export const RECOMMENDATION_FIELDS = [
  "kind",
  "recommendedOn",
  "measureTypeId",
  "months",
  "terms",
  "unitId",
  "establishmentId",
  "rationale",
  "reportIds",
  "assessmentIds",
] as const;
export type RecommendationField = (typeof RECOMMENDATION_FIELDS)[number];

export interface RecommendationFormValues {
  kind: RecommendationKind | null;
  recommendedOn: string;
  measureTypeId: string;
  months: string;
  terms: string;
  establishmentId: string;
  unitId: string;
  rationale: string;
  reportIds: string[];
  assessmentIds: string[];
}

export function emptyRecommendation(today: string): RecommendationFormValues {
  return {
    kind: null,
    recommendedOn: today,
    measureTypeId: "",
    months: "1",
    terms: "",
    establishmentId: "",
    unitId: "",
    rationale: "",
    reportIds: [],
    assessmentIds: [],
  };
}

/** A unit as the form offers it, with the establishment it belongs to. */
export interface UnitOption {
  id: string;
  kind: UnitKind;
  establishmentId: string;
}

export interface RecommendationContext {
  today: string;
  /** Where the inmate is held now (null when unknown to the viewer). */
  current: { establishmentId: string; unitId: string | null } | null;
  units: readonly UnitOption[];
  /** The measure types offered, with who may impose them for how long. */
  types: readonly (Pick<MeasureTypeRulesLike, "impose"> & { id: string })[];
}

/** Whether the kind names a place (a regime decision) rather than a measure. */
export function isRegimeKind(kind: RecommendationKind | null): boolean {
  return kind !== null && kind !== "SECURITY_MEASURE";
}

/** The units a kind may name in an establishment: D-Rad:Ex units for a placement, others otherwise. */
export function unitsFor(
  kind: RecommendationKind | null,
  units: readonly UnitOption[],
  establishmentId: string | null,
): UnitOption[] {
  if (kind === "DRADEX_PLACEMENT") return units.filter((u) => u.kind === "DRADEX");
  return units.filter((u) => u.kind !== "DRADEX" && u.establishmentId === establishmentId);
}

const WHOLE = /^\d{1,3}$/;

export function checkRecommendationForm(
  values: RecommendationFormValues,
  context: RecommendationContext,
): Problem[] {
  const problems: Problem[] = [];
  if (values.kind === null) problems.push({ field: "kind", key: "chooseOne" });
  if (values.recommendedOn === "") problems.push({ field: "recommendedOn", key: "required" });
  else if (values.recommendedOn > context.today)
    problems.push({ field: "recommendedOn", key: "notInFuture" });

  if (values.kind === "SECURITY_MEASURE") {
    if (values.measureTypeId === "") problems.push({ field: "measureTypeId", key: "chooseOne" });
    const months = values.months.trim();
    if (months === "") problems.push({ field: "months", key: "required" });
    else {
      // A duration nobody may impose could only be rejected or amended.
      const type = context.types.find((t) => t.id === values.measureTypeId);
      const longest = (type ? longestImposition(type) : null) ?? RECOMMENDATION_MAX_MONTHS;
      const max = Math.min(longest, RECOMMENDATION_MAX_MONTHS);
      if (!WHOLE.test(months) || Number(months) < 1 || Number(months) > max)
        problems.push({ field: "months", key: "between", values: { min: 1, max } });
    }
    if (values.terms.trim().length > MEASURE_TERMS_MAX)
      problems.push({ field: "terms", key: "tooLong", values: { max: MEASURE_TERMS_MAX } });
  } else if (values.kind === "DRADEX_PLACEMENT") {
    if (!context.units.some((u) => u.id === values.unitId && u.kind === "DRADEX"))
      problems.push({ field: "unitId", key: "chooseOne" });
  } else if (values.kind !== null) {
    if (values.establishmentId === "") problems.push({ field: "establishmentId", key: "chooseOne" });
    else if (values.kind === "TRANSFER" && values.establishmentId === context.current?.establishmentId)
      problems.push({ field: "establishmentId", key: "alreadyThere" });
    else if (
      values.kind === "ORDINARY_REGIME" &&
      context.current !== null &&
      values.establishmentId === context.current.establishmentId &&
      (values.unitId === "" ? null : values.unitId) === context.current.unitId
    )
      problems.push({ field: "establishmentId", key: "alreadyThere" });
  }

  const rationale = values.rationale.trim();
  if (rationale === "") problems.push({ field: "rationale", key: "required" });
  else if (rationale.length > REASONS_MAX)
    problems.push({ field: "rationale", key: "tooLong", values: { max: REASONS_MAX } });
  if (values.reportIds.length + values.assessmentIds.length > RECOMMENDATION_MAX_EVIDENCE)
    problems.push({ field: "reportIds", key: "tooMany", values: { max: RECOMMENDATION_MAX_EVIDENCE } });
  return problems;
}

/** The mutation's input: a measure names its type, duration and terms; a regime its place. */
export function recommendationInput(
  personId: string,
  values: RecommendationFormValues,
  units: readonly UnitOption[],
): RecommendationWriteInput {
  const kind = values.kind as RecommendationKind;
  const base = {
    personId,
    kind,
    recommendedOn: values.recommendedOn,
    rationale: values.rationale.trim(),
    reportIds: values.reportIds,
    assessmentIds: values.assessmentIds,
  };
  if (kind === "SECURITY_MEASURE")
    return {
      ...base,
      measureTypeId: values.measureTypeId,
      months: Number(values.months.trim()),
      terms: values.terms.trim() === "" ? null : values.terms.trim(),
    };
  if (kind === "DRADEX_PLACEMENT")
    return {
      ...base,
      unitId: values.unitId,
      establishmentId: units.find((u) => u.id === values.unitId)?.establishmentId ?? null,
    };
  return {
    ...base,
    establishmentId: values.establishmentId,
    unitId: values.unitId === "" ? null : values.unitId,
  };
}

/** The fields the form shows for a kind (the rest are not asked for). */
export function recommendationFieldsShown(kind: RecommendationKind | null): RecommendationField[] {
  const always: RecommendationField[] = ["kind", "recommendedOn", "rationale", "reportIds", "assessmentIds"];
  if (kind === "SECURITY_MEASURE") return [...always, "measureTypeId", "months", "terms"];
  if (kind === "DRADEX_PLACEMENT") return [...always, "unitId"];
  if (kind === null) return always;
  return [...always, "establishmentId", "unitId"];
}

/**
 * The API's input paths onto the fields shown for the kind: `reportIds.2` → reportIds; a field
 * not shown, or `personId`, → the whole form.
 */
export function recommendationFieldOf(kind: RecommendationKind | null): FieldResolver {
  return shownOnly(inputPaths(RECOMMENDATION_FIELDS), recommendationFieldsShown(kind));
}
