"use client";

import { useMutation } from "@apollo/client/react";
import { useTranslations } from "next-intl";
import { type FormEvent, useId } from "react";
import { ProgrammeStatusChangeDocument } from "@/gql/graphql";
import { useRouter } from "@/i18n/navigation";
import { PROGRAMME_NOTE_MAX } from "@/lib/limits/limits";
import { FormFrame } from "../decisions/FormFrame";
import { ChoiceGroup, TextAreaField, TextField } from "../forms/fields";
import { problemsFromUserErrors } from "../forms/problems";
import { useFormValues } from "../forms/use-submission";
import {
  checkStatusChange,
  emptyStatusChange,
  STATUS_FIELDS,
  type StatusValues,
  statusChangeInput,
  statusFieldOf,
} from "./programme-form";
import type { StatusChoice } from "./programme-rules";

/**
 * The provider records the person's answer or the programme's course: only the statuses that may
 * follow the current one are offered. A final status (refused, completed, discontinued) ends the
 * provider's need to know: once recorded, the person is out of its sight, so the page goes back to
 * the caseload, which confirms it.
 */
export function ProgrammeStatusForm({
  participation,
  choices,
  lastOn,
  today,
  returnTo,
}: {
  participation: { id: string; version: number };
  choices: readonly StatusChoice[];
  lastOn: string;
  today: string;
  returnTo: string;
}) {
  const t = useTranslations("programmeForms.status");
  const tStatus = useTranslations("enums.programmeStatus");
  const router = useRouter();
  const formId = useId();
  const [change] = useMutation(ProgrammeStatusChangeDocument);
  const { values, setValues, update, problems, attempt, state, submit } = useFormValues<StatusValues>(
    () => emptyStatusChange(today),
    returnTo,
  );
  const labels: Record<string, string> = { status: t("status"), on: t("on"), note: t("note") };
  const chosen = choices.find((c) => c.status === values.status) ?? null;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const outcome = { closed: false };
    const allowed = choices.map((c) => c.status);
    const recorded = await submit(
      checkStatusChange(values, { today, allowed, lastOn }),
      async () => {
        const { data } = await change({ variables: { input: statusChangeInput(participation, values) } });
        const payload = data?.programmeStatusChange;
        if (!payload) throw new Error("no answer");
        outcome.closed = payload.userErrors.length === 0 && payload.person === null;
        return problemsFromUserErrors(payload.userErrors, statusFieldOf);
      },
      { refresh: false },
    );
    if (!recorded) return;
    if (outcome.closed && chosen) router.push(`/programmes?closed=${encodeURIComponent(chosen.status)}`);
    else {
      setValues(emptyStatusChange(today));
      router.refresh();
    }
  }

  return (
    <FormFrame
      formId={formId}
      problems={problems}
      attempt={attempt}
      state={state}
      fields={STATUS_FIELDS}
      labels={labels}
      done={t("done")}
      submit={chosen?.final ? t("submitFinal") : t("submit")}
      onSubmit={onSubmit}
    >
      <ChoiceGroup
        formId={formId}
        field="status"
        type="radio"
        label={labels.status}
        hint={t("statusHint")}
        problems={problems}
        selected={values.status === "" ? [] : [values.status]}
        onChange={([status]) => update({ status: status ?? "" })}
        choices={choices.map((c) => ({
          value: c.status,
          label: tStatus(c.status),
          note: c.final ? t("finalNote") : undefined,
        }))}
      />
      {chosen?.final ? (
        <p className="notice notice--warning" id={`${formId}-final`}>
          {t("finalWarning")}
        </p>
      ) : null}
      <TextField
        formId={formId}
        field="on"
        type="date"
        label={labels.on}
        problems={problems}
        value={values.on}
        min={lastOn}
        max={today}
        onChange={(on) => update({ on })}
      />
      <TextAreaField
        formId={formId}
        field="note"
        label={labels.note}
        hint={t("noteHint", { max: PROGRAMME_NOTE_MAX })}
        optional
        problems={problems}
        value={values.note}
        maxLength={PROGRAMME_NOTE_MAX}
        onChange={(note) => update({ note })}
      />
    </FormFrame>
  );
}
