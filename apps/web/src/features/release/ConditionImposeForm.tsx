"use client";

import { useMutation } from "@apollo/client/react";
import { useTranslations } from "next-intl";
import { type FormEvent, useId } from "react";
import { ReleaseConditionImposeDocument } from "@/gql/graphql";
import { FormFrame } from "../decisions/FormFrame";
import { TextField } from "../forms/fields";
import { problemsOfPayload } from "../forms/problems";
import { useFormValues } from "../forms/use-submission";
import { useIsoDate } from "../i18n/DateText";
import { type ConditionChoices, ConditionTermsFields, useConditionLabels } from "./ConditionTermsFields";
import {
  checkImpose,
  emptyImpose,
  IMPOSE_FIELDS,
  type ImposeValues,
  imposeFieldOf,
  imposeInput,
} from "./release-form";

/**
 * Imposes a condition on a released person after the release (e.g. by the sentence implementation
 * court): from a day not before the release, not in the future, with the terms of any condition.
 */
export function ConditionImposeForm({
  personId,
  releasedOn,
  choices,
  today,
  returnTo,
}: {
  personId: string;
  /** The release the condition follows; null where the viewer does not read it (the API checks). */
  releasedOn: string | null;
  choices: ConditionChoices;
  today: string;
  returnTo: string;
}) {
  const t = useTranslations("release.forms.impose");
  const formatDate = useIsoDate();
  const formId = useId();
  const [impose] = useMutation(ReleaseConditionImposeDocument);
  const { values, setValues, update, problems, attempt, state, submit } = useFormValues<ImposeValues>(
    () => emptyImpose(today),
    returnTo,
  );
  const labels: Record<keyof ImposeValues, string> = { ...useConditionLabels(), imposedOn: t("imposedOn") };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const local = checkImpose(values, {
      today,
      releasedOn,
      types: choices.types,
      agencyIds: choices.agencies.map((a) => a.id),
    });
    const recorded = await submit(local, async () => {
      const { data } = await impose({ variables: { input: imposeInput(personId, values) } });
      return problemsOfPayload(data?.releaseConditionImpose, imposeFieldOf);
    });
    if (recorded) setValues(emptyImpose(today));
  }

  return (
    <FormFrame
      formId={formId}
      problems={problems}
      attempt={attempt}
      state={state}
      fields={IMPOSE_FIELDS}
      labels={labels}
      done={t("done")}
      submit={t("submit")}
      onSubmit={onSubmit}
    >
      <TextField
        formId={formId}
        field="imposedOn"
        type="date"
        label={labels.imposedOn}
        hint={releasedOn ? t("imposedOnHintSince", { date: formatDate(releasedOn) }) : t("imposedOnHint")}
        problems={problems}
        value={values.imposedOn}
        min={releasedOn ?? undefined}
        max={today}
        onChange={(imposedOn) => update({ imposedOn })}
      />
      <ConditionTermsFields
        formId={formId}
        choices={choices}
        values={values}
        problems={problems}
        startsOnHint={t("endsOnHint")}
        onChange={update}
      />
    </FormFrame>
  );
}
