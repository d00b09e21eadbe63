import type { Metadata } from "next";
import Form from "next/form";
import { notFound } from "next/navigation";
import { hasLocale, useTranslations } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { homePath } from "@/features/access/access";
import { NotAvailable } from "@/features/access/NotAvailable";
import { currentViewer, handleReadErrors, requireViewer } from "@/features/auth/viewer";
import { AppealBadge, NoticeBadge } from "@/features/decisions/badges";
import { DecisionOutcome, useDecisionTitle } from "@/features/decisions/DecisionItem";
import { decisionCapabilitiesOf, mayUsePage } from "@/features/decisions/decision-capabilities";
import { parseTransparency, transparencyHref } from "@/features/decisions/decisions-state";
import { AppealAnswerForm, EvaluationForm, NotifyForm } from "@/features/decisions/NoticeForms";
import { useMeasureTypeName } from "@/features/decisions/names";
import { PersonLink } from "@/features/decisions/PersonLink";
import {
  appealState,
  dueStateOf,
  noticeState,
  ownEvaluationDue,
  sortAppeals,
  sortNotices,
} from "@/features/decisions/standing";
import { DateText } from "@/features/i18n/DateText";
import { dueWithinChoices } from "@/features/queues/queue-state";
import { ScreeningStateBadge } from "@/features/screening/ScreeningStateBadge";
import { AppShell } from "@/features/shell/AppShell";
import { TransparencyQueuesDocument, type TransparencyQueuesQuery } from "@/gql/graphql";
import { routing } from "@/i18n/routing";
import { classifyErrors } from "@/lib/graphql/classify";
import { ApiRequestError } from "@/lib/graphql/errors";
import { serverQuery } from "@/lib/graphql/server";
import { NOTIFICATION_GRACE_DAYS } from "@/lib/limits/limits";
import { todayIso } from "@/lib/time/calendar";

export async function generateMetadata({ params }: PageProps<"/[locale]/transparency">): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const viewer = await currentViewer().catch(() => null);
  if (viewer && !mayUsePage(decisionCapabilitiesOf(viewer), "transparency")) {
    const t = await getTranslations({ locale, namespace: "notAvailable" });
    return { title: t("title") };
  }
  const t = await getTranslations({ locale, namespace: "transparency" });
  return { title: t("title") };
}

type Notice = TransparencyQueuesQuery["notificationQueue"][number];
type PendingAppeal = TransparencyQueuesQuery["appealQueue"][number];
type EvaluationDue = NonNullable<TransparencyQueuesQuery["measureEvaluationQueue"]>[number];

/**
 * Transparency by design: the decisions the inmate has not been told of (the overdue first), the
 * appeals without an answer (overdue flagged), and for the services that evaluate measures the
 * evaluations due. Where the viewer records notices or evaluations, each row carries its form.
 */
export default async function TransparencyPage({
  params,
  searchParams,
}: PageProps<"/[locale]/transparency">) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);

  const state = parseTransparency(await searchParams);
  const returnTo = transparencyHref("/transparency", state);
  const viewer = await requireViewer(locale, { returnTo });
  const capabilities = decisionCapabilitiesOf(viewer);
  const t = await getTranslations("transparency");
  if (!mayUsePage(capabilities, "transparency")) {
    const tNav = await getTranslations("shell.decisionNav");
    return (
      <AppShell viewer={viewer} section="transparency" returnTo={returnTo}>
        <NotAvailable page={tNav("transparency")} home={homePath(viewer)} />
      </AppShell>
    );
  }

  const evaluates = capabilities.has("evaluateMeasures");
  const { data, errors } = await serverQuery(TransparencyQueuesDocument, {
    evaluations: evaluates,
    withinDays: state.days,
  });
  handleReadErrors(classifyErrors(errors), locale, returnTo);
  if (!data) throw new ApiRequestError(errors);

  const today = todayIso();
  const records = capabilities.has("recordNotices");
  const notices = sortNotices(data.notificationQueue);
  const appeals = sortAppeals(data.appealQueue, today);
  const evaluations = data.measureEvaluationQueue ?? null;
  const evaluator = { agencyKind: viewer.user.agency.kind, roles: viewer.user.roles };

  return (
    <AppShell viewer={viewer} section="transparency" returnTo={returnTo}>
      <div className="page-header">
        <h1>{t("heading")}</h1>
      </div>
      <p>{t("intro")}</p>
      <NoticesQueue notices={notices} locale={locale} forms={records ? { today, returnTo } : null} />
      <AppealsQueue
        appeals={appeals}
        locale={locale}
        today={today}
        forms={records ? { today, returnTo } : null}
      />
      {evaluations ? (
        <section aria-labelledby="evaluations-heading" className="queue-section">
          <div className="page-header">
            <h2 id="evaluations-heading">{t("evaluations.heading")}</h2>
            <p className="count">{t("evaluations.count", { count: evaluations.length })}</p>
          </div>
          <EvaluationFilter path={`/${locale}/transparency`} days={state.days} />
          <EvaluationsQueue
            measures={evaluations}
            days={state.days}
            locale={locale}
            evaluator={evaluator}
            forms={{ today, returnTo }}
          />
        </section>
      ) : null}
    </AppShell>
  );
}

interface RowForms {
  today: string;
  returnTo: string;
}

function NoticesQueue({
  notices,
  locale,
  forms,
}: {
  notices: readonly Notice[];
  locale: string;
  forms: RowForms | null;
}) {
  const t = useTranslations("transparency.notices");
  const tForms = useTranslations("decisionForms");
  const title = useDecisionTitle();
  return (
    <section aria-labelledby="notices-heading" className="queue-section">
      <div className="page-header">
        <h2 id="notices-heading" tabIndex={-1}>
          {t("heading")}
        </h2>
        <p className="count" aria-live="polite">
          {t("count", { count: notices.length })}
        </p>
      </div>
      <p>{t("intro", { days: NOTIFICATION_GRACE_DAYS })}</p>
      {notices.length === 0 ? (
        <div className="empty-state">
          <p>{t("empty")}</p>
        </div>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <caption>{t("caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("person")}</th>
                <th scope="col">{t("decision")}</th>
                <th scope="col">{t("decided")}</th>
                <th scope="col">{t("due")}</th>
                <th scope="col">{t("state")}</th>
                {forms ? (
                  <th scope="col">
                    <span className="sr-only">{tForms("notify.open")}</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {notices.map((d) => {
                const state = noticeState(d);
                return (
                  <tr key={d.id} className={state === "OVERDUE" ? "row--overdue" : undefined}>
                    <th scope="row">
                      <PersonLink person={d.person} locale={locale} />
                    </th>
                    <td>
                      {title(d)} <DecisionOutcome decision={d} />
                      <span className="block small muted">{d.decidedBy?.displayName ?? d.agency?.name}</span>
                    </td>
                    <td className="nowrap">
                      <DateText iso={d.decidedOn} />
                    </td>
                    <td className="nowrap">
                      {d.notificationDueOn ? <DateText iso={d.notificationDueOn} /> : "—"}
                    </td>
                    <td>
                      <NoticeBadge state={state} />
                    </td>
                    {forms ? (
                      <td className="row-form">
                        <details className="form-disclosure">
                          <summary>{tForms("notify.open")}</summary>
                          <NotifyForm
                            decision={{
                              id: d.id,
                              decidedOn: d.decidedOn,
                              reasons: d.reasons,
                              reasonsClassified: d.reasonsClassified,
                            }}
                            today={forms.today}
                            returnTo={forms.returnTo}
                            afterDone="notices-heading"
                          />
                        </details>
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function AppealsQueue({
  appeals,
  locale,
  today,
  forms,
}: {
  appeals: readonly PendingAppeal[];
  locale: string;
  today: string;
  forms: RowForms | null;
}) {
  const t = useTranslations("transparency.appeals");
  const tEnums = useTranslations("enums");
  const tForms = useTranslations("decisionForms");
  const title = useDecisionTitle();
  return (
    <section aria-labelledby="appeals-heading" className="queue-section">
      <div className="page-header">
        <h2 id="appeals-heading" tabIndex={-1}>
          {t("heading")}
        </h2>
        <p className="count" aria-live="polite">
          {t("count", { count: appeals.length })}
        </p>
      </div>
      {appeals.length === 0 ? (
        <div className="empty-state">
          <p>{t("empty")}</p>
        </div>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <caption>{t("caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("person")}</th>
                <th scope="col">{t("against")}</th>
                <th scope="col">{t("body")}</th>
                <th scope="col">{t("lodged")}</th>
                <th scope="col">{t("due")}</th>
                <th scope="col">{t("state")}</th>
                {forms ? (
                  <th scope="col">
                    <span className="sr-only">{tForms("answer.open")}</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {appeals.map((a) => {
                const state = appealState(a, today);
                return (
                  <tr key={a.id} className={state === "OVERDUE" ? "row--overdue" : undefined}>
                    <th scope="row">
                      <PersonLink person={a.decision?.person ?? null} locale={locale} />
                    </th>
                    <td>
                      {a.decision ? (
                        <>
                          {title({ ...a.decision, recommendation: null })}{" "}
                          <DecisionOutcome decision={a.decision} />
                          <span className="block small muted">
                            <DateText iso={a.decision.decidedOn} />
                          </span>
                        </>
                      ) : (
                        "—"
                      )}
                    </td>
                    <td>{tEnums(`appealBody.${a.body}`)}</td>
                    <td className="nowrap">
                      <DateText iso={a.lodgedOn} />
                    </td>
                    <td className="nowrap">
                      {a.answerDueOn ? <DateText iso={a.answerDueOn} /> : t("noDeadline")}
                    </td>
                    <td>
                      <AppealBadge state={state} />
                    </td>
                    {forms ? (
                      <td className="row-form">
                        <details className="form-disclosure">
                          <summary>{tForms("answer.open")}</summary>
                          <AppealAnswerForm
                            appeal={{ id: a.id, lodgedOn: a.lodgedOn }}
                            today={forms.today}
                            returnTo={forms.returnTo}
                            afterDone="appeals-heading"
                          />
                        </details>
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function EvaluationFilter({ path, days }: { path: string; days: number }) {
  const t = useTranslations("transparency.evaluations");
  const tCommon = useTranslations("common");
  return (
    <Form action={path} prefetch={false} key={String(days)} className="search-form">
      <div className="field">
        <label htmlFor="evaluation-days">{t("days")}</label>
        <select id="evaluation-days" name="days" defaultValue={String(days)}>
          {dueWithinChoices(days).map((d) => (
            <option key={d} value={d}>
              {tCommon("dayCount", { days: d })}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <button type="submit" className="button button--primary">
          {t("apply")}
        </button>
      </div>
    </Form>
  );
}

function EvaluationsQueue({
  measures,
  days,
  locale,
  evaluator,
  forms,
}: {
  measures: readonly EvaluationDue[];
  days: number;
  locale: string;
  evaluator: { agencyKind: string; roles: readonly string[] };
  forms: RowForms;
}) {
  const t = useTranslations("transparency.evaluations");
  const tForms = useTranslations("decisionForms");
  const typeName = useMeasureTypeName();
  if (measures.length === 0)
    return (
      <div className="empty-state">
        <p>{t("empty")}</p>
      </div>
    );
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption>{t("caption", { days })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("person")}</th>
            <th scope="col">{t("measure")}</th>
            <th scope="col">{t("last")}</th>
            <th scope="col">{t("due")}</th>
            <th scope="col">
              <span className="sr-only">{tForms("evaluation.open")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {measures.map((m) => {
            const due = ownEvaluationDue(m.evaluationsDue, evaluator);
            return (
              <tr key={m.id} className={due?.overdue ? "row--overdue" : undefined}>
                <th scope="row">
                  <PersonLink person={m.person} locale={locale} hash={`#m-${m.id}`} />
                </th>
                <td>{typeName(m.measureType)}</td>
                <td className="nowrap">
                  {due?.lastEvaluatedOn ? (
                    <DateText iso={due.lastEvaluatedOn} />
                  ) : (
                    <span className="muted">{t("never")}</span>
                  )}
                </td>
                <td>
                  {due ? (
                    <span className="due">
                      <DateText iso={due.dueOn} />
                      <ScreeningStateBadge state={due.overdue ? "OVERDUE" : dueStateOf(due.dueOn, m.asOf)} />
                    </span>
                  ) : (
                    "—"
                  )}
                </td>
                <td className="row-form">
                  <details className="form-disclosure">
                    <summary>{tForms("evaluation.open")}</summary>
                    <EvaluationForm
                      measure={{ id: m.id, startsOn: m.startsOn }}
                      today={forms.today}
                      returnTo={forms.returnTo}
                    />
                  </details>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
