"use client";

import { useMutation } from "@apollo/client/react";
import { useTranslations } from "next-intl";
import { type FormEvent, useId } from "react";
import {
  CommonDatabaseEntryConfirmDocument,
  CommonDatabaseEntryEndDocument,
  CommonDatabaseEntryRecordDocument,
} from "@/gql/graphql";
import { FormFrame } from "../decisions/FormFrame";
import { ChoiceGroup, SelectField, TextAreaField, TextField } from "../forms/fields";
import { problemsOfPayload } from "../forms/problems";
import { useFormValues } from "../forms/use-submission";
import {
  COMMON_DATABASE_CATEGORIES,
  CONFIRM_FIELDS,
  checkConfirm,
  checkEnd,
  checkEntry,
  confirmFieldOf,
  confirmInput,
  END_FIELDS,
  END_REASON_MAX,
  ENTRY_BASES,
  ENTRY_FIELDS,
  type EndValues,
  type EntryValues,
  emptyEntry,
  endFieldOf,
  endInput,
  entryFieldOf,
  entryInput,
  THREAT_LEVELS,
} from "./follow-up-form";

interface OpenEntry {
  id: string;
  version: number;
  category: string;
  threatLevel: number;
  basis: string;
  validFrom: string;
  lastInformationOn: string;
}

/** The threat-analysis body puts a person in the common database, or supersedes the open entry from a day. */
export function EntryRecordForm({
  personId,
  current,
  today,
  returnTo,
}: {
  personId: string;
  current: OpenEntry | null;
  today: string;
  returnTo: string;
}) {
  const t = useTranslations("followUp.entryForm");
  const tCategory = useTranslations("enums.commonDatabaseCategory");
  const tBasis = useTranslations("enums.entryBasis");
  const formId = useId();
  const [record] = useMutation(CommonDatabaseEntryRecordDocument);
  const { values, setValues, update, problems, attempt, state, submit } = useFormValues<EntryValues>(
    () => emptyEntry(today, current),
    returnTo,
  );
  const labels: Record<string, string> = {
    category: t("category"),
    threatLevel: t("threatLevel"),
    basis: t("basis"),
    from: t("from"),
  };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const recorded = await submit(
      checkEntry(values, { today, openFrom: current?.validFrom ?? null }),
      async () => {
        const { data } = await record({ variables: { input: entryInput(personId, values) } });
        return problemsOfPayload(data?.commonDatabaseEntryRecord, entryFieldOf);
      },
    );
    if (recorded) setValues(emptyEntry(today, null));
  }

  return (
    <FormFrame
      formId={formId}
      problems={problems}
      attempt={attempt}
      state={state}
      fields={ENTRY_FIELDS}
      labels={labels}
      done={t("done")}
      submit={current ? t("submitSupersede") : t("submit")}
      onSubmit={onSubmit}
    >
      <SelectField
        formId={formId}
        field="category"
        label={labels.category}
        problems={problems}
        value={values.category}
        placeholder={t("chooseCategory")}
        choices={COMMON_DATABASE_CATEGORIES.map((c) => ({ value: c, label: tCategory(c) }))}
        onChange={(category) => update({ category })}
      />
      <ChoiceGroup
        formId={formId}
        field="threatLevel"
        type="radio"
        inline
        label={labels.threatLevel}
        hint={t("threatLevelHint")}
        problems={problems}
        selected={values.threatLevel === "" ? [] : [values.threatLevel]}
        onChange={([threatLevel]) => update({ threatLevel: threatLevel ?? "" })}
        choices={THREAT_LEVELS.map((level) => ({ value: level, label: level }))}
      />
      <ChoiceGroup
        formId={formId}
        field="basis"
        type="radio"
        label={labels.basis}
        problems={problems}
        selected={values.basis === "" ? [] : [values.basis]}
        onChange={([basis]) => update({ basis: basis ?? "" })}
        choices={ENTRY_BASES.map((basis) => ({ value: basis, label: tBasis(basis) }))}
      />
      <TextField
        formId={formId}
        field="from"
        type="date"
        label={labels.from}
        hint={current ? t("fromHintSupersede") : undefined}
        problems={problems}
        value={values.from}
        max={today}
        onChange={(from) => update({ from })}
      />
    </FormFrame>
  );
}

/** New information confirms the open entry: its review clock restarts. */
export function EntryConfirmForm({
  entry,
  today,
  returnTo,
}: {
  entry: OpenEntry;
  today: string;
  returnTo: string;
}) {
  const t = useTranslations("followUp.confirmForm");
  const formId = useId();
  const [confirm] = useMutation(CommonDatabaseEntryConfirmDocument);
  const { values, update, problems, attempt, state, submit } = useFormValues(
    () => ({ informationOn: today }),
    returnTo,
  );
  const labels = { informationOn: t("informationOn") };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await submit(checkConfirm(values, { today, lastInformationOn: entry.lastInformationOn }), async () => {
      const { data } = await confirm({ variables: { input: confirmInput(entry, values) } });
      return problemsOfPayload(data?.commonDatabaseEntryConfirm, confirmFieldOf);
    });
  }

  return (
    <FormFrame
      formId={formId}
      problems={problems}
      attempt={attempt}
      state={state}
      fields={CONFIRM_FIELDS}
      labels={labels}
      done={t("done")}
      submit={t("submit")}
      onSubmit={onSubmit}
    >
      <TextField
        formId={formId}
        field="informationOn"
        type="date"
        label={labels.informationOn}
        hint={t("informationOnHint")}
        problems={problems}
        value={values.informationOn}
        min={entry.lastInformationOn}
        max={today}
        onChange={(informationOn) => update({ informationOn })}
      />
    </FormFrame>
  );
}

/** Removes the person from the common database, with the reason. */
export function EntryEndForm({
  entry,
  today,
  returnTo,
}: {
  entry: OpenEntry;
  today: string;
  returnTo: string;
}) {
  const t = useTranslations("followUp.endForm");
  const formId = useId();
  const [end] = useMutation(CommonDatabaseEntryEndDocument);
  const { values, update, problems, attempt, state, submit } = useFormValues<EndValues>(
    () => ({ on: today, reason: "" }),
    returnTo,
  );
  const labels = { on: t("on"), reason: t("reason") };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await submit(checkEnd(values, { today, validFrom: entry.validFrom }), async () => {
      const { data } = await end({ variables: { input: endInput(entry, values) } });
      return problemsOfPayload(data?.commonDatabaseEntryEnd, endFieldOf);
    });
  }

  return (
    <FormFrame
      formId={formId}
      problems={problems}
      attempt={attempt}
      state={state}
      fields={END_FIELDS}
      labels={labels}
      done={t("done")}
      submit={t("submit")}
      onSubmit={onSubmit}
    >
      <TextField
        formId={formId}
        field="on"
        type="date"
        label={labels.on}
        problems={problems}
        value={values.on}
        max={today}
        onChange={(on) => update({ on })}
      />
      <TextAreaField
        formId={formId}
        field="reason"
        label={labels.reason}
        problems={problems}
        value={values.reason}
        rows={3}
        maxLength={END_REASON_MAX}
        onChange={(reason) => update({ reason })}
      />
    </FormFrame>
  );
}
