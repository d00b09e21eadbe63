"use client";

import { useMutation } from "@apollo/client/react";
import { useTranslations } from "next-intl";
import { type FormEvent, useId } from "react";
import {
  AppealAnswerDocument,
  type AppealBody,
  type AppealOutcome,
  AppealRecordDocument,
  DecisionNotifyDocument,
  type MeasureAdvice,
  MeasureEvaluationRecordDocument,
  type NotificationMethod,
} from "@/gql/graphql";
import { REASONS_MAX } from "@/lib/limits/limits";
import { CheckboxField, ChoiceGroup, TextAreaField, TextField } from "../forms/fields";
import { problemsOfPayload } from "../forms/problems";
import { useFormValues } from "../forms/use-submission";
import { FormFrame } from "./FormFrame";
import {
  ANSWER_FIELDS,
  type AnswerFormValues,
  APPEAL_BODIES,
  APPEAL_FIELDS,
  APPEAL_OUTCOMES,
  type AppealFormValues,
  answerFieldOf,
  answerInput,
  appealFieldOf,
  appealInput,
  checkAnswerForm,
  checkAppealForm,
  checkEvaluationForm,
  checkNotifyForm,
  EVALUATION_FIELDS,
  type EvaluationFormValues,
  emptyAnswer,
  emptyAppeal,
  emptyEvaluation,
  evaluationFieldOf,
  evaluationInput,
  initialNotice,
  MEASURE_ADVICE,
  NOTIFICATION_METHODS,
  NOTIFY_FIELDS,
  type NotifyFormValues,
  notifyFieldOf,
  notifyInput,
} from "./notice-forms";

/** How and when the inmate was told of a decision, and the reasons they were given. */
export function NotifyForm({
  decision,
  today,
  returnTo,
  afterDone,
}: {
  decision: { id: string; decidedOn: string; reasons: string; reasonsClassified: boolean };
  today: string;
  returnTo: string;
  /** Where the focus goes once recorded, when the form leaves the page with its row (a queue). */
  afterDone?: string;
}) {
  const t = useTranslations("decisionForms.notify");
  const tEnums = useTranslations("enums");
  const formId = useId();
  const [notify] = useMutation(DecisionNotifyDocument);
  const { values, update, problems, attempt, state, submit } = useFormValues<NotifyFormValues>(
    () => initialNotice(decision, today),
    returnTo,
  );
  const labels: Record<string, string> = {
    notifiedOn: t("notifiedOn"),
    method: t("method"),
    reasonsGiven: t("reasonsGiven"),
    interpreter: t("interpreter"),
  };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const recorded = await submit(checkNotifyForm(values, decision.decidedOn, today), async () => {
      const { data } = await notify({ variables: { input: notifyInput(decision.id, values) } });
      return problemsOfPayload(data?.decisionNotify, notifyFieldOf);
    });
    if (recorded && afterDone) document.getElementById(afterDone)?.focus();
  }

  return (
    <FormFrame
      formId={formId}
      problems={problems}
      attempt={attempt}
      state={state}
      fields={NOTIFY_FIELDS}
      labels={labels}
      done={t("done")}
      submit={t("submit")}
      onSubmit={onSubmit}
    >
      <TextField
        formId={formId}
        field="notifiedOn"
        type="date"
        label={labels.notifiedOn}
        problems={problems}
        value={values.notifiedOn}
        min={decision.decidedOn}
        max={today}
        onChange={(notifiedOn) => update({ notifiedOn })}
      />
      <ChoiceGroup
        formId={formId}
        field="method"
        type="radio"
        label={labels.method}
        problems={problems}
        choices={NOTIFICATION_METHODS.map((m) => ({ value: m, label: tEnums(`notificationMethod.${m}`) }))}
        selected={values.method ? [values.method] : []}
        onChange={([method]) => update({ method: method as NotificationMethod })}
      />
      <TextAreaField
        formId={formId}
        field="reasonsGiven"
        label={labels.reasonsGiven}
        hint={decision.reasonsClassified ? t("reasonsGivenClassified") : t("reasonsGivenHint")}
        problems={problems}
        value={values.reasonsGiven}
        maxLength={REASONS_MAX}
        onChange={(reasonsGiven) => update({ reasonsGiven })}
      />
      <CheckboxField
        formId={formId}
        field="interpreter"
        label={labels.interpreter}
        problems={problems}
        checked={values.interpreter}
        onChange={(interpreter) => update({ interpreter })}
      />
    </FormFrame>
  );
}

/** An appeal or complaint the inmate lodged against a decision. */
export function AppealForm({
  decision,
  today,
  returnTo,
}: {
  decision: { id: string; decidedOn: string };
  today: string;
  returnTo: string;
}) {
  const t = useTranslations("decisionForms.appeal");
  const tEnums = useTranslations("enums");
  const formId = useId();
  const [record] = useMutation(AppealRecordDocument);
  const { values, setValues, update, problems, attempt, state, submit } = useFormValues<AppealFormValues>(
    () => emptyAppeal(today),
    returnTo,
  );
  const labels: Record<string, string> = { body: t("body"), lodgedOn: t("lodgedOn"), grounds: t("grounds") };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const recorded = await submit(checkAppealForm(values, decision.decidedOn, today), async () => {
      const { data } = await record({ variables: { input: appealInput(decision.id, values) } });
      return problemsOfPayload(data?.appealRecord, appealFieldOf);
    });
    if (recorded) setValues(emptyAppeal(today));
  }

  return (
    <FormFrame
      formId={formId}
      problems={problems}
      attempt={attempt}
      state={state}
      fields={APPEAL_FIELDS}
      labels={labels}
      done={t("done")}
      submit={t("submit")}
      onSubmit={onSubmit}
    >
      <ChoiceGroup
        formId={formId}
        field="body"
        type="radio"
        label={labels.body}
        problems={problems}
        choices={APPEAL_BODIES.map((b) => ({ value: b, label: tEnums(`appealBody.${b}`) }))}
        selected={values.body ? [values.body] : []}
        onChange={([body]) => update({ body: body as AppealBody })}
      />
      <TextField
        formId={formId}
        field="lodgedOn"
        type="date"
        label={labels.lodgedOn}
        problems={problems}
        value={values.lodgedOn}
        min={decision.decidedOn}
        max={today}
        onChange={(lodgedOn) => update({ lodgedOn })}
      />
      <TextAreaField
        formId={formId}
        field="grounds"
        optional
        label={labels.grounds}
        problems={problems}
        value={values.grounds}
        maxLength={REASONS_MAX}
        onChange={(grounds) => update({ grounds })}
      />
    </FormFrame>
  );
}

/** The answer to an appeal (recorded once). */
export function AppealAnswerForm({
  appeal,
  today,
  returnTo,
  afterDone,
}: {
  appeal: { id: string; lodgedOn: string };
  today: string;
  returnTo: string;
  /** Where the focus goes once recorded, when the form leaves the page with its row (a queue). */
  afterDone?: string;
}) {
  const t = useTranslations("decisionForms.answer");
  const tEnums = useTranslations("enums");
  const formId = useId();
  const [answer] = useMutation(AppealAnswerDocument);
  const { values, update, problems, attempt, state, submit } = useFormValues<AnswerFormValues>(
    () => emptyAnswer(today),
    returnTo,
  );
  const labels: Record<string, string> = {
    outcome: t("outcome"),
    decidedOn: t("decidedOn"),
    summary: t("summary"),
  };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const recorded = await submit(checkAnswerForm(values, appeal.lodgedOn, today), async () => {
      const { data } = await answer({ variables: { input: answerInput(appeal.id, values) } });
      return problemsOfPayload(data?.appealAnswer, answerFieldOf);
    });
    if (recorded && afterDone) document.getElementById(afterDone)?.focus();
  }

  return (
    <FormFrame
      formId={formId}
      problems={problems}
      attempt={attempt}
      state={state}
      fields={ANSWER_FIELDS}
      labels={labels}
      done={t("done")}
      submit={t("submit")}
      onSubmit={onSubmit}
    >
      <ChoiceGroup
        formId={formId}
        field="outcome"
        type="radio"
        label={labels.outcome}
        problems={problems}
        choices={APPEAL_OUTCOMES.map((o) => ({ value: o, label: tEnums(`appealOutcome.${o}`) }))}
        selected={values.outcome ? [values.outcome] : []}
        onChange={([outcome]) => update({ outcome: outcome as AppealOutcome })}
      />
      <TextField
        formId={formId}
        field="decidedOn"
        type="date"
        label={labels.decidedOn}
        problems={problems}
        value={values.decidedOn}
        min={appeal.lodgedOn}
        max={today}
        onChange={(decidedOn) => update({ decidedOn })}
      />
      <TextAreaField
        formId={formId}
        field="summary"
        label={labels.summary}
        problems={problems}
        value={values.summary}
        maxLength={REASONS_MAX}
        onChange={(summary) => update({ summary })}
      />
    </FormFrame>
  );
}

/** The periodic evaluation a measure type requires of the viewer's service. */
export function EvaluationForm({
  measure,
  today,
  returnTo,
}: {
  measure: { id: string; startsOn: string };
  today: string;
  returnTo: string;
}) {
  const t = useTranslations("decisionForms.evaluation");
  const tEnums = useTranslations("enums");
  const formId = useId();
  const [record] = useMutation(MeasureEvaluationRecordDocument);
  const { values, setValues, update, problems, attempt, state, submit } = useFormValues<EvaluationFormValues>(
    () => emptyEvaluation(today),
    returnTo,
  );
  const labels: Record<string, string> = {
    evaluatedOn: t("evaluatedOn"),
    advice: t("advice"),
    summary: t("summary"),
  };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const recorded = await submit(checkEvaluationForm(values, measure.startsOn, today), async () => {
      const { data } = await record({ variables: { input: evaluationInput(measure.id, values) } });
      return problemsOfPayload(data?.measureEvaluationRecord, evaluationFieldOf);
    });
    if (recorded) setValues(emptyEvaluation(today));
  }

  return (
    <FormFrame
      formId={formId}
      problems={problems}
      attempt={attempt}
      state={state}
      fields={EVALUATION_FIELDS}
      labels={labels}
      done={t("done")}
      submit={t("submit")}
      onSubmit={onSubmit}
    >
      <TextField
        formId={formId}
        field="evaluatedOn"
        type="date"
        label={labels.evaluatedOn}
        problems={problems}
        value={values.evaluatedOn}
        min={measure.startsOn}
        max={today}
        onChange={(evaluatedOn) => update({ evaluatedOn })}
      />
      <ChoiceGroup
        formId={formId}
        field="advice"
        type="radio"
        inline
        label={labels.advice}
        problems={problems}
        choices={MEASURE_ADVICE.map((a) => ({ value: a, label: tEnums(`measureAdvice.${a}`) }))}
        selected={values.advice ? [values.advice] : []}
        onChange={([advice]) => update({ advice: advice as MeasureAdvice })}
      />
      <TextAreaField
        formId={formId}
        field="summary"
        label={labels.summary}
        hint={t("summaryHint", { max: REASONS_MAX })}
        problems={problems}
        value={values.summary}
        maxLength={REASONS_MAX}
        onChange={(summary) => update({ summary })}
      />
    </FormFrame>
  );
}
