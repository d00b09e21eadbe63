import type { Metadata } from "next";
import Form from "next/form";
import Link from "next/link";
import { notFound } from "next/navigation";
import { hasLocale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { homePath } from "@/features/access/access";
import { capabilitiesOf } from "@/features/access/capabilities";
import { NotAvailable } from "@/features/access/NotAvailable";
import { Restricted } from "@/features/access/Restricted";
import { currentViewer, handleReadErrors, requireViewer } from "@/features/auth/viewer";
import { establishmentLabel, sortEstablishments } from "@/features/establishments/establishment-label";
import { DateText } from "@/features/i18n/DateText";
import { DateTimeText } from "@/features/i18n/DateTimeText";
import { PageLinks } from "@/features/paging/PageLinks";
import { pageWindow, parseReportFeed, QUEUE_PAGE_SIZE, reportFeedHref } from "@/features/queues/queue-state";
import { ClassificationBadge, GradingBadge, HandlingBadge } from "@/features/reports/ReportBadges";
import { AppShell } from "@/features/shell/AppShell";
import { ReportFeedDocument } from "@/gql/graphql";
import { redirect } from "@/i18n/navigation";
import { routing } from "@/i18n/routing";
import { classifyErrors } from "@/lib/graphql/classify";
import { ApiRequestError, hasCode } from "@/lib/graphql/errors";
import { serverQuery } from "@/lib/graphql/server";

export async function generateMetadata({ params }: PageProps<"/[locale]/reports">): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const viewer = await currentViewer().catch(() => null);
  if (viewer && !capabilitiesOf(viewer).has("readReportFeed")) {
    const t = await getTranslations({ locale, namespace: "notAvailable" });
    return { title: t("title") };
  }
  const t = await getTranslations({ locale, namespace: "reportFeed" });
  return { title: t("title") };
}

/**
 * CelEx's feed of information reports on its inmates: the latest version of each, newest recorded
 * first, with the person, the grade and the markings; filtered by establishment, paged. Every
 * report listed is audited as read (and as a disclosure when another agency wrote it).
 */
export default async function ReportFeedPage({ params, searchParams }: PageProps<"/[locale]/reports">) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);

  const state = parseReportFeed(await searchParams);
  const returnTo = reportFeedHref("/reports", state);
  const viewer = await requireViewer(locale, { returnTo });
  const t = await getTranslations("reportFeed");
  if (!capabilitiesOf(viewer).has("readReportFeed")) {
    const tNav = await getTranslations("shell.nav");
    return (
      <AppShell viewer={viewer} section="reports" returnTo={returnTo}>
        <NotAvailable page={tNav("reports")} home={homePath(viewer)} />
      </AppShell>
    );
  }

  const { data, errors } = await serverQuery(ReportFeedDocument, {
    first: QUEUE_PAGE_SIZE,
    after: state.trail.at(-1) ?? null,
    establishmentId: state.establishmentId,
  });
  if ((state.trail.length > 0 || state.establishmentId) && hasCode(errors, "BAD_USER_INPUT", "reportFeed"))
    redirect({ href: "/reports", locale });
  handleReadErrors(classifyErrors(errors), locale, returnTo);
  if (!data) throw new ApiRequestError(errors);

  const path = `/${locale}/reports`;
  const feed = data.reportFeed;
  const rows = feed.edges.map((edge) => edge.node);
  const establishments = sortEstablishments(
    data.establishments.edges.map((edge) => edge.node),
    locale,
  );
  const window = pageWindow(state.trail, rows.length);

  return (
    <AppShell viewer={viewer} section="reports" returnTo={returnTo}>
      <div className="page-header">
        <h1>{t("heading")}</h1>
        <p className="count" aria-live="polite">
          {t("count", { count: feed.totalCount })}
        </p>
      </div>
      <p>{t("intro")}</p>
      <section aria-labelledby="feed-filters-heading" className="filters">
        <h2 id="feed-filters-heading" className="sr-only">
          {t("filters.heading")}
        </h2>
        <Form action={path} prefetch={false} key={state.establishmentId ?? ""} className="filters__form">
          <div className="field">
            <label htmlFor="feed-establishment">{t("filters.establishment")}</label>
            <select id="feed-establishment" name="establishment" defaultValue={state.establishmentId ?? ""}>
              <option value="">{t("filters.allEstablishments")}</option>
              {establishments.map((e) => (
                <option key={e.id} value={e.id}>
                  {establishmentLabel(e, locale)}
                </option>
              ))}
            </select>
          </div>
          <div className="filters__actions">
            <button type="submit" className="button button--primary">
              {t("filters.apply")}
            </button>
            <Link href={path} prefetch={false} className="button button--link">
              {t("filters.clear")}
            </Link>
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
            <caption>{t("caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("columns.recorded")}</th>
                <th scope="col">{t("columns.person")}</th>
                <th scope="col">{t("columns.report")}</th>
                <th scope="col">{t("columns.grading")}</th>
                <th scope="col">{t("columns.marking")}</th>
                <th scope="col">{t("columns.originator")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((report) => {
                const person = report.person;
                const name =
                  person && (person.familyName || person.givenNames)
                    ? `${person.familyName ?? ""}, ${person.givenNames ?? ""}`
                    : (person?.reference ?? null);
                return (
                  <tr key={report.id}>
                    <td className="nowrap">
                      <DateTimeText iso={report.recordedAt} />
                    </td>
                    <th scope="row">
                      {person ? (
                        <Link href={`/${locale}/persons/${encodeURIComponent(person.id)}`} prefetch={false}>
                          {name ?? t("unnamed")}
                        </Link>
                      ) : (
                        <Restricted />
                      )}
                    </th>
                    <td>
                      <span className="block feed-title">{report.title}</span>
                      <span className="small muted">
                        <DateText iso={report.observedOn} />
                        {report.establishment
                          ? ` · ${establishmentLabel(report.establishment, locale)}`
                          : null}
                      </span>
                    </td>
                    <td>
                      <GradingBadge
                        reliability={report.sourceReliability}
                        credibility={report.informationCredibility}
                      />
                    </td>
                    <td>
                      <span className="markings">
                        <ClassificationBadge classification={report.classification} />
                        <HandlingBadge handling={report.handlingCode} />
                      </span>
                    </td>
                    <td>{report.originatorAgency.name}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <PageLinks
        label={t("pages")}
        status={t("pageStatus", { ...window, total: feed.totalCount })}
        previousHref={
          state.trail.length > 0 ? reportFeedHref(path, { ...state, trail: state.trail.slice(0, -1) }) : null
        }
        nextHref={
          feed.pageInfo.hasNextPage && feed.pageInfo.endCursor
            ? reportFeedHref(path, { ...state, trail: [...state.trail, feed.pageInfo.endCursor] })
            : null
        }
      />
    </AppShell>
  );
}
