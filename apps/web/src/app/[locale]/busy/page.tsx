import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { hasLocale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { safeNextPath } from "@/features/access/access";
import { Link } from "@/i18n/navigation";
import { routing } from "@/i18n/routing";
import { BUSY_REASONS, type BusyReason } from "@/lib/graphql/classify";

export async function generateMetadata({ params }: PageProps<"/[locale]/busy">): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: "busy" });
  return { title: t("title") };
}

const MESSAGE: Record<BusyReason, "rateLimited" | "unavailable" | "timeout"> = {
  RATE_LIMITED: "rateLimited",
  UNAVAILABLE: "unavailable",
  TIMEOUT: "timeout",
};

/**
 * The API could not answer the page now (classify.ts `busy`): too many requests from this user, the
 * database briefly out of reach, or a read that took too long. Says which, and when to try again;
 * nothing here reads the API, so the page shows even while it is overloaded.
 */
export default async function BusyPage({ params, searchParams }: PageProps<"/[locale]/busy">) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const query = await searchParams;
  const reason: BusyReason = (BUSY_REASONS as readonly unknown[]).includes(query.reason)
    ? (query.reason as BusyReason)
    : "UNAVAILABLE";
  const retryAfter = Number(query.retryAfter);
  const seconds = Number.isInteger(retryAfter) && retryAfter > 0 && retryAfter <= 3600 ? retryAfter : null;
  const next = safeNextPath(query.next) ?? "/caseload";
  const t = await getTranslations("busy");
  return (
    <main id="main" tabIndex={-1} className="page page--narrow">
      <h1>{t("heading")}</h1>
      <p role="status">{t(MESSAGE[reason])}</p>
      {seconds === null ? null : <p>{t("retryAfter", { seconds })}</p>}
      <p>
        <Link href={next} prefetch={false} className="button button--primary">
          {t("retry")}
        </Link>
      </p>
    </main>
  );
}
