import Link from "next/link";
import { useTranslations } from "next-intl";
import { PageLinks } from "@/features/paging/PageLinks";
import { pageWindow } from "@/features/queues/queue-state";
import { type AgencyOption, ReportForm } from "@/features/reports/ReportForm";
import { type CorrectionContext, ReportArticle } from "@/features/reports/ReportList";
import { emptyReport } from "@/features/reports/report-form";
import type { IndicatorNamesFragment, ReportRowFragment } from "@/gql/graphql";
import { CASE_REPORTS_PAGE_SIZE, type CaseFileState, caseFileHref } from "./case-file-state";

/**
 * The person's information reports the viewer may read (newest observation first), with the
 * versions corrections superseded on request, paged; the form to file one, and the way to correct
 * those of the viewer's own agency, where the viewer may report.
 */
export function ReportsSection({
  personId,
  reports,
  path,
  state,
  canFile,
  indicators,
  agencies,
  today,
  returnTo,
}: {
  personId: string;
  reports: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor?: string | null };
    edges: readonly { node: ReportRowFragment }[];
  };
  path: string;
  state: CaseFileState;
  canFile: boolean;
  indicators: readonly IndicatorNamesFragment[];
  agencies: readonly AgencyOption[];
  today: string;
  returnTo: string;
}) {
  const t = useTranslations("caseFile.reports");
  const tForm = useTranslations("reportForm");
  const rows = reports.edges.map((edge) => edge.node);
  const window = pageWindow(state.reportTrail, rows.length, CASE_REPORTS_PAGE_SIZE);
  const correction: CorrectionContext | null = canFile ? { indicators, agencies, today, returnTo } : null;
  const hash = "#reports-heading";
  return (
    <section aria-labelledby="reports-heading" className="card">
      <h2 id="reports-heading">{t("heading")}</h2>
      <p className="muted">{t("count", { count: reports.totalCount })}</p>
      {canFile ? (
        <details className="form-disclosure">
          <summary>{tForm("open")}</summary>
          <ReportForm
            target={{ mode: "file", personId }}
            initial={emptyReport(today)}
            indicators={indicators}
            agencies={agencies}
            today={today}
            returnTo={returnTo}
          />
        </details>
      ) : null}
      <p>
        <Link
          href={caseFileHref(path, { ...state, reportHistory: !state.reportHistory, reportTrail: [] }, hash)}
          prefetch={false}
        >
          {state.reportHistory ? t("hideHistory") : t("showHistory")}
        </Link>
      </p>
      {rows.length === 0 ? (
        <p className="muted">{t("empty")}</p>
      ) : (
        <ol className="report-list" aria-labelledby="reports-heading">
          {rows.map((report) => (
            <li key={report.id}>
              <ReportArticle report={report} correction={correction} />
            </li>
          ))}
        </ol>
      )}
      <PageLinks
        label={t("pages")}
        status={t("pageStatus", { ...window, total: reports.totalCount })}
        previousHref={
          state.reportTrail.length > 0
            ? caseFileHref(path, { ...state, reportTrail: state.reportTrail.slice(0, -1) }, hash)
            : null
        }
        nextHref={
          reports.pageInfo.hasNextPage && reports.pageInfo.endCursor
            ? caseFileHref(
                path,
                { ...state, reportTrail: [...state.reportTrail, reports.pageInfo.endCursor] },
                hash,
              )
            : null
        }
      />
    </section>
  );
}
