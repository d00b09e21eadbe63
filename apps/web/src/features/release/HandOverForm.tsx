"use client";

import { useMutation } from "@apollo/client/react";
import { useTranslations } from "next-intl";
import { type FormEvent, useId } from "react";
import { CaseHandOverDocument } from "@/gql/graphql";
import { useRouter } from "@/i18n/navigation";
import { FormFrame } from "../decisions/FormFrame";
import { SelectField, TextAreaField, TextField } from "../forms/fields";
import { problemsOfPayload } from "../forms/problems";
import { useFormValues } from "../forms/use-submission";
import {
  checkHandOver,
  emptyHandOver,
  HAND_OVER_FIELDS,
  HAND_OVER_REASON_MAX,
  type HandOverValues,
  handOverFieldOf,
  handOverInput,
} from "./release-form";

/**
 * Hands a released person over to the local bodies of a new municipality of residence, from a day,
 * with the reason. The hand-over may end the viewer's own responsibility: then back to the caseload.
 */
export function HandOverForm({
  personId,
  current,
  since,
  municipalities,
  today,
  returnTo,
}: {
  personId: string;
  /** The municipality the person lives in now, and since when. */
  current: string | null;
  since: string | null;
  municipalities: readonly string[];
  today: string;
  returnTo: string;
}) {
  const t = useTranslations("release.forms.handOver");
  const formId = useId();
  const router = useRouter();
  const [handOver] = useMutation(CaseHandOverDocument);
  const { values, update, problems, attempt, state, submit } = useFormValues<HandOverValues>(
    () => emptyHandOver(today),
    returnTo,
  );
  const labels: Record<string, string> = {
    municipality: t("municipality"),
    on: t("on"),
    reason: t("reason"),
  };
  const choices = municipalities.filter((m) => m !== current);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    let stillVisible = true;
    const recorded = await submit(
      checkHandOver(values, { today, since, current, municipalities }),
      async () => {
        const { data } = await handOver({ variables: { input: handOverInput(personId, values) } });
        stillVisible = data?.caseHandOver?.person != null;
        return problemsOfPayload(data?.caseHandOver, handOverFieldOf);
      },
      { refresh: false },
    );
    if (!recorded) return;
    if (stillVisible) router.refresh();
    else router.push("/caseload");
  }

  return (
    <FormFrame
      formId={formId}
      problems={problems}
      attempt={attempt}
      state={state}
      fields={HAND_OVER_FIELDS}
      labels={labels}
      done={t("done")}
      submit={t("submit")}
      onSubmit={onSubmit}
    >
      <div className="form-row">
        <SelectField
          formId={formId}
          field="municipality"
          label={labels.municipality}
          hint={current ? t("municipalityHint", { current }) : undefined}
          problems={problems}
          value={values.municipality}
          placeholder={t("chooseMunicipality")}
          choices={choices.map((m) => ({ value: m, label: m }))}
          onChange={(municipality) => update({ municipality })}
        />
        <TextField
          formId={formId}
          field="on"
          type="date"
          label={labels.on}
          hint={t("onHint")}
          problems={problems}
          value={values.on}
          min={since ?? undefined}
          max={today}
          onChange={(on) => update({ on })}
        />
      </div>
      <TextAreaField
        formId={formId}
        field="reason"
        label={labels.reason}
        hint={t("reasonHint", { max: HAND_OVER_REASON_MAX })}
        problems={problems}
        value={values.reason}
        maxLength={HAND_OVER_REASON_MAX}
        rows={3}
        onChange={(reason) => update({ reason })}
      />
    </FormFrame>
  );
}
