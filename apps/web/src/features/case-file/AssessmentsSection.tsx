import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { DateText } from "@/features/i18n/DateText";
import { dueState } from "@/features/queues/due";
import { ScreeningStateBadge } from "@/features/screening/ScreeningStateBadge";
import type { AssessmentRowFragment } from "@/gql/graphql";

/**
 * The person's risk assessments, newest first: the summary (date, instrument, final judgement,
 * next review) for every reader of clinical data; the narrative, ratings and domain summaries only
 * for those who read clinical data in full, and a note saying so for the others. `children`: the
 * form to record one, where the viewer may.
 */
export function AssessmentsSection({
  assessments,
  nextDueOn,
  detailReadable,
  today,
  children,
}: {
  assessments: readonly AssessmentRowFragment[];
  nextDueOn: string | null;
  /** The viewer reads clinical data of this case in full (not only its summary). */
  detailReadable: boolean;
  today: string;
  children?: ReactNode;
}) {
  const t = useTranslations("caseFile.assessments");
  const tEnums = useTranslations("enums");
  return (
    <section aria-labelledby="assessments-heading" className="card">
      <h2 id="assessments-heading">{t("heading")}</h2>
      <dl className="facts">
        <div>
          <dt>{t("nextDue")}</dt>
          <dd className="due">
            {nextDueOn ? (
              <>
                <DateText iso={nextDueOn} long />
                <ScreeningStateBadge state={dueState(nextDueOn, today)} />
              </>
            ) : (
              <span className="muted">—</span>
            )}
          </dd>
        </div>
      </dl>
      {detailReadable ? null : <p className="notice summary-only">{t("summaryOnly")}</p>}
      {assessments.length === 0 ? (
        <p className="muted">{t("none")}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table data-table--compact">
            <caption>{t("caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("assessedOn")}</th>
                <th scope="col">{t("instrument")}</th>
                <th scope="col">{t("judgement")}</th>
                <th scope="col">{t("nextReview")}</th>
                <th scope="col">{t("assessedBy")}</th>
              </tr>
            </thead>
            <tbody>
              {assessments.map((a) => (
                <tr key={a.id}>
                  <th scope="row">{a.assessedOn ? <DateText iso={a.assessedOn} /> : "—"}</th>
                  <td>{a.instrument ? `${a.instrument.code} ${a.instrument.version}` : "—"}</td>
                  <td>
                    {a.finalJudgement ? (
                      <span className={`badge badge--judgement-${a.finalJudgement.toLowerCase()}`}>
                        {tEnums(`riskJudgement.${a.finalJudgement}`)}
                      </span>
                    ) : (
                      "—"
                    )}
                  </td>
                  <td>{a.nextReviewOn ? <DateText iso={a.nextReviewOn} /> : "—"}</td>
                  <td>{a.assessedBy?.displayName ?? a.agency?.name ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {detailReadable
        ? assessments.map((a) =>
            a.narrative ? (
              <details key={a.id} className="assessment-detail">
                <summary className="assessment-detail__summary">
                  {t("detail")}
                  {a.assessedOn ? (
                    <>
                      {" "}
                      (<DateText iso={a.assessedOn} />)
                    </>
                  ) : null}
                </summary>
                <h3>{t("narrative")}</h3>
                <p className="report__body">{a.narrative}</p>
                {a.domainSummaries && a.domainSummaries.length > 0 ? (
                  <>
                    <h3>{t("domainSummaries")}</h3>
                    <dl className="facts facts--stacked">
                      {a.domainSummaries.map((s) => (
                        <div key={s.domainCode}>
                          <dt>
                            {s.domainCode}: {s.domainName}
                          </dt>
                          <dd>{s.summary}</dd>
                        </div>
                      ))}
                    </dl>
                  </>
                ) : null}
                {a.ratings && a.ratings.length > 0 ? (
                  <div className="table-scroll">
                    <table className="data-table data-table--compact">
                      <caption>
                        {t("ratingsCaption", {
                          instrument: a.instrument ? `${a.instrument.code} ${a.instrument.version}` : "",
                        })}
                      </caption>
                      <thead>
                        <tr>
                          <th scope="col">{t("indicator")}</th>
                          <th scope="col">{t("rating")}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {a.ratings.map((r) => (
                          <tr key={r.indicatorCode}>
                            <th scope="row">
                              {r.indicatorCode}: {r.indicatorName}
                            </th>
                            <td>
                              {tEnums(`indicatorRating.${r.rating}`)}
                              {r.notRatedReason ? <span className="muted"> ({r.notRatedReason})</span> : null}
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                ) : null}
              </details>
            ) : null,
          )
        : null}
      {children}
    </section>
  );
}
