import type { Metadata } from "next";
import Form from "next/form";
import Link from "next/link";
import { notFound } from "next/navigation";
import { hasLocale } from "next-intl";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { classesInScope, homePath } from "@/features/access/access";
import { NotAvailable } from "@/features/access/NotAvailable";
import { currentViewer, handleReadErrors, requireViewer } from "@/features/auth/viewer";
import { establishmentLabel, sortEstablishments } from "@/features/establishments/establishment-label";
import { mayUseFollowUpPage } from "@/features/follow-up/follow-up-pages";
import { dateFromIso } from "@/features/i18n/dates";
import { PageLinks } from "@/features/paging/PageLinks";
import { ReleaseCalendarTable } from "@/features/release/ReleaseCalendarTable";
import {
  CALENDAR_CATEGORIES,
  CALENDAR_MONTHS,
  calendarHref,
  calendarVariables,
  calendarWindow,
  DISTRICTS,
  parseCalendar,
} from "@/features/release/release-state";
import { AppShell } from "@/features/shell/AppShell";
import { ReleaseCalendarDocument } from "@/gql/graphql";
import { redirect } from "@/i18n/navigation";
import { routing } from "@/i18n/routing";
import { classifyErrors } from "@/lib/graphql/classify";
import { ApiRequestError, hasCode } from "@/lib/graphql/errors";
import { serverQuery } from "@/lib/graphql/server";
import { addDaysIso, addMonthsIso, todayIso } from "@/lib/time/calendar";

export async function generateMetadata({ params }: PageProps<"/[locale]/releases">): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const viewer = await currentViewer().catch(() => null);
  if (viewer && !mayUseFollowUpPage(viewer, "releases")) {
    const t = await getTranslations({ locale, namespace: "notAvailable" });
    return { title: t("title") };
  }
  const t = await getTranslations({ locale, namespace: "release.calendar" });
  return { title: t("title") };
}

/**
 * The release calendar: detained persons reaching conditional-release eligibility or the end of
 * their sentence within 3, 6 or 12 months, by date, with the state of their release preparation.
 * Window, establishment, district of intended residence and category live in the URL (a GET form),
 * pages are links. Viewers who do not read detention and release data in prison get "not available".
 */
export default async function ReleaseCalendarPage({ params, searchParams }: PageProps<"/[locale]/releases">) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);

  const state = parseCalendar(await searchParams);
  const returnTo = calendarHref("/releases", state);
  const viewer = await requireViewer(locale, { returnTo });
  const t = await getTranslations("release.calendar");
  const tEnums = await getTranslations("enums");
  if (!mayUseFollowUpPage(viewer, "releases")) {
    const tNav = await getTranslations("shell.followUpNav");
    return (
      <AppShell viewer={viewer} section="releases" returnTo={returnTo}>
        <NotAvailable page={tNav("releases")} home={homePath(viewer)} />
      </AppShell>
    );
  }

  const scope = classesInScope(viewer.caseAccess);
  const shows = { assessment: scope.has("CLINICAL"), programme: scope.has("PROGRAMME") };
  const { data, errors } = await serverQuery(ReleaseCalendarDocument, {
    ...calendarVariables(state),
    clinical: shows.assessment,
    programme: shows.programme,
  });
  // A stale or tampered cursor: back to the first page.
  if (state.trail.length > 0 && hasCode(errors, "BAD_USER_INPUT"))
    redirect({ href: calendarHref("/releases", { ...state, trail: [] }), locale });
  // Preparation parts the viewer lacks on some case are field-level refusals: partial data.
  handleReadErrors(classifyErrors(errors), locale, returnTo);
  if (!data) throw new ApiRequestError(errors);

  const path = `/${locale}/releases`;
  const calendar = data.releaseCalendar;
  const entries = calendar.edges.map((edge) => edge.node);
  const establishments = sortEstablishments(
    data.establishments.edges.map((edge) => edge.node),
    locale,
  );
  const format = await getFormatter();
  const from = state.from ?? todayIso();
  const to = addDaysIso(addMonthsIso(from, state.months), -1);
  const window = calendarWindow(state.trail, entries.length);
  const key = calendarHref("", state);

  return (
    <AppShell viewer={viewer} section="releases" returnTo={returnTo}>
      <div className="page-header">
        <h1>{t("heading")}</h1>
        <p className="count" aria-live="polite">
          {t("count", { count: calendar.totalCount })}
        </p>
      </div>
      <p>{t("intro")}</p>
      <section aria-labelledby="calendar-counts-heading">
        <h2 id="calendar-counts-heading" className="sr-only">
          {t("countsHeading")}
        </h2>
        <dl className="facts">
          {calendar.countsByKind.map((c) => (
            <div key={c.kind}>
              <dt>{tEnums(`releaseDateKind.${c.kind}`)}</dt>
              <dd>{t("entries", { count: c.count })}</dd>
            </div>
          ))}
          <div>
            <dt>{t("total")}</dt>
            <dd>{t("entries", { count: calendar.totalCount })}</dd>
          </div>
        </dl>
      </section>
      <section aria-labelledby="calendar-filters-heading" className="filters">
        <h2 id="calendar-filters-heading" className="sr-only">
          {t("filters.heading")}
        </h2>
        <Form action={path} prefetch={false} key={key} className="filters__form">
          <div className="field">
            <label htmlFor="calendar-months">{t("filters.months")}</label>
            <select id="calendar-months" name="months" defaultValue={String(state.months)}>
              {CALENDAR_MONTHS.map((months) => (
                <option key={months} value={months}>
                  {t("filters.monthsChoice", { months })}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="calendar-from">{t("filters.from")}</label>
            <p id="calendar-from-hint" className="hint">
              {t("filters.fromHint")}
            </p>
            <input
              id="calendar-from"
              type="date"
              name="from"
              defaultValue={state.from ?? ""}
              aria-describedby="calendar-from-hint"
            />
          </div>
          <div className="field">
            <label htmlFor="calendar-establishment">{t("filters.establishment")}</label>
            <select
              id="calendar-establishment"
              name="establishment"
              defaultValue={state.establishmentId ?? ""}
            >
              <option value="">{t("filters.allEstablishments")}</option>
              {establishments.map((e) => (
                <option key={e.id} value={e.id}>
                  {establishmentLabel(e, locale)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="calendar-district">{t("filters.district")}</label>
            <select id="calendar-district" name="district" defaultValue={state.district ?? ""}>
              <option value="">{t("filters.allDistricts")}</option>
              {DISTRICTS.map((d) => (
                <option key={d} value={d}>
                  {tEnums(`judicialDistrict.${d}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="calendar-category">{t("filters.category")}</label>
            <select id="calendar-category" name="category" defaultValue={state.category ?? ""}>
              <option value="">{t("filters.allCategories")}</option>
              {CALENDAR_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {tEnums(`category.${c}`)}
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
      {entries.length === 0 ? (
        <div className="empty-state">
          <p>{t("empty")}</p>
        </div>
      ) : (
        <>
          <ReleaseCalendarTable
            entries={entries}
            shows={shows}
            caption={t("caption", {
              from: format.dateTime(dateFromIso(from), "longDate"),
              to: format.dateTime(dateFromIso(to), "longDate"),
            })}
          />
          <PageLinks
            label={t("pages")}
            status={t("pageStatus", { ...window, total: calendar.totalCount })}
            previousHref={
              state.trail.length > 0
                ? calendarHref(path, { ...state, trail: state.trail.slice(0, -1) })
                : null
            }
            nextHref={
              calendar.pageInfo.hasNextPage && calendar.pageInfo.endCursor
                ? calendarHref(path, { ...state, trail: [...state.trail, calendar.pageInfo.endCursor] })
                : null
            }
          />
        </>
      )}
    </AppShell>
  );
}
