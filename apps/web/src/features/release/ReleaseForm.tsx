"use client";

import { useMutation } from "@apollo/client/react";
import { RELEASE_CONDITIONS_MAX } from "@continuum/domain";
import { useTranslations } from "next-intl";
import { type FormEvent, useId } from "react";
import { DetentionEpisodeReleaseDocument } from "@/gql/graphql";
import { useRouter } from "@/i18n/navigation";
import { FormFrame } from "../decisions/FormFrame";
import { FieldProblems } from "../forms/FormProblems";
import { SelectField, TextField } from "../forms/fields";
import { fieldDomId, problemsOf, problemsOfPayload } from "../forms/problems";
import { useFormValues } from "../forms/use-submission";
import { type ConditionChoices, ConditionTermsFields, useConditionLabels } from "./ConditionTermsFields";
import {
  CONDITION_FIELDS,
  checkRelease,
  emptyCondition,
  emptyRelease,
  needsMunicipality,
  RELEASE_TYPES,
  type ReleaseValues,
  releaseFieldOf,
  releaseFields,
  releaseInput,
  takesConditions,
} from "./release-form";

/** What the release form needs to know of the episode. */
export interface ReleaseFormEpisode {
  id: string;
  admittedOn: string;
  /** The start of the current placement: the release is after it. */
  placedOn: string | null;
  /** The plan's municipality, proposed as the place of residence. */
  intendedMunicipality: string | null;
  /** The conditions proposed now, named in the page's language. */
  proposed: readonly { id: string; name: string }[];
}

/**
 * Records the release of a detained person: the day, the type of release, the municipality of
 * residence and, for a conditional release or electronic monitoring, the conditions: the proposed
 * ones are imposed (any other type of release withdraws them), more can be added here, and at least
 * one is needed. A release may end the viewer's access to the case: then back to the caseload.
 */
export function ReleaseForm({
  episode,
  choices,
  municipalities,
  today,
  returnTo,
}: {
  episode: ReleaseFormEpisode;
  choices: ConditionChoices;
  municipalities: readonly string[];
  today: string;
  returnTo: string;
}) {
  const t = useTranslations("release.forms.release");
  const tType = useTranslations("enums.releaseType");
  const formId = useId();
  const router = useRouter();
  const [release] = useMutation(DetentionEpisodeReleaseDocument);
  const { values, update, problems, attempt, state, submit } = useFormValues<ReleaseValues>(
    () => emptyRelease(today, episode.intendedMunicipality),
    returnTo,
  );
  const conditionLabels = useConditionLabels();
  const count = values.conditions.length;
  const withConditions = takesConditions(values.releaseType);
  const labels: Record<string, string> = {
    releasedOn: t("releasedOn"),
    releaseType: t("releaseType"),
    releaseMunicipality: t("releaseMunicipality"),
    conditions: t("conditions"),
  };
  values.conditions.forEach((_, index) => {
    for (const field of CONDITION_FIELDS)
      labels[`conditions.${index}.${field}`] =
        `${t("conditionNumber", { number: index + 1 })}: ${conditionLabels[field]}`;
  });

  const setCondition = (index: number, change: Partial<ReleaseValues["conditions"][number]>) =>
    update({ conditions: values.conditions.map((c, i) => (i === index ? { ...c, ...change } : c)) });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const local = checkRelease(values, {
      today,
      admittedOn: episode.admittedOn,
      placedOn: episode.placedOn,
      municipalities,
      proposedCount: episode.proposed.length,
      types: choices.types,
      agencyIds: choices.agencies.map((a) => a.id),
    });
    let stillVisible = true;
    const recorded = await submit(
      local,
      async () => {
        const { data } = await release({ variables: { input: releaseInput(episode.id, values) } });
        const payload = data?.detentionEpisodeRelease;
        stillVisible = payload?.person != null;
        return problemsOfPayload(payload, releaseFieldOf(count));
      },
      { refresh: false },
    );
    if (!recorded) return;
    // A prison sees inmates only: a released person may be out of its sight now.
    if (stillVisible) router.refresh();
    else router.push("/caseload");
  }

  const conditionsProblems = problemsOf(problems, "conditions");
  const conditionsErrorId = `${fieldDomId(formId, "conditions")}-error`;
  const conditionsHintId = `${fieldDomId(formId, "conditions")}-hint`;

  return (
    <FormFrame
      formId={formId}
      problems={problems}
      attempt={attempt}
      state={state}
      fields={releaseFields(count)}
      labels={labels}
      done={t("done")}
      submit={t("submit")}
      onSubmit={onSubmit}
    >
      <div className="form-row">
        <TextField
          formId={formId}
          field="releasedOn"
          type="date"
          label={labels.releasedOn}
          hint={t("releasedOnHint")}
          problems={problems}
          value={values.releasedOn}
          min={episode.admittedOn}
          max={today}
          onChange={(releasedOn) => update({ releasedOn })}
        />
        <SelectField
          formId={formId}
          field="releaseType"
          label={labels.releaseType}
          problems={problems}
          value={values.releaseType}
          placeholder={t("chooseType")}
          choices={RELEASE_TYPES.map((type) => ({ value: type, label: tType(type) }))}
          onChange={(releaseType) => update({ releaseType })}
        />
      </div>
      {values.releaseType === "" || needsMunicipality(values.releaseType) ? (
        <SelectField
          formId={formId}
          field="releaseMunicipality"
          label={labels.releaseMunicipality}
          hint={t("releaseMunicipalityHint")}
          problems={problems}
          value={values.releaseMunicipality}
          placeholder={t("chooseMunicipality")}
          choices={municipalities.map((m) => ({ value: m, label: m }))}
          onChange={(releaseMunicipality) => update({ releaseMunicipality })}
        />
      ) : null}
      <section className="fieldset-group" aria-labelledby={`${formId}-proposed-heading`}>
        <h4 id={`${formId}-proposed-heading`}>{t("proposedHeading")}</h4>
        {episode.proposed.length === 0 ? (
          <p className="muted">{t("noneProposed")}</p>
        ) : (
          <>
            <ul>
              {episode.proposed.map((c) => (
                <li key={c.id}>{c.name}</li>
              ))}
            </ul>
            <p className="hint">
              {values.releaseType === ""
                ? t("proposedFate")
                : withConditions
                  ? t("proposedImposed", { count: episode.proposed.length })
                  : t("proposedWithdrawn", { count: episode.proposed.length })}
            </p>
          </>
        )}
      </section>
      {values.releaseType === "" || withConditions ? (
        <fieldset
          className="fieldset-group"
          aria-describedby={
            conditionsProblems.length > 0 ? `${conditionsHintId} ${conditionsErrorId}` : conditionsHintId
          }
        >
          <legend>{labels.conditions}</legend>
          <p id={conditionsHintId} className="hint">
            {t("conditionsHint")}
          </p>
          <FieldProblems id={conditionsErrorId} problems={conditionsProblems} />
          {values.conditions.map((condition, index) => (
            <fieldset
              // biome-ignore lint/suspicious/noArrayIndexKey: the conditions are edited in place, by position
              key={index}
              className="fieldset-group"
            >
              <legend>{t("conditionNumber", { number: index + 1 })}</legend>
              <ConditionTermsFields
                formId={formId}
                fieldPrefix={`conditions.${index}.`}
                choices={choices}
                values={condition}
                problems={problems}
                startsOnHint={t("endsOnHint")}
                onChange={(change) => setCondition(index, change)}
              />
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => update({ conditions: values.conditions.filter((_, i) => i !== index) })}
              >
                {t("removeCondition", { number: index + 1 })}
              </button>
            </fieldset>
          ))}
          <button
            id={fieldDomId(formId, "conditions")}
            type="button"
            className="button button--secondary"
            disabled={count >= RELEASE_CONDITIONS_MAX}
            onClick={() => update({ conditions: [...values.conditions, emptyCondition()] })}
          >
            {t("addCondition")}
          </button>
        </fieldset>
      ) : (
        <p className="notice">{t("noConditionsForType")}</p>
      )}
    </FormFrame>
  );
}
