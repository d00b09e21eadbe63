"use client";

import { useMutation } from "@apollo/client/react";
import { useTranslations } from "next-intl";
import { type FormEvent, useId } from "react";
import { type MeasureTypeRulesFragment, SecurityMeasureImposeDocument } from "@/gql/graphql";
import { REASONS_MAX } from "@/lib/limits/limits";
import { CheckboxField, SelectField, TextAreaField, TextField } from "../forms/fields";
import { fieldDomId, problemsOfPayload } from "../forms/problems";
import { useFormValues } from "../forms/use-submission";
import { FormFrame } from "./FormFrame";
import {
  checkImposeForm,
  chooseType,
  emptyImposition,
  IMPOSE_FIELDS,
  type ImposeFormValues,
  imposeFieldOf,
  imposeInput,
} from "./impose-form";
import { MeasureTermFields } from "./MeasureTermFields";
import { MeasureTypeRules } from "./MeasureTypeRules";
import { allowanceFor, type Decider } from "./measure-rules";
import { useMeasureTypeName } from "./names";

/**
 * Imposes a measure directly (a prison director on their inmates, the Director General): the
 * type's rules are shown as soon as it is chosen — who may impose it and for how long, who may
 * prolong it, its review interval and evaluations — and the term proposed is the longest the
 * viewer may set.
 */
export function ImposeForm({
  personId,
  types,
  decider,
  today,
  returnTo,
}: {
  personId: string;
  types: readonly MeasureTypeRulesFragment[];
  decider: Decider;
  today: string;
  returnTo: string;
}) {
  const t = useTranslations("decisionForms");
  const typeName = useMeasureTypeName();
  const formId = useId();
  const [impose] = useMutation(SecurityMeasureImposeDocument);
  const { values, setValues, update, problems, attempt, state, submit, touch } =
    useFormValues<ImposeFormValues>(() => emptyImposition(today), returnTo);
  const type = types.find((candidate) => candidate.id === values.measureTypeId) ?? null;
  const labels: Record<string, string> = {
    measureTypeId: t("impose.measureType"),
    decidedOn: t("decidedOn"),
    effectiveOn: t("effectiveOn"),
    "measure.endsOn": t("term.endsOn"),
    "measure.nextReviewOn": t("term.nextReviewOn"),
    "measure.legalBasis": t("term.legalBasis"),
    "measure.terms": t("term.terms"),
    reasons: t("reasons"),
    reasonsClassified: t("reasonsClassified"),
  };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const recorded = await submit(checkImposeForm(values, type, { today, decider }), async () => {
      const { data } = await impose({ variables: { input: imposeInput(personId, values) } });
      return problemsOfPayload(data?.securityMeasureImpose, imposeFieldOf);
    });
    if (recorded) setValues(emptyImposition(today));
  }

  const rulesId = `${fieldDomId(formId, "measureTypeId")}-rules`;
  const ownMonths = type ? allowanceFor(type.impose, decider) : null;
  return (
    <FormFrame
      formId={formId}
      problems={problems}
      attempt={attempt}
      state={state}
      fields={IMPOSE_FIELDS}
      labels={labels}
      done={t("impose.done")}
      submit={t("impose.submit")}
      onSubmit={onSubmit}
    >
      <p className="hint">{t("impose.intro")}</p>
      <SelectField
        formId={formId}
        field="measureTypeId"
        label={labels.measureTypeId}
        hint={
          type === null
            ? undefined
            : ownMonths === null
              ? t("rules.notYours")
              : t("rules.yours", { months: ownMonths })
        }
        problems={problems}
        value={values.measureTypeId}
        placeholder={t("impose.chooseType")}
        choices={types.map((candidate) => ({ value: candidate.id, label: typeName(candidate) }))}
        onChange={(id) => {
          touch();
          setValues((v) => chooseType(v, types.find((c) => c.id === id) ?? null, type, decider));
        }}
      />
      {type ? <MeasureTypeRules type={type} id={rulesId} /> : null}
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
      <MeasureTermFields
        formId={formId}
        problems={problems}
        values={values}
        onChange={update}
        from={values.effectiveOn}
        maxMonths={ownMonths}
        reviewWithinMonths={type?.reviewWithinMonths ?? 1}
      />
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
