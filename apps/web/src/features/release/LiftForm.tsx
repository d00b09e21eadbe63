"use client";

import { useMutation } from "@apollo/client/react";
import { useTranslations } from "next-intl";
import { type FormEvent, useId } from "react";
import { ReleaseConditionLiftDocument } from "@/gql/graphql";
import { FormFrame } from "../decisions/FormFrame";
import { TextAreaField, TextField } from "../forms/fields";
import { problemsOfPayload } from "../forms/problems";
import { useFormValues } from "../forms/use-submission";
import {
  checkLift,
  emptyLift,
  LIFT_FIELDS,
  LIFT_REASON_MAX,
  type LiftValues,
  liftFieldOf,
  liftInput,
} from "./release-form";

/** Lifts an active condition early, from a day, with the reason (at the version read). */
export function LiftForm({
  condition,
  today,
  returnTo,
}: {
  condition: { id: string; version: number; imposedOn: string | null; endsOn: string | null };
  today: string;
  returnTo: string;
}) {
  const t = useTranslations("release.forms.lift");
  const formId = useId();
  const [lift] = useMutation(ReleaseConditionLiftDocument);
  const { values, update, problems, attempt, state, submit } = useFormValues<LiftValues>(
    () => emptyLift(today),
    returnTo,
  );
  const labels: Record<string, string> = { liftedOn: t("liftedOn"), reason: t("reason") };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const local = checkLift(values, { today, imposedOn: condition.imposedOn, endsOn: condition.endsOn });
    await submit(local, async () => {
      const { data } = await lift({ variables: { input: liftInput(condition, values) } });
      return problemsOfPayload(data?.releaseConditionLift, liftFieldOf);
    });
  }

  return (
    <FormFrame
      formId={formId}
      problems={problems}
      attempt={attempt}
      state={state}
      fields={LIFT_FIELDS}
      labels={labels}
      done={t("done")}
      submit={t("submit")}
      onSubmit={onSubmit}
    >
      <TextField
        formId={formId}
        field="liftedOn"
        type="date"
        label={labels.liftedOn}
        hint={t("liftedOnHint")}
        problems={problems}
        value={values.liftedOn}
        max={today}
        onChange={(liftedOn) => update({ liftedOn })}
      />
      <TextAreaField
        formId={formId}
        field="reason"
        label={labels.reason}
        hint={t("reasonHint", { max: LIFT_REASON_MAX })}
        problems={problems}
        value={values.reason}
        maxLength={LIFT_REASON_MAX}
        rows={3}
        onChange={(reason) => update({ reason })}
      />
    </FormFrame>
  );
}
