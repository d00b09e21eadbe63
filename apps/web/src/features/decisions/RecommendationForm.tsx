"use client";

import { useMutation } from "@apollo/client/react";
import { useTranslations } from "next-intl";
import { type FormEvent, useId } from "react";
import {
  type MeasureTypeRulesFragment,
  type RecommendationKind,
  RecommendationWriteDocument,
  type RiskJudgement,
  type SourceReliability,
} from "@/gql/graphql";
import { MEASURE_TERMS_MAX, REASONS_MAX, RECOMMENDATION_MAX_MONTHS } from "@/lib/limits/limits";
import { ChoiceGroup, SelectField, TextAreaField, TextField } from "../forms/fields";
import { problemsOfPayload } from "../forms/problems";
import { useFormValues } from "../forms/use-submission";
import { DateText } from "../i18n/DateText";
import { gradingCode } from "../reports/grading";
import { FormFrame } from "./FormFrame";
import { MeasureTypeRules } from "./MeasureTypeRules";
import { useMeasureTypeName } from "./names";
import { allUnits, type PlaceOption } from "./places";
import {
  checkRecommendationForm,
  emptyRecommendation,
  RECOMMENDATION_FIELDS,
  RECOMMENDATION_KINDS,
  type RecommendationFormValues,
  recommendationFieldOf,
  recommendationInput,
} from "./recommendation-form";

export interface EvidenceReport {
  id: string;
  title: string;
  observedOn: string;
  sourceReliability: SourceReliability;
  informationCredibility: number;
}

export interface EvidenceAssessment {
  id: string;
  assessedOn: string | null;
  finalJudgement: RiskJudgement | null;
  instrument: { code: string; version: string } | null;
}

/**
 * CelEx's recommendation on the case file: what is recommended (a measure with its type — whose
 * rules are shown —, duration and terms; a D-Rad:Ex placement; a transfer; the ordinary regime),
 * why, and the person's reports and assessments it rests on (only those the analyst may read).
 */
export function RecommendationForm({
  personId,
  types,
  places,
  current,
  reports,
  assessments,
  today,
  returnTo,
}: {
  personId: string;
  types: readonly MeasureTypeRulesFragment[];
  places: readonly PlaceOption[];
  /** Where the inmate is held now, as far as the viewer knows. */
  current: { establishmentId: string; unitId: string | null; label: string } | null;
  reports: readonly EvidenceReport[];
  /** Null when the viewer reads no clinical data of this person. */
  assessments: readonly EvidenceAssessment[] | null;
  today: string;
  returnTo: string;
}) {
  const t = useTranslations("decisionForms");
  const tEnums = useTranslations("enums");
  const typeName = useMeasureTypeName();
  const formId = useId();
  const [write] = useMutation(RecommendationWriteDocument);
  const { values, setValues, update, problems, attempt, state, submit } =
    useFormValues<RecommendationFormValues>(() => emptyRecommendation(today), returnTo);
  const units = allUnits(places);
  const context = {
    today,
    current: current === null ? null : { establishmentId: current.establishmentId, unitId: current.unitId },
    units,
    types,
  };
  const type = types.find((candidate) => candidate.id === values.measureTypeId) ?? null;
  const labels: Record<string, string> = {
    kind: t("recommendation.kind"),
    recommendedOn: t("recommendation.recommendedOn"),
    measureTypeId: t("recommendation.measureType"),
    months: t("recommendation.months"),
    terms: t("recommendation.terms"),
    unitId: values.kind === "DRADEX_PLACEMENT" ? t("recommendation.unit") : t("recommendation.regimeUnit"),
    establishmentId: t("recommendation.establishment"),
    rationale: t("recommendation.rationale"),
    reportIds: t("recommendation.reportIds"),
    assessmentIds: t("recommendation.assessmentIds"),
  };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const recorded = await submit(checkRecommendationForm(values, context), async () => {
      const { data } = await write({ variables: { input: recommendationInput(personId, values, units) } });
      return problemsOfPayload(data?.recommendationWrite, recommendationFieldOf(values.kind));
    });
    if (recorded) setValues(emptyRecommendation(today));
  }

  const chosenPlace = places.find((p) => p.id === values.establishmentId) ?? null;
  return (
    <FormFrame
      formId={formId}
      problems={problems}
      attempt={attempt}
      state={state}
      fields={RECOMMENDATION_FIELDS}
      labels={labels}
      done={t("recommendation.done")}
      submit={t("recommendation.submit")}
      onSubmit={onSubmit}
    >
      <p className="hint">{t("recommendation.intro")}</p>
      <ChoiceGroup
        formId={formId}
        field="kind"
        type="radio"
        label={labels.kind}
        hint={current ? t("recommendation.current", { place: current.label }) : undefined}
        problems={problems}
        choices={RECOMMENDATION_KINDS.map((kind) => ({
          value: kind,
          label: tEnums(`recommendationKind.${kind}`),
        }))}
        selected={values.kind ? [values.kind] : []}
        onChange={([kind]) => update({ kind: kind as RecommendationKind, unitId: "", establishmentId: "" })}
      />
      <TextField
        formId={formId}
        field="recommendedOn"
        type="date"
        label={labels.recommendedOn}
        problems={problems}
        value={values.recommendedOn}
        max={today}
        onChange={(recommendedOn) => update({ recommendedOn })}
      />
      {values.kind === "SECURITY_MEASURE" ? (
        <>
          <SelectField
            formId={formId}
            field="measureTypeId"
            label={labels.measureTypeId}
            problems={problems}
            value={values.measureTypeId}
            placeholder={t("recommendation.chooseType")}
            choices={types.map((candidate) => ({ value: candidate.id, label: typeName(candidate) }))}
            onChange={(measureTypeId) => update({ measureTypeId })}
          />
          {type ? <MeasureTypeRules type={type} /> : null}
          <TextField
            formId={formId}
            field="months"
            label={labels.months}
            hint={t("recommendation.monthsHint", { max: RECOMMENDATION_MAX_MONTHS })}
            problems={problems}
            value={values.months}
            maxLength={2}
            inputMode="numeric"
            onChange={(months) => update({ months })}
          />
          <TextAreaField
            formId={formId}
            field="terms"
            optional
            label={labels.terms}
            hint={t("recommendation.termsHint")}
            problems={problems}
            value={values.terms}
            maxLength={MEASURE_TERMS_MAX}
            rows={3}
            onChange={(terms) => update({ terms })}
          />
        </>
      ) : null}
      {values.kind === "DRADEX_PLACEMENT" ? (
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
      ) : null}
      {values.kind === "TRANSFER" || values.kind === "ORDINARY_REGIME" ? (
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
      ) : null}
      <TextAreaField
        formId={formId}
        field="rationale"
        label={labels.rationale}
        hint={t("recommendation.rationaleHint", { max: REASONS_MAX })}
        problems={problems}
        value={values.rationale}
        maxLength={REASONS_MAX}
        onChange={(rationale) => update({ rationale })}
      />
      {reports.length > 0 ? (
        <ChoiceGroup
          formId={formId}
          field="reportIds"
          type="checkbox"
          optional
          label={labels.reportIds}
          hint={t("recommendation.reportsHint")}
          problems={problems}
          className="field--columns"
          choices={reports.map((report) => ({
            value: report.id,
            label: report.title,
            note: (
              <>
                <DateText iso={report.observedOn} /> ·{" "}
                {gradingCode(report.sourceReliability, report.informationCredibility)}
              </>
            ),
          }))}
          selected={values.reportIds}
          onChange={(reportIds) => update({ reportIds })}
        />
      ) : (
        <div className="field">
          <p className="field__label">{labels.reportIds}</p>
          <p className="hint">{t("recommendation.noReports")}</p>
        </div>
      )}
      {assessments === null ? null : assessments.length > 0 ? (
        <ChoiceGroup
          formId={formId}
          field="assessmentIds"
          type="checkbox"
          optional
          label={labels.assessmentIds}
          problems={problems}
          choices={assessments.map((a) => ({
            value: a.id,
            label: t("recommendation.assessmentOption", {
              instrument: a.instrument ? `${a.instrument.code} ${a.instrument.version}` : "—",
              judgement: a.finalJudgement ? tEnums(`riskJudgement.${a.finalJudgement}`) : "—",
            }),
            note: a.assessedOn ? <DateText iso={a.assessedOn} /> : null,
          }))}
          selected={values.assessmentIds}
          onChange={(assessmentIds) => update({ assessmentIds })}
        />
      ) : (
        <div className="field">
          <p className="field__label">{labels.assessmentIds}</p>
          <p className="hint">{t("recommendation.noAssessments")}</p>
        </div>
      )}
    </FormFrame>
  );
}
