"use client";

import { useApolloClient, useMutation } from "@apollo/client/react";
import { useLocale, useTranslations } from "next-intl";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { nameInLocale } from "@/features/i18n/localized-name";
import {
  type Classification,
  type HandlingCode,
  type IndicatorNamesFragment,
  ReportCorrectDocument,
  ReportFileDocument,
  ReportForCorrectionDocument,
  type SourceReliability,
} from "@/gql/graphql";
import { useRouter } from "@/i18n/navigation";
import { apolloErrors } from "@/lib/apollo/errors";
import {
  CORRECTION_REASON_MAX,
  HANDLING_CONDITIONS_MAX,
  REPORT_TEXT_MAX,
  REPORT_TITLE_MAX,
  SOURCE_DETAILS_MAX,
} from "@/lib/limits/limits";
import { ErrorSummary } from "../forms/FormProblems";
import { CheckboxField, ChoiceGroup, SelectField, TextAreaField, TextField } from "../forms/fields";
import {
  fieldDomId,
  fieldsInError,
  hasConflict,
  problemsFromUserErrors,
  problemsOfPayload,
} from "../forms/problems";
import { sessionRedirect } from "../forms/session-redirect";
import { useSubmission } from "../forms/use-submission";
import { CLASSIFICATIONS, CREDIBILITIES, HANDLING_CODES, RELIABILITIES } from "./grading";
import {
  checkReportForm,
  emptyReport,
  REPORT_FIELDS,
  type ReportFormMode,
  type ReportFormValues,
  type ReportToCorrect,
  reportCorrectInput,
  reportFieldOf,
  reportFileInput,
  valuesFromReport,
} from "./report-form";

export interface AgencyOption {
  id: string;
  name: string;
}

type Target = { mode: "file"; personId: string } | { mode: "correct"; reportId: string; version: number };

/**
 * An information report: what was observed, graded (source reliability, information credibility),
 * marked (classification, handling code, with its conditions or addressee) and linked to the
 * observation indicators. Files a new report, or corrects one of the viewer's own agency as a new
 * version; a correction raced by another one is refused (CONFLICT) and says to reload.
 */
export function ReportForm({
  target,
  initial,
  indicators,
  agencies,
  today,
  returnTo,
}: {
  target: Target;
  initial: ReportFormValues;
  indicators: readonly IndicatorNamesFragment[];
  agencies: readonly AgencyOption[];
  today: string;
  returnTo: string;
}) {
  const t = useTranslations("reportForm");
  const tEnums = useTranslations("enums");
  const locale = useLocale();
  const router = useRouter();
  const formId = useId();
  const [file] = useMutation(ReportFileDocument);
  const [correct] = useMutation(ReportCorrectDocument);
  const [values, setValues] = useState<ReportFormValues>(initial);
  const [version, setVersion] = useState<number | null>(null);
  const { problems, attempt, state, submit, touch } = useSubmission(returnTo);
  const mode: ReportFormMode = target.mode;

  const update = (change: Partial<ReportFormValues>) => {
    touch();
    setValues((v) => ({ ...v, ...change }));
  };

  const labels: Record<string, string> = {
    observedOn: t("observedOn"),
    title: t("title"),
    body: t("body"),
    sourceReliability: t("reliability"),
    informationCredibility: t("credibility"),
    classification: t("classification"),
    handlingCode: t("handlingCode"),
    handlingConditions: t("handlingConditions"),
    addressedToAgencyId: t("addressedTo"),
    indicatorCodes: t("indicators"),
    sourceDetails: t("sourceDetails"),
    sensitive: t("sensitive"),
    correctionReason: t("correctionReason"),
  };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const local = checkReportForm(values, { today, mode });
    const recorded = await submit(local, async () => {
      if (target.mode === "file") {
        const { data } = await file({ variables: { input: reportFileInput(target.personId, values) } });
        return problemsOfPayload(data?.reportFile, reportFieldOf);
      }
      const { data } = await correct({
        variables: { input: reportCorrectInput(target.reportId, target.version, values) },
      });
      const payload = data?.reportCorrect;
      if (!payload) throw new Error("no answer");
      if (payload.report) setVersion(payload.report.version);
      return problemsFromUserErrors(payload.userErrors, reportFieldOf);
    });
    if (recorded && target.mode === "file") setValues(emptyReport(today));
  }

  const ordered = [
    ...problems.filter((p) => p.field === ""),
    ...fieldsInError(problems, REPORT_FIELDS).flatMap((f) => problems.filter((p) => p.field === f)),
  ];
  const conflict = hasConflict(problems);
  const offered = indicators.filter((i) => i.active || values.indicatorCodes.includes(i.code));

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
      {conflict ? (
        <div className="notice notice--warning">
          <p>{t("conflict")}</p>
          <button type="button" className="button button--secondary" onClick={() => router.refresh()}>
            {t("reload")}
          </button>
        </div>
      ) : null}
      <p role="status" className={state === "done" ? "notice notice--ok" : "alert-placeholder"}>
        {state === "done"
          ? mode === "file"
            ? t("done")
            : t("correctDone", { version: version ?? "" })
          : null}
      </p>
      <p className="hint">{mode === "file" ? t("intro") : t("correctIntro")}</p>
      <div className="form-row">
        <TextField
          formId={formId}
          field="observedOn"
          type="date"
          label={labels.observedOn}
          problems={problems}
          value={values.observedOn}
          max={today}
          onChange={(observedOn) => update({ observedOn })}
        />
        <TextField
          formId={formId}
          field="title"
          label={labels.title}
          hint={t("titleHint", { max: REPORT_TITLE_MAX })}
          problems={problems}
          value={values.title}
          maxLength={REPORT_TITLE_MAX}
          onChange={(title) => update({ title })}
        />
      </div>
      <TextAreaField
        formId={formId}
        field="body"
        label={labels.body}
        hint={t("bodyHint", { max: REPORT_TEXT_MAX })}
        problems={problems}
        value={values.body}
        maxLength={REPORT_TEXT_MAX}
        rows={5}
        onChange={(body) => update({ body })}
      />
      <div className="form-row">
        <SelectField
          formId={formId}
          field="sourceReliability"
          label={labels.sourceReliability}
          problems={problems}
          value={values.sourceReliability ?? ""}
          placeholder={t("choose")}
          choices={RELIABILITIES.map((r) => ({ value: r, label: tEnums(`sourceReliability.${r}`) }))}
          onChange={(r) => update({ sourceReliability: r === "" ? null : (r as SourceReliability) })}
        />
        <SelectField
          formId={formId}
          field="informationCredibility"
          label={labels.informationCredibility}
          problems={problems}
          value={values.informationCredibility === null ? "" : String(values.informationCredibility)}
          placeholder={t("choose")}
          choices={CREDIBILITIES.map((c) => ({
            value: String(c),
            label: tEnums(`credibility.${String(c) as "1"}`),
          }))}
          onChange={(c) => update({ informationCredibility: c === "" ? null : Number(c) })}
        />
      </div>
      <div className="form-row">
        <SelectField
          formId={formId}
          field="classification"
          label={labels.classification}
          hint={t("classificationHint")}
          problems={problems}
          value={values.classification}
          choices={CLASSIFICATIONS.map((c) => ({ value: c, label: tEnums(`classification.${c}`) }))}
          onChange={(c) => update({ classification: c as Classification })}
        />
        <SelectField
          formId={formId}
          field="handlingCode"
          label={labels.handlingCode}
          problems={problems}
          value={values.handlingCode}
          choices={HANDLING_CODES.map((h) => ({ value: h, label: tEnums(`handlingCode.${h}`) }))}
          onChange={(h) => update({ handlingCode: h as HandlingCode })}
        />
      </div>
      {values.handlingCode === "SHARE_WITH_CONDITIONS" ? (
        <TextAreaField
          formId={formId}
          field="handlingConditions"
          label={labels.handlingConditions}
          problems={problems}
          value={values.handlingConditions}
          maxLength={HANDLING_CONDITIONS_MAX}
          rows={2}
          onChange={(handlingConditions) => update({ handlingConditions })}
        />
      ) : null}
      {values.handlingCode === "NO_FURTHER_DISSEMINATION" ? (
        agencies.length > 0 ? (
          <SelectField
            formId={formId}
            field="addressedToAgencyId"
            label={labels.addressedToAgencyId}
            hint={t("addressedToHint")}
            problems={problems}
            value={values.addressedToAgencyId}
            placeholder={t("choose")}
            choices={agencies.map((a) => ({ value: a.id, label: a.name }))}
            onChange={(addressedToAgencyId) => update({ addressedToAgencyId })}
          />
        ) : (
          <p id={fieldDomId(formId, "addressedToAgencyId")} className="notice" tabIndex={-1}>
            {t("noAgencies")}
          </p>
        )
      ) : null}
      {offered.length > 0 ? (
        <ChoiceGroup
          formId={formId}
          field="indicatorCodes"
          type="checkbox"
          optional
          label={labels.indicatorCodes}
          problems={problems}
          choices={offered.map((i) => ({ value: i.code, label: nameInLocale(i, locale) }))}
          selected={values.indicatorCodes}
          onChange={(indicatorCodes) => update({ indicatorCodes })}
          className="field--columns"
        />
      ) : null}
      <TextAreaField
        formId={formId}
        field="sourceDetails"
        optional
        label={labels.sourceDetails}
        hint={t("sourceDetailsHint")}
        problems={problems}
        value={values.sourceDetails}
        maxLength={SOURCE_DETAILS_MAX}
        rows={2}
        onChange={(sourceDetails) => update({ sourceDetails })}
      />
      <CheckboxField
        formId={formId}
        field="sensitive"
        label={labels.sensitive}
        problems={problems}
        checked={values.sensitive}
        onChange={(sensitive) => update({ sensitive })}
      />
      {mode === "correct" ? (
        <TextAreaField
          formId={formId}
          field="correctionReason"
          label={labels.correctionReason}
          problems={problems}
          value={values.correctionReason}
          maxLength={CORRECTION_REASON_MAX}
          rows={2}
          onChange={(correctionReason) => update({ correctionReason })}
        />
      ) : null}
      <button
        type="submit"
        className="button button--primary"
        disabled={state === "pending" || (mode === "correct" && state === "done")}
        aria-busy={state === "pending"}
      >
        {state === "pending" ? t("submitting") : mode === "file" ? t("submit") : t("correctSubmit")}
      </button>
    </form>
  );
}

/** The node read back is a report (not another kind of node, nor nothing). */
function isReport(node: unknown): node is ReportToCorrect & { version: number } {
  return typeof node === "object" && node !== null && "title" in node && "version" in node;
}

/**
 * "Correct this report" on a report of the viewer's own agency: opens a correction form with the
 * version read afresh (including what identifies its source, which only its agency sees).
 */
export function CorrectReport({
  reportId,
  indicators,
  agencies,
  today,
  returnTo,
}: {
  reportId: string;
  indicators: readonly IndicatorNamesFragment[];
  agencies: readonly AgencyOption[];
  today: string;
  returnTo: string;
}) {
  const t = useTranslations("reportForm");
  const client = useApolloClient();
  const router = useRouter();
  const panelId = useId();
  const [open, setOpen] = useState(false);
  const [loaded, setLoaded] = useState<{ values: ReportFormValues; version: number } | "failed" | null>(null);
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open || loaded !== null) return;
    let cancelled = false;
    client
      .query({
        query: ReportForCorrectionDocument,
        variables: { id: reportId },
        fetchPolicy: "no-cache",
        // A field refused (null with a FORBIDDEN error) leaves the rest of the report usable.
        errorPolicy: "all",
      })
      .then(({ data, error }) => {
        if (cancelled) return;
        const node = data?.node;
        if (!isReport(node)) throw error ?? new Error("not found");
        setLoaded({ values: valuesFromReport(node), version: node.version });
      })
      .catch((error: unknown) => {
        if (cancelled) return;
        const target = sessionRedirect(apolloErrors(error), returnTo);
        if (target !== null) router.push(target);
        else setLoaded("failed");
      });
    return () => {
      cancelled = true;
    };
  }, [open, loaded, client, reportId, returnTo, router]);

  useEffect(() => {
    if (open && loaded !== null) panel.current?.focus();
  }, [open, loaded]);

  return (
    <div className="correction">
      <button
        type="button"
        className="button button--secondary button--small"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        {open ? t("correctClose") : t("correctOpen")}
      </button>
      <div id={panelId} ref={panel} tabIndex={-1} hidden={!open} className="correction__panel">
        {!open ? null : loaded === null ? (
          <p role="status">{t("loading")}</p>
        ) : loaded === "failed" ? (
          <p role="alert" className="alert alert--error">
            {t("loadFailed")}
          </p>
        ) : (
          <ReportForm
            target={{ mode: "correct", reportId, version: loaded.version }}
            initial={loaded.values}
            indicators={indicators}
            agencies={agencies}
            today={today}
            returnTo={returnTo}
          />
        )}
      </div>
    </div>
  );
}
