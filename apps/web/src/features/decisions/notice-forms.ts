import type {
  AppealAnswerInput,
  AppealBody,
  AppealOutcome,
  AppealRecordInput,
  DecisionNotifyInput,
  MeasureAdvice,
  MeasureEvaluationRecordInput,
  NotificationMethod,
} from "@/gql/graphql";
import { REASONS_MAX } from "@/lib/limits/limits";
import { type FieldResolver, inputPaths, type Problem } from "../forms/problems";

/**
 * The small forms of transparency: how and when the inmate was told of a decision (and which
 * reasons they were given), an appeal against a decision and its answer, and the periodic
 * evaluation a measure type requires. Each: values, the portal's checks (the API's rules), input.
 */

export const NOTIFICATION_METHODS: readonly NotificationMethod[] = ["ORAL_AND_WRITTEN", "WRITTEN", "ORAL"];
export const APPEAL_BODIES: readonly AppealBody[] = [
  "COMPLAINTS_COMMISSION",
  "APPEAL_COMMISSION",
  "COURT",
  "COUNCIL_OF_STATE",
];
export const APPEAL_OUTCOMES: readonly AppealOutcome[] = [
  "UPHELD",
  "PARTLY_UPHELD",
  "DISMISSED",
  "INADMISSIBLE",
  "WITHDRAWN",
];
export const MEASURE_ADVICE: readonly MeasureAdvice[] = ["MAINTAIN", "EASE", "LIFT"];

/** A day between `earliest` and today: the problems of `field` (required unless optional). */
function checkDay(
  problems: Problem[],
  field: string,
  value: string,
  today: string,
  earliest: string | null,
  optional = false,
): void {
  if (value === "") {
    if (!optional) problems.push({ field, key: "required" });
  } else if (value > today) problems.push({ field, key: "notInFuture" });
  else if (earliest !== null && value < earliest)
    problems.push({ field, key: "notBefore", values: { date: earliest } });
}

function checkText(problems: Problem[], field: string, value: string, required: boolean): void {
  const text = value.trim();
  if (text === "") {
    if (required) problems.push({ field, key: "required" });
  } else if (text.length > REASONS_MAX)
    problems.push({ field, key: "tooLong", values: { max: REASONS_MAX } });
}

// --- How the inmate was told ---------------------------------------------------------------

export const NOTIFY_FIELDS = ["notifiedOn", "method", "reasonsGiven", "interpreter"] as const;

export interface NotifyFormValues {
  notifiedOn: string;
  method: NotificationMethod | null;
  reasonsGiven: string;
  interpreter: boolean;
}

/**
 * Today, and the decision's reasons as the reasons given — except where they are classified: the
 * inmate is then given a summary, which the recorder writes.
 */
export function initialNotice(
  decision: { reasons: string; reasonsClassified: boolean },
  today: string,
): NotifyFormValues {
  return {
    notifiedOn: today,
    method: null,
    reasonsGiven: decision.reasonsClassified ? "" : decision.reasons,
    interpreter: false,
  };
}

export function checkNotifyForm(values: NotifyFormValues, decidedOn: string, today: string): Problem[] {
  const problems: Problem[] = [];
  checkDay(problems, "notifiedOn", values.notifiedOn, today, decidedOn);
  if (values.method === null) problems.push({ field: "method", key: "chooseOne" });
  checkText(problems, "reasonsGiven", values.reasonsGiven, true);
  return problems;
}

export function notifyInput(decisionId: string, values: NotifyFormValues): DecisionNotifyInput {
  return {
    decisionId,
    notifiedOn: values.notifiedOn,
    method: values.method as NotificationMethod,
    reasonsGiven: values.reasonsGiven.trim(),
    interpreter: values.interpreter,
  };
}

export const notifyFieldOf: FieldResolver = inputPaths(NOTIFY_FIELDS);

// --- An appeal, and its answer ------------------------------------------------------------

export const APPEAL_FIELDS = ["body", "lodgedOn", "grounds"] as const;

export interface AppealFormValues {
  body: AppealBody | null;
  lodgedOn: string;
  grounds: string;
}

export function emptyAppeal(today: string): AppealFormValues {
  return { body: null, lodgedOn: today, grounds: "" };
}

export function checkAppealForm(values: AppealFormValues, decidedOn: string, today: string): Problem[] {
  const problems: Problem[] = [];
  if (values.body === null) problems.push({ field: "body", key: "chooseOne" });
  checkDay(problems, "lodgedOn", values.lodgedOn, today, decidedOn);
  checkText(problems, "grounds", values.grounds, false);
  return problems;
}

export function appealInput(decisionId: string, values: AppealFormValues): AppealRecordInput {
  return {
    decisionId,
    body: values.body as AppealBody,
    lodgedOn: values.lodgedOn,
    grounds: values.grounds.trim() === "" ? null : values.grounds.trim(),
  };
}

export const appealFieldOf: FieldResolver = inputPaths(APPEAL_FIELDS);

export const ANSWER_FIELDS = ["outcome", "decidedOn", "summary"] as const;

export interface AnswerFormValues {
  outcome: AppealOutcome | null;
  decidedOn: string;
  summary: string;
}

export function emptyAnswer(today: string): AnswerFormValues {
  return { outcome: null, decidedOn: today, summary: "" };
}

export function checkAnswerForm(values: AnswerFormValues, lodgedOn: string, today: string): Problem[] {
  const problems: Problem[] = [];
  if (values.outcome === null) problems.push({ field: "outcome", key: "chooseOne" });
  checkDay(problems, "decidedOn", values.decidedOn, today, lodgedOn);
  checkText(problems, "summary", values.summary, true);
  return problems;
}

export function answerInput(appealId: string, values: AnswerFormValues): AppealAnswerInput {
  return {
    appealId,
    outcome: values.outcome as AppealOutcome,
    decidedOn: values.decidedOn,
    summary: values.summary.trim(),
  };
}

export const answerFieldOf: FieldResolver = inputPaths(ANSWER_FIELDS);

// --- A periodic evaluation ----------------------------------------------------------------

export const EVALUATION_FIELDS = ["evaluatedOn", "advice", "summary"] as const;

export interface EvaluationFormValues {
  evaluatedOn: string;
  advice: MeasureAdvice | null;
  summary: string;
}

export function emptyEvaluation(today: string): EvaluationFormValues {
  return { evaluatedOn: today, advice: null, summary: "" };
}

/** An evaluation falls on a day the measure was in force: from its start, not in the future. */
export function checkEvaluationForm(
  values: EvaluationFormValues,
  startsOn: string,
  today: string,
): Problem[] {
  const problems: Problem[] = [];
  checkDay(problems, "evaluatedOn", values.evaluatedOn, today, startsOn);
  if (values.advice === null) problems.push({ field: "advice", key: "chooseOne" });
  checkText(problems, "summary", values.summary, true);
  return problems;
}

export function evaluationInput(
  measureId: string,
  values: EvaluationFormValues,
): MeasureEvaluationRecordInput {
  return {
    measureId,
    evaluatedOn: values.evaluatedOn,
    advice: values.advice as MeasureAdvice,
    summary: values.summary.trim(),
  };
}

export const evaluationFieldOf: FieldResolver = inputPaths(EVALUATION_FIELDS);
