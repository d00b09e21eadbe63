"use client";

import { useMutation } from "@apollo/client/react";
import { useTranslations } from "next-intl";
import { type FormEvent, useId } from "react";
import { ConditionBreachRecordDocument } from "@/gql/graphql";
import { FormFrame } from "../decisions/FormFrame";
import { TextAreaField, TextField } from "../forms/fields";
import { problemsOfPayload } from "../forms/problems";
import { useFormValues } from "../forms/use-submission";
import {
  BREACH_DESCRIPTION_MAX,
  BREACH_FIELDS,
  BREACH_RESPONSE_MAX,
  type BreachValues,
  breachFieldOf,
  breachInput,
  checkBreach,
  emptyBreach,
} from "./release-form";

/** Records a breach of an active condition: when, what happened, the response given. */
export function BreachForm({
  condition,
  today,
  returnTo,
}: {
  condition: { id: string; imposedOn: string | null };
  today: string;
  returnTo: string;
}) {
  const t = useTranslations("release.forms.breach");
  const formId = useId();
  const [record] = useMutation(ConditionBreachRecordDocument);
  const { values, setValues, update, problems, attempt, state, submit } = useFormValues<BreachValues>(
    () => emptyBreach(today),
    returnTo,
  );
  const labels: Record<string, string> = {
    occurredOn: t("occurredOn"),
    description: t("description"),
    response: t("response"),
  };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const local = checkBreach(values, { today, imposedOn: condition.imposedOn });
    const recorded = await submit(local, async () => {
      const { data } = await record({ variables: { input: breachInput(condition.id, values) } });
      return problemsOfPayload(data?.conditionBreachRecord, breachFieldOf);
    });
    if (recorded) setValues(emptyBreach(today));
  }

  return (
    <FormFrame
      formId={formId}
      problems={problems}
      attempt={attempt}
      state={state}
      fields={BREACH_FIELDS}
      labels={labels}
      done={t("done")}
      submit={t("submit")}
      onSubmit={onSubmit}
    >
      <TextField
        formId={formId}
        field="occurredOn"
        type="date"
        label={labels.occurredOn}
        hint={t("occurredOnHint")}
        problems={problems}
        value={values.occurredOn}
        min={condition.imposedOn ?? undefined}
        max={today}
        onChange={(occurredOn) => update({ occurredOn })}
      />
      <TextAreaField
        formId={formId}
        field="description"
        label={labels.description}
        hint={t("descriptionHint", { max: BREACH_DESCRIPTION_MAX })}
        problems={problems}
        value={values.description}
        maxLength={BREACH_DESCRIPTION_MAX}
        rows={3}
        onChange={(description) => update({ description })}
      />
      <TextAreaField
        formId={formId}
        field="response"
        label={labels.response}
        optional
        hint={t("responseHint", { max: BREACH_RESPONSE_MAX })}
        problems={problems}
        value={values.response}
        maxLength={BREACH_RESPONSE_MAX}
        rows={2}
        onChange={(response) => update({ response })}
      />
    </FormFrame>
  );
}
