"use client";

import { useMutation } from "@apollo/client/react";
import { useTranslations } from "next-intl";
import { type FormEvent, useId } from "react";
import { DisengagementEvaluationRecordDocument } from "@/gql/graphql";
import { EVALUATION_RATIONALE_MAX } from "@/lib/limits/limits";
import { FormFrame } from "../decisions/FormFrame";
import { ChoiceGroup, TextAreaField, TextField } from "../forms/fields";
import { problemsOfPayload } from "../forms/problems";
import { useFormValues } from "../forms/use-submission";
import {
  checkEvaluation,
  DISENGAGEMENT_LEVELS,
  EVALUATION_FIELDS,
  type EvaluationValues,
  emptyEvaluation,
  evaluationFieldOf,
  evaluationInput,
} from "./programme-form";

/** The threat-analysis body records an evaluation of signs of disengagement, with its rationale. */
export function EvaluationForm({
  personId,
  today,
  returnTo,
}: {
  personId: string;
  today: string;
  returnTo: string;
}) {
  const t = useTranslations("programmeForms.evaluation");
  const tLevel = useTranslations("enums.disengagementLevel");
  const formId = useId();
  const [record] = useMutation(DisengagementEvaluationRecordDocument);
  const { values, setValues, update, problems, attempt, state, submit } = useFormValues<EvaluationValues>(
    () => emptyEvaluation(today),
    returnTo,
  );
  const labels: Record<string, string> = {
    evaluatedOn: t("evaluatedOn"),
    level: t("level"),
    rationale: t("rationale"),
  };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const recorded = await submit(checkEvaluation(values, { today }), async () => {
      const { data } = await record({ variables: { input: evaluationInput(personId, values) } });
      return problemsOfPayload(data?.disengagementEvaluationRecord, evaluationFieldOf);
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
        max={today}
        onChange={(evaluatedOn) => update({ evaluatedOn })}
      />
      <ChoiceGroup
        formId={formId}
        field="level"
        type="radio"
        label={labels.level}
        problems={problems}
        selected={values.level === "" ? [] : [values.level]}
        onChange={([level]) => update({ level: level ?? "" })}
        choices={DISENGAGEMENT_LEVELS.map((level) => ({ value: level, label: tLevel(level) }))}
      />
      <TextAreaField
        formId={formId}
        field="rationale"
        label={labels.rationale}
        hint={t("rationaleHint", { max: EVALUATION_RATIONALE_MAX })}
        problems={problems}
        value={values.rationale}
        maxLength={EVALUATION_RATIONALE_MAX}
        onChange={(rationale) => update({ rationale })}
      />
    </FormFrame>
  );
}
