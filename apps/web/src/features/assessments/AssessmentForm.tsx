"use client";

import { useMutation } from "@apollo/client/react";
import { useTranslations } from "next-intl";
import { type FormEvent, useId, useState } from "react";
import {
  type IndicatorRating,
  type InstrumentStructureFragment,
  RiskAssessmentRecordDocument,
  type RiskJudgement,
} from "@/gql/graphql";
import {
  DOMAIN_SUMMARY_MAX,
  NARRATIVE_MAX,
  NOT_RATED_REASON_MAX,
  REASSESSMENT_MAX_MONTHS,
} from "@/lib/limits/limits";
import { ErrorSummary } from "../forms/FormProblems";
import { ChoiceGroup, SelectField, TextAreaField, TextField } from "../forms/fields";
import { fieldDomId, fieldsInError, problemsOfPayload } from "../forms/problems";
import { useSubmission } from "../forms/use-submission";
import {
  type AssessmentModel,
  type AssessmentValues,
  assessmentFieldOf,
  assessmentFieldOrder,
  assessmentInput,
  buildAssessmentModel,
  checkAssessmentForm,
  emptyAssessment,
  JUDGEMENTS,
  ratingField,
  ratingOptions,
  reasonField,
  summaryField,
} from "./assessment-model";

/**
 * Records a structured risk assessment (the psychosocial service, on inmates whose clinical data it
 * feeds). The form is generated from the chosen instrument's data: a fieldset per domain, a radio
 * group per indicator on the instrument's scale (plus "not rated", which asks why), a summary per
 * domain; then the final judgement, the narrative and the next review date.
 */
export function AssessmentForm({
  personId,
  instruments,
  today,
  returnTo,
}: {
  personId: string;
  instruments: readonly InstrumentStructureFragment[];
  today: string;
  returnTo: string;
}) {
  const t = useTranslations("assessmentForm");
  const tEnums = useTranslations("enums");
  const formId = useId();
  const [record] = useMutation(RiskAssessmentRecordDocument);
  const [instrumentId, setInstrumentId] = useState("");
  const [values, setValues] = useState<AssessmentValues>(() => emptyAssessment(today));
  const { problems, attempt, state, submit, touch } = useSubmission(returnTo);
  const active = instruments.filter((i) => i.active);
  const instrument = active.find((i) => i.id === instrumentId);
  const model: AssessmentModel | null = instrument ? buildAssessmentModel(instrument) : null;

  const update = (change: Partial<AssessmentValues>) => {
    touch();
    setValues((v) => ({ ...v, ...change }));
  };
  const rate = (code: string, rating: IndicatorRating) => {
    touch();
    setValues((v) => ({ ...v, ratings: { ...v.ratings, [code]: rating } }));
  };

  const indicatorLabel = new Map<string, string>();
  const domainName = new Map<string, string>();
  for (const domain of model?.domains ?? []) {
    domainName.set(domain.code, domain.name);
    for (const indicator of domain.indicators)
      indicatorLabel.set(indicator.code, `${indicator.code}: ${indicator.name}`);
  }
  const labelOf = (field: string): string => {
    const [kind, code = ""] = field.split(":");
    if (kind === "rating") return indicatorLabel.get(code) ?? code;
    if (kind === "reason") return t("notRatedReason", { code });
    if (kind === "summary") return t("summary", { domain: domainName.get(code) ?? code });
    const direct: Record<string, string> = {
      instrument: t("instrument"),
      assessedOn: t("assessedOn"),
      finalJudgement: t("judgement"),
      narrative: t("narrative"),
      nextReviewOn: t("nextReviewOn"),
    };
    return direct[field] ?? field;
  };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (model === null) {
      await submit([{ field: "instrument", key: "chooseOne" }], async () => []);
      return;
    }
    const local = checkAssessmentForm(model, values, today);
    const recorded = await submit(local, async () => {
      const built = assessmentInput(model, personId, values);
      const { data } = await record({ variables: { input: built.input } });
      return problemsOfPayload(data?.riskAssessmentRecord, assessmentFieldOf(built));
    });
    if (recorded) {
      setValues(emptyAssessment(today));
      setInstrumentId("");
    }
  }

  const order = model ? assessmentFieldOrder(model) : ["instrument"];
  const ordered = [
    ...problems.filter((p) => p.field === ""),
    ...fieldsInError(problems, order).flatMap((f) => problems.filter((p) => p.field === f)),
  ];

  return (
    <form
      method="post"
      noValidate
      onSubmit={onSubmit}
      className="case-form"
      aria-describedby={`${formId}-summary`}
    >
      <ErrorSummary
        id={`${formId}-summary`}
        problems={ordered}
        attempt={attempt}
        labelOf={labelOf}
        targetOf={(field) => fieldDomId(formId, field)}
      />
      <p role="status" className={state === "done" ? "notice notice--ok" : "alert-placeholder"}>
        {state === "done" ? t("done") : null}
      </p>
      <p className="hint">{t("intro")}</p>
      {active.length === 0 ? (
        <p className="notice">{t("noInstrument")}</p>
      ) : (
        <div className="form-row">
          <SelectField
            formId={formId}
            field="instrument"
            label={t("instrument")}
            hint={t("instrumentHint")}
            problems={problems}
            value={instrumentId}
            placeholder={t("choose")}
            choices={active.map((i) => ({ value: i.id, label: `${i.code} ${i.version}: ${i.name}` }))}
            onChange={(id) => {
              touch();
              setInstrumentId(id);
              setValues((v) => ({ ...v, ratings: {}, reasons: {}, summaries: {} }));
            }}
          />
          <TextField
            formId={formId}
            field="assessedOn"
            type="date"
            label={t("assessedOn")}
            problems={problems}
            value={values.assessedOn}
            max={today}
            onChange={(assessedOn) => update({ assessedOn })}
          />
        </div>
      )}
      {model ? (
        <>
          {model.domains.map((domain) => (
            <fieldset key={domain.code} className="assessment-domain">
              <legend>{t("domain", { code: domain.code, name: domain.name })}</legend>
              {domain.optional ? <p className="hint">{t("optionalDomain")}</p> : null}
              {domain.indicators.map((indicator) => (
                <div key={indicator.code} className="assessment-indicator">
                  <ChoiceGroup
                    formId={formId}
                    field={ratingField(indicator.code)}
                    type="radio"
                    inline
                    optional={!indicator.required && !domain.optional}
                    label={indicatorLabel.get(indicator.code)}
                    hint={indicator.licensedText ?? undefined}
                    problems={problems}
                    choices={ratingOptions(model).map((rating) => ({
                      value: rating,
                      label: tEnums(`indicatorRating.${rating}`),
                    }))}
                    selected={
                      values.ratings[indicator.code] ? [values.ratings[indicator.code] as string] : []
                    }
                    onChange={([rating]) => rate(indicator.code, rating as IndicatorRating)}
                  />
                  {values.ratings[indicator.code] === "NOT_RATED" ? (
                    <TextAreaField
                      formId={formId}
                      field={reasonField(indicator.code)}
                      label={t("notRatedReason", { code: indicator.code })}
                      problems={problems}
                      value={values.reasons[indicator.code] ?? ""}
                      maxLength={NOT_RATED_REASON_MAX}
                      rows={2}
                      onChange={(reason) =>
                        update({ reasons: { ...values.reasons, [indicator.code]: reason } })
                      }
                    />
                  ) : null}
                </div>
              ))}
              <TextAreaField
                formId={formId}
                field={summaryField(domain.code)}
                optional
                label={t("summary", { domain: domain.name })}
                problems={problems}
                value={values.summaries[domain.code] ?? ""}
                maxLength={DOMAIN_SUMMARY_MAX}
                rows={2}
                onChange={(summary) => update({ summaries: { ...values.summaries, [domain.code]: summary } })}
              />
            </fieldset>
          ))}
          <ChoiceGroup
            formId={formId}
            field="finalJudgement"
            type="radio"
            inline
            label={t("judgement")}
            problems={problems}
            choices={JUDGEMENTS.map((j) => ({ value: j, label: tEnums(`riskJudgement.${j}`) }))}
            selected={values.finalJudgement ? [values.finalJudgement] : []}
            onChange={([j]) => update({ finalJudgement: j as RiskJudgement })}
          />
          <TextAreaField
            formId={formId}
            field="narrative"
            label={t("narrative")}
            hint={t("narrativeHint", { max: NARRATIVE_MAX })}
            problems={problems}
            value={values.narrative}
            maxLength={NARRATIVE_MAX}
            rows={5}
            onChange={(narrative) => update({ narrative })}
          />
          <TextField
            formId={formId}
            field="nextReviewOn"
            type="date"
            label={t("nextReviewOn")}
            hint={t("nextReviewHint", { months: REASSESSMENT_MAX_MONTHS })}
            problems={problems}
            value={values.nextReviewOn}
            onChange={(nextReviewOn) => update({ nextReviewOn })}
          />
        </>
      ) : null}
      {active.length > 0 ? (
        <button
          type="submit"
          className="button button--primary"
          disabled={state === "pending"}
          aria-busy={state === "pending"}
        >
          {state === "pending" ? t("submitting") : t("submit")}
        </button>
      ) : null}
    </form>
  );
}
