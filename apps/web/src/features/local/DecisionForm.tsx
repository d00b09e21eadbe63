"use client";

import { useMutation } from "@apollo/client/react";
import { useTranslations } from "next-intl";
import { type FormEvent, useId } from "react";
import { MeetingDecisionRecordDocument } from "@/gql/graphql";
import { FormFrame } from "../decisions/FormFrame";
import { ChoiceGroup, SelectField, TextAreaField, TextField } from "../forms/fields";
import { problemsOfPayload } from "../forms/problems";
import { useFormValues } from "../forms/use-submission";
import { ActionRowsFields } from "./ActionRowsFields";
import {
  checkDecision,
  DECISION_MAX,
  type DecisionValues,
  decisionFieldOf,
  decisionFields,
  decisionInput,
  emptyDecision,
  type UserLike,
} from "./local-form";

/**
 * What a held operational meeting decided about one person: the decision, the follow-up measures
 * it starts (the types of the body's kind, named in the page's language) and stops (the body's
 * open ones for the person), and the actions it gives. `person` fixed: an agenda item; null: the
 * person is chosen among the body's (and added to the agenda).
 */
export function DecisionForm({
  meetingId,
  meetingOn,
  person,
  persons,
  measureTypes,
  openMeasures,
  owners,
  returnTo,
}: {
  meetingId: string;
  meetingOn: string;
  person: { id: string; name: string } | null;
  persons: readonly { id: string; name: string }[];
  measureTypes: readonly { code: string; name: string }[];
  /** The body's open measures for the person (to stop); null when not known. */
  openMeasures: readonly { id: string; name: string; startedOn: string }[] | null;
  owners: readonly UserLike[];
  returnTo: string;
}) {
  const t = useTranslations("local.decisionForm");
  const tActions = useTranslations("local.actionFields");
  const formId = useId();
  const [record] = useMutation(MeetingDecisionRecordDocument);
  const { values, setValues, update, problems, attempt, state, submit } = useFormValues<DecisionValues>(
    () => emptyDecision(person?.id ?? "", meetingOn),
    returnTo,
  );
  const labels: Record<string, string> = {
    personId: t("person"),
    decision: t("decision"),
    startMeasures: t("startMeasures"),
    startsOn: t("startsOn"),
    stopMeasureIds: t("stopMeasures"),
  };
  values.actions.forEach((_, index) => {
    const number = index + 1;
    labels[`actions.${index}.description`] = `${tActions("action", { number })}: ${tActions("description")}`;
    labels[`actions.${index}.ownerId`] = `${tActions("action", { number })}: ${tActions("owner")}`;
    labels[`actions.${index}.dueOn`] = `${tActions("action", { number })}: ${tActions("dueOn")}`;
  });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const recorded = await submit(checkDecision(values, { meetingOn }), async () => {
      const { data } = await record({ variables: { input: decisionInput(meetingId, values) } });
      return problemsOfPayload(data?.meetingDecisionRecord, decisionFieldOf);
    });
    if (recorded) setValues(emptyDecision(person?.id ?? "", meetingOn));
  }

  return (
    <FormFrame
      formId={formId}
      problems={problems}
      attempt={attempt}
      state={state}
      fields={decisionFields(values)}
      labels={labels}
      done={t("done")}
      submit={t("submit")}
      onSubmit={onSubmit}
    >
      {person === null ? (
        <SelectField
          formId={formId}
          field="personId"
          label={labels.personId}
          hint={t("personHint")}
          problems={problems}
          value={values.personId}
          placeholder={t("choosePerson")}
          choices={persons.map((p) => ({ value: p.id, label: p.name }))}
          onChange={(personId) => update({ personId, stopMeasureIds: [] })}
        />
      ) : null}
      <TextAreaField
        formId={formId}
        field="decision"
        label={labels.decision}
        problems={problems}
        value={values.decision}
        rows={4}
        maxLength={DECISION_MAX}
        onChange={(decision) => update({ decision })}
      />
      {measureTypes.length === 0 ? (
        <p className="muted">{t("noMeasureTypes")}</p>
      ) : (
        <ChoiceGroup
          formId={formId}
          field="startMeasures"
          type="checkbox"
          optional
          label={labels.startMeasures}
          problems={problems}
          selected={values.startMeasures}
          onChange={(startMeasures) => update({ startMeasures })}
          choices={measureTypes.map((type) => ({ value: type.code, label: type.name }))}
        />
      )}
      {values.startMeasures.length > 0 ? (
        <TextField
          formId={formId}
          field="startsOn"
          type="date"
          label={labels.startsOn}
          hint={t("startsOnHint")}
          problems={problems}
          value={values.startsOn}
          min={meetingOn}
          onChange={(startsOn) => update({ startsOn })}
        />
      ) : null}
      {person !== null && openMeasures !== null ? (
        openMeasures.length === 0 ? (
          <p className="muted">{t("noOpenMeasures")}</p>
        ) : (
          <ChoiceGroup
            formId={formId}
            field="stopMeasureIds"
            type="checkbox"
            optional
            label={labels.stopMeasureIds}
            hint={t("stopMeasuresHint")}
            problems={problems}
            selected={values.stopMeasureIds}
            onChange={(stopMeasureIds) => update({ stopMeasureIds })}
            choices={openMeasures.map((measure) => ({ value: measure.id, label: measure.name }))}
          />
        )
      ) : null}
      <ActionRowsFields
        formId={formId}
        actions={values.actions}
        owners={owners}
        problems={problems}
        minDate={meetingOn}
        onChange={(actions) => update({ actions })}
      />
    </FormFrame>
  );
}
