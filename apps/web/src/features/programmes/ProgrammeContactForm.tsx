"use client";

import { useMutation } from "@apollo/client/react";
import { useTranslations } from "next-intl";
import { type FormEvent, useId } from "react";
import { ProgrammeContactRecordDocument } from "@/gql/graphql";
import { CONTACT_MINUTES_MAX, CONTACT_NOTE_MAX } from "@/lib/limits/limits";
import { FormFrame } from "../decisions/FormFrame";
import { ChoiceGroup, TextAreaField, TextField } from "../forms/fields";
import { problemsOfPayload } from "../forms/problems";
import { useFormValues } from "../forms/use-submission";
import {
  CONTACT_FIELDS,
  type ContactValues,
  checkContact,
  contactFieldOf,
  contactInput,
  emptyContact,
  PROGRAMME_COMPONENTS,
} from "./programme-form";

/**
 * The provider logs a contact: the day, the components worked on (others see these), how long,
 * and the note (read by the provider only).
 */
export function ProgrammeContactForm({
  participationId,
  offeredOn,
  today,
  returnTo,
}: {
  participationId: string;
  offeredOn: string;
  today: string;
  returnTo: string;
}) {
  const t = useTranslations("programmeForms.contact");
  const tComponents = useTranslations("enums.programmeComponent");
  const formId = useId();
  const [record] = useMutation(ProgrammeContactRecordDocument);
  const { values, setValues, update, problems, attempt, state, submit } = useFormValues<ContactValues>(
    () => emptyContact(today),
    returnTo,
  );
  const labels: Record<string, string> = {
    contactedOn: t("contactedOn"),
    components: t("components"),
    minutes: t("minutes"),
    note: t("note"),
  };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const recorded = await submit(checkContact(values, { today, offeredOn }), async () => {
      const { data } = await record({ variables: { input: contactInput(participationId, values) } });
      return problemsOfPayload(data?.programmeContactRecord, contactFieldOf);
    });
    if (recorded) setValues(emptyContact(today));
  }

  return (
    <FormFrame
      formId={formId}
      problems={problems}
      attempt={attempt}
      state={state}
      fields={CONTACT_FIELDS}
      labels={labels}
      done={t("done")}
      submit={t("submit")}
      onSubmit={onSubmit}
    >
      <div className="form-row">
        <TextField
          formId={formId}
          field="contactedOn"
          type="date"
          label={labels.contactedOn}
          problems={problems}
          value={values.contactedOn}
          min={offeredOn}
          max={today}
          onChange={(contactedOn) => update({ contactedOn })}
        />
        <TextField
          formId={formId}
          field="minutes"
          label={labels.minutes}
          hint={t("minutesHint", { max: CONTACT_MINUTES_MAX })}
          optional
          inputMode="numeric"
          problems={problems}
          value={values.minutes}
          onChange={(minutes) => update({ minutes })}
        />
      </div>
      <ChoiceGroup
        formId={formId}
        field="components"
        type="checkbox"
        label={labels.components}
        hint={t("componentsHint")}
        problems={problems}
        selected={values.components}
        onChange={(components) => update({ components })}
        choices={PROGRAMME_COMPONENTS.map((c) => ({ value: c, label: tComponents(c) }))}
      />
      <TextAreaField
        formId={formId}
        field="note"
        label={labels.note}
        hint={t("noteHint", { max: CONTACT_NOTE_MAX })}
        problems={problems}
        value={values.note}
        maxLength={CONTACT_NOTE_MAX}
        onChange={(note) => update({ note })}
      />
    </FormFrame>
  );
}
