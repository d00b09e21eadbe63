"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { describedBy, FieldProblems } from "./FormProblems";
import { fieldDomId, type Problem, problemsOf } from "./problems";

/**
 * Labelled form controls that carry their problems: the control (or, for a group, its fieldset)
 * points at its hint and its problems with aria-describedby and is aria-invalid while it has any.
 * The id of a field's control (the first of a group) is `fieldDomId(formId, field)`, which the
 * error summary links to.
 */

interface FieldBase {
  formId: string;
  field: string;
  label: ReactNode;
  hint?: ReactNode;
  problems: readonly Problem[];
  /** Shows "(optional)" after the label. */
  optional?: boolean;
}

function ids(formId: string, field: string) {
  const control = fieldDomId(formId, field);
  return { control, hint: `${control}-hint`, error: `${control}-error` };
}

function Label({
  htmlFor,
  children,
  optional,
}: {
  htmlFor?: string;
  children: ReactNode;
  optional?: boolean;
}) {
  const t = useTranslations("forms");
  const text = (
    <>
      {children}
      {optional ? <span className="label-note"> ({t("optional")})</span> : null}
    </>
  );
  return htmlFor ? <label htmlFor={htmlFor}>{text}</label> : text;
}

export function TextField({
  formId,
  field,
  label,
  hint,
  problems,
  optional,
  value,
  onChange,
  type = "text",
  maxLength,
  min,
  max,
  inputMode,
}: FieldBase & {
  value: string;
  onChange: (value: string) => void;
  type?: "text" | "date";
  maxLength?: number;
  min?: string;
  max?: string;
  /** The on-screen keyboard to offer (e.g. numeric for a number of months). */
  inputMode?: "text" | "numeric";
}) {
  const id = ids(formId, field);
  const own = problemsOf(problems, field);
  return (
    <div className="field">
      <Label htmlFor={id.control} optional={optional}>
        {label}
      </Label>
      {hint ? (
        <p id={id.hint} className="hint">
          {hint}
        </p>
      ) : null}
      <FieldProblems id={id.error} problems={own} />
      <input
        id={id.control}
        name={field}
        type={type}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        maxLength={maxLength}
        min={min}
        max={max}
        inputMode={inputMode}
        autoComplete="off"
        aria-describedby={describedBy(hint ? id.hint : null, own.length > 0 && id.error)}
        aria-invalid={own.length > 0 || undefined}
      />
    </div>
  );
}

export function TextAreaField({
  formId,
  field,
  label,
  hint,
  problems,
  optional,
  value,
  onChange,
  maxLength,
  rows = 4,
}: FieldBase & { value: string; onChange: (value: string) => void; maxLength?: number; rows?: number }) {
  const id = ids(formId, field);
  const own = problemsOf(problems, field);
  return (
    <div className="field">
      <Label htmlFor={id.control} optional={optional}>
        {label}
      </Label>
      {hint ? (
        <p id={id.hint} className="hint">
          {hint}
        </p>
      ) : null}
      <FieldProblems id={id.error} problems={own} />
      <textarea
        id={id.control}
        name={field}
        rows={rows}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        maxLength={maxLength}
        aria-describedby={describedBy(hint ? id.hint : null, own.length > 0 && id.error)}
        aria-invalid={own.length > 0 || undefined}
      />
    </div>
  );
}

export interface Choice {
  value: string;
  label: ReactNode;
  /** A second line under the label (e.g. a date and a grade). */
  note?: ReactNode;
}

export function SelectField({
  formId,
  field,
  label,
  hint,
  problems,
  optional,
  value,
  onChange,
  choices,
  placeholder,
}: FieldBase & {
  value: string;
  onChange: (value: string) => void;
  choices: readonly { value: string; label: string }[];
  /** The first, empty option ("Choose…"). */
  placeholder?: string;
}) {
  const id = ids(formId, field);
  const own = problemsOf(problems, field);
  return (
    <div className="field">
      <Label htmlFor={id.control} optional={optional}>
        {label}
      </Label>
      {hint ? (
        <p id={id.hint} className="hint">
          {hint}
        </p>
      ) : null}
      <FieldProblems id={id.error} problems={own} />
      <select
        id={id.control}
        name={field}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={describedBy(hint ? id.hint : null, own.length > 0 && id.error)}
        aria-invalid={own.length > 0 || undefined}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * Radio buttons (one value) or checkboxes (several) in a fieldset whose legend names the group.
 * The fieldset carries the group's hint and problems; the first control carries the field's id.
 */
export function ChoiceGroup({
  formId,
  field,
  label,
  hint,
  problems,
  optional,
  type,
  choices,
  selected,
  onChange,
  inline = false,
  className,
}: FieldBase & {
  type: "radio" | "checkbox";
  choices: readonly Choice[];
  selected: readonly string[];
  onChange: (selected: string[]) => void;
  /** Lay the choices out on one line (short scales). */
  inline?: boolean;
  className?: string;
}) {
  const id = ids(formId, field);
  const own = problemsOf(problems, field);
  const toggle = (value: string, checked: boolean) => {
    if (type === "radio") onChange([value]);
    else onChange(checked ? [...selected, value] : selected.filter((v) => v !== value));
  };
  return (
    <fieldset
      className={`field ${className ?? ""}`.trim()}
      aria-describedby={describedBy(hint ? id.hint : null, own.length > 0 && id.error)}
    >
      <legend>
        <Label optional={optional}>{label}</Label>
      </legend>
      {hint ? (
        <p id={id.hint} className="hint">
          {hint}
        </p>
      ) : null}
      <FieldProblems id={id.error} problems={own} />
      <ul className={inline ? "checkbox-list checkbox-list--inline" : "checkbox-list"}>
        {choices.map((choice, index) => {
          const controlId = index === 0 ? id.control : `${id.control}-${index}`;
          return (
            <li key={choice.value}>
              <input
                id={controlId}
                type={type}
                name={field}
                value={choice.value}
                checked={selected.includes(choice.value)}
                onChange={(event) => toggle(choice.value, event.target.checked)}
              />
              <label htmlFor={controlId}>
                {choice.label}
                {choice.note ? <span className="choice-note">{choice.note}</span> : null}
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

/** One checkbox that stands alone (yes or no). */
export function CheckboxField({
  formId,
  field,
  label,
  problems,
  checked,
  onChange,
}: Omit<FieldBase, "hint" | "optional"> & { checked: boolean; onChange: (checked: boolean) => void }) {
  const id = ids(formId, field);
  const own = problemsOf(problems, field);
  return (
    <div className="field">
      <FieldProblems id={id.error} problems={own} />
      <div className="checkbox checkbox--standalone">
        <input
          id={id.control}
          type="checkbox"
          name={field}
          checked={checked}
          onChange={(event) => onChange(event.target.checked)}
          aria-describedby={describedBy(own.length > 0 && id.error)}
          aria-invalid={own.length > 0 || undefined}
        />
        <label htmlFor={id.control}>{label}</label>
      </div>
    </div>
  );
}
