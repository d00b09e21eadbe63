import { useLocale, useTranslations } from "next-intl";
import { Restricted } from "@/features/access/Restricted";
import { establishmentLabel } from "@/features/establishments/establishment-label";
import { DateText } from "@/features/i18n/DateText";
import { DateTimeText } from "@/features/i18n/DateTimeText";
import { nameInLocale } from "@/features/i18n/localized-name";
import type { IndicatorNamesFragment, ReportRowFragment } from "@/gql/graphql";
import type { Locale } from "@/i18n/routing";
import { ReportMarkings } from "./ReportBadges";
import { type AgencyOption, CorrectReport } from "./ReportForm";

/** What a correction form needs, for the reports of the viewer's own agency. */
export interface CorrectionContext {
  indicators: readonly IndicatorNamesFragment[];
  agencies: readonly AgencyOption[];
  today: string;
  returnTo: string;
}

/**
 * The author of an intelligence report is named to its own agency only (the API answers null with
 * a FORBIDDEN error to others): say so rather than leave a gap.
 */
function authorWithheld(report: ReportRowFragment): boolean {
  return report.dataClass === "INTELLIGENCE" && !report.fromOwnAgency;
}

/**
 * One version of an information report: title, grade and markings, where and when it was observed,
 * by whom, what, the indicators it cites; the originator's conditions or addressee; for a corrected
 * version, why; and for the viewer's own agency's latest version, the way to correct it.
 */
export function ReportArticle({
  report,
  correction,
}: {
  report: ReportRowFragment;
  correction: CorrectionContext | null;
}) {
  const t = useTranslations("caseFile.reports");
  const locale = useLocale() as Locale;
  const headingId = `report-${report.id}`;
  return (
    <article
      className={report.superseded ? "report report--superseded" : "report"}
      aria-labelledby={headingId}
    >
      <div className="report__header">
        <h3 id={headingId}>{report.title}</h3>
        <ReportMarkings report={report} />
        {report.sensitive ? <span className="badge badge--warning">{t("sensitive")}</span> : null}
        {report.version > 1 || report.superseded ? (
          <span className="badge badge--neutral">{t("version", { version: report.version })}</span>
        ) : null}
        {report.superseded ? <span className="badge badge--neutral">{t("superseded")}</span> : null}
      </div>
      <dl className="facts facts--report">
        <div>
          <dt>{t("observed")}</dt>
          <dd>
            <DateText iso={report.observedOn} />
          </dd>
        </div>
        <div>
          <dt>{t("originator")}</dt>
          <dd>
            {report.originatorAgency.name}
            {report.fromOwnAgency ? <span className="muted"> ({t("ownAgency")})</span> : null}
          </dd>
        </div>
        {report.establishment ? (
          <div>
            <dt>{t("establishment")}</dt>
            <dd>{establishmentLabel(report.establishment, locale)}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t("recorded")}</dt>
          <dd>
            <DateTimeText iso={report.recordedAt} />
            {report.author ? (
              <span className="muted"> · {report.author.displayName}</span>
            ) : authorWithheld(report) ? (
              <>
                {" · "}
                <Restricted />
              </>
            ) : null}
          </dd>
        </div>
      </dl>
      <p className="report__body">{report.body}</p>
      {report.indicators.length > 0 ? (
        <p className="small">
          <span className="report__label">{t("indicators")}:</span>{" "}
          {report.indicators.map((i) => `${i.code} ${nameInLocale(i, locale)}`).join("; ")}
        </p>
      ) : null}
      {report.handlingConditions ? (
        <p className="notice notice--warning small">
          <span className="report__label">{t("conditions")}:</span> {report.handlingConditions}
        </p>
      ) : null}
      {report.addressedToAgency ? (
        <p className="small">
          <span className="report__label">{t("addressedTo")}:</span> {report.addressedToAgency.name}
        </p>
      ) : null}
      {report.correctionReason ? (
        <p className="small">
          <span className="report__label">{t("correctionReason")}:</span> {report.correctionReason}
        </p>
      ) : null}
      {correction && report.fromOwnAgency && !report.superseded ? (
        <CorrectReport
          reportId={report.id}
          indicators={correction.indicators}
          agencies={correction.agencies}
          today={correction.today}
          returnTo={correction.returnTo}
        />
      ) : null}
    </article>
  );
}
