"use client";

import { useMutation } from "@apollo/client/react";
import { useTranslations } from "next-intl";
import { type FormEvent, useId } from "react";
import { ReleaseDateOverrideDocument } from "@/gql/graphql";
import { FormFrame } from "../decisions/FormFrame";
import { ChoiceGroup, TextAreaField, TextField } from "../forms/fields";
import { problemsOfPayload } from "../forms/problems";
import { useFormValues } from "../forms/use-submission";
import {
  checkOverride,
  type EpisodeDates,
  emptyOverride,
  OVERRIDE_FIELDS,
  OVERRIDE_REASON_MAX,
  type OverrideValues,
  overrideFieldOf,
  overrideInput,
  RELEASE_DATE_KINDS,
} from "./release-form";

/** Sets a release date of the open episode by hand, instead of the rule's, with its reason. */
export function OverrideForm({
  episode,
  returnTo,
}: {
  episode: EpisodeDates & { id: string };
  returnTo: string;
}) {
  const t = useTranslations("release.forms.override");
  const tKind = useTranslations("enums.releaseDateKind");
  const formId = useId();
  const [override] = useMutation(ReleaseDateOverrideDocument);
  const { values, setValues, update, problems, attempt, state, submit } = useFormValues<OverrideValues>(
    emptyOverride,
    returnTo,
  );
  const labels: Record<string, string> = { kind: t("kind"), date: t("date"), reason: t("reason") };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const recorded = await submit(checkOverride(values, episode), async () => {
      const { data } = await override({ variables: { input: overrideInput(episode.id, values) } });
      return problemsOfPayload(data?.releaseDateOverride, overrideFieldOf);
    });
    if (recorded) setValues(emptyOverride());
  }

  return (
    <FormFrame
      formId={formId}
      problems={problems}
      attempt={attempt}
      state={state}
      fields={OVERRIDE_FIELDS}
      labels={labels}
      done={t("done")}
      submit={t("submit")}
      onSubmit={onSubmit}
    >
      <ChoiceGroup
        formId={formId}
        field="kind"
        type="radio"
        label={labels.kind}
        problems={problems}
        selected={values.kind === "" ? [] : [values.kind]}
        onChange={([kind]) => update({ kind: kind ?? "" })}
        choices={RELEASE_DATE_KINDS.map((kind) => ({ value: kind, label: tKind(kind) }))}
      />
      <TextField
        formId={formId}
        field="date"
        type="date"
        label={labels.date}
        hint={t("dateHint")}
        problems={problems}
        value={values.date}
        min={episode.admittedOn}
        onChange={(date) => update({ date })}
      />
      <TextAreaField
        formId={formId}
        field="reason"
        label={labels.reason}
        hint={t("reasonHint", { max: OVERRIDE_REASON_MAX })}
        problems={problems}
        value={values.reason}
        maxLength={OVERRIDE_REASON_MAX}
        rows={3}
        onChange={(reason) => update({ reason })}
      />
    </FormFrame>
  );
}
