"use client";

import { useMutation } from "@apollo/client/react";
import { useTranslations } from "next-intl";
import { type FormEvent, useId } from "react";
import { ReleasePlanRecordDocument } from "@/gql/graphql";
import { FormFrame } from "../decisions/FormFrame";
import { SelectField, TextAreaField, TextField } from "../forms/fields";
import { problemsOfPayload } from "../forms/problems";
import { useFormValues } from "../forms/use-submission";
import {
  checkPlan,
  PLAN_FIELDS,
  PLAN_NOTE_MAX,
  type PlanValues,
  planFieldOf,
  planInput,
  planValues,
} from "./release-form";

/** Records the release plan of the open episode, or changes it at the version read. */
export function PlanForm({
  episodeId,
  plan,
  municipalities,
  today,
  returnTo,
}: {
  episodeId: string;
  plan: {
    intendedMunicipality: string | null;
    localTaskForceInformedOn: string | null;
    note: string | null;
    version: number;
  } | null;
  municipalities: readonly string[];
  today: string;
  returnTo: string;
}) {
  const t = useTranslations("release.forms.plan");
  const formId = useId();
  const [record] = useMutation(ReleasePlanRecordDocument);
  const { values, update, problems, attempt, state, submit } = useFormValues<PlanValues>(
    () => planValues(plan),
    returnTo,
  );
  const labels: Record<string, string> = {
    intendedMunicipality: t("intendedMunicipality"),
    localTaskForceInformedOn: t("localTaskForceInformedOn"),
    note: t("note"),
  };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await submit(checkPlan(values, { today, municipalities }), async () => {
      const { data } = await record({
        variables: { input: planInput(episodeId, plan?.version ?? null, values) },
      });
      return problemsOfPayload(data?.releasePlanRecord, planFieldOf);
    });
  }

  return (
    <FormFrame
      formId={formId}
      problems={problems}
      attempt={attempt}
      state={state}
      fields={PLAN_FIELDS}
      labels={labels}
      done={t("done")}
      submit={plan ? t("submitChange") : t("submit")}
      onSubmit={onSubmit}
    >
      <div className="form-row">
        <SelectField
          formId={formId}
          field="intendedMunicipality"
          label={labels.intendedMunicipality}
          hint={t("intendedMunicipalityHint")}
          optional
          problems={problems}
          value={values.intendedMunicipality}
          placeholder={t("noMunicipality")}
          choices={municipalities.map((m) => ({ value: m, label: m }))}
          onChange={(intendedMunicipality) => update({ intendedMunicipality })}
        />
        <TextField
          formId={formId}
          field="localTaskForceInformedOn"
          type="date"
          label={labels.localTaskForceInformedOn}
          optional
          problems={problems}
          value={values.localTaskForceInformedOn}
          max={today}
          onChange={(localTaskForceInformedOn) => update({ localTaskForceInformedOn })}
        />
      </div>
      <TextAreaField
        formId={formId}
        field="note"
        label={labels.note}
        optional
        hint={t("noteHint", { max: PLAN_NOTE_MAX })}
        problems={problems}
        value={values.note}
        maxLength={PLAN_NOTE_MAX}
        rows={3}
        onChange={(note) => update({ note })}
      />
    </FormFrame>
  );
}
