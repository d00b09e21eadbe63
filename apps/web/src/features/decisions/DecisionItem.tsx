import { useLocale, useTranslations } from "next-intl";
import type { AppealRowFragment, DecisionRowFragment } from "@/gql/graphql";
import type { Locale } from "@/i18n/routing";
import { establishmentLabel } from "../establishments/establishment-label";
import { DateText, useIsoDate } from "../i18n/DateText";
import { AppealBadge, NoticeBadge } from "./badges";
import { AppealAnswerForm, AppealForm, NotifyForm } from "./NoticeForms";
import { useMeasureTypeName } from "./names";
import { appealState, noticeState } from "./standing";

/** What a decision is about, for its heading: the measure's type, or the regime recommended. */
export function useDecisionTitle() {
  const tEnums = useTranslations("enums");
  const typeName = useMeasureTypeName();
  return (decision: Pick<DecisionRowFragment, "kind" | "measure" | "recommendation">) => {
    const subject = decision.measure?.measureType
      ? typeName(decision.measure.measureType)
      : decision.recommendation
        ? tEnums(`recommendationKind.${decision.recommendation.kind}`)
        : null;
    const kind = tEnums(`decisionKind.${decision.kind}`);
    return subject ? `${kind}: ${subject}` : kind;
  };
}

/** The outcome of a decision as a badge: the answer to the recommendation, or the review's. */
export function DecisionOutcome({
  decision,
}: {
  decision: Pick<DecisionRowFragment, "recommendationOutcome" | "reviewOutcome">;
}) {
  const tEnums = useTranslations("enums");
  if (decision.reviewOutcome)
    return <span className="badge badge--neutral">{tEnums(`reviewOutcome.${decision.reviewOutcome}`)}</span>;
  if (decision.recommendationOutcome)
    return (
      <span className="badge badge--neutral">
        {tEnums(`recommendationOutcome.${decision.recommendationOutcome}`)}
      </span>
    );
  return null;
}

/** What the recorder of notices may do here (NOTICE_RECORD with consult-and-feed on this case). */
export interface NoticeContext {
  today: string;
  returnTo: string;
}

/** One appeal: where and when, the grounds, the answer or when it is due; the answer's form. */
function AppealItem({
  appeal,
  today,
  notices,
}: {
  appeal: AppealRowFragment;
  today: string;
  notices: NoticeContext | null;
}) {
  const t = useTranslations("caseFile.decisions");
  const tEnums = useTranslations("enums");
  const tForms = useTranslations("decisionForms");
  const formatDate = useIsoDate();
  const state = appealState(appeal, today);
  return (
    <li className="appeal">
      <p>
        {t("appealItem", { date: formatDate(appeal.lodgedOn), body: tEnums(`appealBody.${appeal.body}`) })}{" "}
        <AppealBadge state={state} />
      </p>
      {appeal.grounds ? (
        <p className="small">
          <span className="report__label">{t("grounds")}:</span> {appeal.grounds}
        </p>
      ) : null}
      {appeal.outcome && appeal.outcomeOn ? (
        <p className="small">
          {t("answered", {
            date: formatDate(appeal.outcomeOn),
            outcome: tEnums(`appealOutcome.${appeal.outcome}`),
          })}
          {appeal.outcomeSummary ? ` — ${appeal.outcomeSummary}` : null}
        </p>
      ) : (
        <p className="small muted">
          {appeal.answerDueOn ? t("answerDue", { date: formatDate(appeal.answerDueOn) }) : t("noDeadline")}
        </p>
      )}
      {notices && appeal.outcome === null ? (
        <details className="form-disclosure">
          <summary>{tForms("answer.open")}</summary>
          <AppealAnswerForm
            appeal={{ id: appeal.id, lodgedOn: appeal.lodgedOn }}
            today={notices.today}
            returnTo={notices.returnTo}
          />
        </details>
      ) : null}
    </li>
  );
}

/**
 * One decision, transparent: what it decided, when, by whom and with which reasons; how and when
 * the inmate was told (or that they have not been, and whether that is late); appeals and answers.
 * Where the viewer records notices, the forms to record a notice, an appeal and an answer.
 */
export function DecisionItem({
  decision,
  today,
  notices,
  headingLevel = 4,
}: {
  decision: DecisionRowFragment;
  today: string;
  notices: NoticeContext | null;
  headingLevel?: 3 | 4;
}) {
  const t = useTranslations("caseFile.decisions");
  const tEnums = useTranslations("enums");
  const tForms = useTranslations("decisionForms");
  const locale = useLocale() as Locale;
  const formatDate = useIsoDate();
  const title = useDecisionTitle();
  const state = noticeState(decision);
  const headingId = `decision-${decision.id}`;
  const Heading = headingLevel === 3 ? "h3" : "h4";
  const place = decision.placement
    ? decision.placement.unit
      ? t("placeWithUnit", {
          establishment: establishmentLabel(decision.placement.establishment, locale),
          unit: `${tEnums(`unitKind.${decision.placement.unit.kind}`)} (${decision.placement.unit.code})`,
        })
      : establishmentLabel(decision.placement.establishment, locale)
    : null;
  return (
    <article className="decision" aria-labelledby={headingId}>
      <div className="report__header">
        <Heading id={headingId}>{title(decision)}</Heading>
        <DecisionOutcome decision={decision} />
        <NoticeBadge state={state} />
      </div>
      <dl className="facts facts--report">
        <div>
          <dt>{t("decidedOn")}</dt>
          <dd>
            <DateText iso={decision.decidedOn} />
          </dd>
        </div>
        <div>
          <dt>{t("effectiveOn")}</dt>
          <dd>
            <DateText iso={decision.effectiveOn} />
          </dd>
        </div>
        <div>
          <dt>{t("decidedBy")}</dt>
          <dd>
            {decision.decidedBy?.displayName ?? "—"}
            {decision.agency && decision.decidedBy?.displayName.includes(decision.agency.name) !== true ? (
              <span className="block small muted">{decision.agency.name}</span>
            ) : null}
          </dd>
        </div>
        {decision.endsOn ? (
          <div>
            <dt>{t("newEnd")}</dt>
            <dd>
              <DateText iso={decision.endsOn} />
            </dd>
          </div>
        ) : null}
        {decision.nextReviewOn ? (
          <div>
            <dt>{t("reviewSet")}</dt>
            <dd>
              <DateText iso={decision.nextReviewOn} />
            </dd>
          </div>
        ) : null}
        {place ? (
          <div>
            <dt>{t("place")}</dt>
            <dd>{place}</dd>
          </div>
        ) : null}
      </dl>
      {decision.terms ? (
        <p>
          <span className="report__label">{t("newTerms")}:</span> {decision.terms}
        </p>
      ) : null}
      <p className="report__label">{t("reasons")}</p>
      <p className="report__body">{decision.reasons}</p>
      {decision.reasonsClassified ? <p className="small muted">{t("classified")}</p> : null}

      <div className="decision__notice">
        <p className="report__label">{t("notice")}</p>
        {decision.notifications.length > 0 ? (
          <ul className="plain-list">
            {decision.notifications.map((n) => (
              <li key={n.id}>
                <p>
                  {t("noticeItem", {
                    date: formatDate(n.notifiedOn),
                    method: tEnums(`notificationMethod.${n.method}`),
                  })}
                  {n.interpreter ? `, ${t("interpreter")}` : null}
                </p>
                <p className="small">
                  <span className="report__label">{t("reasonsGiven")}:</span> {n.reasonsGiven}
                </p>
                {n.recordedBy ? (
                  <p className="small muted">{t("recordedBy", { name: n.recordedBy.displayName })}</p>
                ) : null}
              </li>
            ))}
          </ul>
        ) : state === "NOT_NEEDED" ? (
          <p className="muted">{t("noticeNotNeeded")}</p>
        ) : decision.notificationDueOn ? (
          <p className={state === "OVERDUE" ? "notice notice--danger" : "notice notice--warning"}>
            {state === "OVERDUE"
              ? t("noticeOverdue", { date: formatDate(decision.notificationDueOn) })
              : t("noticeDue", { date: formatDate(decision.notificationDueOn) })}
          </p>
        ) : null}
        {notices && decision.needsNotification ? (
          <details className="form-disclosure">
            <summary>{tForms("notify.open")}</summary>
            <NotifyForm
              decision={{
                id: decision.id,
                decidedOn: decision.decidedOn,
                reasons: decision.reasons,
                reasonsClassified: decision.reasonsClassified,
              }}
              today={notices.today}
              returnTo={notices.returnTo}
            />
          </details>
        ) : null}
      </div>

      {decision.appeals.length > 0 || (notices && decision.needsNotification) ? (
        <div className="decision__appeals">
          <p className="report__label">{t("appeals")}</p>
          {decision.appeals.length > 0 ? (
            <ul className="plain-list">
              {decision.appeals.map((a) => (
                <AppealItem key={a.id} appeal={a} today={today} notices={notices} />
              ))}
            </ul>
          ) : null}
          {notices && decision.needsNotification ? (
            <details className="form-disclosure">
              <summary>{tForms("appeal.open")}</summary>
              <AppealForm
                decision={{ id: decision.id, decidedOn: decision.decidedOn }}
                today={notices.today}
                returnTo={notices.returnTo}
              />
            </details>
          ) : null}
        </div>
      ) : null}
    </article>
  );
}
