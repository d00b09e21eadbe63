"use client";

import { useTranslations } from "next-intl";
import { SelectField, TextAreaField, TextField } from "../forms/fields";
import type { Problem } from "../forms/problems";
import { CONDITION_DETAILS_MAX, type ConditionValues } from "./release-form";

/** What a condition is chosen from: the types (named in the page's language) and the supervisors. */
export interface ConditionChoices {
  types: readonly { code: string; name: string; requiresDetails: boolean }[];
  agencies: readonly { id: string; name: string }[];
}

/** The labels of a condition's fields; `prefix` names the condition in a list ("Condition 2: "). */
export function useConditionLabels(prefix = ""): Record<keyof ConditionValues, string> {
  const t = useTranslations("release.forms.condition");
  return {
    conditionType: `${prefix}${t("type")}`,
    supervisingAgencyId: `${prefix}${t("agency")}`,
    details: `${prefix}${t("details")}`,
    endsOn: `${prefix}${t("endsOn")}`,
  };
}

/**
 * A condition's terms: its type, the agency that supervises it, details (required for the types
 * that need them) and a planned end. `fieldPrefix` is the fields' path in the form
 * (`conditions.0.`); in a list, the fieldset around them names the condition.
 */
export function ConditionTermsFields({
  formId,
  fieldPrefix = "",
  choices,
  values,
  problems,
  startsOnHint,
  onChange,
}: {
  formId: string;
  fieldPrefix?: string;
  choices: ConditionChoices;
  values: ConditionValues;
  problems: readonly Problem[];
  /** The hint of the planned end (when the condition starts). */
  startsOnHint: string;
  onChange: (change: Partial<ConditionValues>) => void;
}) {
  const t = useTranslations("release.forms.condition");
  const labels = useConditionLabels();
  const type = choices.types.find((c) => c.code === values.conditionType);
  return (
    <>
      <div className="form-row">
        <SelectField
          formId={formId}
          field={`${fieldPrefix}conditionType`}
          label={labels.conditionType}
          problems={problems}
          value={values.conditionType}
          placeholder={t("chooseType")}
          choices={choices.types.map((c) => ({ value: c.code, label: c.name }))}
          onChange={(conditionType) => onChange({ conditionType })}
        />
        <SelectField
          formId={formId}
          field={`${fieldPrefix}supervisingAgencyId`}
          label={labels.supervisingAgencyId}
          hint={t("agencyHint")}
          problems={problems}
          value={values.supervisingAgencyId}
          placeholder={t("chooseAgency")}
          choices={choices.agencies.map((a) => ({ value: a.id, label: a.name }))}
          onChange={(supervisingAgencyId) => onChange({ supervisingAgencyId })}
        />
      </div>
      <TextAreaField
        formId={formId}
        field={`${fieldPrefix}details`}
        label={labels.details}
        optional={!(type?.requiresDetails ?? false)}
        hint={
          type?.requiresDetails
            ? t("detailsRequiredHint", { max: CONDITION_DETAILS_MAX })
            : t("detailsHint", { max: CONDITION_DETAILS_MAX })
        }
        problems={problems}
        value={values.details}
        maxLength={CONDITION_DETAILS_MAX}
        rows={3}
        onChange={(details) => onChange({ details })}
      />
      <TextField
        formId={formId}
        field={`${fieldPrefix}endsOn`}
        type="date"
        label={labels.endsOn}
        optional
        hint={startsOnHint}
        problems={problems}
        value={values.endsOn}
        onChange={(endsOn) => onChange({ endsOn })}
      />
    </>
  );
}
