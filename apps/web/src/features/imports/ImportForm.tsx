"use client";

import { useMutation } from "@apollo/client/react";
import type { ImportFormat, ImportRecordType } from "@continuum/domain";
import { useTranslations } from "next-intl";
import { type FormEvent, useId, useRef, useState } from "react";
import { ImportJobAppendDocument, ImportJobCreateDocument, ImportJobStartDocument } from "@/gql/graphql";
import { useRouter } from "@/i18n/navigation";
import { describedBy, ErrorSummary, FieldProblems } from "../forms/FormProblems";
import { SelectField, TextField } from "../forms/fields";
import { fieldDomId, fieldsInError, problemsOf, problemsOfPayload } from "../forms/problems";
import { useFormValues } from "../forms/use-submission";
import { formatOfFileName, splitIntoParts } from "./file-parts";
import {
  checkImportForm,
  IMPORT_FIELDS,
  type ImportFormValues,
  importFieldOf,
  SOURCE_SYSTEM_MAX,
} from "./import-form";
import { importsHref } from "./imports-state";

const FORMATS: readonly ImportFormat[] = ["CSV", "NDJSON"];

type Phase =
  | { kind: "idle" }
  | { kind: "reading" }
  | { kind: "sending"; part: number; parts: number }
  | { kind: "starting" };

function initial(recordTypes: readonly ImportRecordType[]): ImportFormValues {
  return {
    recordType: recordTypes.length === 1 ? (recordTypes[0] ?? "") : "",
    format: "",
    sourceSystem: "",
    fileName: null,
  };
}

/**
 * A new import: kind of records (those the viewer's role may import), format (chosen from the
 * file's extension), source system and the file. The file is read in the browser and sent in
 * parts (`importJobCreate` with the first, `importJobAppend` with the others), then the job is
 * started (`importJobStart`: every line is checked). The API's refusals go next to their fields;
 * once started, the page shows the job's progress (`?job=`).
 */
export function ImportForm({ recordTypes }: { recordTypes: readonly ImportRecordType[] }) {
  const t = useTranslations("imports");
  const formId = useId();
  const router = useRouter();
  const [create] = useMutation(ImportJobCreateDocument);
  const [append] = useMutation(ImportJobAppendDocument);
  const [start] = useMutation(ImportJobStartDocument);
  const { values, setValues, update, problems, attempt, state, submit } = useFormValues<ImportFormValues>(
    () => initial(recordTypes),
    importsHref({ jobId: null }),
  );
  const file = useRef<File | null>(null);
  const [fileInputKey, setFileInputKey] = useState(0);
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });

  const labels: Record<string, string> = {
    recordType: t("form.recordType"),
    format: t("form.format"),
    sourceSystem: t("form.sourceSystem"),
    file: t("form.file"),
  };

  function chooseFile(chosen: File | null) {
    file.current = chosen;
    const format = chosen ? formatOfFileName(chosen.name) : null;
    update({ fileName: chosen?.name ?? null, ...(format ? { format } : {}) });
  }

  async function send(): Promise<ReturnType<typeof checkImportForm>> {
    const chosen = file.current;
    const { recordType, format } = values;
    if (!chosen || recordType === "" || format === "") throw new Error("checked before");
    setPhase({ kind: "reading" });
    const parts = splitIntoParts(await chosen.text(), format);
    setPhase({ kind: "sending", part: 1, parts: parts.length });
    const created = await create({
      variables: {
        input: {
          recordType,
          format,
          sourceSystem: values.sourceSystem.trim(),
          fileName: chosen.name,
          content: parts[0] ?? "",
        },
      },
    });
    const refused = problemsOfPayload(created.data?.importJobCreate, importFieldOf);
    const jobId = created.data?.importJobCreate.importJob?.id;
    if (refused.length > 0) return refused;
    if (!jobId) throw new Error("no job");
    for (let index = 1; index < parts.length; index++) {
      setPhase({ kind: "sending", part: index + 1, parts: parts.length });
      const appended = await append({
        variables: { input: { importJobId: jobId, content: parts[index] ?? "" } },
      });
      const problems = problemsOfPayload(appended.data?.importJobAppend, importFieldOf);
      if (problems.length > 0) return problems;
    }
    setPhase({ kind: "starting" });
    const started = await start({ variables: { input: { importJobId: jobId } } });
    const problems = problemsOfPayload(started.data?.importJobStart, importFieldOf);
    if (problems.length > 0) return problems;
    router.push(importsHref({ jobId }));
    return [];
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const sent = await submit(checkImportForm(values), send, { refresh: false });
    setPhase({ kind: "idle" });
    if (sent) {
      file.current = null;
      setFileInputKey((key) => key + 1);
      setValues(initial(recordTypes));
    }
  }

  const ordered = [
    ...problems.filter((p) => p.field === ""),
    ...fieldsInError(problems, IMPORT_FIELDS).flatMap((f) => problems.filter((p) => p.field === f)),
  ];
  const pending = state === "pending";
  const fileId = fieldDomId(formId, "file");
  const fileProblems = problemsOf(problems, "file");

  return (
    <section aria-labelledby={`${formId}-heading`} className="section-gap">
      <h2 id={`${formId}-heading`}>{t("form.heading")}</h2>
      <form
        method="post"
        noValidate
        onSubmit={onSubmit}
        className="form-card"
        aria-describedby={`${formId}-summary`}
      >
        <ErrorSummary
          id={`${formId}-summary`}
          problems={ordered}
          attempt={attempt}
          labelOf={(field) => labels[field] ?? field}
          targetOf={(field) => fieldDomId(formId, field)}
        />
        <div className="form-row">
          <SelectField
            formId={formId}
            field="recordType"
            label={labels.recordType}
            problems={problems}
            value={values.recordType}
            placeholder={recordTypes.length > 1 ? t("form.choose") : undefined}
            choices={recordTypes.map((type) => ({ value: type, label: t(`recordType.${type}`) }))}
            onChange={(recordType) => update({ recordType: recordType as ImportRecordType | "" })}
          />
          <SelectField
            formId={formId}
            field="format"
            label={labels.format}
            hint={t("form.formatHint")}
            problems={problems}
            value={values.format}
            placeholder={t("form.choose")}
            choices={FORMATS.map((format) => ({ value: format, label: t(`format.${format}`) }))}
            onChange={(format) => update({ format: format as ImportFormat | "" })}
          />
        </div>
        <div className="form-row">
          <TextField
            formId={formId}
            field="sourceSystem"
            label={labels.sourceSystem}
            hint={t("form.sourceSystemHint")}
            problems={problems}
            value={values.sourceSystem}
            maxLength={SOURCE_SYSTEM_MAX}
            onChange={(sourceSystem) => update({ sourceSystem })}
          />
          <div className="field">
            <label htmlFor={fileId}>{labels.file}</label>
            <p id={`${fileId}-hint`} className="hint">
              {t("form.fileHint")}
            </p>
            <FieldProblems id={`${fileId}-error`} problems={fileProblems} />
            <input
              key={fileInputKey}
              id={fileId}
              name="file"
              type="file"
              accept=".csv,.ndjson,.jsonl,text/csv,application/x-ndjson"
              onChange={(event) => chooseFile(event.target.files?.[0] ?? null)}
              aria-describedby={describedBy(`${fileId}-hint`, fileProblems.length > 0 && `${fileId}-error`)}
              aria-invalid={fileProblems.length > 0 || undefined}
            />
          </div>
        </div>
        <p role="status" className={phase.kind === "idle" ? "alert-placeholder" : "hint"}>
          {phase.kind === "reading"
            ? t("form.reading")
            : phase.kind === "sending"
              ? t("form.sending", { part: phase.part, parts: phase.parts })
              : phase.kind === "starting"
                ? t("form.starting")
                : null}
        </p>
        <button type="submit" className="button button--primary" disabled={pending} aria-busy={pending}>
          {t("form.submit")}
        </button>
      </form>
    </section>
  );
}
