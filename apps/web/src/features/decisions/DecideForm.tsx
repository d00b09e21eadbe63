"use client";

import { useMutation } from "@apollo/client/react";
import { useTranslations } from "next-intl";
import { type FormEvent, useId } from "react";
import { RecommendationDecideDocument, type RecommendationOutcome } from "@/gql/graphql";
import { REASONS_MAX } from "@/lib/limits/limits";
import { CheckboxField, ChoiceGroup, SelectField, TextAreaField, TextField } from "../forms/fields";
import { problemsOfPayload } from "../forms/problems";
import { useFormValues } from "../forms/use-submission";
import {
  acceptedEnd,
  checkDecideForm,
  DECIDE_FIELDS,
  type DecideFormValues,
  decideFieldOf,
  decideInput,
  decidesMeasure,
  initialDecision,
  namesPlace,
  OUTCOMES,
  type RecommendationToDecide,
} from "./decide-form";
import { FormFrame } from "./FormFrame";
import { MeasureTermFields } from "./MeasureTermFields";
import { allowanceFor, type Decider } from "./measure-rules";
import { allUnits, type PlaceOption } from "./places";

/**
 * The Director General's decision on one recommendation: accept, amend or reject, with reasons
 * (always). Accepting or amending a measure asks for its term (proposed from the recommendation,
 * within the type's rules); amending a regime decision asks for the place decided instead.
 */
export function DecideForm({
  recommendationId,
  recommendation,
  places,
  decider,
  today,
  returnTo,
  afterDone,
}: {
  recommendationId: string;
  recommendation: RecommendationToDecide;
  places: readonly PlaceOption[];
  decider: Decider;
  today: string;
  returnTo: string;
  /** Where the focus goes once decided (the recommendation leaves the inbox with its form). */
  afterDone?: string;
}) {
  const t = useTranslations("decisionForms");
  const formId = useId();
  const [decide] = useMutation(RecommendationDecideDocument);
  const { values, update, problems, attempt, state, submit } = useFormValues<DecideFormValues>(
    () => initialDecision(recommendation, today),
    returnTo,
  );
  const units = allUnits(places);
  const type = recommendation.measureType;
  const labels: Record<string, string> = {
    outcome: t("decide.outcome"),
    decidedOn: t("decidedOn"),
    effectiveOn: t("effectiveOn"),
    establishmentId: t("decide.establishment"),
    unitId: t("decide.unit"),
    "measure.endsOn": t("term.endsOn"),
    "measure.nextReviewOn": t("term.nextReviewOn"),
    "measure.legalBasis": t("term.legalBasis"),
    "measure.terms": t("term.terms"),
    reasons: t("reasons"),
    reasonsClassified: t("reasonsClassified"),
  };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const recorded = await submit(
      checkDecideForm(values, recommendation, { today, decider, units }),
      async () => {
        const { data } = await decide({
          variables: { input: decideInput(recommendationId, recommendation, values, units) },
        });
        return problemsOfPayload(
          data?.recommendationDecide,
          decideFieldOf(recommendation.kind, values.outcome),
        );
      },
    );
    if (recorded && afterDone) document.getElementById(afterDone)?.focus();
  }

  const dradex = recommendation.kind === "DRADEX_PLACEMENT";
  const chosenPlace = places.find((p) => p.id === values.establishmentId) ?? null;
  return (
    <FormFrame
      formId={formId}
      problems={problems}
      attempt={attempt}
      state={state}
      fields={DECIDE_FIELDS}
      labels={labels}
      done={t("decide.done")}
      submit={t("decide.submit")}
      onSubmit={onSubmit}
    >
      <p className="hint">{t("decide.intro")}</p>
      <ChoiceGroup
        formId={formId}
        field="outcome"
        type="radio"
        label={labels.outcome}
        problems={problems}
        choices={OUTCOMES.map((o) => ({ value: o, label: t(`decide.outcomes.${o}`) }))}
        selected={values.outcome ? [values.outcome] : []}
        onChange={([outcome]) => update({ outcome: outcome as RecommendationOutcome })}
      />
      <div className="form-row">
        <TextField
          formId={formId}
          field="decidedOn"
          type="date"
          label={labels.decidedOn}
          problems={problems}
          value={values.decidedOn}
          min={recommendation.recommendedOn}
          max={today}
          onChange={(decidedOn) => update({ decidedOn })}
        />
        <TextField
          formId={formId}
          field="effectiveOn"
          type="date"
          label={labels.effectiveOn}
          problems={problems}
          value={values.effectiveOn}
          min={values.decidedOn || undefined}
          onChange={(effectiveOn) => update({ effectiveOn })}
        />
      </div>
      {namesPlace(recommendation.kind, values.outcome) ? (
        dradex ? (
          <SelectField
            formId={formId}
            field="unitId"
            label={labels.unitId}
            problems={problems}
            value={values.unitId}
            placeholder={t("recommendation.chooseUnit")}
            choices={places.flatMap((p) =>
              p.units
                .filter((u) => u.kind === "DRADEX")
                .map((u) => ({
                  value: u.id,
                  label: t("recommendation.unitOption", { unit: u.label, establishment: p.label }),
                })),
            )}
            onChange={(unitId) => update({ unitId })}
          />
        ) : (
          <div className="form-row">
            <SelectField
              formId={formId}
              field="establishmentId"
              label={labels.establishmentId}
              problems={problems}
              value={values.establishmentId}
              placeholder={t("recommendation.chooseEstablishment")}
              choices={places.map((p) => ({ value: p.id, label: p.label }))}
              onChange={(establishmentId) => update({ establishmentId, unitId: "" })}
            />
            <SelectField
              formId={formId}
              field="unitId"
              optional
              label={labels.unitId}
              problems={problems}
              value={values.unitId}
              placeholder={t("recommendation.anyUnit")}
              choices={(chosenPlace?.units ?? [])
                .filter((u) => u.kind !== "DRADEX")
                .map((u) => ({ value: u.id, label: u.label }))}
              onChange={(unitId) => update({ unitId })}
            />
          </div>
        )
      ) : null}
      {decidesMeasure(recommendation.kind, values.outcome) && type ? (
        <MeasureTermFields
          formId={formId}
          problems={problems}
          values={values}
          onChange={update}
          from={values.effectiveOn}
          maxMonths={allowanceFor(type.impose, decider)}
          reviewWithinMonths={type.reviewWithinMonths}
          asRecommended={
            values.outcome === "ACCEPTED"
              ? {
                  endsOn: acceptedEnd(recommendation, values.effectiveOn),
                  months: recommendation.months ?? 1,
                }
              : null
          }
        />
      ) : null}
      <TextAreaField
        formId={formId}
        field="reasons"
        label={labels.reasons}
        hint={t("reasonsHint", { max: REASONS_MAX })}
        problems={problems}
        value={values.reasons}
        maxLength={REASONS_MAX}
        onChange={(reasons) => update({ reasons })}
      />
      <CheckboxField
        formId={formId}
        field="reasonsClassified"
        label={labels.reasonsClassified}
        problems={problems}
        checked={values.reasonsClassified}
        onChange={(reasonsClassified) => update({ reasonsClassified })}
      />
    </FormFrame>
  );
}
