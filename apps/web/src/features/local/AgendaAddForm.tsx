"use client";

import { useMutation } from "@apollo/client/react";
import { useTranslations } from "next-intl";
import { type FormEvent, useId } from "react";
import { LocalMeetingAgendaAddDocument } from "@/gql/graphql";
import { FormFrame } from "../decisions/FormFrame";
import { SelectField } from "../forms/fields";
import { problemsOfPayload } from "../forms/problems";
import { useFormValues } from "../forms/use-submission";
import { AGENDA_FIELDS, agendaFieldOf, checkAgendaAdd } from "./local-form";

/** Adds one of the body's persons to a planned operational meeting's agenda. */
export function AgendaAddForm({
  meetingId,
  persons,
  returnTo,
}: {
  meetingId: string;
  persons: readonly { id: string; name: string }[];
  returnTo: string;
}) {
  const t = useTranslations("local.agendaForm");
  const formId = useId();
  const [add] = useMutation(LocalMeetingAgendaAddDocument);
  const { values, setValues, update, problems, attempt, state, submit } = useFormValues(
    () => ({ personId: "" }),
    returnTo,
  );
  const labels = { personId: t("person") };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const added = await submit(checkAgendaAdd(values), async () => {
      const { data } = await add({ variables: { input: { meetingId, personId: values.personId } } });
      return problemsOfPayload(data?.localMeetingAgendaAdd, agendaFieldOf);
    });
    if (added) setValues({ personId: "" });
  }

  return (
    <FormFrame
      formId={formId}
      problems={problems}
      attempt={attempt}
      state={state}
      fields={AGENDA_FIELDS}
      labels={labels}
      done={t("done")}
      submit={t("submit")}
      onSubmit={onSubmit}
    >
      <SelectField
        formId={formId}
        field="personId"
        label={labels.personId}
        problems={problems}
        value={values.personId}
        placeholder={t("choosePerson")}
        choices={persons.map((p) => ({ value: p.id, label: p.name }))}
        onChange={(personId) => update({ personId })}
      />
    </FormFrame>
  );
}
