"use client";

import { useMutation } from "@apollo/client/react";
import { useTranslations } from "next-intl";
import { type FormEvent, useId } from "react";
import { CaseCloseDocument, OutcomeRecordDocument } from "@/gql/graphql";
import { FormFrame } from "../decisions/FormFrame";
import { ChoiceGroup, SelectField, TextAreaField, TextField } from "../forms/fields";
import { problemsOfPayload } from "../forms/problems";
import { useFormValues } from "../forms/use-submission";
import {
  CLOSURE_FIELDS,
  CLOSURE_REASONS,
  type ClosureValues,
  checkClosure,
  checkOutcome,
  closureFieldOf,
  closureInput,
  emptyClosure,
  emptyOutcome,
  FOLLOW_UP_NOTE_MAX,
  OUTCOME_FIELDS,
  OUTCOME_KINDS,
  type OutcomeValues,
  outcomeFieldOf,
  outcomeInput,
} from "./follow-up-form";

/** Records what happened to a person after release. */
export function OutcomeForm({
  personId,
  today,
  returnTo,
}: {
  personId: string;
  today: string;
  returnTo: string;
}) {
  const t = useTranslations("followUp.outcomeForm");
  const tKind = useTranslations("enums.outcomeKind");
  const formId = useId();
  const [record] = useMutation(OutcomeRecordDocument);
  const { values, setValues, update, problems, attempt, state, submit } = useFormValues<OutcomeValues>(
    () => emptyOutcome(today),
    returnTo,
  );
  const labels = { kind: t("kind"), occurredOn: t("occurredOn"), note: t("note") };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const recorded = await submit(checkOutcome(values, { today }), async () => {
      const { data } = await record({ variables: { input: outcomeInput(personId, values) } });
      return problemsOfPayload(data?.outcomeRecord, outcomeFieldOf);
    });
    if (recorded) setValues(emptyOutcome(today));
  }

  return (
    <FormFrame
      formId={formId}
      problems={problems}
      attempt={attempt}
      state={state}
      fields={OUTCOME_FIELDS}
      labels={labels}
      done={t("done")}
      submit={t("submit")}
      onSubmit={onSubmit}
    >
      <SelectField
        formId={formId}
        field="kind"
        label={labels.kind}
        problems={problems}
        value={values.kind}
        placeholder={t("chooseKind")}
        choices={OUTCOME_KINDS.map((kind) => ({ value: kind, label: tKind(kind) }))}
        onChange={(kind) => update({ kind })}
      />
      <TextField
        formId={formId}
        field="occurredOn"
        type="date"
        label={labels.occurredOn}
        hint={t("occurredOnHint")}
        problems={problems}
        value={values.occurredOn}
        max={today}
        onChange={(occurredOn) => update({ occurredOn })}
      />
      <TextAreaField
        formId={formId}
        field="note"
        label={labels.note}
        optional
        problems={problems}
        value={values.note}
        rows={3}
        maxLength={FOLLOW_UP_NOTE_MAX}
        onChange={(note) => update({ note })}
      />
    </FormFrame>
  );
}

/** Closes the case of a released person, with the reason (another reason is explained). */
export function CaseCloseForm({
  personId,
  today,
  returnTo,
}: {
  personId: string;
  today: string;
  returnTo: string;
}) {
  const t = useTranslations("followUp.closeForm");
  const tReason = useTranslations("enums.closureReason");
  const formId = useId();
  const [close] = useMutation(CaseCloseDocument);
  const { values, update, problems, attempt, state, submit } = useFormValues<ClosureValues>(
    () => emptyClosure(today),
    returnTo,
  );
  const labels = { reason: t("reason"), closedOn: t("closedOn"), note: t("note") };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await submit(checkClosure(values, { today }), async () => {
      const { data } = await close({ variables: { input: closureInput(personId, values) } });
      return problemsOfPayload(data?.caseClose, closureFieldOf);
    });
  }

  return (
    <FormFrame
      formId={formId}
      problems={problems}
      attempt={attempt}
      state={state}
      fields={CLOSURE_FIELDS}
      labels={labels}
      done={t("done")}
      submit={t("submit")}
      onSubmit={onSubmit}
    >
      <p className="notice notice--warning">{t("warning")}</p>
      <ChoiceGroup
        formId={formId}
        field="reason"
        type="radio"
        label={labels.reason}
        problems={problems}
        selected={values.reason === "" ? [] : [values.reason]}
        onChange={([reason]) => update({ reason: reason ?? "" })}
        choices={CLOSURE_REASONS.map((reason) => ({ value: reason, label: tReason(reason) }))}
      />
      <TextField
        formId={formId}
        field="closedOn"
        type="date"
        label={labels.closedOn}
        hint={t("closedOnHint")}
        problems={problems}
        value={values.closedOn}
        max={today}
        onChange={(closedOn) => update({ closedOn })}
      />
      <TextAreaField
        formId={formId}
        field="note"
        label={labels.note}
        hint={t("noteHint")}
        optional={values.reason !== "OTHER"}
        problems={problems}
        value={values.note}
        rows={3}
        maxLength={FOLLOW_UP_NOTE_MAX}
        onChange={(note) => update({ note })}
      />
    </FormFrame>
  );
}
