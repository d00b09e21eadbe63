"use client";

import { useMutation } from "@apollo/client/react";
import { useTranslations } from "next-intl";
import { type FormEvent, useId } from "react";
import { IncidentRecordDocument } from "@/gql/graphql";
import { INCIDENT_DESCRIPTION_MAX } from "@/lib/limits/limits";
import { FormFrame } from "../decisions/FormFrame";
import { ChoiceGroup, SelectField, TextAreaField, TextField } from "../forms/fields";
import { problemsOfPayload } from "../forms/problems";
import { useFormValues } from "../forms/use-submission";
import {
  checkIncident,
  emptyIncident,
  IDEOLOGICAL_MOTIVES,
  INCIDENT_FIELDS,
  INCIDENT_KINDS,
  type IncidentValues,
  incidentFieldOf,
  incidentInput,
} from "./programme-form";

/** Prison staff record an incident of an inmate held in their establishment that day. */
export function IncidentForm({
  personId,
  today,
  returnTo,
}: {
  personId: string;
  today: string;
  returnTo: string;
}) {
  const t = useTranslations("programmeForms.incident");
  const tKind = useTranslations("enums.incidentKind");
  const tMotive = useTranslations("enums.ideologicalMotive");
  const formId = useId();
  const [record] = useMutation(IncidentRecordDocument);
  const { values, setValues, update, problems, attempt, state, submit } = useFormValues<IncidentValues>(
    () => emptyIncident(today),
    returnTo,
  );
  const labels: Record<string, string> = {
    occurredOn: t("occurredOn"),
    kind: t("kind"),
    ideological: t("ideological"),
    description: t("description"),
  };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const recorded = await submit(checkIncident(values, { today }), async () => {
      const { data } = await record({ variables: { input: incidentInput(personId, values) } });
      return problemsOfPayload(data?.incidentRecord, incidentFieldOf);
    });
    if (recorded) setValues(emptyIncident(today));
  }

  return (
    <FormFrame
      formId={formId}
      problems={problems}
      attempt={attempt}
      state={state}
      fields={INCIDENT_FIELDS}
      labels={labels}
      done={t("done")}
      submit={t("submit")}
      onSubmit={onSubmit}
    >
      <div className="form-row">
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
        <SelectField
          formId={formId}
          field="kind"
          label={labels.kind}
          problems={problems}
          value={values.kind}
          placeholder={t("chooseKind")}
          choices={INCIDENT_KINDS.map((kind) => ({ value: kind, label: tKind(kind) }))}
          onChange={(kind) => update({ kind })}
        />
      </div>
      <ChoiceGroup
        formId={formId}
        field="ideological"
        type="radio"
        inline
        label={labels.ideological}
        problems={problems}
        selected={values.ideological === "" ? [] : [values.ideological]}
        onChange={([ideological]) => update({ ideological: ideological ?? "" })}
        choices={IDEOLOGICAL_MOTIVES.map((motive) => ({ value: motive, label: tMotive(motive) }))}
      />
      <TextAreaField
        formId={formId}
        field="description"
        label={labels.description}
        hint={t("descriptionHint", { max: INCIDENT_DESCRIPTION_MAX })}
        problems={problems}
        value={values.description}
        maxLength={INCIDENT_DESCRIPTION_MAX}
        onChange={(description) => update({ description })}
      />
    </FormFrame>
  );
}
