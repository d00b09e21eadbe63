"use client";

import { useMutation } from "@apollo/client/react";
import { useTranslations } from "next-intl";
import { type FormEvent, useId } from "react";
import { LocalMeetingRecordDocument } from "@/gql/graphql";
import { FormFrame } from "../decisions/FormFrame";
import { ChoiceGroup, TextAreaField, TextField } from "../forms/fields";
import { problemsOfPayload } from "../forms/problems";
import { useFormValues } from "../forms/use-submission";
import { ActionRowsFields } from "./ActionRowsFields";
import {
  checkMeeting,
  emptyMeeting,
  isHeld,
  MEETING_KINDS,
  MEETING_SUMMARY_MAX,
  type MeetingValues,
  meetingFieldOf,
  meetingFields,
  meetingInput,
  type UserLike,
} from "./local-form";

/**
 * A local body records a meeting it held (members present required) or plans one (a later day):
 * its kind, the persons on an operational meeting's agenda (chosen among the body's persons), a
 * summary and the meeting's own actions.
 */
export function MeetingForm({
  persons,
  owners,
  today,
  returnTo,
}: {
  persons: readonly { id: string; name: string }[];
  owners: readonly UserLike[];
  today: string;
  returnTo: string;
}) {
  const t = useTranslations("local.meetingForm");
  const tKind = useTranslations("enums.meetingKind");
  const tActions = useTranslations("local.actionFields");
  const formId = useId();
  const [record] = useMutation(LocalMeetingRecordDocument);
  const { values, setValues, update, problems, attempt, state, submit } = useFormValues<MeetingValues>(
    () => emptyMeeting(today),
    returnTo,
  );
  const labels: Record<string, string> = {
    kind: t("kind"),
    heldOn: t("heldOn"),
    membersPresent: t("membersPresent"),
    summary: t("summary"),
    agenda: t("agenda"),
  };
  values.actions.forEach((_, index) => {
    const number = index + 1;
    labels[`actions.${index}.description`] = `${tActions("action", { number })}: ${tActions("description")}`;
    labels[`actions.${index}.ownerId`] = `${tActions("action", { number })}: ${tActions("owner")}`;
    labels[`actions.${index}.dueOn`] = `${tActions("action", { number })}: ${tActions("dueOn")}`;
  });
  const planned = values.heldOn !== "" && !isHeld(values.heldOn, today);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const recorded = await submit(checkMeeting(values, { today }), async () => {
      const { data } = await record({ variables: { input: meetingInput(values) } });
      return problemsOfPayload(data?.localMeetingRecord, meetingFieldOf);
    });
    if (recorded) setValues(emptyMeeting(today));
  }

  return (
    <FormFrame
      formId={formId}
      problems={problems}
      attempt={attempt}
      state={state}
      fields={meetingFields(values)}
      labels={labels}
      done={t("done")}
      submit={planned ? t("submitPlanned") : t("submit")}
      onSubmit={onSubmit}
    >
      <ChoiceGroup
        formId={formId}
        field="kind"
        type="radio"
        inline
        label={labels.kind}
        hint={t("kindHint")}
        problems={problems}
        selected={values.kind === "" ? [] : [values.kind]}
        onChange={([kind]) => update({ kind: kind ?? "" })}
        choices={MEETING_KINDS.map((kind) => ({ value: kind, label: tKind(kind) }))}
      />
      <TextField
        formId={formId}
        field="heldOn"
        type="date"
        label={labels.heldOn}
        hint={t("heldOnHint")}
        problems={problems}
        value={values.heldOn}
        onChange={(heldOn) => update({ heldOn })}
      />
      {planned ? (
        <p className="notice" role="status">
          {t("plannedNote")}
        </p>
      ) : null}
      <TextAreaField
        formId={formId}
        field="membersPresent"
        label={labels.membersPresent}
        hint={t("membersPresentHint")}
        optional={planned}
        problems={problems}
        value={values.membersPresent}
        rows={4}
        onChange={(membersPresent) => update({ membersPresent })}
      />
      {values.kind === "OPERATIONAL" ? (
        persons.length === 0 ? (
          <p className="muted">{t("noPersons")}</p>
        ) : (
          <ChoiceGroup
            formId={formId}
            field="agenda"
            type="checkbox"
            optional
            label={labels.agenda}
            hint={t("agendaHint")}
            problems={problems}
            selected={values.agenda}
            onChange={(agenda) => update({ agenda })}
            choices={persons.map((person) => ({ value: person.id, label: person.name }))}
          />
        )
      ) : null}
      <TextAreaField
        formId={formId}
        field="summary"
        label={labels.summary}
        optional
        problems={problems}
        value={values.summary}
        rows={5}
        maxLength={MEETING_SUMMARY_MAX}
        onChange={(summary) => update({ summary })}
      />
      <ActionRowsFields
        formId={formId}
        actions={values.actions}
        owners={owners}
        problems={problems}
        minDate={values.heldOn}
        onChange={(actions) => update({ actions })}
      />
    </FormFrame>
  );
}
