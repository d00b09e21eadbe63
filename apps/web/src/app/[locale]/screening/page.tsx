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
import { establishmentLabel, sortEstablishments } from "@/features/establishments/establishment-label";
import { DateText } from "@/features/i18n/DateText";
import { CategoryBadge } from "@/features/listing/CategoryBadge";
import { PageLinks } from "@/features/paging/PageLinks";
import {
  dueWithinChoices,
  pageWindow,
  parseScreeningQueue,
  QUEUE_PAGE_SIZE,
  screeningQueueFilter,
  screeningQueueHref,
} from "@/features/queues/queue-state";
import { ASSIGN_FORM_ID, AssignToMe } from "@/features/screening/AssignToMe";
import { ScreeningStateBadge } from "@/features/screening/ScreeningStateBadge";
import { AppShell } from "@/features/shell/AppShell";
import { ScreeningQueueDocument } from "@/gql/graphql";
import { redirect } from "@/i18n/navigation";
import { routing } from "@/i18n/routing";
import { classifyErrors } from "@/lib/graphql/classify";
import { ApiRequestError, hasCode } from "@/lib/graphql/errors";
import { serverQuery } from "@/lib/graphql/server";

export async function generateMetadata({ params }: PageProps<"/[locale]/screening">): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const viewer = await currentViewer().catch(() => null);
  if (viewer && !capabilitiesOf(viewer).has("screen")) {
    const t = await getTranslations({ locale, namespace: "notAvailable" });
    return { title: t("title") };
  }
  const t = await getTranslations({ locale, namespace: "screeningQueue" });
  return { title: t("title") };
}

/**
 * CelEx's screening queue: inmates whose screening is due within some days (overdue first), with
 * their category, establishment, due date and responsible analyst; filtered in the URL, paged, and
 * the selected rows assigned to the viewer. Other roles get the "not available" page.
 */
export default async function ScreeningQueuePage({ params, searchParams }: PageProps<"/[locale]/screening">) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);

  const state = parseScreeningQueue(await searchParams);
  const returnTo = screeningQueueHref("/screening", state);
  const viewer = await requireViewer(locale, { returnTo });
  const t = await getTranslations("screeningQueue");
  const tCommon = await getTranslations("common");
  if (!capabilitiesOf(viewer).has("screen")) {
    const tNav = await getTranslations("shell.nav");
    return (
      <AppShell viewer={viewer} section="screening" returnTo={returnTo}>
        <NotAvailable page={tNav("screening")} home={homePath(viewer)} />
      </AppShell>
    );
  }

  const { data, errors } = await serverQuery(ScreeningQueueDocument, {
    first: QUEUE_PAGE_SIZE,
    after: state.trail.at(-1) ?? null,
    filter: screeningQueueFilter(state, viewer.user.id),
  });
  if (state.trail.length > 0 && hasCode(errors, "BAD_USER_INPUT", "persons"))
    redirect({ href: screeningQueueHref("/screening", { ...state, trail: [] }), locale });
  handleReadErrors(classifyErrors(errors), locale, returnTo);
  if (!data) throw new ApiRequestError(errors);

  const path = `/${locale}/screening`;
  const persons = data.persons;
  const rows = persons.edges.map((edge) => edge.node);
  const establishments = sortEstablishments(
    data.establishments.edges.map((edge) => edge.node),
    locale,
  );
  const window = pageWindow(state.trail, rows.length);
  const key = screeningQueueHref("", state);

  return (
    <AppShell viewer={viewer} section="screening" returnTo={returnTo}>
      <div className="page-header">
        <h1>{t("heading")}</h1>
        <p className="count" aria-live="polite">
          {t("count", { count: persons.totalCount })}
        </p>
      </div>
      <p>{t("intro")}</p>
      <section aria-labelledby="queue-filters-heading" className="filters">
        <h2 id="queue-filters-heading" className="sr-only">
          {t("filters.heading")}
        </h2>
        <Form action={path} prefetch={false} key={key} className="filters__form">
          <div className="field">
            <label htmlFor="queue-days">{t("filters.days")}</label>
            <select id="queue-days" name="days" defaultValue={String(state.days)}>
              {dueWithinChoices(state.days).map((days) => (
                <option key={days} value={days}>
                  {tCommon("dayCount", { days })}
                </option>
              ))}
            </select>
          </div>
          <fieldset className="field">
            <legend>{t("filters.who")}</legend>
            <ul className="checkbox-list">
              {(["all", "mine", "unassigned"] as const).map((who) => (
                <li key={who}>
                  <input
                    id={`queue-who-${who}`}
                    type="radio"
                    name="who"
                    value={who}
                    defaultChecked={state.who === who}
                  />
                  <label htmlFor={`queue-who-${who}`}>{t(`filters.${who}`)}</label>
                </li>
              ))}
            </ul>
          </fieldset>
          <div className="field">
            <label htmlFor="queue-establishment">{t("filters.establishment")}</label>
            <select id="queue-establishment" name="establishment" defaultValue={state.establishmentId ?? ""}>
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
        <>
          <div className="table-scroll">
            <table className="data-table">
              <caption>{t("caption", { days: state.days })}</caption>
              <thead>
                <tr>
                  <th scope="col">
                    <span className="sr-only">{t("columns.select")}</span>
                  </th>
                  <th scope="col">{t("columns.name")}</th>
                  <th scope="col">{t("columns.category")}</th>
                  <th scope="col">{t("columns.establishment")}</th>
                  <th scope="col">{t("columns.nextDue")}</th>
                  <th scope="col">{t("columns.responsible")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((person) => {
                  const name =
                    person.familyName || person.givenNames
                      ? `${person.familyName ?? ""}, ${person.givenNames ?? ""}`
                      : (person.reference ?? person.id);
                  return (
                    <tr
                      key={person.id}
                      className={person.screeningState === "OVERDUE" ? "row--overdue" : undefined}
                    >
                      <td className="select-cell">
                        <input
                          id={`queue-select-${person.id}`}
                          type="checkbox"
                          name="person"
                          value={person.id}
                          form={ASSIGN_FORM_ID}
                        />
                        <label htmlFor={`queue-select-${person.id}`} className="sr-only">
                          {t("select", { name })}
                        </label>
                      </td>
                      <th scope="row">
                        <Link href={`/${locale}/persons/${encodeURIComponent(person.id)}`} prefetch={false}>
                          {name}
                        </Link>
                        {person.access.breakGlass ? (
                          <>
                            {" "}
                            <BreakGlassBadge />
                          </>
                        ) : null}
                      </th>
                      <td>
                        {person.listing ? (
                          <CategoryBadge category={person.listing.category} />
                        ) : (
                          <span className="muted">{t("notListed")}</span>
                        )}
                      </td>
                      <td>
                        {person.currentPlacement ? (
                          establishmentLabel(person.currentPlacement.establishment, locale)
                        ) : (
                          <span className="muted">{t("notPlaced")}</span>
                        )}
                      </td>
                      <td>
                        <span className="due">
                          {person.nextScreeningDueOn ? <DateText iso={person.nextScreeningDueOn} /> : null}
                          {person.screeningState ? (
                            <ScreeningStateBadge state={person.screeningState} />
                          ) : null}
                        </span>
                      </td>
                      <td>
                        {person.screeningResponsible ? (
                          person.screeningResponsible.displayName
                        ) : (
                          <span className="muted">{t("unassigned")}</span>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <AssignToMe viewerId={viewer.user.id} returnTo={returnTo} />
          <PageLinks
            label={t("pages")}
            status={t("pageStatus", { ...window, total: persons.totalCount })}
            previousHref={
              state.trail.length > 0
                ? screeningQueueHref(path, { ...state, trail: state.trail.slice(0, -1) })
                : null
            }
            nextHref={
              persons.pageInfo.hasNextPage && persons.pageInfo.endCursor
                ? screeningQueueHref(path, { ...state, trail: [...state.trail, persons.pageInfo.endCursor] })
                : null
            }
          />
        </>
      )}
    </AppShell>
  );
}
