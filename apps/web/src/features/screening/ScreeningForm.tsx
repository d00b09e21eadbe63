"use client";

import { useMutation } from "@apollo/client/react";
import { useTranslations } from "next-intl";
import { type FormEvent, useId } from "react";
import {
  type LegacyCategory,
  type ListingLabel,
  type ScreeningOutcome,
  ScreeningRecordDocument,
  type ScreeningSource,
  type SourceReliability,
} from "@/gql/graphql";
import { RATIONALE_MAX, SCREENING_INTERVAL_MONTHS } from "@/lib/limits/limits";
import { ErrorSummary } from "../forms/FormProblems";
import { ChoiceGroup, TextAreaField, TextField } from "../forms/fields";
import { fieldDomId, fieldsInError, problemsOfPayload } from "../forms/problems";
import { useFormValues } from "../forms/use-submission";
import { DateText } from "../i18n/DateText";
import { gradingCode } from "../reports/grading";
import {
  CATEGORIES,
  checkScreeningForm,
  decidesCategory,
  LABELS,
  outcomesFor,
  SCREENING_FIELDS,
  type ScreeningFormValues,
  SOURCES,
  screeningFieldOf,
  screeningInput,
} from "./screening-form";

export interface SourceReportOption {
  id: string;
  title: string;
  observedOn: string;
  sourceReliability: SourceReliability;
  informationCredibility: number;
}

function initial(today: string): ScreeningFormValues {
  return {
    screenedOn: today,
    outcome: null,
    category: null,
    labels: [],
    sources: [],
    sourceReportIds: [],
    rationale: "",
    nextDueOn: "",
  };
}

/**
 * Records a CelEx screening on the case file (CelEx analysts, on persons whose listing they feed).
 * The outcomes offered fit the current listing; a category and labels are asked for the outcomes
 * that decide them; the person's latest reports may be cited as the screening's sources.
 */
export function ScreeningForm({
  personId,
  listing,
  admittedOn,
  reports,
  today,
  returnTo,
}: {
  personId: string;
  listing: { category: LegacyCategory; labels: readonly ListingLabel[] } | null;
  admittedOn: string | null;
  reports: readonly SourceReportOption[];
  today: string;
  returnTo: string;
}) {
  const t = useTranslations("screeningForm");
  const tEnums = useTranslations("enums");
  const formId = useId();
  const [record] = useMutation(ScreeningRecordDocument);
  const { values, setValues, update, problems, attempt, state, submit } = useFormValues<ScreeningFormValues>(
    () => initial(today),
    returnTo,
  );
  const chooseOutcome = (outcome: ScreeningOutcome) =>
    // CHANGED starts from the current category and labels; LISTED from nothing.
    update({
      outcome,
      category: outcome === "CHANGED" ? (listing?.category ?? null) : null,
      labels: outcome === "CHANGED" ? [...(listing?.labels ?? [])] : [],
    });

  const labels: Record<string, string> = {
    screenedOn: t("screenedOn"),
    outcome: t("outcome"),
    category: t("category"),
    labels: t("labels"),
    sources: t("sources"),
    sourceReportIds: t("sourceReports"),
    rationale: t("rationale"),
    nextDueOn: t("nextDueOn"),
  };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const local = checkScreeningForm(values, { today, listing, admittedOn });
    const recorded = await submit(local, async () => {
      const { data } = await record({ variables: { input: screeningInput(personId, values) } });
      return problemsOfPayload(data?.screeningRecord, screeningFieldOf);
    });
    if (recorded) setValues(initial(today));
  }

  const ordered = [
    ...problems.filter((p) => p.field === ""),
    ...fieldsInError(problems, SCREENING_FIELDS).flatMap((f) => problems.filter((p) => p.field === f)),
  ];
  const decides = decidesCategory(values.outcome);

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
        labelOf={(field) => labels[field] ?? field}
        targetOf={(field) => fieldDomId(formId, field)}
      />
      <p role="status" className={state === "done" ? "notice notice--ok" : "alert-placeholder"}>
        {state === "done" ? t("done") : null}
      </p>
      <p className="hint">{t("intro")}</p>
      <div className="form-row">
        <TextField
          formId={formId}
          field="screenedOn"
          type="date"
          label={labels.screenedOn}
          problems={problems}
          value={values.screenedOn}
          max={today}
          min={admittedOn ?? undefined}
          onChange={(screenedOn) => update({ screenedOn })}
        />
        <TextField
          formId={formId}
          field="nextDueOn"
          type="date"
          optional
          label={labels.nextDueOn}
          hint={t("nextDueOnHint", { months: SCREENING_INTERVAL_MONTHS })}
          problems={problems}
          value={values.nextDueOn}
          onChange={(nextDueOn) => update({ nextDueOn })}
        />
      </div>
      <ChoiceGroup
        formId={formId}
        field="outcome"
        type="radio"
        label={labels.outcome}
        hint={
          listing
            ? t("outcomeHintListed", { category: tEnums(`category.${listing.category}`) })
            : t("outcomeHintNotListed")
        }
        problems={problems}
        choices={outcomesFor(listing !== null).map((outcome) => ({
          value: outcome,
          label: t(`outcomes.${outcome}`),
        }))}
        selected={values.outcome ? [values.outcome] : []}
        onChange={([outcome]) => chooseOutcome(outcome as ScreeningOutcome)}
      />
      {decides ? (
        <div className="form-row">
          <ChoiceGroup
            formId={formId}
            field="category"
            type="radio"
            label={labels.category}
            problems={problems}
            choices={CATEGORIES.map((category) => ({
              value: category,
              label: tEnums(`category.${category}`),
            }))}
            selected={values.category ? [values.category] : []}
            onChange={([category]) => update({ category: category as LegacyCategory })}
          />
          <ChoiceGroup
            formId={formId}
            field="labels"
            type="checkbox"
            optional
            label={labels.labels}
            hint={t("labelsHint")}
            problems={problems}
            choices={LABELS.map((label) => ({ value: label, label: tEnums(`label.${label}`) }))}
            selected={values.labels}
            onChange={(selected) => update({ labels: selected as ListingLabel[] })}
          />
        </div>
      ) : null}
      <div className="form-row">
        <ChoiceGroup
          formId={formId}
          field="sources"
          type="checkbox"
          label={labels.sources}
          problems={problems}
          choices={SOURCES.map((source) => ({ value: source, label: tEnums(`screeningSource.${source}`) }))}
          selected={values.sources}
          onChange={(selected) => update({ sources: selected as ScreeningSource[] })}
        />
        {reports.length > 0 ? (
          <ChoiceGroup
            formId={formId}
            field="sourceReportIds"
            type="checkbox"
            optional
            label={labels.sourceReportIds}
            hint={t("sourceReportsHint")}
            problems={problems}
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
            selected={values.sourceReportIds}
            onChange={(sourceReportIds) => update({ sourceReportIds })}
          />
        ) : (
          <div className="field">
            <p className="field__label">{labels.sourceReportIds}</p>
            <p className="hint">{t("noReports")}</p>
          </div>
        )}
      </div>
      <TextAreaField
        formId={formId}
        field="rationale"
        label={labels.rationale}
        hint={t("rationaleHint", { max: RATIONALE_MAX })}
        problems={problems}
        value={values.rationale}
        maxLength={RATIONALE_MAX}
        onChange={(rationale) => update({ rationale })}
      />
      <button
        type="submit"
        className="button button--primary"
        disabled={state === "pending"}
        aria-busy={state === "pending"}
      >
        {state === "pending" ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
