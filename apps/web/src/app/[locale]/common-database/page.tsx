import type { Metadata } from "next";
import Form from "next/form";
import Link from "next/link";
import { notFound } from "next/navigation";
import { hasLocale } from "next-intl";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { homePath } from "@/features/access/access";
import { NotAvailable } from "@/features/access/NotAvailable";
import { currentViewer, handleReadErrors, requireViewer } from "@/features/auth/viewer";
import { PersonLink } from "@/features/decisions/PersonLink";
import { mayUseFollowUpPage } from "@/features/follow-up/follow-up-pages";
import { DateText } from "@/features/i18n/DateText";
import { dateFromIso } from "@/features/i18n/dates";
import { reviewOverdue } from "@/features/local/follow-up-form";
import { AppShell } from "@/features/shell/AppShell";
import { CommonDatabaseReviewQueueDocument } from "@/gql/graphql";
import { routing } from "@/i18n/routing";
import { classifyErrors } from "@/lib/graphql/classify";
import { ApiRequestError } from "@/lib/graphql/errors";
import { serverQuery } from "@/lib/graphql/server";
import { addDaysIso, todayIso } from "@/lib/time/calendar";
import { firstParam } from "@/lib/url/params";

/** Reviews due within this many days are shown by default. */
const DEFAULT_WITHIN_DAYS = 30;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function parseBefore(raw: string | undefined): string | null {
  if (!raw || !ISO_DAY.test(raw)) return null;
  try {
    dateFromIso(raw);
    return raw;
  } catch {
    return null;
  }
}

export async function generateMetadata({
  params,
}: PageProps<"/[locale]/common-database">): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const viewer = await currentViewer().catch(() => null);
  if (viewer && !mayUseFollowUpPage(viewer, "commonDatabase")) {
    const t = await getTranslations({ locale, namespace: "notAvailable" });
    return { title: t("title") };
  }
  const t = await getTranslations({ locale, namespace: "followUp.reviewQueue" });
  return { title: t("title") };
}

/**
 * The threat-analysis body's review queue: open common-database entries whose review falls
 * before a day (`before`, 30 days ahead by default), the most overdue first, each a link to the
 * case file's follow-up part where the entry is confirmed, superseded or ended.
 */
export default async function CommonDatabaseReviewPage({
  params,
  searchParams,
}: PageProps<"/[locale]/common-database">) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const chosen = parseBefore(firstParam(await searchParams, "before"));
  const returnTo = chosen ? `/common-database?before=${chosen}` : "/common-database";
  const viewer = await requireViewer(locale, { returnTo });
  const t = await getTranslations("followUp.reviewQueue");
  if (!mayUseFollowUpPage(viewer, "commonDatabase")) {
    const tNav = await getTranslations("shell.followUpNav");
    return (
      <AppShell viewer={viewer} section="commonDatabase" returnTo={returnTo}>
        <NotAvailable page={tNav("commonDatabase")} home={homePath(viewer)} />
      </AppShell>
    );
  }
  const today = todayIso();
  const before = chosen ?? addDaysIso(today, DEFAULT_WITHIN_DAYS);
  const { data, errors } = await serverQuery(CommonDatabaseReviewQueueDocument, { dueBefore: before });
  handleReadErrors(classifyErrors(errors), locale, returnTo);
  if (!data) throw new ApiRequestError(errors);
  const rows = data.commonDatabaseReviewQueue;
  const tEnums = await getTranslations("enums");
  const tFollowUp = await getTranslations("followUp");
  const format = await getFormatter();
  const path = `/${locale}/common-database`;
  const overdue = rows.filter((row) => reviewOverdue(row.reviewDueOn, today)).length;

  return (
    <AppShell viewer={viewer} section="commonDatabase" returnTo={returnTo}>
      <div className="page-header">
        <h1>{t("heading")}</h1>
        <p className="count" aria-live="polite">
          {t("count", { count: rows.length, overdue })}
        </p>
      </div>
      <p>{t("intro")}</p>
      <section aria-labelledby="review-filters-heading" className="filters">
        <h2 id="review-filters-heading" className="sr-only">
          {t("filters")}
        </h2>
        <Form action={path} prefetch={false} key={before} className="search-form">
          <div className="field">
            <label htmlFor="review-before">{t("before")}</label>
            <p id="review-before-hint" className="hint">
              {t("beforeHint", { days: DEFAULT_WITHIN_DAYS })}
            </p>
            <input
              id="review-before"
              type="date"
              name="before"
              defaultValue={before}
              aria-describedby="review-before-hint"
            />
          </div>
          <div className="field filters__actions">
            <button type="submit" className="button button--primary">
              {t("show")}
            </button>
            {chosen ? (
              <Link href={path} prefetch={false} className="button button--link">
                {t("reset")}
              </Link>
            ) : null}
          </div>
        </Form>
      </section>
      {rows.length === 0 ? (
        <div className="empty-state">
          <p>{t("empty", { date: format.dateTime(dateFromIso(before), "longDate") })}</p>
        </div>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <caption>{t("caption", { date: format.dateTime(dateFromIso(before), "longDate") })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("person")}</th>
                <th scope="col">{t("reviewDue")}</th>
                <th scope="col">{t("category")}</th>
                <th scope="col">{t("threatLevel")}</th>
                <th scope="col">{t("basis")}</th>
                <th scope="col">{t("lastInformation")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const late = reviewOverdue(row.reviewDueOn, today);
                return (
                  <tr key={row.id} className={late ? "row--overdue" : undefined}>
                    <th scope="row">
                      <PersonLink person={row.person} locale={locale} hash="#followUp-heading" />
                    </th>
                    <td className="nowrap">
                      <DateText iso={row.reviewDueOn} />
                      {late ? (
                        <span className="block">
                          <span className="badge badge--danger">
                            {row.basis === "SERIOUS_INDICATIONS" ? t("removalDue") : t("overdue")}
                          </span>
                        </span>
                      ) : null}
                    </td>
                    <td>{tEnums(`commonDatabaseCategory.${row.category}`)}</td>
                    <td>{tFollowUp("threatLevelValue", { level: row.threatLevel })}</td>
                    <td>{tEnums(`entryBasis.${row.basis}`)}</td>
                    <td className="nowrap">
                      <DateText iso={row.lastInformationOn} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </AppShell>
  );
}
