"use client";

import { useMutation, useQuery } from "@apollo/client/react";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { ImportJobDocument, type ImportJobProgressFragment, ImportJobResumeDocument } from "@/gql/graphql";
import { useRouter } from "@/i18n/navigation";
import { apolloErrors } from "@/lib/apollo/errors";
import { sessionRedirect } from "../forms/session-redirect";
import { DateTimeText } from "../i18n/DateTimeText";
import { ImportStatusBadge } from "./ImportStatusBadge";
import { importsHref } from "./imports-state";
import { isFinished, pollIntervalFor, progressView } from "./progress";
import "./imports.css";

/** How many bad lines the panel lists (the API gives up to 1000). */
export const LINE_ERRORS_SHOWN = 100;

/**
 * One import job's progress, asked every second until it has finished: a progress bar with
 * applied of total, the rate and the expected end, the status in a live region; the lines to
 * correct when the job is INVALID; the reason and "Resume" when it FAILED. When the job finishes,
 * the server-rendered list of recent imports is refreshed.
 */
export function ImportJobPanel({ jobId }: { jobId: string }) {
  const t = useTranslations("imports");
  const router = useRouter();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [status, setStatus] = useState<ImportJobProgressFragment["status"] | null>(null);
  const { data, dataState, error } = useQuery(ImportJobDocument, {
    variables: { id: jobId, lineErrors: LINE_ERRORS_SHOWN },
    fetchPolicy: "cache-and-network",
    pollInterval: pollIntervalFor(status),
  });
  const complete = dataState === "complete";
  const job = complete ? data.importJob : null;
  const returnTo = importsHref({ jobId });

  useEffect(() => {
    heading.current?.focus();
  }, []);

  // The status as last seen: drives polling, and refreshes the list once the job has finished,
  // also when it finished before the first answer here (a small file is applied in well under a
  // second): the list was rendered while it ran.
  const current = job?.status ?? null;
  useEffect(() => {
    if (current === null || current === status) return;
    if ((status === null || !isFinished(status)) && isFinished(current)) router.refresh();
    setStatus(current);
  }, [current, status, router]);

  useEffect(() => {
    if (!error) return;
    const target = sessionRedirect(apolloErrors(error), returnTo);
    if (target !== null) router.push(target);
  }, [error, returnTo, router]);

  const notFound = (complete && job === null) || apolloErrors(error).some((e) => e.code === "NOT_FOUND");

  return (
    <section aria-labelledby={`${id}-heading`} className="card import-progress">
      <h2 id={`${id}-heading`} ref={heading} tabIndex={-1}>
        {job ? t("progress.heading", { fileName: job.fileName }) : t("progress.loading")}
      </h2>
      <p role="status" aria-atomic="true" className="import-progress__status">
        {job ? (
          <LiveStatus job={job} />
        ) : notFound ? (
          t("progress.notFound")
        ) : error ? (
          t("progress.loadFailed")
        ) : null}
      </p>
      {job ? <JobDetails job={job} onResumed={() => router.refresh()} /> : null}
    </section>
  );
}

type JobWithErrors = ImportJobProgressFragment & {
  lineErrors: readonly { line: number; field: string; reason: string }[];
};

function LiveStatus({ job }: { job: ImportJobProgressFragment }) {
  const t = useTranslations("imports.progress.live");
  switch (job.status) {
    case "SUCCEEDED":
      return <>{t("SUCCEEDED", { applied: job.applied })}</>;
    case "INVALID":
      return <>{t("INVALID", { invalid: job.invalid })}</>;
    case "FAILED":
      return <>{t("FAILED", { applied: job.applied, total: job.total })}</>;
    default:
      return <>{t(job.status)}</>;
  }
}

function JobDetails({ job, onResumed }: { job: JobWithErrors; onResumed: () => void }) {
  const t = useTranslations("imports");
  const format = useFormatter();
  const id = useId();
  const view = progressView(job, new Date());
  const none = t("progress.none");
  return (
    <>
      <div className="import-progress__bar">
        <span id={`${id}-label`} className="import-progress__label">
          {t("progress.label")}
        </span>
        <div
          role="progressbar"
          aria-labelledby={`${id}-label`}
          aria-valuemin={0}
          aria-valuemax={view.total}
          aria-valuenow={view.applied}
          aria-valuetext={t("progress.valueText", { applied: view.applied, total: view.total })}
          className="import-progress__track"
        >
          <div className="import-progress__fill" style={{ width: `${view.percent}%` }} />
        </div>
        <span className="import-progress__count">
          {t("progress.count", { applied: view.applied, total: view.total })}
        </span>
      </div>
      <dl className="facts import-progress__facts">
        <div>
          <dt>{t("progress.status")}</dt>
          <dd>
            <ImportStatusBadge status={job.status} />
          </dd>
        </div>
        <div>
          <dt>{t("progress.rate")}</dt>
          <dd>{view.rate === null ? none : t("progress.rateValue", { rate: view.rate })}</dd>
        </div>
        <div>
          <dt>{t("progress.eta")}</dt>
          <dd>
            {view.eta === null
              ? none
              : t("progress.etaValue", {
                  time: format.dateTime(new Date(view.eta.at), "time"),
                  minutes: view.eta.minutesLeft,
                })}
          </dd>
        </div>
        <div>
          <dt>{t("progress.recordType")}</dt>
          <dd>{t(`recordType.${job.recordType}`)}</dd>
        </div>
        <div>
          <dt>{t("progress.format")}</dt>
          <dd>{job.format}</dd>
        </div>
        <div>
          <dt>{t("progress.sourceSystem")}</dt>
          <dd>{job.sourceSystem}</dd>
        </div>
        <div>
          <dt>{t("progress.created")}</dt>
          <dd>
            <DateTimeText iso={job.createdAt} />
          </dd>
        </div>
        <div>
          <dt>{t("progress.started")}</dt>
          <dd>{job.startedAt ? <DateTimeText iso={job.startedAt} /> : none}</dd>
        </div>
        <div>
          <dt>{t("progress.finished")}</dt>
          <dd>{job.finishedAt ? <DateTimeText iso={job.finishedAt} /> : none}</dd>
        </div>
      </dl>
      {job.status === "INVALID" ? <LineErrors job={job} /> : null}
      {job.status === "FAILED" ? <Failure job={job} onResumed={onResumed} /> : null}
    </>
  );
}

function LineErrors({ job }: { job: JobWithErrors }) {
  const t = useTranslations("imports.progress");
  if (job.lineErrors.length === 0) return null;
  return (
    <>
      {job.invalid > job.lineErrors.length ? (
        <p className="hint">{t("lineErrorsShown", { shown: job.lineErrors.length, count: job.invalid })}</p>
      ) : null}
      <div className="table-scroll">
        <table className="data-table">
          <caption>{t("lineErrorsCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("line")}</th>
              <th scope="col">{t("field")}</th>
              <th scope="col">{t("reason")}</th>
            </tr>
          </thead>
          <tbody>
            {job.lineErrors.map((error) => (
              <tr key={`${error.line}-${error.field}-${error.reason}`}>
                <th scope="row">{error.line}</th>
                <td>
                  <code>{error.field}</code>
                </td>
                <td lang="en">{error.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function Failure({ job, onResumed }: { job: ImportJobProgressFragment; onResumed: () => void }) {
  const t = useTranslations("imports.progress");
  const id = useId();
  const [resume, { loading }] = useMutation(ImportJobResumeDocument);
  const [failed, setFailed] = useState<string | null>(null);

  async function onResume() {
    setFailed(null);
    try {
      const { data } = await resume({ variables: { input: { importJobId: job.id } } });
      const payload = data?.importJobResume;
      if (!payload || payload.userErrors.length > 0) {
        setFailed(payload?.userErrors.map((e) => e.message).join(" ") || "");
        return;
      }
      onResumed();
    } catch {
      setFailed("");
    }
  }

  return (
    <div className="import-progress__failure">
      {job.failure ? (
        <>
          <h3>{t("failure")}</h3>
          <p lang="en">{job.failure}</p>
        </>
      ) : null}
      <p id={`${id}-hint`} className="hint">
        {t("resumeHint")}
      </p>
      <div
        id={`${id}-error`}
        role="alert"
        className={failed === null ? "alert-placeholder" : "alert alert--error"}
      >
        {failed === null ? null : (
          <>
            {t("resumeFailed")}
            {failed ? (
              <>
                {" "}
                (<span lang="en">{failed}</span>)
              </>
            ) : null}
          </>
        )}
      </div>
      <button
        type="button"
        className="button button--primary"
        onClick={onResume}
        disabled={loading}
        aria-busy={loading}
        aria-describedby={`${id}-hint`}
      >
        {loading ? t("resuming") : t("resume")}
      </button>
    </div>
  );
}
