"use client";

import { useTranslations } from "next-intl";
import type { FormEvent, ReactNode } from "react";
import { ErrorSummary } from "../forms/FormProblems";
import { fieldDomId, fieldsInError, hasConflict, type Problem } from "../forms/problems";
import type { SubmissionState } from "../forms/use-submission";

/**
 * The frame every decision form shares: the error summary (focused on a refused submission, each
 * problem a link to its field; its id does not clash with a field called "summary"), the "recorded" status, the fields, and the submit button (busy
 * while sending). A conflict (the record changed meanwhile) adds what to do about it.
 */
export function FormFrame({
  formId,
  problems,
  attempt,
  state,
  fields,
  labels,
  done,
  submit,
  onSubmit,
  children,
}: {
  formId: string;
  problems: readonly Problem[];
  attempt: number;
  state: SubmissionState;
  /** The form's fields in their order (the summary lists problems in that order). */
  fields: readonly string[];
  labels: Record<string, string>;
  /** The status once recorded. */
  done: string;
  /** The submit button's text. */
  submit: string;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  children: ReactNode;
}) {
  const t = useTranslations("decisionForms");
  const ordered = [
    ...problems.filter((p) => p.field === ""),
    ...fieldsInError(problems, fields).flatMap((f) => problems.filter((p) => p.field === f)),
  ];
  return (
    <form
      method="post"
      noValidate
      onSubmit={onSubmit}
      className="case-form"
      aria-describedby={`${formId}-error-summary`}
    >
      <ErrorSummary
        id={`${formId}-error-summary`}
        problems={ordered}
        attempt={attempt}
        labelOf={(field) => labels[field] ?? field}
        targetOf={(field) => fieldDomId(formId, field)}
      />
      {hasConflict(problems) ? <p className="notice notice--warning">{t("conflict")}</p> : null}
      <p role="status" className={state === "done" ? "notice notice--ok" : "alert-placeholder"}>
        {state === "done" ? done : null}
      </p>
      {children}
      <button
        type="submit"
        className="button button--primary"
        disabled={state === "pending"}
        aria-busy={state === "pending"}
      >
        {state === "pending" ? t("submitting") : submit}
      </button>
    </form>
  );
}
