import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { hasLocale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { homePath } from "@/features/access/access";
import { NotAvailable } from "@/features/access/NotAvailable";
import { AnalyticsDashboard } from "@/features/analytics/AnalyticsDashboard";
import { analyticsScopeOfViewer } from "@/features/analytics/analytics-access";
import { analyticsHref, parseAnalyticsState } from "@/features/analytics/analytics-state";
import { currentViewer, handleReadErrors, requireViewer } from "@/features/auth/viewer";
import { AppShell } from "@/features/shell/AppShell";
import { AnalyticsDashboardDocument } from "@/gql/graphql";
import { routing } from "@/i18n/routing";
import { classifyErrors } from "@/lib/graphql/classify";
import { ApiRequestError } from "@/lib/graphql/errors";
import { serverQuery } from "@/lib/graphql/server";
import { todayIso } from "@/lib/time/calendar";

export async function generateMetadata({ params }: PageProps<"/[locale]/analytics">): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const viewer = await currentViewer().catch(() => null);
  if (viewer && analyticsScopeOfViewer(viewer) === null) {
    const t = await getTranslations({ locale, namespace: "notAvailable" });
    return { title: t("title") };
  }
  const t = await getTranslations({ locale, namespace: "analytics" });
  return { title: t("title") };
}

/**
 * Figures and trends: the CelEx list over time (Figures 1 and 2), its composition on a day, D-Rad:Ex
 * occupancy, releases, eligibility to come, programmes, new offences and evaluations — one read of
 * `analytics` (aliases) for the whole page, charts drawn in the browser from the server's numbers,
 * the table behind each chart and its CSV file. The day and the series live in the URL (a GET form).
 * Readers of cases count what they may read; statisticians count every case, protected. Anyone
 * else gets "not available for your role".
 */
export default async function AnalyticsPage({ params, searchParams }: PageProps<"/[locale]/analytics">) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);

  const today = todayIso();
  const { state, adjusted } = parseAnalyticsState(await searchParams, today);
  const returnTo = analyticsHref("/analytics", state, today);
  const viewer = await requireViewer(locale, { returnTo });
  if (analyticsScopeOfViewer(viewer) === null) {
    const tNav = await getTranslations("shell.nav");
    return (
      <AppShell viewer={viewer} section="analytics" returnTo={returnTo}>
        <NotAvailable page={tNav("analytics")} home={homePath(viewer)} />
      </AppShell>
    );
  }

  const { data, errors } = await serverQuery(AnalyticsDashboardDocument, {
    on: state.on,
    from: state.from,
    to: state.to,
    interval: state.interval,
  });
  handleReadErrors(classifyErrors(errors), locale, returnTo);
  if (!data) throw new ApiRequestError(errors);

  return (
    <AppShell viewer={viewer} section="analytics" returnTo={returnTo}>
      <AnalyticsDashboard data={data} state={state} adjusted={adjusted} locale={locale} today={today} />
    </AppShell>
  );
}
