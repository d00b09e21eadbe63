import type { Metadata } from "next";
import Form from "next/form";
import Link from "next/link";
import { notFound } from "next/navigation";
import { hasLocale } from "next-intl";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { homePath } from "@/features/access/access";
import { NotAvailable } from "@/features/access/NotAvailable";
import { currentViewer, handleReadErrors, requireViewer } from "@/features/auth/viewer";
import { mayUseFollowUpPage } from "@/features/follow-up/follow-up-pages";
import { dateFromIso } from "@/features/i18n/dates";
import { conditionsHref, parseConditions } from "@/features/release/release-state";
import { SupervisedConditionsTable } from "@/features/release/SupervisedConditionsTable";
import { AppShell } from "@/features/shell/AppShell";
import { SupervisedConditionsDocument } from "@/gql/graphql";
import { routing } from "@/i18n/routing";
import { classifyErrors } from "@/lib/graphql/classify";
import { ApiRequestError } from "@/lib/graphql/errors";
import { serverQuery } from "@/lib/graphql/server";
import { todayIso } from "@/lib/time/calendar";

export async function generateMetadata({ params }: PageProps<"/[locale]/conditions">): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const viewer = await currentViewer().catch(() => null);
  if (viewer && !mayUseFollowUpPage(viewer, "conditions")) {
    const t = await getTranslations({ locale, namespace: "notAvailable" });
    return { title: t("title") };
  }
  const t = await getTranslations({ locale, namespace: "release.conditionsPage" });
  return { title: t("title") };
}

/**
 * The conditions a probation house or a Local Task Force supervises: those in force on a day (today
 * by default, `on` in the URL), each with the person (a link to the case file), the type, since and
 * until when, how many breaches and the latest. Other roles get "not available".
 */
export default async function SupervisedConditionsPage({
  params,
  searchParams,
}: PageProps<"/[locale]/conditions">) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);

  const state = parseConditions(await searchParams);
  const returnTo = conditionsHref("/conditions", state);
  const viewer = await requireViewer(locale, { returnTo });
  const t = await getTranslations("release.conditionsPage");
  if (!mayUseFollowUpPage(viewer, "conditions")) {
    const tNav = await getTranslations("shell.followUpNav");
    return (
      <AppShell viewer={viewer} section="conditions" returnTo={returnTo}>
        <NotAvailable page={tNav("conditions")} home={homePath(viewer)} />
      </AppShell>
    );
  }

  const on = state.on ?? todayIso();
  const { data, errors } = await serverQuery(SupervisedConditionsDocument, { activeOn: on });
  handleReadErrors(classifyErrors(errors), locale, returnTo);
  if (!data) throw new ApiRequestError(errors);
  const rows = data.supervisedConditions.filter((c) => c.status === "ACTIVE");
  const path = `/${locale}/conditions`;
  const format = await getFormatter();
  const day = format.dateTime(dateFromIso(on), "longDate");

  return (
    <AppShell viewer={viewer} section="conditions" returnTo={returnTo}>
      <div className="page-header">
        <h1>{t("heading")}</h1>
        <p className="count" aria-live="polite">
          {t("count", { count: rows.length })}
        </p>
      </div>
      <p>{t("intro")}</p>
      <section aria-labelledby="conditions-filters-heading" className="filters">
        <h2 id="conditions-filters-heading" className="sr-only">
          {t("filtersHeading")}
        </h2>
        <Form action={path} prefetch={false} key={`on-${on}`} className="search-form">
          <div className="field">
            <label htmlFor="conditions-on">{t("on")}</label>
            <p id="conditions-on-hint" className="hint">
              {t("onHint")}
            </p>
            <input
              id="conditions-on"
              type="date"
              name="on"
              defaultValue={on}
              aria-describedby="conditions-on-hint"
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
      {rows.length === 0 ? (
        <div className="empty-state">
          <p>{t("empty", { date: day })}</p>
        </div>
      ) : (
        <SupervisedConditionsTable conditions={rows} caption={t("caption", { date: day })} />
      )}
    </AppShell>
  );
}
