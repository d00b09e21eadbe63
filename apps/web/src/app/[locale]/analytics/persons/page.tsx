import type { LegacyCategory } from "@continuum/domain";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { hasLocale } from "next-intl";
import { getFormatter, getMessages, getTranslations, setRequestLocale } from "next-intl/server";
import { classesInScope, homePath, isCardOnly } from "@/features/access/access";
import { BreakGlassBadge } from "@/features/access/BreakGlassBadge";
import { NotAvailable } from "@/features/access/NotAvailable";
import { analyticsScopeOfViewer, mayDrillDown } from "@/features/analytics/analytics-access";
import {
  drillDownHref,
  PERSONS_PAGE_SIZE,
  parseDrillDown,
  personsWindow,
} from "@/features/analytics/analytics-state";
import { type CellLabelSources, cellLabeller, unitNames } from "@/features/analytics/cell-labels";
import { currentViewer, handleReadErrors, requireViewer } from "@/features/auth/viewer";
import { PersonLink } from "@/features/decisions/PersonLink";
import { establishmentLabel } from "@/features/establishments/establishment-label";
import { dateFromIso } from "@/features/i18n/dates";
import { CategoryBadge } from "@/features/listing/CategoryBadge";
import { PageLinks } from "@/features/paging/PageLinks";
import { AppShell } from "@/features/shell/AppShell";
import { AnalyticsPersonsDocument } from "@/gql/graphql";
import { redirect } from "@/i18n/navigation";
import { routing } from "@/i18n/routing";
import { classifyErrors } from "@/lib/graphql/classify";
import { ApiRequestError, hasCode } from "@/lib/graphql/errors";
import { serverQuery } from "@/lib/graphql/server";
import { todayIso } from "@/lib/time/calendar";

export async function generateMetadata({
  params,
  searchParams,
}: PageProps<"/[locale]/analytics/persons">): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const viewer = await currentViewer().catch(() => null);
  const scope = viewer ? analyticsScopeOfViewer(viewer) : null;
  if (viewer && (scope === null || !mayDrillDown(scope))) {
    const t = await getTranslations({ locale, namespace: "notAvailable" });
    return { title: t("title") };
  }
  if (parseDrillDown(await searchParams, todayIso()) === null) {
    const t = await getTranslations({ locale, namespace: "notFound" });
    return { title: t("title") };
  }
  const t = await getTranslations({ locale, namespace: "analytics.persons" });
  return { title: t("title") };
}

/**
 * The persons behind one count of the dashboard (a cell of a figure on one day, or its total), for
 * readers of cases: each name links to the case file, as in the caseload; paged forward with the
 * cursors in the URL. Statisticians (who count every case, protected) get "not available".
 */
export default async function AnalyticsPersonsPage({
  params,
  searchParams,
}: PageProps<"/[locale]/analytics/persons">) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);

  const today = todayIso();
  const rawParams = await searchParams;
  const question = parseDrillDown(rawParams, today);
  const returnTo = question ? drillDownHref("/analytics/persons", question) : "/analytics";
  const viewer = await requireViewer(locale, { returnTo });
  const scope = analyticsScopeOfViewer(viewer);
  const t = await getTranslations("analytics");
  if (scope === null || !mayDrillDown(scope)) {
    return (
      <AppShell viewer={viewer} section="analytics" returnTo={returnTo}>
        <NotAvailable page={t("persons.title")} home={homePath(viewer)} />
      </AppShell>
    );
  }
  if (question === null) notFound();

  const card = isCardOnly(viewer.caseAccess);
  const listing = !card && classesInScope(viewer.caseAccess).has("LISTING");
  const { data, errors } = await serverQuery(AnalyticsPersonsDocument, {
    figure: question.figure,
    on: question.on,
    by: question.by,
    cell: question.cell,
    first: PERSONS_PAGE_SIZE,
    after: question.trail.at(-1) ?? null,
    card,
    listing,
  });
  // A stale or tampered cursor: back to the first page.
  if (question.trail.length > 0 && hasCode(errors, "BAD_USER_INPUT"))
    redirect({ href: drillDownHref("/analytics/persons", { ...question, trail: [] }), locale });
  handleReadErrors(classifyErrors(errors), locale, returnTo);
  if (!data) throw new ApiRequestError(errors);

  const format = await getFormatter();
  const establishments = data.establishments.edges.map((edge) => edge.node);
  const establishmentNames = new Map(establishments.map((e) => [e.code, establishmentLabel(e, locale)]));
  const messages = await getMessages();
  const unitKinds: Record<string, string> = messages.enums.unitKind;
  const sources: CellLabelSources = {
    cells: messages.analytics.cells,
    category: messages.enums.category,
    sex: messages.enums.sex,
    establishments: establishmentNames,
    units: unitNames(
      establishments,
      (code) => establishmentNames.get(code) ?? code,
      (kind) => unitKinds[kind] ?? kind,
    ),
    agencies: new Map(data.agencies.map((a) => [a.code, a.name])),
  };
  const cell = question.cell === null ? t("persons.all") : cellLabeller(question.by, sources)(question.cell);
  const words = {
    figure: t(`persons.figures.${question.figure}`),
    cell,
    date: format.dateTime(dateFromIso(question.on), "longDate"),
  };
  const persons = data.analytics.persons;
  const rows = persons.edges.map((edge) => edge.node);
  const window = personsWindow(question.trail, rows.length);
  const path = `/${locale}/analytics/persons`;

  return (
    <AppShell viewer={viewer} section="analytics" returnTo={returnTo}>
      <nav aria-label={t("persons.back")} className="breadcrumb">
        <ol>
          <li>
            <Link href={`/${locale}/analytics?on=${question.on}`} prefetch={false}>
              {t("heading")}
            </Link>
          </li>
        </ol>
      </nav>
      <div className="page-header">
        <h1>{t("persons.heading")}</h1>
        <p className="count">{t("persons.count", { count: persons.totalCount })}</p>
      </div>
      <p>{t("persons.question", words)}</p>
      <p className="muted small">{t("persons.audit")}</p>
      {rows.length === 0 ? (
        <div className="empty-state">
          <p>{t("persons.empty")}</p>
        </div>
      ) : (
        <>
          <div className="table-scroll">
            <table className="data-table">
              <caption>{t("persons.caption", words)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("persons.columns.name")}</th>
                  {listing ? <th scope="col">{t("persons.columns.category")}</th> : null}
                </tr>
              </thead>
              <tbody>
                {rows.map((person) => {
                  const category = (person.listingOn?.category ?? null) as LegacyCategory | null;
                  return (
                    <tr key={person.id}>
                      <th scope="row">
                        <PersonLink
                          person={{
                            id: person.id,
                            familyName: person.card?.familyName ?? person.familyName ?? null,
                            givenNames: person.card?.givenNames ?? person.givenNames ?? null,
                            reference: person.reference ?? null,
                          }}
                          locale={locale}
                          hash=""
                        />
                        {person.access.breakGlass ? (
                          <>
                            {" "}
                            <BreakGlassBadge />
                          </>
                        ) : null}
                      </th>
                      {listing ? (
                        <td>
                          {category ? (
                            <CategoryBadge category={category} />
                          ) : (
                            <span className="muted">{t("persons.notListed")}</span>
                          )}
                        </td>
                      ) : null}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <PageLinks
            label={t("persons.pages")}
            status={t("persons.pageStatus", { ...window, total: persons.totalCount })}
            previousHref={
              question.trail.length > 0
                ? drillDownHref(path, { ...question, trail: question.trail.slice(0, -1) })
                : null
            }
            nextHref={
              persons.pageInfo.hasNextPage && persons.pageInfo.endCursor
                ? drillDownHref(path, { ...question, trail: [...question.trail, persons.pageInfo.endCursor] })
                : null
            }
          />
        </>
      )}
      <p>
        <Link
          href={`/${locale}/analytics?on=${question.on}`}
          prefetch={false}
          className="button button--secondary"
        >
          {t("persons.back")}
        </Link>
      </p>
    </AppShell>
  );
}
