"use client";

import { useTranslations } from "next-intl";
import { LEGAL_BASIS_MAX, MEASURE_TERMS_MAX } from "@/lib/limits/limits";
import { TextAreaField, TextField } from "../forms/fields";
import type { Problem } from "../forms/problems";
import { useIsoDate } from "../i18n/DateText";

export interface TermValues {
  endsOn: string;
  nextReviewOn: string;
  legalBasis: string;
  terms: string;
}

/**
 * A measure's term in a group of its own: when it lapses (within what the decider may set), its
 * review date (within the type's interval), its legal basis and terms. The fields' keys are the
 * input's paths (`measure.endsOn`…), which the API's errors name.
 */
export function MeasureTermFields({
  formId,
  problems,
  values,
  onChange,
  from,
  maxMonths,
  reviewWithinMonths,
  asRecommended = null,
}: {
  formId: string;
  problems: readonly Problem[];
  values: TermValues;
  onChange: (change: Partial<TermValues>) => void;
  /** The measure's first day (the lower bound of both dates). */
  from: string;
  /** What the decider may set, when known. */
  maxMonths: number | null;
  reviewWithinMonths: number;
  /**
   * A recommendation accepted as written: its end (the months proposed from the first day) and its
   * terms are not asked for, only shown.
   */
  asRecommended?: { endsOn: string; months: number } | null;
}) {
  const t = useTranslations("decisionForms.term");
  const formatDate = useIsoDate();
  return (
    <fieldset className="field fieldset-group">
      <legend>{t("legend")}</legend>
      {asRecommended ? (
        <p className="hint">
          {asRecommended.endsOn
            ? t("asRecommended", { date: formatDate(asRecommended.endsOn), months: asRecommended.months })
            : null}
        </p>
      ) : null}
      <div className="form-row">
        {asRecommended ? null : (
          <TextField
            formId={formId}
            field="measure.endsOn"
            type="date"
            label={t("endsOn")}
            hint={maxMonths !== null ? t("endsOnHint", { months: maxMonths }) : undefined}
            problems={problems}
            value={values.endsOn}
            min={from || undefined}
            onChange={(endsOn) => onChange({ endsOn })}
          />
        )}
        <TextField
          formId={formId}
          field="measure.nextReviewOn"
          type="date"
          label={t("nextReviewOn")}
          hint={t("nextReviewHint", { months: reviewWithinMonths })}
          problems={problems}
          value={values.nextReviewOn}
          min={from || undefined}
          max={(asRecommended ? asRecommended.endsOn : values.endsOn) || undefined}
          onChange={(nextReviewOn) => onChange({ nextReviewOn })}
        />
      </div>
      <TextField
        formId={formId}
        field="measure.legalBasis"
        label={t("legalBasis")}
        hint={t("legalBasisHint")}
        problems={problems}
        value={values.legalBasis}
        maxLength={LEGAL_BASIS_MAX}
        onChange={(legalBasis) => onChange({ legalBasis })}
      />
      {asRecommended ? null : (
        <TextAreaField
          formId={formId}
          field="measure.terms"
          optional
          label={t("terms")}
          hint={t("termsHint")}
          problems={problems}
          value={values.terms}
          maxLength={MEASURE_TERMS_MAX}
          rows={3}
          onChange={(terms) => onChange({ terms })}
        />
      )}
    </fieldset>
  );
}
