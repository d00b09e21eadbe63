"use client";

import { useMutation } from "@apollo/client/react";
import { useTranslations } from "next-intl";
import { type FormEvent, useId } from "react";
import { ProgrammeOfferDocument } from "@/gql/graphql";
import { PROGRAMME_NOTE_MAX } from "@/lib/limits/limits";
import { FormFrame } from "../decisions/FormFrame";
import { TextAreaField, TextField } from "../forms/fields";
import { problemsOfPayload } from "../forms/problems";
import { useFormValues } from "../forms/use-submission";
import {
  checkOffer,
  emptyOffer,
  OFFER_FIELDS,
  type OfferValues,
  offerFieldOf,
  offerInput,
} from "./programme-form";

/**
 * CelEx offers the person a disengagement programme, in the name of the provider that takes on
 * the person's language community (the API chooses it); the offer opens the case to that provider.
 */
export function ProgrammeOfferForm({
  personId,
  admittedOn,
  today,
  returnTo,
}: {
  personId: string;
  admittedOn: string | null;
  today: string;
  returnTo: string;
}) {
  const t = useTranslations("programmeForms.offer");
  const formId = useId();
  const [offer] = useMutation(ProgrammeOfferDocument);
  const { values, setValues, update, problems, attempt, state, submit } = useFormValues<OfferValues>(
    () => emptyOffer(today),
    returnTo,
  );
  const labels: Record<string, string> = { offeredOn: t("offeredOn"), note: t("note") };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const recorded = await submit(checkOffer(values, { today, admittedOn }), async () => {
      const { data } = await offer({ variables: { input: offerInput(personId, values) } });
      return problemsOfPayload(data?.programmeOffer, offerFieldOf);
    });
    if (recorded) setValues(emptyOffer(today));
  }

  return (
    <FormFrame
      formId={formId}
      problems={problems}
      attempt={attempt}
      state={state}
      fields={OFFER_FIELDS}
      labels={labels}
      done={t("done")}
      submit={t("submit")}
      onSubmit={onSubmit}
    >
      <p className="hint">{t("intro")}</p>
      <TextField
        formId={formId}
        field="offeredOn"
        type="date"
        label={labels.offeredOn}
        problems={problems}
        value={values.offeredOn}
        min={admittedOn ?? undefined}
        max={today}
        onChange={(offeredOn) => update({ offeredOn })}
      />
      <TextAreaField
        formId={formId}
        field="note"
        label={labels.note}
        hint={t("noteHint", { max: PROGRAMME_NOTE_MAX })}
        optional
        problems={problems}
        value={values.note}
        maxLength={PROGRAMME_NOTE_MAX}
        onChange={(note) => update({ note })}
      />
    </FormFrame>
  );
}
