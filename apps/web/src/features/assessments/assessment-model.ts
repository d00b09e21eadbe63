import type {
  IndicatorRating,
  InstrumentStructureFragment,
  RiskAssessmentRecordInput,
  RiskJudgement,
} from "@/gql/graphql";
import {
  DOMAIN_SUMMARY_MAX,
  NARRATIVE_MAX,
  NOT_RATED_REASON_MAX,
  REASSESSMENT_MAX_MONTHS,
} from "@/lib/limits/limits";
import { addMonthsIso } from "@/lib/time/calendar";
import type { FieldResolver, Problem } from "../forms/problems";

/**
 * The risk-assessment form is generated from the instrument's data: one fieldset per domain (in
 * the instrument's order), one radio group per indicator on the instrument's rating scale, plus
 * "not rated" with a reason; a summary per domain; the final judgement, narrative and review date.
 * Nothing here knows VERA-2R: another instrument version gives another form.
 *
 * Form field keys: `rating:<indicator>`, `reason:<indicator>`, `summary:<domain>`, and
 * `instrument`, `assessedOn`, `nextReviewOn`, `finalJudgement`, `narrative`.
 */

export const JUDGEMENTS: readonly RiskJudgement[] = ["LOW", "MODERATE", "HIGH"];
/** Reassess after six months unless the assessor says otherwise (the API allows up to twelve). */
export const DEFAULT_REVIEW_MONTHS = 6;

export interface ModelIndicator {
  code: string;
  name: string;
  required: boolean;
  licensedText: string | null;
}

export interface ModelDomain {
  code: string;
  name: string;
  /** No indicator of the domain must be rated (VERA-2R's additional domains). */
  optional: boolean;
  indicators: ModelIndicator[];
}

export interface AssessmentModel {
  instrumentId: string;
  label: string;
  /** The instrument's own ratings, in its order; "not rated" (with a reason) is always offered too. */
  scale: IndicatorRating[];
  domains: ModelDomain[];
}

const byPosition = <T extends { position: number }>(items: readonly T[]): T[] =>
  [...items].sort((a, b) => a.position - b.position);

export function buildAssessmentModel(instrument: InstrumentStructureFragment): AssessmentModel {
  return {
    instrumentId: instrument.id,
    label: `${instrument.code} ${instrument.version}`,
    scale: [...new Set(instrument.ratingScale.filter((r) => r !== "NOT_RATED"))],
    domains: byPosition(instrument.domains).map((domain) => {
      const indicators = byPosition(domain.indicators).map((i) => ({
        code: i.code,
        name: i.name,
        required: i.required,
        licensedText: i.licensedText,
      }));
      return {
        code: domain.code,
        name: domain.name,
        optional: indicators.every((i) => !i.required),
        indicators,
      };
    }),
  };
}

/** Every rating the form offers for an indicator: the instrument's scale, then "not rated". */
export function ratingOptions(model: AssessmentModel): IndicatorRating[] {
  return [...model.scale, "NOT_RATED"];
}

export interface AssessmentValues {
  assessedOn: string;
  nextReviewOn: string;
  finalJudgement: RiskJudgement | null;
  narrative: string;
  /** Indicator code → rating; an indicator left out is not rated at all (optional ones only). */
  ratings: Record<string, IndicatorRating>;
  /** Indicator code → why it is not rated. */
  reasons: Record<string, string>;
  /** Domain code → the assessor's summary. */
  summaries: Record<string, string>;
}

export function emptyAssessment(today: string): AssessmentValues {
  return {
    assessedOn: today,
    nextReviewOn: addMonthsIso(today, DEFAULT_REVIEW_MONTHS),
    finalJudgement: null,
    narrative: "",
    ratings: {},
    reasons: {},
    summaries: {},
  };
}

export const ratingField = (code: string) => `rating:${code}`;
export const reasonField = (code: string) => `reason:${code}`;
export const summaryField = (code: string) => `summary:${code}`;

/** The form's fields in their order on the page (for the error summary). */
export function assessmentFieldOrder(model: AssessmentModel): string[] {
  const fields = ["instrument", "assessedOn"];
  for (const domain of model.domains) {
    for (const indicator of domain.indicators)
      fields.push(ratingField(indicator.code), reasonField(indicator.code));
    fields.push(summaryField(domain.code));
  }
  fields.push("finalJudgement", "narrative", "nextReviewOn");
  return fields;
}

/**
 * What the portal can see before sending: every required indicator rated (or not rated with a
 * reason), a reason for every "not rated", the judgement, the narrative, sensible dates.
 */
export function checkAssessmentForm(
  model: AssessmentModel,
  values: AssessmentValues,
  today: string,
): Problem[] {
  const problems: Problem[] = [];
  if (values.assessedOn === "") problems.push({ field: "assessedOn", key: "required" });
  else if (values.assessedOn > today) problems.push({ field: "assessedOn", key: "notInFuture" });
  const offered = ratingOptions(model);
  for (const domain of model.domains) {
    for (const indicator of domain.indicators) {
      const rating = values.ratings[indicator.code];
      if (rating === undefined || !offered.includes(rating)) {
        if (indicator.required)
          problems.push({
            field: ratingField(indicator.code),
            key: "mustRate",
            values: { code: indicator.code },
          });
        continue;
      }
      if (rating === "NOT_RATED") {
        const reason = (values.reasons[indicator.code] ?? "").trim();
        if (reason === "") problems.push({ field: reasonField(indicator.code), key: "notRatedReason" });
        else if (reason.length > NOT_RATED_REASON_MAX)
          problems.push({
            field: reasonField(indicator.code),
            key: "tooLong",
            values: { max: NOT_RATED_REASON_MAX },
          });
      }
    }
    if ((values.summaries[domain.code] ?? "").trim().length > DOMAIN_SUMMARY_MAX)
      problems.push({
        field: summaryField(domain.code),
        key: "tooLong",
        values: { max: DOMAIN_SUMMARY_MAX },
      });
  }
  if (values.finalJudgement === null) problems.push({ field: "finalJudgement", key: "chooseOne" });
  const narrative = values.narrative.trim();
  if (narrative === "") problems.push({ field: "narrative", key: "required" });
  else if (narrative.length > NARRATIVE_MAX)
    problems.push({ field: "narrative", key: "tooLong", values: { max: NARRATIVE_MAX } });
  if (values.nextReviewOn === "") problems.push({ field: "nextReviewOn", key: "required" });
  else if (values.assessedOn !== "") {
    if (values.nextReviewOn <= values.assessedOn)
      problems.push({ field: "nextReviewOn", key: "afterDate", values: { date: values.assessedOn } });
    else if (values.nextReviewOn > addMonthsIso(values.assessedOn, REASSESSMENT_MAX_MONTHS))
      problems.push({
        field: "nextReviewOn",
        key: "atMostMonthsAfter",
        values: { months: REASSESSMENT_MAX_MONTHS },
      });
  }
  return problems;
}

export interface BuiltAssessment {
  input: RiskAssessmentRecordInput;
  /** The indicator of each entry of `input.ratings`, to map the API's `ratings.<n>` paths back. */
  ratingOrder: string[];
  /** The domain of each entry of `input.domainSummaries`. */
  summaryOrder: string[];
}

/** The mutation's input: the rated indicators in the instrument's order, the non-empty summaries. */
export function assessmentInput(
  model: AssessmentModel,
  personId: string,
  values: AssessmentValues,
): BuiltAssessment {
  const ratingOrder: string[] = [];
  const summaryOrder: string[] = [];
  const ratings: RiskAssessmentRecordInput["ratings"] = [];
  const domainSummaries: NonNullable<RiskAssessmentRecordInput["domainSummaries"]> = [];
  for (const domain of model.domains) {
    for (const indicator of domain.indicators) {
      const rating = values.ratings[indicator.code];
      if (rating === undefined) continue;
      ratingOrder.push(indicator.code);
      ratings.push({
        indicatorCode: indicator.code,
        rating,
        notRatedReason: rating === "NOT_RATED" ? (values.reasons[indicator.code] ?? "").trim() : null,
      });
    }
    const summary = (values.summaries[domain.code] ?? "").trim();
    if (summary !== "") {
      summaryOrder.push(domain.code);
      domainSummaries.push({ domainCode: domain.code, summary });
    }
  }
  return {
    input: {
      personId,
      instrumentId: model.instrumentId,
      assessedOn: values.assessedOn,
      nextReviewOn: values.nextReviewOn,
      finalJudgement: values.finalJudgement as RiskJudgement,
      narrative: values.narrative.trim(),
      ratings,
      domainSummaries,
    },
    ratingOrder,
    summaryOrder,
  };
}

const DIRECT = ["assessedOn", "nextReviewOn", "finalJudgement", "narrative"];

/**
 * The API's input paths on the generated form: `ratings.3.rating` is the fourth indicator sent,
 * `domainSummaries.0.summary` the first summary sent, `instrumentId` the instrument choice. A
 * missing required indicator comes back on `ratings` as a whole (the form checks those first).
 */
export function assessmentFieldOf(
  built: Pick<BuiltAssessment, "ratingOrder" | "summaryOrder">,
): FieldResolver {
  return (path) => {
    const [head, index, leaf] = path.split(".");
    if (head === undefined) return null;
    if (DIRECT.includes(head)) return head;
    if (head === "instrumentId") return "instrument";
    if (head === "ratings" && index !== undefined) {
      const code = built.ratingOrder[Number(index)];
      if (code === undefined) return null;
      return leaf === "notRatedReason" ? reasonField(code) : ratingField(code);
    }
    if (head === "domainSummaries" && index !== undefined) {
      const code = built.summaryOrder[Number(index)];
      return code === undefined ? null : summaryField(code);
    }
    return null;
  };
}
