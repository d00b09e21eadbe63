"use client";

import { useTranslations } from "next-intl";
import { SelectField, TextAreaField, TextField } from "../forms/fields";
import type { Problem } from "../forms/problems";
import {
  ACTION_DESCRIPTION_MAX,
  type ActionValues,
  actionField,
  emptyAction,
  type UserLike,
} from "./local-form";

/**
 * The actions a meeting or a decision gives (none at first): each in its own group ("Action 1"),
 * with what is to be done, its owner and its deadline, and a button to remove it; "Add an action"
 * adds one. Buttons name the action they remove, so that they stay distinct for screen readers.
 */
export function ActionRowsFields({
  formId,
  actions,
  owners,
  problems,
  minDate,
  onChange,
}: {
  formId: string;
  actions: readonly ActionValues[];
  owners: readonly UserLike[];
  problems: readonly Problem[];
  /** The meeting's day: no deadline before it. */
  minDate: string;
  onChange: (actions: ActionValues[]) => void;
}) {
  const t = useTranslations("local.actionFields");
  const change = (index: number, part: Partial<ActionValues>) =>
    onChange(actions.map((action, i) => (i === index ? { ...action, ...part } : action)));
  return (
    <fieldset className="fieldset-group">
      <legend>{t("legend")}</legend>
      <p className="hint">{t("hint")}</p>
      {actions.map((action, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the rows have no identity of their own; the API names them by index too
        <fieldset key={index} className="fieldset-group action-row">
          <legend>{t("action", { number: index + 1 })}</legend>
          <TextAreaField
            formId={formId}
            field={actionField(index, "description")}
            label={t("description")}
            problems={problems}
            value={action.description}
            rows={2}
            maxLength={ACTION_DESCRIPTION_MAX}
            onChange={(description) => change(index, { description })}
          />
          <div className="form-row">
            <SelectField
              formId={formId}
              field={actionField(index, "ownerId")}
              label={t("owner")}
              hint={t("ownerHint")}
              problems={problems}
              value={action.ownerId}
              placeholder={t("chooseOwner")}
              choices={owners.map((owner) => ({ value: owner.id, label: owner.displayName }))}
              onChange={(ownerId) => change(index, { ownerId })}
            />
            <TextField
              formId={formId}
              field={actionField(index, "dueOn")}
              type="date"
              label={t("dueOn")}
              problems={problems}
              value={action.dueOn}
              min={minDate || undefined}
              onChange={(dueOn) => change(index, { dueOn })}
            />
          </div>
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => onChange(actions.filter((_, i) => i !== index))}
          >
            {t("remove", { number: index + 1 })}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        className="button button--secondary"
        onClick={() => onChange([...actions, emptyAction()])}
      >
        {t("add")}
      </button>
    </fieldset>
  );
}
