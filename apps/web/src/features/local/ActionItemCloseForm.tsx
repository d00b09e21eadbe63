"use client";

import { useMutation } from "@apollo/client/react";
import { useTranslations } from "next-intl";
import { type FormEvent, useId } from "react";
import { ActionItemCloseDocument } from "@/gql/graphql";
import { FormFrame } from "../decisions/FormFrame";
import { ChoiceGroup, TextAreaField } from "../forms/fields";
import { problemsOfPayload } from "../forms/problems";
import { useFormValues } from "../forms/use-submission";
import {
  CLOSE_FIELDS,
  CLOSING_NOTE_MAX,
  CLOSING_STATUSES,
  type CloseValues,
  checkClose,
  closeFieldOf,
  closeInput,
  emptyClose,
} from "./local-form";

/** Closes an open action item: done, or cancelled with a note (the version read guards the change). */
export function ActionItemCloseForm({
  item,
  returnTo,
}: {
  item: { id: string; version: number };
  returnTo: string;
}) {
  const t = useTranslations("local.closeForm");
  const tStatus = useTranslations("enums.actionItemStatus");
  const formId = useId();
  const [close] = useMutation(ActionItemCloseDocument);
  const { values, update, problems, attempt, state, submit } = useFormValues<CloseValues>(
    emptyClose,
    returnTo,
  );
  const labels = { status: t("status"), note: t("note") };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await submit(checkClose(values), async () => {
      const { data } = await close({ variables: { input: closeInput(item, values) } });
      return problemsOfPayload(data?.actionItemClose, closeFieldOf);
    });
  }

  return (
    <FormFrame
      formId={formId}
      problems={problems}
      attempt={attempt}
      state={state}
      fields={CLOSE_FIELDS}
      labels={labels}
      done={t("done")}
      submit={t("submit")}
      onSubmit={onSubmit}
    >
      <ChoiceGroup
        formId={formId}
        field="status"
        type="radio"
        inline
        label={labels.status}
        problems={problems}
        selected={values.status === "" ? [] : [values.status]}
        onChange={([status]) => update({ status: status ?? "" })}
        choices={CLOSING_STATUSES.map((status) => ({ value: status, label: tStatus(status) }))}
      />
      <TextAreaField
        formId={formId}
        field="note"
        label={labels.note}
        hint={t("noteHint")}
        optional={values.status !== "CANCELLED"}
        problems={problems}
        value={values.note}
        rows={2}
        maxLength={CLOSING_NOTE_MAX}
        onChange={(note) => update({ note })}
      />
    </FormFrame>
  );
}
