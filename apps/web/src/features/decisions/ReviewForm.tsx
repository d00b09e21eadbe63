"use client";

import { useMutation } from "@apollo/client/react";
import { useTranslations } from "next-intl";
import { type FormEvent, useId } from "react";
import {
  type MeasureTypeRulesFragment,
  type ReviewOutcome,
  SecurityMeasureReviewDocument,
} from "@/gql/graphql";
import { MEASURE_TERMS_MAX, REASONS_MAX } from "@/lib/limits/limits";
import { addDaysIso } from "@/lib/time/calendar";
import { CheckboxField, ChoiceGroup, TextAreaField, TextField } from "../forms/fields";
import { problemsOfPayload } from "../forms/problems";
import { useFormValues } from "../forms/use-submission";
import { useIsoDate } from "../i18n/DateText";
import { FormFrame } from "./FormFrame";
import { allowanceFor, type Decider, mayProlong } from "./measure-rules";
import {
  checkReviewForm,
  chooseOutcome,
  emptyReview,
  type MeasureToReview,
  REVIEW_FIELDS,
  REVIEW_OUTCOMES,
  type ReviewFormValues,
  reviewFieldOf,
  reviewInput,
} from "./review-form";

/**
 * A review of a measure in force (a decision of its own, notified to the inmate): maintain, ease,
 * prolong or lift. The outcome decides which dates and terms are asked for; a prolongation is
 * offered with what the type's rules allow the viewer, and says who may prolong when they may not.
 */
export function ReviewForm({
  measure,
  decider,
  today,
  returnTo,
}: {
  measure: MeasureToReview & { measureType: MeasureTypeRulesFragment | null };
  decider: Decider;
  today: string;
  returnTo: string;
}) {
  const t = useTranslations("decisionForms");
  const tEnums = useTranslations("enums");
  const formatDate = useIsoDate();
  const formId = useId();
  const [review] = useMutation(SecurityMeasureReviewDocument);
  const { values, setValues, update, problems, attempt, state, submit, touch } =
    useFormValues<ReviewFormValues>(() => emptyReview(today), returnTo);
  const type = measure.measureType;
  const prolongMonths = type ? allowanceFor(type.prolong, decider) : null;
  const labels: Record<string, string> = {
    outcome: t("review.outcome"),
    decidedOn: t("decidedOn"),
    effectiveOn: t("review.effectiveOn"),
    endsOn: t("review.endsOn"),
    nextReviewOn: t("review.nextReviewOn"),
    terms: t("review.terms"),
    reasons: t("reasons"),
    reasonsClassified: t("reasonsClassified"),
  };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const recorded = await submit(checkReviewForm(values, measure, { today, decider }), async () => {
      const { data } = await review({ variables: { input: reviewInput(measure, values) } });
      return problemsOfPayload(data?.securityMeasureReview, reviewFieldOf(values.outcome));
    });
    if (recorded) setValues(emptyReview(today));
  }

  const outcome = values.outcome;
  const whoProlongs =
    type?.prolong
      .map(
        (a) =>
          `${tEnums(`agencyKind.${a.agencyKind as "PRISON"}`)}, ${tEnums(`role.${a.role as "DIRECTOR"}`)}`,
      )
      .join("; ") ?? "";
  return (
    <FormFrame
      formId={formId}
      problems={problems}
      attempt={attempt}
      state={state}
      fields={REVIEW_FIELDS}
      labels={labels}
      done={t("review.done")}
      submit={t("review.submit")}
      onSubmit={onSubmit}
    >
      <ChoiceGroup
        formId={formId}
        field="outcome"
        type="radio"
        label={labels.outcome}
        hint={
          type && !mayProlong(type, decider)
            ? t("review.prolongNotYours", { who: whoProlongs || "—" })
            : undefined
        }
        problems={problems}
        choices={REVIEW_OUTCOMES.map((o) => ({ value: o, label: t(`review.outcomes.${o}`) }))}
        selected={outcome ? [outcome] : []}
        onChange={([chosen]) => {
          touch();
          setValues((v) => chooseOutcome(v, chosen as ReviewOutcome, measure, decider));
        }}
      />
      <div className="form-row">
        <TextField
          formId={formId}
          field="decidedOn"
          type="date"
          label={labels.decidedOn}
          problems={problems}
          value={values.decidedOn}
          max={today}
          onChange={(decidedOn) => update({ decidedOn })}
        />
        {outcome === "LIFTED" ? (
          <TextField
            formId={formId}
            field="effectiveOn"
            type="date"
            optional
            label={labels.effectiveOn}
            hint={t("review.effectiveOnHint")}
            problems={problems}
            value={values.effectiveOn}
            min={values.decidedOn || undefined}
            max={addDaysIso(measure.endsOn, -1)}
            onChange={(effectiveOn) => update({ effectiveOn })}
          />
        ) : null}
        {outcome === "PROLONGED" ? (
          <TextField
            formId={formId}
            field="endsOn"
            type="date"
            label={labels.endsOn}
            hint={
              prolongMonths !== null
                ? t("review.endsOnHint", { months: prolongMonths, date: formatDate(measure.endsOn) })
                : undefined
            }
            problems={problems}
            value={values.endsOn}
            min={addDaysIso(measure.endsOn, 1)}
            onChange={(endsOn) => update({ endsOn })}
          />
        ) : null}
        {outcome !== null && outcome !== "LIFTED" ? (
          <TextField
            formId={formId}
            field="nextReviewOn"
            type="date"
            label={labels.nextReviewOn}
            hint={
              outcome === "PROLONGED"
                ? t("review.prolongReviewHint", { months: type?.reviewWithinMonths ?? 1 })
                : t("review.nextReviewHint", { months: type?.reviewWithinMonths ?? 1 })
            }
            problems={problems}
            value={values.nextReviewOn}
            onChange={(nextReviewOn) => update({ nextReviewOn })}
          />
        ) : null}
      </div>
      {outcome === "EASED" ? (
        <TextAreaField
          formId={formId}
          field="terms"
          label={labels.terms}
          problems={problems}
          value={values.terms}
          maxLength={MEASURE_TERMS_MAX}
          rows={3}
          onChange={(terms) => update({ terms })}
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
