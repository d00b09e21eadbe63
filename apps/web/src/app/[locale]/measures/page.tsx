import type { Metadata } from "next";
import Form from "next/form";
import Link from "next/link";
import { notFound } from "next/navigation";
import { hasLocale } from "next-intl";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { homePath } from "@/features/access/access";
import { NotAvailable } from "@/features/access/NotAvailable";
import { currentViewer, handleReadErrors, requireViewer } from "@/features/auth/viewer";
import { decisionCapabilitiesOf, mayUsePage } from "@/features/decisions/decision-capabilities";
import { parseRegister, type RegisterState, registerHref } from "@/features/decisions/decisions-state";
import { MeasuresTable } from "@/features/decisions/MeasuresTable";
import { dateFromIso } from "@/features/i18n/dates";
import { dueWithinChoices } from "@/features/queues/queue-state";
import { AppShell } from "@/features/shell/AppShell";
import { MeasureReviewQueueDocument, MeasuresRegisterDocument } from "@/gql/graphql";
import { routing } from "@/i18n/routing";
import { classifyErrors } from "@/lib/graphql/classify";
import { ApiRequestError } from "@/lib/graphql/errors";
import { serverQuery } from "@/lib/graphql/server";
import { todayIso } from "@/lib/time/calendar";

export async function generateMetadata({ params }: PageProps<"/[locale]/measures">): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const viewer = await currentViewer().catch(() => null);
  if (viewer && !mayUsePage(decisionCapabilitiesOf(viewer), "measures")) {
    const t = await getTranslations({ locale, namespace: "notAvailable" });
    return { title: t("title") };
  }
  const t = await getTranslations({ locale, namespace: "measuresRegister" });
  return { title: t("title") };
}

/**
 * The measures register: every individual security measure in force on a day (today by default),
 * with its legal basis and where its review stood then; and the reviews due within some days,
 * overdue first. Both views live in the URL (`on`, `view=reviews`, `days`).
 */
export default async function MeasuresRegisterPage({
  params,
  searchParams,
}: PageProps<"/[locale]/measures">) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);

  const state = parseRegister(await searchParams);
  const returnTo = registerHref("/measures", state);
  const viewer = await requireViewer(locale, { returnTo });
  const t = await getTranslations("measuresRegister");
  const tCommon = await getTranslations("common");
  if (!mayUsePage(decisionCapabilitiesOf(viewer), "measures")) {
    const tNav = await getTranslations("shell.decisionNav");
    return (
      <AppShell viewer={viewer} section="measures" returnTo={returnTo}>
        <NotAvailable page={tNav("measures")} home={homePath(viewer)} />
      </AppShell>
    );
  }

  const today = todayIso();
  const on = state.on ?? today;
  const path = `/${locale}/measures`;
  const format = await getFormatter();
  const views: RegisterState["view"][] = ["register", "reviews"];

  let table: React.ReactNode;
  let count: number;
  if (state.view === "reviews") {
    const { data, errors } = await serverQuery(MeasureReviewQueueDocument, { withinDays: state.days });
    handleReadErrors(classifyErrors(errors), locale, returnTo);
    if (!data) throw new ApiRequestError(errors);
    const rows = data.measureReviewQueue;
    count = rows.length;
    table =
      rows.length === 0 ? (
        <div className="empty-state">
          <p>{t("reviewsEmpty")}</p>
        </div>
      ) : (
        <MeasuresTable measures={rows} caption={t("reviewsCaption", { days: state.days })} />
      );
  } else {
    const { data, errors } = await serverQuery(MeasuresRegisterDocument, { on });
    handleReadErrors(classifyErrors(errors), locale, returnTo);
    if (!data) throw new ApiRequestError(errors);
    const rows = data.measuresRegister;
    count = rows.length;
    table =
      rows.length === 0 ? (
        <div className="empty-state">
          <p>{t("empty")}</p>
        </div>
      ) : (
        <MeasuresTable
          measures={rows}
          caption={t("caption", { date: format.dateTime(dateFromIso(on), "longDate") })}
        />
      );
  }

  return (
    <AppShell viewer={viewer} section="measures" returnTo={returnTo}>
      <div className="page-header">
        <h1>{t("heading")}</h1>
        <p className="count" aria-live="polite">
          {t("count", { count })}
        </p>
      </div>
      <p>{t("intro")}</p>
      <nav aria-label={t("views")} className="view-tabs">
        <ul>
          {views.map((view) => (
            <li key={view}>
              <Link
                href={registerHref(path, { ...state, view })}
                prefetch={false}
                aria-current={state.view === view ? "page" : undefined}
              >
                {t(view)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {state.view === "reviews" ? (
        <>
          <p>{t("reviewsIntro")}</p>
          <section aria-labelledby="register-filters-heading" className="filters">
            <h2 id="register-filters-heading" className="sr-only">
              {t("reviews")}
            </h2>
            <Form action={path} prefetch={false} key={`reviews-${state.days}`} className="search-form">
              <input type="hidden" name="view" value="reviews" />
              <div className="field">
                <label htmlFor="register-days">{t("days")}</label>
                <select id="register-days" name="days" defaultValue={String(state.days)}>
                  {dueWithinChoices(state.days).map((days) => (
                    <option key={days} value={days}>
                      {tCommon("dayCount", { days })}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <button type="submit" className="button button--primary">
                  {t("show")}
                </button>
              </div>
            </Form>
          </section>
        </>
      ) : (
        <section aria-labelledby="register-filters-heading" className="filters">
          <h2 id="register-filters-heading" className="sr-only">
            {t("register")}
          </h2>
          <Form action={path} prefetch={false} key={`on-${on}`} className="search-form">
            <div className="field">
              <label htmlFor="register-on">{t("on")}</label>
              <p id="register-on-hint" className="hint">
                {t("onHint")}
              </p>
              <input
                id="register-on"
                type="date"
                name="on"
                defaultValue={on}
                aria-describedby="register-on-hint"
              />
            </div>
            <div className="field filters__actions">
              <button type="submit" className="button button--primary">
                {t("show")}
              </button>
              {state.on ? (
                <Link href={path} prefetch={false} className="button button--link">
                  {t("today")}
                </Link>
              ) : null}
            </div>
          </Form>
        </section>
      )}
      {table}
    </AppShell>
  );
}
