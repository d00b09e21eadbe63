import { useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { RecommendationRowFragment } from "@/gql/graphql";
import type { Locale } from "@/i18n/routing";
import { establishmentLabel } from "../establishments/establishment-label";
import { DateText, useIsoDate } from "../i18n/DateText";
import { gradingCode } from "../reports/grading";
import { useMeasureTypeName } from "./names";

/**
 * One CelEx recommendation: what it recommends (a measure with its type, duration and terms, or a
 * place), when and by whom, its rationale, the evidence it cites (reports under their own marking,
 * assessments as their summary), and its decision — or that it awaits one. `heading` replaces the
 * default heading (the inbox names the inmate); `children` is the decision form, where allowed.
 */
export function RecommendationArticle({
  recommendation: r,
  heading,
  headingLevel = 4,
  assessmentsShown,
  before,
  children,
}: {
  recommendation: RecommendationRowFragment;
  heading?: string;
  headingLevel?: 3 | 4;
  /** Whether the viewer reads the cited assessments (clinical data) at all. */
  assessmentsShown: boolean;
  /** Facts shown first (the inbox: the inmate and where they are held). */
  before?: ReactNode;
  children?: ReactNode;
}) {
  const t = useTranslations("caseFile.decisions");
  const tEnums = useTranslations("enums");
  const locale = useLocale() as Locale;
  const formatDate = useIsoDate();
  const typeName = useMeasureTypeName();
  const headingId = `recommendation-${r.id}`;
  const Heading = headingLevel === 3 ? "h3" : "h4";
  const assessments = r.assessments ?? [];
  const place = r.establishment
    ? r.unit
      ? t("placeWithUnit", {
          establishment: establishmentLabel(r.establishment, locale),
          unit: `${tEnums(`unitKind.${r.unit.kind}`)} (${r.unit.code})`,
        })
      : establishmentLabel(r.establishment, locale)
    : null;
  const decision = r.decision;
  return (
    <article
      className={decision ? "recommendation" : "recommendation recommendation--pending"}
      aria-labelledby={headingId}
    >
      <div className="report__header">
        <Heading id={headingId}>{heading ?? tEnums(`recommendationKind.${r.kind}`)}</Heading>
        {decision?.recommendationOutcome ? (
          <span className="badge badge--neutral">
            {tEnums(`recommendationOutcome.${decision.recommendationOutcome}`)}
          </span>
        ) : (
          <span className="badge badge--warning">{t("pending")}</span>
        )}
      </div>
      <dl className="facts facts--report">
        {before}
        <div>
          <dt>{t("recommendedOn")}</dt>
          <dd>
            <DateText iso={r.recommendedOn} />
          </dd>
        </div>
        <div>
          <dt>{t("recommendedBy")}</dt>
          <dd>{r.author?.displayName ?? r.agency?.name ?? "—"}</dd>
        </div>
        {r.measureType ? (
          <div>
            <dt>{t("measureType")}</dt>
            <dd>{typeName(r.measureType)}</dd>
          </div>
        ) : null}
        {r.months !== null ? (
          <div>
            <dt>{t("months")}</dt>
            <dd>{t("monthCount", { months: r.months })}</dd>
          </div>
        ) : null}
        {place ? (
          <div>
            <dt>{t("placeRecommended")}</dt>
            <dd>{place}</dd>
          </div>
        ) : null}
      </dl>
      {r.terms ? (
        <p>
          <span className="report__label">{t("proposedTerms")}:</span> {r.terms}
        </p>
      ) : null}
      <p className="report__label">{t("rationale")}</p>
      <p className="report__body">{r.rationale}</p>
      <p className="report__label">{t("evidence")}</p>
      {r.reports.length === 0 && assessments.length === 0 ? (
        <p className="muted">{t("noEvidence")}</p>
      ) : (
        <ul className="evidence-list">
          {r.reports.map((report) => (
            <li key={report.id}>
              {t("evidenceReport", { title: report.title })}
              <span className="block small muted">
                {t("evidenceReportNote", {
                  date: formatDate(report.observedOn),
                  grading: gradingCode(report.sourceReliability, report.informationCredibility),
                })}
              </span>
            </li>
          ))}
          {assessments.map((a) => (
            <li key={a.id}>
              {t("evidenceAssessment", {
                date: a.assessedOn ? formatDate(a.assessedOn) : "—",
                instrument: a.instrument ? `${a.instrument.code} ${a.instrument.version}` : "—",
                judgement: a.finalJudgement ? tEnums(`riskJudgement.${a.finalJudgement}`) : "—",
              })}
            </li>
          ))}
        </ul>
      )}
      {assessmentsShown ? null : <p className="small muted">{t("evidenceHidden")}</p>}
      {decision ? (
        <div className="decision__notice">
          <p className="report__label">{t("decision")}</p>
          <p>
            {decision.recommendationOutcome
              ? t("decisionLine", {
                  outcome: tEnums(`recommendationOutcome.${decision.recommendationOutcome}`),
                  date: formatDate(decision.decidedOn),
                })
              : formatDate(decision.decidedOn)}
            {decision.decidedBy ? ` — ${decision.decidedBy.displayName}` : null}
          </p>
          <p className="small">
            <span className="report__label">{t("reasons")}:</span> {decision.reasons}
          </p>
        </div>
      ) : null}
      {children}
    </article>
  );
}
