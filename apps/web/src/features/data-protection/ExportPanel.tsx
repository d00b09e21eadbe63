"use client";

import { useApolloClient } from "@apollo/client/react";
import { useFormatter, useTranslations } from "next-intl";
import { type FormEvent, useEffect, useId, useMemo, useRef, useState } from "react";
import { type DataClass, PersonRecordExportDocument } from "@/gql/graphql";
import { apolloErrors } from "@/lib/apollo/errors";
import { FormFrame } from "../decisions/FormFrame";
import { TextAreaField, TextField } from "../forms/fields";
import type { Problem } from "../forms/problems";
import { useFormValues } from "../forms/use-submission";
import {
  checkExport,
  DATA_CLASSES,
  EXPORT_FIELDS,
  type ExportValues,
  exportFileName,
  exportJson,
  exportVariables,
  exportView,
  RETENTION_TEXT_MAX,
} from "./data-protection-form";

/**
 * The export of everything held on one person, for an access request: the case ID and the
 * justification are sent from the browser (never in the address: the export is a disclosure,
 * audited once per request, and is not repeated by a reload). The answer is shown as a readable
 * document — one section per data class and table, its records in a table — that prints cleanly,
 * and can be downloaded as the same content in a .json file.
 */
export function ExportPanel({ personId, returnTo }: { personId: string; returnTo: string }) {
  const t = useTranslations("dataProtection.export");
  const tClass = useTranslations("enums.dataClass");
  const format = useFormatter();
  const client = useApolloClient();
  const formId = useId();
  const [document, setDocument] = useState<Record<string, unknown> | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const { values, update, problems, attempt, state, submit } = useFormValues<ExportValues>(
    () => ({ personId, justification: "" }),
    returnTo,
  );
  const labels = { personId: t("personId"), justification: t("justification") };
  const view = useMemo(() => (document ? exportView(document) : null), [document]);
  const [download, setDownload] = useState<string | null>(null);

  // The file is made in the browser from the document shown: the same content, nothing asked again.
  useEffect(() => {
    if (!document) {
      setDownload(null);
      return;
    }
    const url = URL.createObjectURL(new Blob([exportJson(document)], { type: "application/json" }));
    setDownload(url);
    return () => URL.revokeObjectURL(url);
  }, [document]);

  useEffect(() => {
    if (view) heading.current?.focus();
  }, [view]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDocument(null);
    await submit(
      checkExport(values),
      async (): Promise<Problem[]> => {
        try {
          const { data } = await client.query({
            query: PersonRecordExportDocument,
            variables: exportVariables(values),
            fetchPolicy: "no-cache",
          });
          if (!data) throw new Error("no answer");
          setDocument(data.personRecordExport.document);
          return [];
        } catch (error) {
          const errors = apolloErrors(error);
          if (errors.some((e) => e.code === "NOT_FOUND")) return [{ field: "personId", key: "NOT_FOUND" }];
          const input = errors.find((e) => e.code === "BAD_USER_INPUT");
          if (input)
            return [
              { field: input.path.length > 1 ? "" : "justification", key: "INVALID", detail: input.message },
            ];
          throw error;
        }
      },
      { refresh: false },
    );
  }

  return (
    <>
      <div className="no-print">
        <FormFrame
          formId={formId}
          problems={problems}
          attempt={attempt}
          state={state}
          fields={EXPORT_FIELDS}
          labels={labels}
          done={t("done")}
          submit={t("submit")}
          onSubmit={onSubmit}
        >
          <TextField
            formId={formId}
            field="personId"
            label={labels.personId}
            hint={t("personIdHint")}
            problems={problems}
            value={values.personId}
            maxLength={2000}
            onChange={(personId) => update({ personId })}
          />
          <TextAreaField
            formId={formId}
            field="justification"
            label={labels.justification}
            hint={t("justificationHint")}
            problems={problems}
            value={values.justification}
            rows={3}
            maxLength={RETENTION_TEXT_MAX}
            onChange={(justification) => update({ justification })}
          />
        </FormFrame>
      </div>
      {view && document && download ? (
        <article className="export-document" aria-labelledby={`${formId}-document`}>
          <h3 id={`${formId}-document`} ref={heading} tabIndex={-1}>
            {t("documentHeading", { reference: view.reference ?? view.personId })}
          </h3>
          <dl className="facts">
            <div>
              <dt>{t("reference")}</dt>
              <dd className="mono">{view.reference ?? "—"}</dd>
            </div>
            <div>
              <dt>{t("caseId")}</dt>
              <dd className="mono">{view.personId}</dd>
            </div>
            <div>
              <dt>{t("generatedAt")}</dt>
              <dd>
                {view.generatedAt ? (
                  <time dateTime={view.generatedAt}>
                    {format.dateTime(new Date(view.generatedAt), { dateStyle: "long", timeStyle: "short" })}
                  </time>
                ) : (
                  "—"
                )}
              </dd>
            </div>
            <div>
              <dt>{t("records")}</dt>
              <dd>{t("recordCount", { count: view.recordCount, sections: view.sections.length })}</dd>
            </div>
          </dl>
          <p className="button-row no-print">
            <a href={download} download={exportFileName(view)} className="button button--primary">
              {t("download")}
            </a>
            <button type="button" className="button button--secondary" onClick={() => window.print()}>
              {t("print")}
            </button>
          </p>
          {view.sections.map((section, index) => {
            const id = `${formId}-section-${index}`;
            return (
              <section
                key={`${section.dataClass}.${section.section}`}
                aria-labelledby={id}
                className="export-section"
              >
                <h4 id={id}>
                  {(DATA_CLASSES as readonly string[]).includes(section.dataClass)
                    ? tClass(section.dataClass as DataClass)
                    : section.dataClass}
                  : <span className="mono">{section.section}</span>
                </h4>
                {section.rows.length === 0 ? (
                  <p className="muted">{t("noRecords")}</p>
                ) : section.rows.length === 1 ? (
                  <dl className="facts facts--export">
                    {section.columns.map((column, c) => (
                      <div key={column}>
                        <dt className="mono">{column}</dt>
                        <dd>{section.rows[0]?.[c] || <span className="muted">—</span>}</dd>
                      </div>
                    ))}
                  </dl>
                ) : (
                  <div className="table-scroll">
                    <table className="data-table">
                      <caption className="sr-only">
                        {t("sectionCaption", { section: section.section, count: section.rows.length })}
                      </caption>
                      <thead>
                        <tr>
                          {section.columns.map((column) => (
                            <th key={column} scope="col" className="mono">
                              {column}
                            </th>
                          ))}
                        </tr>
                      </thead>
                      <tbody>
                        {section.rows.map((row, r) => (
                          // biome-ignore lint/suspicious/noArrayIndexKey: records have no identity the export guarantees
                          <tr key={r}>
                            {row.map((cell, c) => (
                              // biome-ignore lint/suspicious/noArrayIndexKey: the columns are the section's fields, in order
                              <td key={c} className="export-cell">
                                {cell}
                              </td>
                            ))}
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                )}
              </section>
            );
          })}
          <p className="print-only print-footer">{t("footer")}</p>
        </article>
      ) : null}
    </>
  );
}
