"use client";

import { useMutation } from "@apollo/client/react";
import { useTranslations } from "next-intl";
import { type FormEvent, useId } from "react";
import { RetentionRuleSetDocument } from "@/gql/graphql";
import { FormFrame } from "../decisions/FormFrame";
import { ChoiceGroup, SelectField, TextField } from "../forms/fields";
import { problemsOfPayload } from "../forms/problems";
import { useFormValues } from "../forms/use-submission";
import {
  actionsFor,
  checkRule,
  DATA_CLASSES,
  emptyRule,
  RETENTION_YEARS_MAX,
  RULE_FIELDS,
  type RuleValues,
  ruleFieldOf,
  ruleInput,
  ruleValuesOf,
} from "./data-protection-form";

interface RuleLike {
  dataClass: string;
  yearsAfterClosure: number;
  action: string;
}

/** Changes a data class's retention period and action; choosing a class starts from its rule as it stands. */
export function RetentionRuleForm({ rules, returnTo }: { rules: readonly RuleLike[]; returnTo: string }) {
  const t = useTranslations("dataProtection.ruleForm");
  const tClass = useTranslations("enums.dataClass");
  const tAction = useTranslations("enums.retentionAction");
  const formId = useId();
  const [save] = useMutation(RetentionRuleSetDocument);
  const { values, setValues, update, problems, attempt, state, submit } = useFormValues<RuleValues>(
    emptyRule,
    returnTo,
  );
  const labels = {
    dataClass: t("dataClass"),
    yearsAfterClosure: t("yearsAfterClosure"),
    action: t("action"),
  };

  function chooseClass(dataClass: string) {
    const rule = rules.find((r) => r.dataClass === dataClass);
    if (rule) setValues(ruleValuesOf(rule));
    else update({ dataClass, action: "" });
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await submit(checkRule(values), async () => {
      const { data } = await save({ variables: { input: ruleInput(values) } });
      return problemsOfPayload(data?.retentionRuleSet, ruleFieldOf);
    });
  }

  return (
    <FormFrame
      formId={formId}
      problems={problems}
      attempt={attempt}
      state={state}
      fields={RULE_FIELDS}
      labels={labels}
      done={t("done")}
      submit={t("submit")}
      onSubmit={onSubmit}
    >
      <div className="form-row">
        <SelectField
          formId={formId}
          field="dataClass"
          label={labels.dataClass}
          problems={problems}
          value={values.dataClass}
          placeholder={t("chooseClass")}
          choices={DATA_CLASSES.map((c) => ({ value: c, label: tClass(c) }))}
          onChange={chooseClass}
        />
        <TextField
          formId={formId}
          field="yearsAfterClosure"
          label={labels.yearsAfterClosure}
          hint={t("yearsHint", { max: RETENTION_YEARS_MAX })}
          problems={problems}
          value={values.yearsAfterClosure}
          inputMode="numeric"
          maxLength={3}
          onChange={(yearsAfterClosure) => update({ yearsAfterClosure })}
        />
      </div>
      <ChoiceGroup
        formId={formId}
        field="action"
        type="radio"
        label={labels.action}
        hint={values.dataClass === "IDENTITY" ? t("identityHint") : undefined}
        problems={problems}
        selected={values.action === "" ? [] : [values.action]}
        onChange={([action]) => update({ action: action ?? "" })}
        choices={actionsFor(values.dataClass).map((action) => ({ value: action, label: tAction(action) }))}
      />
    </FormFrame>
  );
}
