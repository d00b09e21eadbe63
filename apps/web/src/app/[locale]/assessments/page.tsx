import type { Metadata } from "next";
import Form from "next/form";
import Link from "next/link";
import { notFound } from "next/navigation";
import { hasLocale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { homePath } from "@/features/access/access";
import { BreakGlassBadge } from "@/features/access/BreakGlassBadge";
import { capabilitiesOf } from "@/features/access/capabilities";
import { NotAvailable } from "@/features/access/NotAvailable";
import { currentViewer, handleReadErrors, requireViewer } from "@/features/auth/viewer";
import { DateText } from "@/features/i18n/DateText";
import { CategoryBadge } from "@/features/listing/CategoryBadge";
import { PageLinks } from "@/features/paging/PageLinks";
import { dueState } from "@/features/queues/due";
import {
  assessmentQueueHref,
  dueWithinChoices,
  pageWindow,
  parseAssessmentQueue,
  QUEUE_PAGE_SIZE,
} from "@/features/queues/queue-state";
import { ScreeningStateBadge } from "@/features/screening/ScreeningStateBadge";
import { AppShell } from "@/features/shell/AppShell";
import { AssessmentQueueDocument } from "@/gql/graphql";
import { redirect } from "@/i18n/navigation";
import { routing } from "@/i18n/routing";
import { classifyErrors } from "@/lib/graphql/classify";
import { ApiRequestError, hasCode } from "@/lib/graphql/errors";
import { serverQuery } from "@/lib/graphql/server";
import { todayIso } from "@/lib/time/calendar";

export async function generateMetadata({ params }: PageProps<"/[locale]/assessments">): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const viewer = await currentViewer().catch(() => null);
  if (viewer && !capabilitiesOf(viewer).has("assess")) {
    const t = await getTranslations({ locale, namespace: "notAvailable" });
    return { title: t("title") };
  }
  const t = await getTranslations({ locale, namespace: "assessmentQueue" });
  return { title: t("title") };
}

/**
 * The psychosocial service's reassessment queue: inmates whose risk assessment is due within some
 * days, the most overdue first (highlighted), with the latest assessment's judgement.
 */
export default async function AssessmentQueuePage({
  params,
  searchParams,
}: PageProps<"/[locale]/assessments">) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);

  const state = parseAssessmentQueue(await searchParams);
  const returnTo = assessmentQueueHref("/assessments", state);
  const viewer = await requireViewer(locale, { returnTo });
  const t = await getTranslations("assessmentQueue");
  const tEnums = await getTranslations("enums");
  const tCommon = await getTranslations("common");
  if (!capabilitiesOf(viewer).has("assess")) {
    const tNav = await getTranslations("shell.nav");
    return (
      <AppShell viewer={viewer} section="assessments" returnTo={returnTo}>
        <NotAvailable page={tNav("assessments")} home={homePath(viewer)} />
      </AppShell>
    );
  }

  const { data, errors } = await serverQuery(AssessmentQueueDocument, {
    first: QUEUE_PAGE_SIZE,
    after: state.trail.at(-1) ?? null,
    filter: { assessmentDueWithinDays: state.days },
  });
  if (state.trail.length > 0 && hasCode(errors, "BAD_USER_INPUT", "persons"))
    redirect({ href: assessmentQueueHref("/assessments", { ...state, trail: [] }), locale });
  handleReadErrors(classifyErrors(errors), locale, returnTo);
  if (!data) throw new ApiRequestError(errors);

  const path = `/${locale}/assessments`;
  const today = todayIso();
  const persons = data.persons;
  const rows = persons.edges.map((edge) => edge.node);
  const window = pageWindow(state.trail, rows.length);

  return (
    <AppShell viewer={viewer} section="assessments" returnTo={returnTo}>
      <div className="page-header">
        <h1>{t("heading")}</h1>
        <p className="count" aria-live="polite">
          {t("count", { count: persons.totalCount })}
        </p>
      </div>
      <p>{t("intro")}</p>
      <section aria-labelledby="assessment-filters-heading" className="filters">
        <h2 id="assessment-filters-heading" className="sr-only">
          {t("filters.heading")}
        </h2>
        <Form action={path} prefetch={false} key={String(state.days)} className="search-form">
          <div className="field">
            <label htmlFor="assessment-days">{t("filters.days")}</label>
            <select id="assessment-days" name="days" defaultValue={String(state.days)}>
              {dueWithinChoices(state.days).map((days) => (
                <option key={days} value={days}>
                  {tCommon("dayCount", { days })}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <button type="submit" className="button button--primary">
              {t("filters.apply")}
            </button>
          </div>
        </Form>
      </section>
      {rows.length === 0 ? (
        <div className="empty-state">
          <p>{t("empty")}</p>
        </div>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <caption>{t("caption", { days: state.days })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("columns.name")}</th>
                <th scope="col">{t("columns.category")}</th>
                <th scope="col">{t("columns.lastAssessment")}</th>
                <th scope="col">{t("columns.nextDue")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((person) => {
                const latest = person.riskAssessments?.[0] ?? null;
                const due = person.nextAssessmentDueOn ?? null;
                const dueNow = dueState(due, today);
                return (
                  <tr key={person.id} className={dueNow === "OVERDUE" ? "row--overdue" : undefined}>
                    <th scope="row">
                      <Link href={`/${locale}/persons/${encodeURIComponent(person.id)}`} prefetch={false}>
                        {person.familyName || person.givenNames
                          ? `${person.familyName ?? ""}, ${person.givenNames ?? ""}`
                          : (person.reference ?? person.id)}
                      </Link>
                      {person.access.breakGlass ? (
                        <>
                          {" "}
                          <BreakGlassBadge />
                        </>
                      ) : null}
                    </th>
                    <td>{person.listing ? <CategoryBadge category={person.listing.category} /> : "—"}</td>
                    <td>
                      {latest?.assessedOn ? (
                        <>
                          <DateText iso={latest.assessedOn} />
                          {latest.finalJudgement ? (
                            <span className="small muted block">
                              {t("last", {
                                judgement: tEnums(`riskJudgement.${latest.finalJudgement}`),
                                instrument: latest.instrument?.code ?? "—",
                              })}
                            </span>
                          ) : null}
                        </>
                      ) : (
                        <span className="muted">{t("never")}</span>
                      )}
                    </td>
                    <td>
                      <span className="due">
                        {due ? <DateText iso={due} /> : null}
                        <ScreeningStateBadge state={dueNow} />
                      </span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <PageLinks
        label={t("pages")}
        status={t("pageStatus", { ...window, total: persons.totalCount })}
        previousHref={
          state.trail.length > 0
            ? assessmentQueueHref(path, { ...state, trail: state.trail.slice(0, -1) })
            : null
        }
        nextHref={
          persons.pageInfo.hasNextPage && persons.pageInfo.endCursor
            ? assessmentQueueHref(path, { ...state, trail: [...state.trail, persons.pageInfo.endCursor] })
            : null
        }
      />
    </AppShell>
  );
}
