"use client";

import { useMutation } from "@apollo/client/react";
import { useTranslations } from "next-intl";
import { type FormEvent, useId } from "react";
import { ReleaseConditionProposeDocument } from "@/gql/graphql";
import { FormFrame } from "../decisions/FormFrame";
import { problemsOfPayload } from "../forms/problems";
import { useFormValues } from "../forms/use-submission";
import { type ConditionChoices, ConditionTermsFields, useConditionLabels } from "./ConditionTermsFields";
import {
  CONDITION_FIELDS,
  type ConditionValues,
  checkConditionTerms,
  emptyCondition,
  proposeFieldOf,
  proposeInput,
} from "./release-form";

/** Proposes a condition for the release of a detained person (imposed at a conditional release). */
export function ConditionProposeForm({
  personId,
  choices,
  today,
  returnTo,
}: {
  personId: string;
  choices: ConditionChoices;
  today: string;
  returnTo: string;
}) {
  const t = useTranslations("release.forms.propose");
  const formId = useId();
  const [propose] = useMutation(ReleaseConditionProposeDocument);
  const { values, setValues, update, problems, attempt, state, submit } = useFormValues<ConditionValues>(
    emptyCondition,
    returnTo,
  );
  const labels = useConditionLabels();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const local = checkConditionTerms(values, {
      types: choices.types,
      agencyIds: choices.agencies.map((a) => a.id),
      startsOn: today,
    });
    const recorded = await submit(local, async () => {
      const { data } = await propose({ variables: { input: proposeInput(personId, values) } });
      return problemsOfPayload(data?.releaseConditionPropose, proposeFieldOf);
    });
    if (recorded) setValues(emptyCondition());
  }

  return (
    <FormFrame
      formId={formId}
      problems={problems}
      attempt={attempt}
      state={state}
      fields={CONDITION_FIELDS}
      labels={labels}
      done={t("done")}
      submit={t("submit")}
      onSubmit={onSubmit}
    >
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
